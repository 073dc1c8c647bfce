import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {movements, mrrMovements, type MovementRow} from "../../loaders/metrics/movements.js";
import {buildFamilies} from "../helpers/staged.js";
import {buildFixture} from "./fixture.js";

const cents = (x: number) => Math.round(x * 100);

describe("mrr_movements on the core fixture (tests/fixtures/metrics/core)", () => {
  let db: Db;
  beforeAll(async () => ({db} = await buildFixture("core")));
  afterAll(() => db.close());

  it("has one row per month with the hand-computed movements", async () => {
    const row = (month: string, mrr_start: number, m: Partial<MovementRow>, mrr_end: number): MovementRow => ({
      month, mrr_start, new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0, fx: 0, ...m, mrr_end
    });
    expect(await mrrMovements(db)).toEqual([
      // First month: nothing before it, so every account with MRR is new (A 1000.10, B 100.10, F 2000).
      row("2023-01", 0, {new: 3100.2}, 3100.2),
      // C's zero-MRR trial line starts: not new.
      row("2023-02", 3100.2, {}, 3100.2),
      // A adds MA 200.20 (expansion) ...
      row("2023-03", 3100.2, {expansion: 200.2}, 3300.4),
      // ... and drops it the month after (contraction); C converts from trial (new 500).
      row("2023-04", 3300.4, {new: 500, contraction: 200.2}, 3600.2),
      // B's line ends 2023-05-31 = last day of May: not counted in May, churn of April's 100.10.
      row("2023-05", 3600.2, {churn: 100.1}, 3500.1),
      row("2023-06", 3500.1, {expansion: 300.3}, 3800.4),
      // D: its 999.99 line started and ended in May (never counted); new at 250.25 in July.
      row("2023-07", 3800.4, {new: 250.25}, 4050.65),
      // B comes back: reactivation, not new.
      row("2023-08", 4050.65, {reactivation: 150.15}, 4200.8),
      row("2023-09", 4200.8, {}, 4200.8),
      row("2023-10", 4200.8, {}, 4200.8),
      row("2023-11", 4200.8, {}, 4200.8),
      row("2023-12", 4200.8, {}, 4200.8),
      // D keeps only its zero-MRR line (churn 250.25); F moves from 2000 to 1500 (contraction 500).
      row("2024-01", 4200.8, {churn: 250.25, contraction: 500}, 3450.55),
      row("2024-02", 3450.55, {}, 3450.55)
    ]);
  });

  it("balances exactly: mrr_end = mrr_start + movements, and mrr_start = previous mrr_end", async () => {
    const rows = await db.all<MovementRow>(`SELECT * FROM mrr_movements`);
    rows.forEach((r, i) => {
      const c = (k: keyof MovementRow) => cents(r[k] as number);
      expect(c("mrr_end")).toBe(c("mrr_start") + c("new") + c("expansion") + c("reactivation") - c("contraction") - c("churn"));
      if (i > 0) expect(r.mrr_start).toBe(rows[i - 1].mrr_end);
    });
    // And in SQL, on the DECIMAL columns themselves (no float involved).
    const [{unbalanced}] = await db.all<{unbalanced: number}>(
      `SELECT count(*) AS unbalanced FROM mrr_movements
       WHERE mrr_end <> mrr_start + "new" + expansion + reactivation - contraction - churn`
    );
    expect(unbalanced).toBe(0);
  });

  it("reads a range of months", async () => {
    expect((await mrrMovements(db, {from: "2023-12", to: "2024-01"})).map((r) => [r.month, r.mrr_end])).toEqual([
      ["2023-12", 4200.8],
      ["2024-01", 3450.55]
    ]);
  });

  it("keeps money columns DECIMAL", async () => {
    const types = await db.columns(`SELECT * FROM mrr_movements`);
    expect(types).toEqual([
      {name: "month", type: "VARCHAR"},
      ...["mrr_start", "new", "expansion", "contraction", "churn", "reactivation", "fx", "mrr_end"].map((name) => ({name, type: "DECIMAL(18,2)"}))
    ]);
  });

  it("classifies each account's month (internal account_movements)", async () => {
    const rows = await db.all(
      `SELECT month, account_id, movement, amount FROM account_movements WHERE movement IS NOT NULL ORDER BY month, account_id`
    );
    expect(rows).toEqual([
      {month: "2023-01", account_id: "A", movement: "new", amount: 1000.1},
      {month: "2023-01", account_id: "B", movement: "new", amount: 100.1},
      {month: "2023-01", account_id: "F", movement: "new", amount: 2000},
      {month: "2023-03", account_id: "A", movement: "expansion", amount: 200.2},
      {month: "2023-04", account_id: "A", movement: "contraction", amount: 200.2},
      {month: "2023-04", account_id: "C", movement: "new", amount: 500},
      {month: "2023-05", account_id: "B", movement: "churn", amount: 100.1},
      {month: "2023-06", account_id: "A", movement: "expansion", amount: 300.3},
      {month: "2023-07", account_id: "D", movement: "new", amount: 250.25},
      {month: "2023-08", account_id: "B", movement: "reactivation", amount: 150.15},
      {month: "2024-01", account_id: "D", movement: "churn", amount: 250.25},
      {month: "2024-01", account_id: "F", movement: "contraction", amount: 500}
    ]);
  });
});

describe("mrr_movements edge cases", () => {
  it("sums amounts that drift in floating point exactly (0.10 + 0.20 = 0.30)", async () => {
    const {db} = await buildFamilies(
      {
        accounts: [{account_id: "X"}, {account_id: "Y"}, {account_id: "Z"}],
        subscriptions: [
          {account_id: "X", start_date: "2024-01-01", mrr: 0.1},
          {account_id: "Y", start_date: "2024-01-01", mrr: 0.2},
          {account_id: "Z", start_date: "2024-02-01", mrr: 0.7},
          {account_id: "X", start_date: "2024-02-01", mrr: 0.01}
        ]
      },
      [accountMonths, movements]
    );
    const rows = await db.all(`SELECT month, mrr_start::VARCHAR s, "new"::VARCHAR n, expansion::VARCHAR e, mrr_end::VARCHAR e2 FROM mrr_movements`);
    expect(rows).toEqual([
      {month: "2024-01", s: "0.00", n: "0.30", e: "0.00", e2: "0.30"},
      {month: "2024-02", s: "0.30", n: "0.70", e: "0.01", e2: "1.01"}
    ]);
    db.close();
  });

  it("writes a row for every month even when nothing is active, and a trial-only account is never new", async () => {
    const {db} = await buildFamilies(
      {
        accounts: [{account_id: "T"}],
        subscriptions: [{account_id: "T", start_date: "2024-01-01", end_date: "2024-02-15", mrr: 0}]
      },
      [accountMonths, movements],
      {asOf: "2024-03"}
    );
    expect(await db.all(`SELECT month, mrr_start, "new", mrr_end FROM mrr_movements`)).toEqual([
      {month: "2024-01", mrr_start: 0, new: 0, mrr_end: 0},
      {month: "2024-02", mrr_start: 0, new: 0, mrr_end: 0},
      {month: "2024-03", mrr_start: 0, new: 0, mrr_end: 0}
    ]);
    db.close();
  });
});
