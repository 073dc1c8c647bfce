import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {healthAccountsSql} from "../../../loaders/site/datasets/health-accounts.js";
import {listTotals, listTotalsDataset, LIST_CAPS} from "../../../loaders/site/datasets/list-totals.js";
import {buildBook} from "./fixture.js";
import {writeDataset} from "./read.js";

describe("list_totals.json", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("counts each capped list's rows without its cap (hand-counted from the fixture)", async () => {
    const files = await writeDataset(listTotalsDataset, db, ctx);
    expect(JSON.parse(files.get("list_totals.json")!.toString("utf8"))).toEqual({
      // Scored in April: A and C.
      health_accounts: {shown: 2, total: 2, cap: LIST_CAPS.health_accounts},
      // Comments in the 24 months to April: A "Great …", B "=cmd", the anonymous "anon" (C's has none).
      nps_comments: {shown: 3, total: 3, cap: LIST_CAPS.nps_comments},
      // C's kickoff, open since 2024-02-01 with a 60-day deadline.
      onboarding_overdue: {shown: 1, total: 1, cap: LIST_CAPS.onboarding_overdue},
      // One named CSM (Sato); B and D have none.
      csm_portfolio: {shown: 1, total: 1, cap: LIST_CAPS.csm_portfolio},
      // The fixture has no leads.
      service_leads_won: {shown: 0, total: 0, cap: LIST_CAPS.service_leads_won}
    });
  });

  it("says a list was cut: the first N of the total, N being what the list file holds", async () => {
    const totals = await listTotals(db, ctx, {...LIST_CAPS, health_accounts: 1, nps_comments: 2, onboarding_overdue: 0, csm_portfolio: 0});
    expect(totals).toEqual({
      health_accounts: {shown: 1, total: 2, cap: 1},
      nps_comments: {shown: 2, total: 3, cap: 2},
      onboarding_overdue: {shown: 0, total: 1, cap: 0},
      csm_portfolio: {shown: 0, total: 1, cap: 0},
      service_leads_won: {shown: 0, total: 0, cap: LIST_CAPS.service_leads_won}
    });
    // The health list capped at 1 is C (38), the lowest score.
    expect((await db.all(healthAccountsSql(ctx, {cap: 1}))).map((r) => r.account_id)).toEqual(["C"]);
  });
});
