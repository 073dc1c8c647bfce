/**
 * activity_effect: retention and NRR of accounts that had a QBR in the last two quarters against those
 * that did not, per month and segment, with the counts behind each rate.
 */
import {ident, type Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";

/** A QBR counts when dated in the six calendar months ending with M-1. */
export const QBR_LOOKBACK_MONTHS = 6;

async function buildActivityEffect(db: Db, {dimensions}: MetricContext): Promise<void> {
  const dims = dimensions.map((d) => `, ${ident(d)}`).join("");
  const pdims = dimensions.map((d) => `, p.${ident(d)}`).join("");
  await db.run(`
    CREATE OR REPLACE TABLE activity_effect AS
    WITH covered AS (
      -- Months P whose six-month look-back (P-5..P) holds a QBR: each QBR month covers itself and the next 5.
      SELECT DISTINCT account_id, year(date) * 12 + month(date) - 1 + unnest(range(${QBR_LOOKBACK_MONTHS})) AS mi
      FROM csm_activities WHERE lower(trim(type)) = 'qbr'
    ), pairs AS (
      SELECT m.month, year(mp.month_start) * 12 + month(mp.month_start) - 1 AS prev_mi, p.account_id ${pdims},
             p.mrr AS mrr_start, coalesce(c.mrr, 0) AS mrr_end
      FROM months m
      JOIN months mp ON mp.month = m.prev_month
      JOIN account_months p ON p.month = mp.month AND p.mrr > 0
      LEFT JOIN account_months c ON c.month = m.month AND c.account_id = p.account_id
    ), flagged AS (
      SELECT pairs.*, CASE WHEN covered.mi IS NULL THEN 'without_qbr' ELSE 'with_qbr' END AS qbr
      FROM pairs LEFT JOIN covered ON covered.account_id = pairs.account_id AND covered.mi = pairs.prev_mi
    ), a AS (
      SELECT month, qbr ${dims}, count(*) AS accounts_start, count(*) FILTER (WHERE mrr_end > 0) AS accounts_retained,
             sum(mrr_start) AS mrr_start, sum(mrr_end) AS mrr_end, sum(least(mrr_start, mrr_end)) AS mrr_kept
      FROM flagged GROUP BY ALL
    ), pooled AS (
      SELECT * FROM a UNION ALL BY NAME SELECT * REPLACE ('all' AS month) FROM a
    ), x AS (
      SELECT month, dimension, segment, qbr, sum(accounts_start) AS accounts_start, sum(accounts_retained) AS accounts_retained,
             sum(mrr_start) AS mrr_start, sum(mrr_end) AS mrr_end, sum(mrr_kept) AS mrr_kept
      FROM (${explodeSegments("pooled", dimensions)}) GROUP BY ALL
    )
    SELECT month, dimension, segment, qbr, accounts_start::BIGINT AS accounts_start, accounts_retained::BIGINT AS accounts_retained,
           accounts_retained / accounts_start AS logo_retention,
           mrr_start::DECIMAL(18,2) AS mrr_start, mrr_end::DECIMAL(18,2) AS mrr_end,
           (mrr_kept / mrr_start)::DOUBLE AS grr, (mrr_end / mrr_start)::DOUBLE AS nrr
    FROM x
    ORDER BY month, ${SEGMENT_ORDER}, qbr`);
}

export const activityEffectDefinitions: Definition[] = [
  {
    id: "activity_effect",
    table: "activity_effect",
    name: {en: "QBR effect on retention", ja: "QBR実施有無別の継続率"},
    formula: `group(a, M) = with_qbr ⇔ a QBR dated in months M-${QBR_LOOKBACK_MONTHS}..M-1; logo_retention = #(MRR(M) > 0) / #(MRR(M-1) > 0); grr = Σ min(MRR(M), MRR(M-1)) / Σ MRR(M-1); nrr = Σ MRR(M) / Σ MRR(M-1)`,
    text: {
      en: `Accounts with MRR > 0 at the end of M-1, split by whether they had a QBR (csm_activities type 'qbr') in the ${QBR_LOOKBACK_MONTHS} calendar months ending with M-1 (the last two quarters), then their retention into M: share still paying (logo_retention), GRR and NRR, with the account and MRR counts behind each rate. Month 'all' pools every month (an average monthly rate). This is a comparison, not a causal estimate: QBRs go to larger, healthier accounts, so compare within a segment and mind small counts.`,
      ja: `M-1末にMRRが0より大きい顧客を、M-1までの${QBR_LOOKBACK_MONTHS}か月（直近2四半期）にQBR（csm_activities の type 'qbr'）を実施したかどうかで分け、Mへの継続（有料のままの割合 logo_retention、GRR、NRR）を、根拠となる顧客数とMRRとともに示します。month 'all' は全月の合計（月次の平均的な率）です。因果効果の推定ではありません。QBRは大口・健全な顧客に行われがちなので、セグメント内で比べ、件数の少なさに注意してください。`
    }
  }
];

export const activityEffect: MetricFamily = {
  name: "activity-effect",
  tables: ["activity_effect"],
  definitions: activityEffectDefinitions,
  build: buildActivityEffect
};
