/**
 * nps_comments.arrow: the verbatim comments (VoC) of the last 24 months up to the as-of month, newest
 * first, capped, with the respondent's account, segment columns, score and category. The text is data:
 * pages show it as text only.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {ident, literal} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import {addMonths} from "../../metrics/calendar.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {queryToArrow} from "../arrow.js";

export const COMMENT_MONTHS = 24;
export const COMMENT_CAP = 5000;

/** NPS category of a 0–10 score: promoter 9–10, passive 7–8, detractor 0–6. */
export const NPS_CATEGORY_SQL = (score: string) =>
  `CASE WHEN ${score} >= 9 THEN 'promoter' WHEN ${score} >= 7 THEN 'passive' ELSE 'detractor' END`;

export function npsCommentsSql(ctx: MetricContext, {months = COMMENT_MONTHS, cap = COMMENT_CAP} = {}): string {
  const from = literal(addMonths(ctx.asOf, -(months - 1)));
  const dims = ctx.dimensions.map((d) => `, CASE WHEN r.account_id IS NOT NULL THEN coalesce(a.${ident(d)}, '${NO_SEGMENT}') END AS ${ident(d)}`);
  return `
    SELECT strftime(r.responded_at, '%Y-%m-%d') AS date, strftime(r.responded_at, '%Y-%m') AS month,
           r.account_id, a.account_name ${dims.join("")}, r.score, ${NPS_CATEGORY_SQL("r.score")} AS category,
           r.survey, r.comment
    FROM nps_responses r LEFT JOIN accounts a USING (account_id)
    WHERE r.comment IS NOT NULL AND trim(r.comment) <> ''
      AND r.responded_at >= strptime(${from}, '%Y-%m')
      AND r.responded_at <= last_day(strptime(${literal(ctx.asOf)}, '%Y-%m'))
    ORDER BY r.responded_at DESC, r.response_id DESC, r.account_id
    LIMIT ${Math.max(0, Math.floor(cap))}`;
}

export const npsComments: SiteDataset = {
  name: "nps-comments",
  async write(db, ctx, dir) {
    const dictionary = ["month", ...ctx.dimensions, "category", "survey"].map((c) => [c, "dictionary" as const]);
    const bytes = await queryToArrow(db, npsCommentsSql(ctx), {...Object.fromEntries(dictionary), score: "int32"});
    await writeFile(join(dir, "nps_comments.arrow"), bytes);
  }
};
