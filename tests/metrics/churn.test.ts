import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {churnBySegment, type ChurnRow} from "../../loaders/metrics/churn.js";
import type {MetricContext} from "../../loaders/metrics/family.js";
import {buildFixture} from "./fixture.js";

/** A churn row from hand-computed counts and amounts; rates are given explicitly (null when empty). */
function row(
  month: string,
  dimension: string,
  segment: string,
  [accounts_start, accounts_churned, mrr_start, mrr_churned, mrr_contraction]: number[],
  [logo_churn_rate, revenue_churn_rate, grr, nrr]: (number | null)[]
): Omit<ChurnRow, (typeof T3)[number]> {
  return {
    month, dimension, segment, accounts_start, accounts_churned, logo_churn_rate,
    mrr_start, mrr_churned, mrr_contraction, revenue_churn_rate, grr, nrr
  };
}
const EMPTY = [null, null, null, null];
const T3 = ["logo_churn_rate_t3", "revenue_churn_rate_t3", "grr_t3", "nrr_t3"] as const;
/** The monthly columns only (the trailing-3-month ones have their own test). */
const monthly = (rows: ChurnRow[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !(T3 as readonly string[]).includes(k))));
const FLAT = [0, 0, 1, 1];

describe("churn on the core fixture (tests/fixtures/metrics/core)", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildFixture("core")));
  afterAll(() => db.close());

  it("has the hand-computed totals (dimension all) for every month", async () => {
    expect(monthly(await churnBySegment(db, {dimension: "all"}))).toEqual([
      // No month before the first one: nothing at start, every rate empty.
      row("2023-01", "all", "all", [0, 0, 0, 0, 0], EMPTY),
      // A, B, F at start; C's zero-MRR trial is not an account at start.
      row("2023-02", "all", "all", [3, 0, 3100.2, 0, 0], FLAT),
      // A's MA expansion of 200.20 lifts NRR only.
      row("2023-03", "all", "all", [3, 0, 3100.2, 0, 0], [0, 0, 1, 3300.4 / 3100.2]),
      // A's contraction of 200.20; C's new 500 is excluded from NRR.
      row("2023-04", "all", "all", [3, 0, 3300.4, 0, 200.2], [0, 200.2 / 3300.4, 3100.2 / 3300.4, 3100.2 / 3300.4]),
      // B churns: 1 of A, B, C, F.
      row("2023-05", "all", "all", [4, 1, 3600.2, 100.1, 0], [1 / 4, 100.1 / 3600.2, 3500.1 / 3600.2, 3500.1 / 3600.2]),
      row("2023-06", "all", "all", [3, 0, 3500.1, 0, 0], [0, 0, 1, 3800.4 / 3500.1]),
      // D's new MRR and (next month) B's reactivation are not in NRR.
      row("2023-07", "all", "all", [3, 0, 3800.4, 0, 0], FLAT),
      row("2023-08", "all", "all", [4, 0, 4050.65, 0, 0], FLAT),
      row("2023-09", "all", "all", [5, 0, 4200.8, 0, 0], FLAT),
      row("2023-10", "all", "all", [5, 0, 4200.8, 0, 0], FLAT),
      row("2023-11", "all", "all", [5, 0, 4200.8, 0, 0], FLAT),
      row("2023-12", "all", "all", [5, 0, 4200.8, 0, 0], FLAT),
      // D churns (its remaining line is at 0 MRR), F contracts by 500.
      row("2024-01", "all", "all", [5, 1, 4200.8, 250.25, 500], [1 / 5, 750.25 / 4200.8, 3450.55 / 4200.8, 3450.55 / 4200.8]),
      row("2024-02", "all", "all", [4, 0, 3450.55, 0, 0], FLAT)
    ]);
  });

  it("has every dimension and segment, in order, for 2024-01", async () => {
    expect(ctx.dimensions).toEqual(["segment", "industry", "region"]);
    expect(monthly(await churnBySegment(db, {month: "2024-01"}))).toEqual([
      row("2024-01", "all", "all", [5, 1, 4200.8, 250.25, 500], [1 / 5, 750.25 / 4200.8, 3450.55 / 4200.8, 3450.55 / 4200.8]),
      // A + F: F's contraction.
      row("2024-01", "segment", "Enterprise", [2, 0, 3300.4, 0, 500], [0, 500 / 3300.4, 2800.4 / 3300.4, 2800.4 / 3300.4]),
      row("2024-01", "segment", "Mid-Market", [1, 1, 250.25, 250.25, 0], [1, 1, 0, 0]),
      // B + C; E (SMB, no subscriptions) is never counted.
      row("2024-01", "segment", "SMB", [2, 0, 650.15, 0, 0], FLAT),
      // C has no industry.
      row("2024-01", "industry", "(none)", [1, 0, 500, 0, 0], FLAT),
      row("2024-01", "industry", "Finance", [1, 0, 2000, 0, 500], [0, 0.25, 0.75, 0.75]),
      row("2024-01", "industry", "Media", [1, 0, 150.15, 0, 0], FLAT),
      row("2024-01", "industry", "Retail", [2, 1, 1550.65, 250.25, 0], [0.5, 250.25 / 1550.65, 1300.4 / 1550.65, 1300.4 / 1550.65]),
      row("2024-01", "region", "(none)", [1, 1, 250.25, 250.25, 0], [1, 1, 0, 0]),
      row("2024-01", "region", "JP", [2, 0, 1450.55, 0, 0], FLAT),
      row("2024-01", "region", "US", [2, 0, 2500, 0, 500], [0, 0.2, 0.8, 0.8]),
      // D's zero-MRR Addon line: D is in the segment at start (account MRR 250.25 > 0) and churns,
      // but the segment's MRR is 0, so the revenue rates are empty.
      row("2024-01", "plan", "Addon", [1, 1, 0, 0, 0], [1, null, null, null]),
      // A's MA 300.30 and B's 150.15; F's new Basic line counts from next month.
      row("2024-01", "plan", "Basic", [2, 0, 450.45, 0, 0], FLAT),
      // A 1000.10, C 500, D 250.25 (churned), F 2000 (moved to Basic: contraction of all of it).
      row("2024-01", "plan", "Pro", [4, 1, 3750.35, 250.25, 2000], [1 / 4, 2250.25 / 3750.35, 1500.1 / 3750.35, 1500.1 / 3750.35]),
      // C's trial plan was only ever held at MRR 0: a segment with no account at start.
      row("2024-01", "plan", "Trial", [0, 0, 0, 0, 0], EMPTY),
      // CMS: A 1000.10, B 150.15, C 500, D 0 (zero-MRR line; D churns with 0 churned MRR), F 2000 (-500).
      row("2024-01", "product", "CMS", [5, 1, 3650.25, 0, 500], [1 / 5, 500 / 3650.25, 3150.25 / 3650.25, 3150.25 / 3650.25]),
      // MA: A 300.30 and D 250.25 (churned).
      row("2024-01", "product", "MA", [2, 1, 550.55, 250.25, 0], [1 / 2, 250.25 / 550.55, 300.3 / 550.55, 300.3 / 550.55])
    ]);
  });

  it("counts an account on two products in both, and a dropped product as contraction of that product", async () => {
    expect(monthly(await db.all<ChurnRow>(`SELECT * FROM churn WHERE dimension = 'product' AND month IN ('2023-03', '2023-04', '2023-08')`))).toEqual([
      // 2023-03: A adds MA, but was not in MA at the end of February: CMS shows no expansion.
      row("2023-03", "product", "CMS", [3, 0, 3100.2, 0, 0], FLAT),
      row("2023-03", "product", "MA", [0, 0, 0, 0, 0], EMPTY),
      row("2023-04", "product", "CMS", [3, 0, 3100.2, 0, 0], FLAT),
      // 2023-04: A's MA line ended; A still has MRR, so the whole 200.20 is MA contraction.
      row("2023-04", "product", "MA", [1, 0, 200.2, 0, 200.2], [0, 1, 0, 0]),
      // 2023-08: D (new in July) is in CMS through its zero-MRR line and in MA with 250.25.
      row("2023-08", "product", "CMS", [4, 0, 3500.1, 0, 0], FLAT),
      row("2023-08", "product", "MA", [2, 0, 550.55, 0, 0], FLAT)
    ]);
  });

  it("emits every segment seen in any month for every month, with 0 counts and empty rates", async () => {
    const segments = await db.all(`SELECT DISTINCT dimension, segment FROM churn ORDER BY ALL`);
    expect(segments).toHaveLength(1 + 3 + 4 + 3 + 4 + 2);
    const [{n}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM churn`);
    expect(n).toBe(17 * 14);
    // Mid-Market: D is new in 2023-07, so it is at start from 2023-08; after D churns, empty again.
    const mid = await db.all(`SELECT month, accounts_start, logo_churn_rate FROM churn WHERE segment = 'Mid-Market'`);
    expect(mid.filter((r) => r.accounts_start === 0).map((r) => r.month)).toEqual([
      "2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06", "2023-07", "2024-02"
    ]);
    expect(mid.every((r) => (r.accounts_start === 0) === (r.logo_churn_rate === null))).toBe(true);
    // Every rate is empty exactly when its denominator is 0; never NaN.
    const [bad] = await db.all<{n: number}>(`
      SELECT count(*) AS n FROM churn
      WHERE (accounts_start = 0) <> (logo_churn_rate IS NULL) OR (mrr_start = 0) <> (grr IS NULL)
         OR (mrr_start = 0) <> (nrr IS NULL) OR (mrr_start = 0) <> (revenue_churn_rate IS NULL)
         OR isnan(grr) OR isnan(nrr) OR isnan(logo_churn_rate) OR isnan(revenue_churn_rate)`);
    expect(bad.n).toBe(0);
  });

  it("adds up over the segments of every single-valued dimension, and matches the MRR bridge", async () => {
    const sums = await db.all(`
      SELECT month, dimension, sum(accounts_start) AS a, sum(accounts_churned) AS c, sum(mrr_start) AS m,
             sum(mrr_churned) AS mc, sum(mrr_contraction) AS mx
      FROM churn WHERE dimension IN ('segment', 'industry', 'region') GROUP BY ALL ORDER BY ALL`);
    const total = await db.all(`
      SELECT c.month, accounts_start AS a, accounts_churned AS c, c.mrr_start AS m, mrr_churned AS mc, mrr_contraction AS mx,
             v.mrr_start AS bridge_start, v.churn AS bridge_churn, v.contraction AS bridge_contraction
      FROM churn c JOIN mrr_movements v USING (month) WHERE dimension = 'all'`);
    expect(sums).toHaveLength(3 * 14);
    for (const s of sums) {
      const t = total.find((r) => r.month === s.month)!;
      expect({a: s.a, c: s.c, m: s.m, mc: s.mc, mx: s.mx}).toEqual({a: t.a, c: t.c, m: t.m, mc: t.mc, mx: t.mx});
    }
    for (const t of total) expect([t.m, t.mc, t.mx]).toEqual([t.bridge_start, t.bridge_churn, t.bridge_contraction]);
  });

  it("pools the trailing three months: sums of numerators over sums of denominators (hand-computed)", async () => {
    const rows = new Map((await churnBySegment(db, {dimension: "all"})).map((r) => [r.month, r]));
    const t3 = (m: string) => T3.map((k) => rows.get(m)![k]);
    // 2023-01 has no previous month, so no window ending before 2023-04 has three months that do.
    for (const m of ["2023-01", "2023-02", "2023-03"]) expect(t3(m)).toEqual([null, null, null, null]);
    // 2023-02..04: 3+3+3 at start, none churned; MRR at start 3100.2+3100.2+3300.4 = 9500.8, lost 200.2
    // (April's contraction), expansion 200.2 (March's).
    const apr = t3("2023-04");
    expect(apr[0]).toBe(0);
    expect(apr[1]).toBeCloseTo(200.2 / 9500.8, 12);
    expect(apr[2]).toBeCloseTo(9300.6 / 9500.8, 12);
    expect(apr[3]).toBeCloseTo(1, 12);
    // 2023-03..05: 3+3+4 = 10 at start, B churned: 1/10 (the mean of the monthly rates would be 1/12).
    // MRR 3100.2+3300.4+3600.2 = 10000.8; lost 200.2+100.1 = 300.3; expansion 200.2.
    const may = t3("2023-05");
    expect(may[0]).toBe(1 / 10);
    expect(may[1]).toBeCloseTo(300.3 / 10000.8, 12);
    expect(may[2]).toBeCloseTo(9700.5 / 10000.8, 12);
    expect(may[3]).toBeCloseTo(9900.7 / 10000.8, 12);
    // 2023-12..2024-02: 5+5+4 = 14 at start, D churned; MRR 4200.8+4200.8+3450.55 = 11852.15, lost 750.25.
    const feb = t3("2024-02");
    expect(feb[0]).toBe(1 / 14);
    expect(feb[1]).toBeCloseTo(750.25 / 11852.15, 12);
    expect(feb[2]).toBeCloseTo(11101.9 / 11852.15, 12);
    expect(feb[3]).toBeCloseTo(11101.9 / 11852.15, 12);
  });

  it("types counts as BIGINT, money as DECIMAL and rates as DOUBLE, in the contract's column order", async () => {
    expect(await db.columns(`SELECT * FROM churn`)).toEqual([
      {name: "month", type: "VARCHAR"},
      {name: "dimension", type: "VARCHAR"},
      {name: "segment", type: "VARCHAR"},
      {name: "accounts_start", type: "BIGINT"},
      {name: "accounts_churned", type: "BIGINT"},
      {name: "logo_churn_rate", type: "DOUBLE"},
      {name: "mrr_start", type: "DECIMAL(18,2)"},
      {name: "mrr_churned", type: "DECIMAL(18,2)"},
      {name: "mrr_contraction", type: "DECIMAL(18,2)"},
      {name: "revenue_churn_rate", type: "DOUBLE"},
      {name: "grr", type: "DOUBLE"},
      {name: "nrr", type: "DOUBLE"},
      {name: "logo_churn_rate_t3", type: "DOUBLE"},
      {name: "revenue_churn_rate_t3", type: "DOUBLE"},
      {name: "grr_t3", type: "DOUBLE"},
      {name: "nrr_t3", type: "DOUBLE"}
    ]);
  });
});
