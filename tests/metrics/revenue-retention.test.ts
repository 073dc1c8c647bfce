import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {retentionT12m, type RetentionT12mRow} from "../../loaders/metrics/revenue-retention.js";
import {buildFixture} from "./fixture.js";

function row(month: string, dimension: string, segment: string, [n, start, gross, now]: number[]): RetentionT12mRow {
  return {
    month, dimension, segment, accounts_start: n, mrr_start: start, mrr_retained_gross: gross, mrr_now: now,
    grr_t12m: start > 0 ? gross / start : null,
    nrr_t12m: start > 0 ? now / start : null
  };
}

describe("retention_t12m on the core fixture (tests/fixtures/metrics/core)", () => {
  let db: Db;
  beforeAll(async () => ({db} = await buildFixture("core")));
  afterAll(() => db.close());

  it("has rows only for months with M-12 in range (2024-01 vs 2023-01, 2024-02 vs 2023-02)", async () => {
    expect(await db.all(`SELECT DISTINCT month FROM retention_t12m ORDER BY month`)).toEqual([{month: "2024-01"}, {month: "2024-02"}]);
  });

  it("compares the accounts present 12 months earlier with their MRR now, capped for GRR", async () => {
    // Base (2023-01 and 2023-02 alike): A 1000.10, B 100.10, F 2000 (C's trial in 2023-02 is at 0).
    // Now: A 1300.40 (capped at 1000.10), B 150.15 after churn and reactivation (capped at 100.10),
    // F 1500 (below its start). Gross = 1000.10 + 100.10 + 1500 = 2600.20; now = 2950.55.
    const all = await retentionT12m(db, {dimension: "all"});
    expect(all).toEqual([row("2024-01", "all", "all", [3, 3100.2, 2600.2, 2950.55]), row("2024-02", "all", "all", [3, 3100.2, 2600.2, 2950.55])]);
    expect(all[0].grr_t12m).toBe(2600.2 / 3100.2);
    expect(all[0].nrr_t12m).toBe(2950.55 / 3100.2);
  });

  it("has every segment for 2024-01, empty ones with empty rates", async () => {
    expect(await retentionT12m(db, {month: "2024-01"})).toEqual([
      row("2024-01", "all", "all", [3, 3100.2, 2600.2, 2950.55]),
      row("2024-01", "segment", "Enterprise", [2, 3000.1, 2500.1, 2800.4]),
      // D was not a customer in 2023-01.
      row("2024-01", "segment", "Mid-Market", [0, 0, 0, 0]),
      row("2024-01", "segment", "SMB", [1, 100.1, 100.1, 150.15]),
      row("2024-01", "industry", "(none)", [0, 0, 0, 0]),
      row("2024-01", "industry", "Finance", [1, 2000, 1500, 1500]),
      row("2024-01", "industry", "Media", [1, 100.1, 100.1, 150.15]),
      row("2024-01", "industry", "Retail", [1, 1000.1, 1000.1, 1300.4]),
      row("2024-01", "region", "(none)", [0, 0, 0, 0]),
      row("2024-01", "region", "JP", [2, 1100.2, 1100.2, 1450.55]),
      row("2024-01", "region", "US", [1, 2000, 1500, 1500]),
      row("2024-01", "plan", "Addon", [0, 0, 0, 0]),
      // B's Basic line 100.10 then, its new Basic line 150.15 now.
      row("2024-01", "plan", "Basic", [1, 100.1, 100.1, 150.15]),
      // A's Pro 1000.10 and F's Pro 2000 then; F is on Basic now (0 on Pro).
      row("2024-01", "plan", "Pro", [2, 3000.1, 1000.1, 1000.1]),
      row("2024-01", "plan", "Trial", [0, 0, 0, 0]),
      // CMS lines only: A's MA expansion does not count; F's 1500 is CMS.
      row("2024-01", "product", "CMS", [3, 3100.2, 2600.2, 2650.25]),
      row("2024-01", "product", "MA", [0, 0, 0, 0])
    ]);
  });

  it("has no rows at all when fewer than 13 months are computed", async () => {
    const {db: short} = await buildFixture("core", {asOf: "2023-12"});
    expect(await short.all(`SELECT count(*)::INTEGER AS n FROM retention_t12m`)).toEqual([{n: 0}]);
    expect(await short.columns(`SELECT * FROM retention_t12m`)).toEqual([
      {name: "month", type: "VARCHAR"},
      {name: "dimension", type: "VARCHAR"},
      {name: "segment", type: "VARCHAR"},
      {name: "accounts_start", type: "BIGINT"},
      {name: "mrr_start", type: "DECIMAL(18,2)"},
      {name: "mrr_retained_gross", type: "DECIMAL(18,2)"},
      {name: "mrr_now", type: "DECIMAL(18,2)"},
      {name: "grr_t12m", type: "DOUBLE"},
      {name: "nrr_t12m", type: "DOUBLE"}
    ]);
    short.close();
  });
});
