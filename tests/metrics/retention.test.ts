import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {cohortRetention, type CohortRow} from "../../loaders/metrics/retention.js";
import {buildFixture} from "./fixture.js";

/** Rows k = 0, 1, … of one cohort from hand-computed [accounts_retained, mrr] pairs. */
function cohort(month: string, dimension: string, segment: string, size: number, mrr0: number, cells: [number, number][]): CohortRow[] {
  return cells.map(([retained, mrr], k) => ({
    cohort: month, dimension, segment, months_since: k, accounts_start: size, accounts_retained: retained,
    logo_retention: retained / size, mrr_start: mrr0, mrr, revenue_retention: mrr0 > 0 ? mrr / mrr0 : null
  }));
}
const repeat = <T>(n: number, x: T): T[] => Array.from({length: n}, () => x);

describe("retention_cohorts on the core fixture (tests/fixtures/metrics/core)", () => {
  let db: Db;
  beforeAll(async () => ({db} = await buildFixture("core")));
  afterAll(() => db.close());

  it("follows each cohort (first month with MRR > 0) from k = 0 to the as-of month", async () => {
    expect(await cohortRetention(db)).toEqual([
      // 2023-01: A, B, F (3100.20), followed 2023-01 .. 2024-02 (k = 0 .. 13).
      ...cohort("2023-01", "all", "all", 3, 3100.2, [
        [3, 3100.2], [3, 3100.2],
        [3, 3300.4], // A's expansion
        [3, 3100.2],
        [2, 3000.1], [2, 3300.4], [2, 3300.4], // B gone; A expands again
        ...repeat<[number, number]>(5, [3, 3450.55]), // B back at 150.15 from 2023-08
        [3, 2950.55], [3, 2950.55] // F down to 1500
      ]),
      // 2023-04: C (its zero-MRR trial months do not make it a 2023-02 cohort).
      ...cohort("2023-04", "all", "all", 1, 500, repeat(11, [1, 500])),
      // 2023-07: D, churned in 2024-01 (k = 6) although its zero-MRR line still counts.
      ...cohort("2023-07", "all", "all", 1, 250.25, [...repeat<[number, number]>(6, [1, 250.25]), [0, 0], [0, 0]])
    ]);
  });

  it("has per-segment cohorts, with plan/product members taken from the cohort month's lines", async () => {
    const rows = await db.all<CohortRow>(`SELECT * FROM retention_cohorts WHERE cohort = '2023-07'`);
    expect(rows.map((r) => `${r.dimension}=${r.segment}`).filter((s, i, a) => a.indexOf(s) === i)).toEqual([
      "all=all", "segment=Mid-Market", "industry=Retail", "region=(none)", "plan=Addon", "plan=Pro", "product=CMS", "product=MA"
    ]);
    // D's CMS line is its zero-MRR add-on: logo retention is defined, revenue retention is empty.
    expect(rows.filter((r) => r.segment === "CMS")).toEqual(
      cohort("2023-07", "product", "CMS", 1, 0, [...repeat<[number, number]>(6, [1, 0]), [0, 0], [0, 0]])
    );
    expect(rows.filter((r) => r.segment === "MA")).toEqual(
      cohort("2023-07", "product", "MA", 1, 250.25, [...repeat<[number, number]>(6, [1, 250.25]), [0, 0], [0, 0]])
    );
  });

  it("counts only the segment's lines for products (A's MA lines are not CMS revenue)", async () => {
    const cms = (await cohortRetention(db, {dimension: "product", segment: "CMS"})).filter((r) => r.cohort === "2023-01");
    expect(cms).toEqual(
      cohort("2023-01", "product", "CMS", 3, 3100.2, [
        ...repeat<[number, number]>(4, [3, 3100.2]),
        ...repeat<[number, number]>(3, [2, 3000.1]),
        ...repeat<[number, number]>(5, [3, 3150.25]),
        [3, 2650.25], [3, 2650.25]
      ])
    );
    // Nobody in the 2023-01 cohort had an MA line in 2023-01: no MA rows for it.
    expect(await db.all(`SELECT count(*)::INTEGER AS n FROM retention_cohorts WHERE cohort = '2023-01' AND segment = 'MA'`)).toEqual([{n: 0}]);
  });

  it("adds up over the segments of single-valued dimensions", async () => {
    const [{n}] = await db.all<{n: number}>(`
      WITH s AS (
        SELECT cohort, dimension, months_since, sum(accounts_start) a, sum(accounts_retained) r, sum(mrr_start) m0, sum(mrr) m
        FROM retention_cohorts WHERE dimension IN ('segment', 'industry', 'region') GROUP BY ALL)
      SELECT count(*) AS n FROM s JOIN retention_cohorts t USING (cohort, months_since)
      WHERE t.dimension = 'all' AND (s.a <> t.accounts_start OR s.r <> t.accounts_retained OR s.m0 <> t.mrr_start OR s.m <> t.mrr)`);
    expect(n).toBe(0);
  });

  it("puts dimension and segment after cohort", async () => {
    expect((await db.columns(`SELECT * FROM retention_cohorts`)).map((c) => `${c.name} ${c.type}`)).toEqual([
      "cohort VARCHAR", "dimension VARCHAR", "segment VARCHAR", "months_since INTEGER", "accounts_start BIGINT",
      "accounts_retained BIGINT", "logo_retention DOUBLE", "mrr_start DECIMAL(18,2)", "mrr DECIMAL(18,2)", "revenue_retention DOUBLE"
    ]);
  });
});
