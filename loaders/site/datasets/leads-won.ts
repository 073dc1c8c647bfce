/**
 * service_leads_won_recent.arrow: the Service Qualified Leads page's list of won leads: the newest
 * won leads (by month won, then lead id), capped so that the page loads about the same bytes however
 * many leads the book has. The full list is the service_leads_won metric table.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {queryToArrow} from "../arrow.js";

export const LEADS_WON_CAP = 2000;

/** The newest `cap` won leads, in the table's order (month won, lead id). */
export function leadsWonSql(_ctx: MetricContext, {cap = LEADS_WON_CAP} = {}): string {
  return `
    SELECT * FROM (
      SELECT * FROM service_leads_won ORDER BY won_month DESC, lead_id DESC LIMIT ${Math.max(0, Math.floor(cap))}
    ) ORDER BY won_month, lead_id`;
}

export const leadsWon: SiteDataset = {
  name: "leads-won",
  async write(db, ctx, dir) {
    await writeFile(join(dir, "service_leads_won_recent.arrow"), await queryToArrow(db, leadsWonSql(ctx)));
  }
};
