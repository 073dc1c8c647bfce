/**
 * list_totals.json: how many rows each capped account list would have without its cap, so a page
 * that shows the first N says "N of total". The lists are capped so that a page loads about the same
 * bytes whether the book has 1,000 accounts or 100,000:
 *  - health_accounts: the as-of month's scored accounts, lowest score first (HEALTH_ACCOUNTS_CAP);
 *  - nps_comments: the last 24 months' verbatims, newest first (COMMENT_CAP);
 *  - onboarding_overdue: overdue onboardings, largest MRR first (OVERDUE_CAP);
 *  - csm_portfolio: the named CSMs, largest book in the as-of month first (CSM_CAP);
 *  - service_leads_won: won leads, newest first (LEADS_WON_CAP).
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Db} from "../../db.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {CSM_CAP, csmShownSql} from "./csm-portfolio.js";
import {HEALTH_ACCOUNTS_CAP, healthAccountsSql} from "./health-accounts.js";
import {LEADS_WON_CAP, leadsWonSql} from "./leads-won.js";
import {COMMENT_CAP, npsCommentsSql} from "./nps-comments.js";
import {OVERDUE_CAP, onboardingOverdueSql} from "./onboarding-overdue.js";

export interface ListTotal {
  /** Rows in the list's file (at most `cap`). */
  shown: number;
  /** Rows the list would have without its cap. */
  total: number;
  cap: number;
}

const UNCAPPED = Number.MAX_SAFE_INTEGER;

async function count(db: Db, sql: string): Promise<number> {
  const [{n}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM (${sql})`);
  return n;
}

export const LIST_CAPS = {
  health_accounts: HEALTH_ACCOUNTS_CAP,
  nps_comments: COMMENT_CAP,
  onboarding_overdue: OVERDUE_CAP,
  csm_portfolio: CSM_CAP,
  service_leads_won: LEADS_WON_CAP
};

/** Each list's {shown, total, cap}; `caps` are the lists' caps (the datasets' own by default). */
export async function listTotals(db: Db, ctx: MetricContext, caps = LIST_CAPS): Promise<Record<keyof typeof LIST_CAPS, ListTotal>> {
  const lists: [keyof typeof LIST_CAPS, (cap: number) => string][] = [
    ["health_accounts", (cap) => healthAccountsSql(ctx, {cap})],
    ["nps_comments", (cap) => npsCommentsSql(ctx, {cap})],
    ["onboarding_overdue", (cap) => onboardingOverdueSql(ctx, {cap})],
    ["csm_portfolio", (cap) => csmShownSql(ctx, {cap})],
    ["service_leads_won", (cap) => leadsWonSql(ctx, {cap})]
  ];
  const out = {} as Record<keyof typeof LIST_CAPS, ListTotal>;
  for (const [name, sql] of lists) {
    const total = await count(db, sql(UNCAPPED));
    // The list file holds exactly the capped query's rows.
    out[name] = {shown: await count(db, sql(caps[name])), total, cap: caps[name]};
  }
  return out;
}

export const listTotalsDataset: SiteDataset = {
  name: "list-totals",
  async write(db, ctx, dir) {
    await writeFile(join(dir, "list_totals.json"), JSON.stringify(await listTotals(db, ctx)));
  }
};
