/**
 * nps_scores.arrow: how many responses gave each score 0–10, per month, for all responses (dimension
 * 'all') and per segment of every account dimension (anonymous responses count in 'all' only, as in the
 * nps table). The NPS page draws the score distribution from it, coloured by category.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {ident, literal} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {queryToArrow} from "../arrow.js";
import {NPS_CATEGORY_SQL} from "./nps-comments.js";

export function npsScoresSql(ctx: MetricContext): string {
  const dims = ctx.dimensions.filter((d) => d !== "all");
  const perDim = dims.map(
    (d, i) => `SELECT r.month, ${literal(d)} AS dimension, ${i + 1} AS dim_idx, coalesce(a.${ident(d)}, '${NO_SEGMENT}') AS segment, r.score
               FROM r JOIN accounts a USING (account_id)`
  );
  return `
    WITH r AS (
      SELECT account_id, strftime(responded_at, '%Y-%m') AS month, score FROM nps_responses
      WHERE responded_at <= last_day(strptime(${literal(ctx.asOf)}, '%Y-%m'))
    ),
    tagged AS (
      SELECT month, 'all' AS dimension, 0 AS dim_idx, 'all' AS segment, score FROM r
      ${perDim.map((q) => `UNION ALL ${q}`).join("\n")}
    )
    SELECT month, dimension, segment, score, ${NPS_CATEGORY_SQL("score")} AS category, count(*) AS responses
    FROM tagged
    GROUP BY month, dimension, dim_idx, segment, score
    ORDER BY month, dim_idx, segment, score`;
}

export const npsScores: SiteDataset = {
  name: "nps-scores",
  async write(db, ctx, dir) {
    const bytes = await queryToArrow(db, npsScoresSql(ctx), {
      month: "dictionary",
      dimension: "dictionary",
      segment: "dictionary",
      category: "dictionary",
      score: "int32",
      responses: "int32"
    });
    await writeFile(join(dir, "nps_scores.arrow"), bytes);
  }
};
