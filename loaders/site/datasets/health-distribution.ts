/**
 * health_distribution.arrow: the as-of month's health scores in 5-point bins (0, 5, … 95; 100 falls in
 * 95), per band, for the whole book and per segment of every account dimension. The Health page draws
 * the score histogram and the band mix by segment from it (a few hundred rows at any book size).
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {ident, literal} from "../../db.js";
import {explodeSegments, SEGMENT_ORDER} from "../../metrics/kpi-segments.js";
import type {MetricContext} from "../../metrics/family.js";
import {queryToArrow} from "../arrow.js";
import type {SiteDataset} from "../dataset.js";

export const HEALTH_BIN = 5;

export function healthDistributionSql(ctx: MetricContext): string {
  const dims = ctx.dimensions.map((d) => `, am.${ident(d)}`).join("");
  return `
    WITH scored AS (
      SELECT least(floor(h.score / ${HEALTH_BIN}) * ${HEALTH_BIN}, ${100 - HEALTH_BIN})::INTEGER AS bin, h.band ${dims}
      FROM health h JOIN account_months am USING (month, account_id)
      WHERE h.month = ${literal(ctx.asOf)} AND h.score IS NOT NULL
    ),
    x AS (${explodeSegments("scored", ctx.dimensions)})
    SELECT dimension, segment, bin, band, count(*) AS accounts
    FROM x
    GROUP BY dimension, segment, bin, band
    ORDER BY ${SEGMENT_ORDER}, bin, band`;
}

export const healthDistribution: SiteDataset = {
  name: "health-distribution",
  async write(db, ctx, dir) {
    await writeFile(join(dir, "health_distribution.arrow"), await queryToArrow(db, healthDistributionSql(ctx)));
  }
};
