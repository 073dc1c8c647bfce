import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {cohorts} from "../../../loaders/site/datasets/cohorts.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

describe("cohorts.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("holds the whole book's cohorts with the shown columns", async () => {
    const {rows} = arrowRows((await writeDataset(cohorts, db, ctx)).get("cohorts.arrow")!);
    // Rates are stored as Float32.
    const r = (cohort: string, k: number, accounts_start: number, mrr_start: number, logo: number, revenue: number) =>
      ({cohort, dimension: "all", segment: "all", months_since: k, accounts_start, mrr_start, logo_retention: Math.fround(logo), revenue_retention: Math.fround(revenue)});
    expect(rows.filter((d) => d.dimension === "all")).toEqual([
      // January: A (1000) and B (500). B churns in March; A expands to 1200, then back to 1000.
      r("2024-01", 0, 2, 1500, 1, 1),
      r("2024-01", 1, 2, 1500, 1, 1),
      r("2024-01", 2, 2, 1500, 0.5, 1200 / 1500),
      r("2024-01", 3, 2, 1500, 0.5, 1000 / 1500),
      // February: C (300), still there.
      r("2024-02", 0, 1, 300, 1, 1),
      r("2024-02", 1, 1, 300, 1, 1),
      r("2024-02", 2, 1, 300, 1, 1)
    ]);
  });

  it("equals retention_cohorts for every segment, compactly encoded", async () => {
    const {rows, types} = arrowRows((await writeDataset(cohorts, db, ctx)).get("cohorts.arrow")!);
    const expected = await db.all<Record<string, number | string | null>>(
      `SELECT cohort, dimension, segment, months_since, accounts_start, mrr_start, logo_retention, revenue_retention FROM retention_cohorts`
    );
    const f32 = (v: unknown) => (v === null ? null : Math.fround(v as number));
    expect(rows).toEqual(expected.map((d) => ({...d, logo_retention: f32(d.logo_retention), revenue_retention: f32(d.revenue_retention)})));
    expect(types).toEqual({
      cohort: "Dictionary<Int8, Utf8>",
      dimension: "Dictionary<Int8, Utf8>",
      segment: "Dictionary<Int8, Utf8>",
      months_since: "Int32",
      accounts_start: "Int32",
      mrr_start: "Float64",
      logo_retention: "Float32",
      revenue_retention: "Float32"
    });
  });
});
