import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {healthAccounts, healthAccountsSql} from "../../../loaders/site/datasets/health-accounts.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

const COMPONENTS = {usage: 50, engagement: 60, support: 70, nps: 80, onboarding: 90, outcomes: null, missing_components: "outcomes", product: "CMS"};

describe("health_accounts.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("lists the as-of month's accounts, lowest score first, with last month's score and the change", async () => {
    const {rows} = arrowRows((await writeDataset(healthAccounts, db, ctx)).get("health_accounts.arrow")!);
    expect(rows).toEqual([
      {account_id: "C", account_name: "Gamma", segment: "SMB", industry: "Retail", csm: "Sato", mrr: 300, score: 38, band: "red", prev_score: 42, change: -4, ...COMPONENTS},
      {account_id: "A", account_name: "Alpha <b>", segment: "Enterprise", industry: "Retail", csm: "Sato", mrr: 1000, score: 77.25, band: "green", prev_score: 80, change: -2.75, ...COMPONENTS}
    ]);
  });

  it("is capped", async () => {
    expect((await db.all<{account_id: string}>(healthAccountsSql(ctx, {cap: 1}))).map((r) => r.account_id)).toEqual(["C"]);
  });
});
