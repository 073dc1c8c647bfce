/**
 * expansion: upsell (more MRR on a product line the account already had) and cross-sell (a product
 * line it did not have), by accounts and by MRR, per month and segment.
 */
import {ident, type Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";

async function buildExpansion(db: Db, {dimensions}: MetricContext): Promise<void> {
  const dims = dimensions.map((d) => `, ${ident(d)}`).join("");
  const pdims = dimensions.map((d) => `, p.${ident(d)}`).join("");
  await db.run(`
    CREATE OR REPLACE TABLE expansion AS
    WITH lp AS (
      SELECT month, account_id, product, sum(mrr) AS mrr FROM line_months GROUP BY ALL
    ), moves AS (
      -- Product lines paid at M, with the same line's MRR at M-1 (0 when not held).
      SELECT m.month, c.account_id,
             sum(CASE WHEN p.mrr > 0 AND c.mrr > p.mrr THEN c.mrr - p.mrr ELSE 0 END) AS upsell_mrr,
             sum(CASE WHEN coalesce(p.mrr, 0) = 0 THEN c.mrr ELSE 0 END) AS cross_sell_mrr
      FROM months m
      JOIN lp c ON c.month = m.month
      LEFT JOIN lp p ON p.month = m.prev_month AND p.account_id = c.account_id AND p.product = c.product
      WHERE c.mrr > 0
      GROUP BY ALL
    ), base AS (
      SELECT m.month, p.account_id, p.mrr AS mrr_start ${pdims},
             coalesce(mv.upsell_mrr, 0) AS upsell_mrr, coalesce(mv.cross_sell_mrr, 0) AS cross_sell_mrr
      FROM months m
      JOIN account_months p ON p.month = m.prev_month AND p.mrr > 0
      LEFT JOIN moves mv ON mv.month = m.month AND mv.account_id = p.account_id
    ), a AS (
      SELECT month ${dims}, count(*) AS accounts_start, sum(mrr_start) AS mrr_start,
             count(*) FILTER (WHERE upsell_mrr > 0) AS upsell_accounts, sum(upsell_mrr) AS upsell_mrr,
             count(*) FILTER (WHERE cross_sell_mrr > 0) AS cross_sell_accounts, sum(cross_sell_mrr) AS cross_sell_mrr
      FROM base GROUP BY ALL
    ), x AS (
      SELECT month, dimension, segment, sum(accounts_start) AS accounts_start, sum(mrr_start) AS mrr_start,
             sum(upsell_accounts) AS upsell_accounts, sum(upsell_mrr) AS upsell_mrr,
             sum(cross_sell_accounts) AS cross_sell_accounts, sum(cross_sell_mrr) AS cross_sell_mrr
      FROM (${explodeSegments("a", dimensions)}) GROUP BY ALL
    ), k AS (
      SELECT month, dimension, segment FROM x UNION SELECT month, 'all', 'all' FROM months WHERE idx >= 1
    )
    SELECT month, dimension, segment,
           coalesce(accounts_start, 0)::BIGINT AS accounts_start, coalesce(mrr_start, 0)::DECIMAL(18,2) AS mrr_start,
           coalesce(upsell_accounts, 0)::BIGINT AS upsell_accounts, coalesce(upsell_mrr, 0)::DECIMAL(18,2) AS upsell_mrr,
           CASE WHEN accounts_start > 0 THEN upsell_accounts / accounts_start END AS upsell_rate,
           CASE WHEN mrr_start > 0 THEN (upsell_mrr / mrr_start)::DOUBLE END AS upsell_mrr_rate,
           coalesce(cross_sell_accounts, 0)::BIGINT AS cross_sell_accounts, coalesce(cross_sell_mrr, 0)::DECIMAL(18,2) AS cross_sell_mrr,
           CASE WHEN accounts_start > 0 THEN cross_sell_accounts / accounts_start END AS cross_sell_rate,
           CASE WHEN mrr_start > 0 THEN (cross_sell_mrr / mrr_start)::DOUBLE END AS cross_sell_mrr_rate
    FROM k LEFT JOIN x USING (month, dimension, segment)
    ORDER BY month, ${SEGMENT_ORDER}`);
}

export const expansionDefinitions: Definition[] = [
  {
    id: "upsell",
    table: "expansion",
    name: {en: "Upsell", ja: "アップセル"},
    formula: "upsell_mrr(a, M) = Σ_p max(0, MRR(a, p, M) − MRR(a, p, M-1)) over product lines p with MRR(a, p, M-1) > 0; upsell_rate = upsell_accounts / accounts_start; upsell_mrr_rate = upsell_mrr / mrr_start",
    text: {
      en: "Among accounts with MRR > 0 at the end of M-1 (accounts_start, mrr_start; segment of the account): the MRR increase on product lines the account already paid for at M-1, summed per account, and the number of accounts with such an increase (件数 / 金額). Product-level and gross: an upsell on one line counts even if another line shrank. Segment rows use the account's segment; the first month has no M-1 and is left out.",
      ja: "M-1末にMRRが0より大きい顧客（accounts_start、mrr_start）について、M-1で既に契約していた製品ラインでのMRRの増加額を顧客ごとに合計した金額と、増加のあった顧客の件数です。製品ライン単位の総額で、別の製品ラインが縮小していても計上します。最初の月はM-1がないため含みません。"
    }
  },
  {
    id: "cross_sell",
    table: "expansion",
    name: {en: "Cross-sell", ja: "クロスセル"},
    formula: "cross_sell_mrr(a, M) = Σ_p MRR(a, p, M) over product lines p with MRR(a, p, M) > 0 and MRR(a, p, M-1) = 0, for accounts with MRR(a, M-1) > 0; rates as for upsell",
    text: {
      en: "Among the same accounts: MRR at M on product lines the account did not pay for at M-1 (a new product line for an existing customer), and the number of accounts adding one. New customers and reactivations are not cross-sell.",
      ja: "同じ顧客について、M-1では契約していなかった製品ラインのMのMRR（既存顧客による新しい製品ラインの追加）と、追加した顧客の件数です。新規顧客や復帰顧客はクロスセルに含みません。"
    }
  }
];

export const expansion: MetricFamily = {
  name: "expansion",
  tables: ["expansion"],
  definitions: expansionDefinitions,
  build: buildExpansion
};
