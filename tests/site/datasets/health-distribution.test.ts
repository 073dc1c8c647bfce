import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {healthDistribution} from "../../../loaders/site/datasets/health-distribution.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

describe("health_distribution.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("bins the as-of month's scores by 5 points, per band, for all and per segment", async () => {
    const {rows} = arrowRows((await writeDataset(healthDistribution, db, ctx)).get("health_distribution.arrow")!);
    const r = (dimension: string, segment: string, bin: number, band: string) => ({dimension, segment, bin, band, accounts: 1});
    // April: A 77.25 (green, bin 75), C 38 (red, bin 35).
    expect(rows).toEqual([
      r("all", "all", 35, "red"),
      r("all", "all", 75, "green"),
      r("industry", "Retail", 35, "red"),
      r("industry", "Retail", 75, "green"),
      r("segment", "Enterprise", 75, "green"),
      r("segment", "SMB", 35, "red")
    ]);
  });

  it("puts a score of 100 in the top bin (95)", async () => {
    await db.run(`UPDATE health SET score = 100 WHERE month = '2024-04' AND account_id = 'A'`);
    const {rows} = arrowRows((await writeDataset(healthDistribution, db, ctx)).get("health_distribution.arrow")!);
    expect(rows.filter((d) => d.dimension === "all")).toEqual([
      {dimension: "all", segment: "all", bin: 35, band: "red", accounts: 1},
      {dimension: "all", segment: "all", bin: 95, band: "green", accounts: 1}
    ]);
    await db.run(`UPDATE health SET score = 77.25 WHERE month = '2024-04' AND account_id = 'A'`);
  });
});
