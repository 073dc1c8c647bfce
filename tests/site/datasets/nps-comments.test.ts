import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {npsComments, npsCommentsSql} from "../../../loaders/site/datasets/nps-comments.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

const ANON = {date: "2024-03-01", month: "2024-03", account_id: null, account_name: null, segment: null, industry: null, score: 10, category: "promoter", survey: "relationship", comment: "anon"};

describe("nps_comments.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("lists the comments, newest first, with account, segments, score and category; text as written", async () => {
    const {rows} = arrowRows((await writeDataset(npsComments, db, ctx)).get("nps_comments.arrow")!);
    expect(rows).toEqual([
      ANON,
      {date: "2024-02-20", month: "2024-02", account_id: "B", account_name: "=HYPERLINK()", segment: "SMB", industry: "IT", score: 3, category: "detractor", survey: "relationship", comment: "=cmd"},
      {date: "2024-02-10", month: "2024-02", account_id: "A", account_name: "Alpha <b>", segment: "Enterprise", industry: "Retail", score: 9, category: "promoter", survey: "relationship", comment: "Great <script>alert(1)</script>"}
      // C's April response has no comment: not listed.
    ]);
  });

  it("keeps only the last N months up to the as-of month, and at most `cap` comments", async () => {
    expect(await db.all(npsCommentsSql(ctx, {months: 2}))).toEqual([ANON]);
    expect((await db.all<{date: string}>(npsCommentsSql(ctx, {cap: 2}))).map((r) => r.date)).toEqual(["2024-03-01", "2024-02-20"]);
  });
});
