import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {exploreByMonth} from "../../../loaders/site/datasets/explore-by-month.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

describe("explore_by_month.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("holds the book's MRR and paying accounts by month (hand-computed from the fixture)", async () => {
    const {rows, types} = arrowRows((await writeDataset(exploreByMonth, db, ctx)).get("explore_by_month.arrow")!);
    expect(rows).toEqual([
      {month: "2024-01", accounts: 2, mrr: 1500}, // A 1000 + B 500
      {month: "2024-02", accounts: 3, mrr: 1800}, // + C 300
      {month: "2024-03", accounts: 2, mrr: 1500}, // B churned; A 1000 + MA 200, C 300
      {month: "2024-04", accounts: 2, mrr: 1300} // MA ended: A 1000, C 300
    ]);
    expect(types).toEqual({month: "Dictionary<Int8, Utf8>", accounts: "Int32", mrr: "Float64"});
  });
});
