/**
 * csm_portfolio_top.arrow: the CSM page's portfolios: every month of the whole book ("all"), of the
 * unassigned accounts (NO_SEGMENT, "(none)") and of the CSMs with the largest books, capped so that the page loads
 * about the same bytes however large the team. CSMs rank by their book's MRR in the as-of month
 * (CSMs without a book then rank last, by name). The full table is the csm_portfolio metric table.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {literal} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {queryToArrow} from "../arrow.js";

export const CSM_CAP = 60;

/** The named CSMs the page shows: the `cap` largest books in the as-of month. */
export function csmShownSql(ctx: MetricContext, {cap = CSM_CAP} = {}): string {
  return `
    SELECT csm FROM (
      SELECT csm, max(CASE WHEN month = ${literal(ctx.asOf)} THEN mrr END) AS mrr_now
      FROM csm_portfolio WHERE csm NOT IN ('all', ${literal(NO_SEGMENT)}) GROUP BY csm
    ) ORDER BY mrr_now DESC NULLS LAST, csm LIMIT ${Math.max(0, Math.floor(cap))}`;
}

export function csmPortfolioSql(ctx: MetricContext, {cap = CSM_CAP} = {}): string {
  return `
    SELECT * FROM csm_portfolio
    WHERE csm IN ('all', ${literal(NO_SEGMENT)}) OR csm IN (${csmShownSql(ctx, {cap})})
    ORDER BY month, csm <> 'all', csm`;
}

export const csmPortfolio: SiteDataset = {
  name: "csm-portfolio",
  async write(db, ctx, dir) {
    await writeFile(join(dir, "csm_portfolio_top.arrow"), await queryToArrow(db, csmPortfolioSql(ctx)));
  }
};
