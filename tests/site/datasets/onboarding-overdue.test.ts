import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {onboardingOverdue} from "../../../loaders/site/datasets/onboarding-overdue.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

describe("onboarding_overdue_accounts.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("lists the overdue onboardings with the account's name and segments", async () => {
    const {rows} = arrowRows((await writeDataset(onboardingOverdue, db, ctx)).get("onboarding_overdue_accounts.arrow")!);
    expect(rows).toEqual([
      // Started 2024-02-01, still open on 2024-04-30: 89 days.
      {account_id: "C", account_name: "Gamma", segment: "SMB", industry: "Retail", csm: "Sato", cohort: "2024-02", started_at: "2024-02-01",
       days_since_start: 89, milestones_required: 1, milestones_done: 0, open_milestones: "kickoff", mrr: 300}
    ]);
  });
});
