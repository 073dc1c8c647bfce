/** csm_portfolio: each CSM's book per month: accounts, MRR, health mix, churn and NRR. */
import type {Db} from "../db.js";
import {NO_SEGMENT} from "./account-months.js";
import type {Definition, MetricFamily} from "./family.js";

async function buildPortfolio(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE csm_portfolio AS
    WITH owner AS (
      SELECT account_id, coalesce(csm, '${NO_SEGMENT}') AS csm FROM accounts
    ), book AS (
      SELECT am.month, o.csm, count(*) AS accounts, sum(am.mrr) AS mrr,
             count(*) FILTER (WHERE h.band = 'green') AS green, count(*) FILTER (WHERE h.band = 'yellow') AS yellow,
             count(*) FILTER (WHERE h.band = 'red') AS red, count(*) FILTER (WHERE h.band IS NULL) AS unscored
      FROM account_months am JOIN owner o USING (account_id) LEFT JOIN health h USING (month, account_id)
      WHERE am.mrr > 0 GROUP BY ALL
    ), pairs AS (
      SELECT m.month, o.csm, p.mrr AS s, coalesce(c.mrr, 0) AS e
      FROM months m
      JOIN account_months p ON p.month = m.prev_month AND p.mrr > 0
      JOIN owner o ON o.account_id = p.account_id
      LEFT JOIN account_months c ON c.month = m.month AND c.account_id = p.account_id
    ), moves AS (
      SELECT month, csm, count(*) AS accounts_start, count(*) FILTER (WHERE e = 0) AS accounts_churned,
             sum(s) AS mrr_start, sum(s) FILTER (WHERE e = 0) AS mrr_churned,
             sum(s - e) FILTER (WHERE e > 0 AND e < s) AS mrr_contraction,
             sum(e - s) FILTER (WHERE e > s) AS mrr_expansion, sum(e) AS mrr_end
      FROM pairs GROUP BY ALL
    ), year_ago AS (
      SELECT m.month, o.csm, sum(p.mrr) AS mrr_12m_ago, sum(coalesce(c.mrr, 0)) AS mrr_now
      FROM months m
      JOIN months m12 ON m12.idx = m.idx - 12
      JOIN account_months p ON p.month = m12.month AND p.mrr > 0
      JOIN owner o ON o.account_id = p.account_id
      LEFT JOIN account_months c ON c.month = m.month AND c.account_id = p.account_id
      GROUP BY ALL
    ), j AS (
      SELECT * FROM book FULL JOIN moves USING (month, csm) FULL JOIN year_ago USING (month, csm)
    ), x AS (
      SELECT * FROM j UNION ALL BY NAME
      SELECT month, 'all' AS csm, sum(accounts) AS accounts, sum(mrr) AS mrr, sum(green) AS green, sum(yellow) AS yellow,
             sum(red) AS red, sum(unscored) AS unscored, sum(accounts_start) AS accounts_start,
             sum(accounts_churned) AS accounts_churned, sum(mrr_start) AS mrr_start, sum(mrr_churned) AS mrr_churned,
             sum(mrr_contraction) AS mrr_contraction, sum(mrr_expansion) AS mrr_expansion, sum(mrr_end) AS mrr_end,
             sum(mrr_12m_ago) AS mrr_12m_ago, sum(mrr_now) AS mrr_now
      FROM j GROUP BY month
    )
    SELECT month, csm, coalesce(accounts, 0)::BIGINT AS accounts, coalesce(mrr, 0)::DECIMAL(18,2) AS mrr,
           coalesce(green, 0)::BIGINT AS green, coalesce(yellow, 0)::BIGINT AS yellow, coalesce(red, 0)::BIGINT AS red,
           coalesce(unscored, 0)::BIGINT AS unscored,
           CASE WHEN green + yellow + red > 0 THEN green / (green + yellow + red) END AS green_share,
           coalesce(accounts_start, 0)::BIGINT AS accounts_start, coalesce(accounts_churned, 0)::BIGINT AS accounts_churned,
           CASE WHEN accounts_start > 0 THEN accounts_churned / accounts_start END AS logo_churn_rate,
           coalesce(mrr_start, 0)::DECIMAL(18,2) AS mrr_start, coalesce(mrr_churned, 0)::DECIMAL(18,2) AS mrr_churned,
           coalesce(mrr_contraction, 0)::DECIMAL(18,2) AS mrr_contraction, coalesce(mrr_expansion, 0)::DECIMAL(18,2) AS mrr_expansion,
           CASE WHEN mrr_start > 0 THEN (mrr_end / mrr_start)::DOUBLE END AS nrr,
           CASE WHEN mrr_12m_ago > 0 THEN (mrr_now / mrr_12m_ago)::DOUBLE END AS nrr_t12m
    FROM x
    ORDER BY month, csm <> 'all', csm`);
}

export const csmPortfolioDefinitions: Definition[] = [
  {
    id: "csm_portfolio",
    table: "csm_portfolio",
    name: {en: "CSM portfolio", ja: "CSM別ポートフォリオ"},
    formula: "per CSM c and month M: accounts, MRR of a with owner(a) = c and MRR(a, M) > 0; green_share = green / (green + yellow + red)",
    text: {
      en: "Each CSM's book of business, by the account owner in accounts.csm ('(none)' when empty; csm 'all' is the total): active customers and their MRR at the end of M, and their health bands (unscored = active but without a score). A change of owner is not tracked: the current owner is used for every month.",
      ja: "accounts.csm の担当CSM別（空欄は '(none)'、csm 'all' は合計）の、M末の有料顧客数とMRR、およびヘルス帯の内訳です（unscored は有料顧客でスコアのないもの）。担当の変更は追跡せず、全期間で現在の担当者を使います。"
    }
  },
  {
    id: "csm_churn_nrr",
    table: "csm_portfolio",
    name: {en: "Churn and NRR per CSM", ja: "CSM別の解約率とNRR"},
    formula: "logo_churn_rate = accounts_churned / accounts_start; nrr = Σ MRR(M) / Σ MRR(M-1) over the CSM's accounts with MRR(M-1) > 0; nrr_t12m = Σ MRR(M) / Σ MRR(M-12) over accounts with MRR(M-12) > 0",
    text: {
      en: "Over the CSM's accounts with MRR > 0 at the end of M-1: accounts and MRR churned (MRR 0 at M), contraction and expansion, logo churn rate, and monthly NRR = (start − churn − contraction + expansion) / start (new and reactivated customers excluded). nrr_t12m compares the accounts present 12 months earlier with their MRR now.",
      ja: "M-1末にMRRが0より大きい担当顧客について、解約（MのMRRが0）した顧客数とMRR、縮小、拡大、カスタマーチャーン率、月次NRR =（期首 − 解約 − 縮小 + 拡大）÷ 期首（新規・復帰は除外）です。nrr_t12m は12か月前の顧客の現在のMRRを12か月前のMRRと比べます。"
    }
  }
];

export const csmPortfolio: MetricFamily = {
  name: "csm-portfolio",
  tables: ["csm_portfolio"],
  definitions: csmPortfolioDefinitions,
  build: buildPortfolio
};
