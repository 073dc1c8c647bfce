import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {movementsSegments} from "../../../loaders/site/datasets/mrr-movements-segments.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

type Amounts = Partial<Record<"new" | "expansion" | "contraction" | "churn" | "reactivation", number>>;
const row = (month: string, dimension: string, segment: string, mrr_start: number, m: Amounts, mrr_end: number) => ({
  month, dimension, segment, mrr_start, new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0, fx: 0, ...m, mrr_end
});

describe("mrr_movements_segments.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("has the bridge per month for the book and every segment of each account dimension", async () => {
    const {rows} = arrowRows((await writeDataset(movementsSegments, db, ctx)).get("mrr_movements_segments.arrow")!);
    expect(rows).toEqual([
      row("2024-01", "all", "all", 0, {new: 1500}, 1500),
      row("2024-01", "industry", "IT", 0, {new: 500}, 500),
      row("2024-01", "industry", "Retail", 0, {new: 1000}, 1000),
      row("2024-01", "segment", "Enterprise", 0, {new: 1000}, 1000),
      row("2024-01", "segment", "SMB", 0, {new: 500}, 500),
      // C starts in February (new, Retail / SMB).
      row("2024-02", "all", "all", 1500, {new: 300}, 1800),
      row("2024-02", "industry", "IT", 500, {}, 500),
      row("2024-02", "industry", "Retail", 1000, {new: 300}, 1300),
      row("2024-02", "segment", "Enterprise", 1000, {}, 1000),
      row("2024-02", "segment", "SMB", 500, {new: 300}, 800),
      // A's MA line (expansion); B churns.
      row("2024-03", "all", "all", 1800, {expansion: 200, churn: 500}, 1500),
      row("2024-03", "industry", "IT", 500, {churn: 500}, 0),
      row("2024-03", "industry", "Retail", 1300, {expansion: 200}, 1500),
      row("2024-03", "segment", "Enterprise", 1000, {expansion: 200}, 1200),
      row("2024-03", "segment", "SMB", 800, {churn: 500}, 300),
      // The MA line ends; IT has nobody left but keeps its row.
      row("2024-04", "all", "all", 1500, {contraction: 200}, 1300),
      row("2024-04", "industry", "IT", 0, {}, 0),
      row("2024-04", "industry", "Retail", 1500, {contraction: 200}, 1300),
      row("2024-04", "segment", "Enterprise", 1200, {contraction: 200}, 1000),
      row("2024-04", "segment", "SMB", 300, {}, 300)
    ]);
  });

  it("matches mrr_movements for the whole book", async () => {
    const {rows} = arrowRows((await writeDataset(movementsSegments, db, ctx)).get("mrr_movements_segments.arrow")!);
    const all = rows.filter((r) => r.dimension === "all").map(({dimension: _d, segment: _s, ...r}) => r);
    expect(all).toEqual(await db.all(`SELECT * FROM mrr_movements ORDER BY month`));
  });
});
