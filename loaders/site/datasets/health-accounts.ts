/**
 * health_accounts.arrow: the Health page's account list: the as-of month's active accounts, lowest
 * score first (unscored last), capped, with name, segment columns, CSM, MRR, score, band, last month's
 * score and the change, each component score and the missing components.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {HEALTH_COMPONENTS} from "../../config.js";
import {ident, literal} from "../../db.js";
import {addMonths} from "../../metrics/calendar.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {queryToArrow} from "../arrow.js";

export const HEALTH_ACCOUNTS_CAP = 2000;

export function healthAccountsSql(ctx: MetricContext, {cap = HEALTH_ACCOUNTS_CAP} = {}): string {
  const dims = ctx.dimensions.filter((d) => d !== "csm").map((d) => `, am.${ident(d)}`).join("");
  const components = HEALTH_COMPONENTS.map((c) => `, h.${ident(c)}`).join("");
  return `
    SELECT h.account_id, a.account_name ${dims}, a.csm, am.mrr, h.score, h.band,
           p.score AS prev_score, round(h.score - p.score, 2) AS change ${components}, h.missing_components, h.product
    FROM health h
    JOIN account_months am USING (month, account_id)
    JOIN accounts a USING (account_id)
    LEFT JOIN health p ON p.account_id = h.account_id AND p.month = ${literal(addMonths(ctx.asOf, -1))}
    WHERE h.month = ${literal(ctx.asOf)}
    ORDER BY h.score ASC NULLS LAST, am.mrr DESC, h.account_id
    LIMIT ${Math.max(0, Math.floor(cap))}`;
}

export const healthAccounts: SiteDataset = {
  name: "health-accounts",
  async write(db, ctx, dir) {
    const dictionary = [...ctx.dimensions, "csm", "band", "missing_components", "product"].map((c) => [c, "dictionary" as const]);
    await writeFile(join(dir, "health_accounts.arrow"), await queryToArrow(db, healthAccountsSql(ctx), Object.fromEntries(dictionary)));
  }
};
