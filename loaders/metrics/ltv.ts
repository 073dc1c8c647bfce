/** ltv: ARPA and LTV = ARPA × gross margin / monthly revenue churn, over the trailing 12 months. */
import {ident, type Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";

export const LTV_WINDOW_MONTHS = 12;

async function buildLtv(db: Db, {dimensions, config}: MetricContext): Promise<void> {
  const dims = dimensions.map((d) => `, ${ident(d)}`).join("");
  const pdims = dimensions.map((d) => `, p.${ident(d)}`).join("");
  const w = LTV_WINDOW_MONTHS;
  await db.run(`
    CREATE OR REPLACE TABLE ltv AS
    WITH active AS (
      SELECT month ${dims}, count(*) AS accounts, sum(mrr) AS mrr FROM account_months WHERE mrr > 0 GROUP BY ALL
    ), pairs AS (
      SELECT m.month ${pdims}, p.mrr AS mrr_start, coalesce(c.mrr, 0) AS mrr_end
      FROM months m
      JOIN account_months p ON p.month = m.prev_month AND p.mrr > 0
      LEFT JOIN account_months c ON c.month = m.month AND c.account_id = p.account_id
    ), lost AS (
      SELECT month ${dims}, sum(mrr_start) AS mrr_start, sum(greatest(mrr_start - mrr_end, 0)) AS mrr_lost FROM pairs GROUP BY ALL
    ), ax AS (
      SELECT month, dimension, segment, sum(accounts) AS accounts, sum(mrr) AS mrr FROM (${explodeSegments("active", dimensions)}) GROUP BY ALL
    ), lx AS (
      SELECT month, dimension, segment, sum(mrr_start) AS mrr_start, sum(mrr_lost) AS mrr_lost FROM (${explodeSegments("lost", dimensions)}) GROUP BY ALL
    ), monthly AS (
      SELECT month, mo.idx, dimension, segment, coalesce(ax.accounts, 0) AS accounts,
             ax.mrr / ax.accounts AS arpa_month, coalesce(lx.mrr_start, 0) AS mrr_start, coalesce(lx.mrr_lost, 0) AS mrr_lost
      FROM ax FULL JOIN lx USING (month, dimension, segment) JOIN months mo USING (month)
    ), t12 AS (
      SELECT month, idx, dimension, segment, accounts,
             avg(arpa_month) OVER w AS arpa, sum(mrr_start) OVER w AS mrr_start, sum(mrr_lost) OVER w AS mrr_lost
      FROM monthly
      WINDOW w AS (PARTITION BY dimension, segment ORDER BY idx RANGE BETWEEN ${w - 1} PRECEDING AND CURRENT ROW)
    ), r AS (
      SELECT *, CASE WHEN mrr_start > 0 THEN (mrr_lost / mrr_start)::DOUBLE END AS revenue_churn_rate FROM t12
      WHERE idx >= ${w - 1}
    )
    SELECT month, dimension, segment, accounts::BIGINT AS accounts, round(arpa, 2)::DECIMAL(18,2) AS arpa,
           mrr_start::DECIMAL(18,2) AS mrr_start, mrr_lost::DECIMAL(18,2) AS mrr_lost, revenue_churn_rate,
           ${Number(config.grossMargin)}::DOUBLE AS gross_margin,
           -- A lifetime of over 1,000 years (churn below 1/12,000 a month) is no estimate; nor is an LTV of 10^15 or more, which DECIMAL(18,2) could not hold.
           CASE WHEN revenue_churn_rate >= ${LTV_MIN_CHURN} AND arpa * ${Number(config.grossMargin)} / revenue_churn_rate < 1e15 THEN round(arpa * ${Number(config.grossMargin)} / revenue_churn_rate, 2)::DECIMAL(18,2) END AS ltv
    FROM r
    ORDER BY month, ${SEGMENT_ORDER}`);
}

/** Smallest churn rate LTV is computed from (1/12,000 a month: a 1,000-year lifetime); below it LTV is left empty. */
const LTV_MIN_CHURN = 1 / 12000;

export const ltvDefinitions: Definition[] = [
  {
    id: "arpa",
    table: "ltv",
    name: {en: "ARPA (trailing 12 months)", ja: "顧客平均単価（ARPA、直近12か月）"},
    formula: "ARPA(M) = (1/12) · Σ_{m = M-11..M} MRR(m) / accounts with MRR > 0 at the end of m",
    text: {
      en: "Average revenue per active account: each month's MRR divided by its active customers, averaged over the 12 months ending with M (months without customers in the segment skipped). Rows start at the 12th month of data; accounts is the active customers in M.",
      ja: "有料顧客1社あたりの平均MRRです。各月のMRRを有料顧客数で割り、Mまでの12か月で平均します（セグメントに顧客がいない月は除外）。データの12か月目から出力します。accounts はMの有料顧客数です。"
    }
  },
  {
    id: "ltv_revenue_churn",
    table: "ltv",
    name: {en: "Monthly revenue churn (trailing 12 months)", ja: "月次レベニューチャーン（直近12か月）"},
    formula: "revenue_churn_rate(M) = Σ_{m = M-11..M} (churned + contraction MRR)(m) / Σ_{m = M-11..M} MRR at the end of m-1",
    text: {
      en: "MRR lost to churn and contraction over the 12 months ending with M (mrr_lost) divided by the sum of the starting MRR of those months (mrr_start): a pooled monthly rate. Expansion does not offset it.",
      ja: "Mまでの12か月に解約と縮小で失ったMRR（mrr_lost）を、各月の期首MRRの合計（mrr_start）で割った、月あたりの率です。拡大による相殺はしません。"
    }
  },
  {
    id: "ltv",
    table: "ltv",
    name: {en: "LTV", ja: "LTV（顧客生涯価値）"},
    formula: "LTV(M) = ARPA(M) × gross_margin / revenue_churn_rate(M)",
    text: {
      en: "Customer lifetime value: trailing ARPA times the gross margin from config (grossMargin), divided by the trailing monthly revenue churn rate (1 / churn = expected lifetime in months). Empty when no revenue was lost in the window, or so little (a rate below 1/12,000 a month: a lifetime over 1,000 years) that the ratio is no estimate; also empty from 10^15 up.",
      ja: "顧客生涯価値：直近12か月のARPAに設定の粗利率（grossMargin）を掛け、直近12か月の月次レベニューチャーン率で割った値です（1 ÷ チャーン率 = 想定継続月数）。期間中に失われたMRRがない場合、または極めて少ない場合（月次率が1/12,000未満＝想定継続1,000年超で、推定として意味をなさない）は空欄です。10^15以上の値も空欄です。"
    }
  }
];

export const ltv: MetricFamily = {
  name: "ltv",
  tables: ["ltv"],
  definitions: ltvDefinitions,
  build: buildLtv
};
