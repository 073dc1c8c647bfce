/**
 * mrr_movements_segments.arrow: the monthly MRR bridge (see metrics/movements.ts) for the whole book
 * (dimension 'all', equal to mrr_movements) and per segment of every account dimension, so the
 * Retention page's segment filter applies to the movements chart too. Each account's movement counts in
 * its own segment; every segment has a row for every month.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {ident} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import {explodeSegments} from "../../metrics/kpi-segments.js";
import type {MetricContext} from "../../metrics/family.js";
import {accountDimensions} from "../../metrics/segments.js";
import type {SiteDataset} from "../dataset.js";
import {queryToArrow} from "../arrow.js";

const KINDS = ["new", "expansion", "contraction", "churn", "reactivation"];

export function movementsSegmentsSql(ctx: MetricContext): string {
  const dims = accountDimensions(ctx);
  const cols = dims.map((d) => `, coalesce(a.${ident(d)}, '${NO_SEGMENT}') AS ${ident(d)}`).join("");
  const amount = (k: string) => `coalesce(sum(x.amount) FILTER (WHERE x.movement = '${k}'), 0)::DECIMAL(18,2) AS ${ident(k)}`;
  return `
    WITH mv AS (
      SELECT m.month, m.account_id, m.mrr_prev, m.mrr, m.movement, m.amount, m.fx ${cols}
      FROM account_movements m JOIN accounts a USING (account_id)
    ),
    x AS (${explodeSegments("mv", dims)}),
    segs AS (SELECT DISTINCT dimension, segment FROM x)
    SELECT mo.month, s.dimension, s.segment,
           coalesce(sum(x.mrr_prev), 0)::DECIMAL(18,2) AS mrr_start,
           ${KINDS.map(amount).join(", ")},
           coalesce(sum(x.fx), 0)::DECIMAL(18,2) AS fx,
           coalesce(sum(x.mrr), 0)::DECIMAL(18,2) AS mrr_end
    FROM months mo CROSS JOIN segs s
    LEFT JOIN x ON x.month = mo.month AND x.dimension = s.dimension AND x.segment = s.segment
    GROUP BY mo.month, mo.idx, s.dimension, s.segment
    ORDER BY mo.idx, s.dimension <> 'all', s.dimension, s.segment`;
}

export const movementsSegments: SiteDataset = {
  name: "mrr-movements-segments",
  async write(db, ctx, dir) {
    const bytes = await queryToArrow(db, movementsSegmentsSql(ctx), {month: "dictionary", dimension: "dictionary", segment: "dictionary"});
    await writeFile(join(dir, "mrr_movements_segments.arrow"), bytes);
  }
};
