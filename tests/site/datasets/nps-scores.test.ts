import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {npsScores} from "../../../loaders/site/datasets/nps-scores.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

describe("nps_scores.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("counts responses per month and score, for all and per segment (anonymous in all only)", async () => {
    const {rows} = arrowRows((await writeDataset(npsScores, db, ctx)).get("nps_scores.arrow")!);
    const r = (month: string, dimension: string, segment: string, score: number, category: string, responses = 1) => ({month, dimension, segment, score, category, responses});
    expect(rows).toEqual([
      r("2024-02", "all", "all", 3, "detractor"),
      r("2024-02", "all", "all", 9, "promoter"),
      r("2024-02", "segment", "Enterprise", 9, "promoter"),
      r("2024-02", "segment", "SMB", 3, "detractor"),
      r("2024-02", "industry", "IT", 3, "detractor"),
      r("2024-02", "industry", "Retail", 9, "promoter"),
      // The anonymous 10 counts in the total only.
      r("2024-03", "all", "all", 10, "promoter"),
      r("2024-04", "all", "all", 7, "passive"),
      r("2024-04", "segment", "SMB", 7, "passive"),
      r("2024-04", "industry", "Retail", 7, "passive")
    ]);
  });
});
