/**
 * onboarding_overdue_accounts.arrow: the Adoption page's list of overdue onboardings (the metric table
 * onboarding_overdue) with each account's name and segment columns, largest MRR first, capped.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {ident} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import type {MetricContext} from "../../metrics/family.js";
import {queryToArrow} from "../arrow.js";
import type {SiteDataset} from "../dataset.js";

export const OVERDUE_CAP = 1000;

export function onboardingOverdueSql(ctx: MetricContext, {cap = OVERDUE_CAP} = {}): string {
  const dims = ctx.dimensions.filter((d) => d !== "csm").map((d) => `, coalesce(a.${ident(d)}, '${NO_SEGMENT}') AS ${ident(d)}`);
  return `
    SELECT o.account_id, a.account_name ${dims.join("")}, o.csm, o.cohort, strftime(o.started_at, '%Y-%m-%d') AS started_at,
           o.days_since_start, o.milestones_required, o.milestones_done, o.open_milestones, o.mrr
    FROM onboarding_overdue o JOIN accounts a USING (account_id)
    ORDER BY o.mrr DESC NULLS LAST, o.days_since_start DESC, o.account_id
    LIMIT ${Math.max(0, Math.floor(cap))}`;
}

export const onboardingOverdue: SiteDataset = {
  name: "onboarding-overdue",
  async write(db, ctx, dir) {
    await writeFile(join(dir, "onboarding_overdue_accounts.arrow"), await queryToArrow(db, onboardingOverdueSql(ctx)));
  }
};
