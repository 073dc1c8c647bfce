/**
 * Does the health score predict churn? `health_validity`: churn within the next 3 months by band, by
 * score decile, and the AUC of the score (and of each component) against that outcome, per month and
 * pooled. `health_transitions`: accounts moving between bands month over month.
 */
import {HEALTH_COMPONENTS} from "../config.js";
import {ident, type Db} from "../db.js";
import type {Definition, MetricFamily} from "./family.js";

/** Months after M in which a churn counts as "within the horizon". */
export const VALIDITY_HORIZON = 3;

const MEASURES = ["score", ...HEALTH_COMPONENTS];
const NOT_SCORED = "(none)";

/**
 * _health_outcome: scored accounts in months with a full horizon (M + 3 <= as-of), with churned = the
 * account is not an active customer (MRR > 0) in every one of M+1..M+3. `health` has one row per active
 * customer-month, so a churn is an active month L without an active month L+1 (the churn month is L+1,
 * MRR before > 0, now 0), and M is followed by a churn within 3 months when L ∈ {M, M+1, M+2}. Hash joins
 * on the few churn events, no sort.
 */
async function buildOutcome(db: Db, asOf: string): Promise<void> {
  const [y, m] = asOf.split("-").map(Number);
  await db.run(`
    CREATE OR REPLACE TABLE _health_outcome AS
    WITH mo AS (
      SELECT month, year(month_start) * 12 + month(month_start) - 1 AS mi FROM months
    ), h AS (
      SELECT h.*, mo.mi FROM health h JOIN mo USING (month)
    ), last_active AS (
      SELECT account_id, mi FROM h
      ANTI JOIN h AS nxt ON nxt.account_id = h.account_id AND nxt.mi = h.mi + 1
    ), ahead AS (
      SELECT DISTINCT account_id, mi - unnest(range(${VALIDITY_HORIZON})) AS mi FROM last_active
    )
    SELECT h.month, h.mi, h.account_id, h.score, h.band, ${HEALTH_COMPONENTS.map((c) => `h.${ident(c)}`).join(", ")},
           ahead.mi IS NOT NULL AS churned
    FROM h LEFT JOIN ahead USING (account_id, mi)
    WHERE h.score IS NOT NULL AND h.mi + ${VALIDITY_HORIZON} <= ${y * 12 + m - 1}`);
}

async function buildValidity(db: Db, asOf: string): Promise<void> {
  await buildOutcome(db, asOf);
  const measureOrder = MEASURES.map((m, i) => `WHEN '${m}' THEN ${i}`).join(" ");
  // Per measure, month and value: churners (c) and non-churners (n). One small GROUP BY per measure.
  const perValue = MEASURES.map(
    (m) => `SELECT month, '${m}' AS measure, ${ident(m)} AS v, count(*) FILTER (WHERE churned) AS c, count(*) FILTER (WHERE NOT churned) AS n
      FROM _health_outcome WHERE ${ident(m)} IS NOT NULL GROUP BY month, ${ident(m)}`
  );
  await db.run(`
    CREATE OR REPLACE TABLE health_validity AS
    WITH bands AS (
      SELECT month, band AS bucket, count(*) AS accounts, count(*) FILTER (WHERE churned) AS churned,
             min(score) AS score_min, max(score) AS score_max
      FROM _health_outcome GROUP BY month, band
      UNION ALL
      SELECT 'all', band, count(*), count(*) FILTER (WHERE churned), min(score), max(score)
      FROM _health_outcome GROUP BY band
    ), ranked AS (
      SELECT month, score, churned, ntile(10) OVER (PARTITION BY month ORDER BY score, account_id) AS decile FROM _health_outcome
    ), monthly_deciles AS (
      SELECT month, decile, count(*) AS accounts, count(*) FILTER (WHERE churned) AS churned, min(score) AS score_min, max(score) AS score_max
      FROM ranked GROUP BY month, decile
    ), deciles AS (
      SELECT * FROM monthly_deciles
      UNION ALL SELECT 'all', decile, sum(accounts), sum(churned), min(score_min), max(score_max) FROM monthly_deciles GROUP BY decile
    ), per_value AS (
      ${perValue.join("\n      UNION ALL ")}
    ), pooled AS (
      SELECT * FROM per_value
      UNION ALL SELECT 'all', measure, v, sum(c), sum(n) FROM per_value GROUP BY measure, v
    ), above AS (
      -- n_above: non-churners with a strictly higher value; ties count half.
      SELECT *, coalesce(sum(n) OVER (PARTITION BY month, measure ORDER BY v DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS n_above
      FROM pooled
    ), auc AS (
      SELECT month, measure, sum(c + n) AS accounts, sum(c) AS churned,
             CASE WHEN sum(c) > 0 AND sum(n) > 0
                  THEN ((sum(c * n_above) + 0.5 * sum(c * n)) / (sum(c) * sum(n)))::DOUBLE END AS auc
      FROM above GROUP BY month, measure
    ), rows AS (
      SELECT month, 1 AS k, 'band' AS kind, bucket,
             CASE bucket WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END AS o,
             accounts, churned, score_min, score_max, NULL::DOUBLE AS auc FROM bands
      UNION ALL
      SELECT month, 2, 'decile', decile::VARCHAR, decile, accounts, churned, score_min, score_max, NULL FROM deciles
      UNION ALL
      SELECT month, 3, 'auc', measure, CASE measure ${measureOrder} END, accounts, churned, NULL, NULL, auc FROM auc
    )
    SELECT month, kind, bucket, accounts::BIGINT AS accounts, churned::BIGINT AS churned,
           CASE WHEN accounts > 0 THEN churned / accounts END AS churn_rate,
           score_min, score_max, auc
    FROM rows
    ORDER BY month, k, o`);
  await db.run(`DROP TABLE _health_outcome`);
}

async function buildTransitions(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE health_transitions AS
    WITH h AS (
      SELECT month, account_id, band FROM health WHERE band IS NOT NULL
    ), prev AS (
      SELECT m.month, h.account_id, h.band AS from_band FROM months m JOIN h ON h.month = m.prev_month WHERE m.idx >= 1
    ), cur AS (
      SELECT h.month, h.account_id, h.band AS to_band FROM h JOIN months m USING (month) WHERE m.idx >= 1
    ), t AS (
      SELECT coalesce(prev.month, cur.month) AS month, coalesce(from_band, '${NOT_SCORED}') AS from_band,
             coalesce(to_band, '${NOT_SCORED}') AS to_band
      FROM prev FULL JOIN cur ON prev.month = cur.month AND prev.account_id = cur.account_id
    ), g AS (
      SELECT month, from_band, to_band, count(*) AS accounts FROM t GROUP BY ALL
    )
    SELECT month, from_band, to_band, accounts,
           CASE WHEN from_band <> '${NOT_SCORED}' THEN accounts / sum(accounts) OVER (PARTITION BY month, from_band) END AS share_of_from
    FROM g
    ORDER BY month, list_position(['red', 'yellow', 'green', '${NOT_SCORED}'], from_band),
             list_position(['red', 'yellow', 'green', '${NOT_SCORED}'], to_band)`);
}

export const healthValidityDefinitions: Definition[] = [
  {
    id: "health_churned_within_3m",
    table: "health_validity",
    name: {en: "Churn within 3 months", ja: "3か月以内の解約"},
    formula: "churned(a, M) ⇔ MRR(a, M) > 0 ∧ ∃ k ∈ {1, 2, 3}: MRR(a, M+k) = 0; churn_rate = churned / accounts",
    text: {
      en: "For each month M with a complete 3-month horizon (M + 3 ≤ as-of) and each account scored in M, whether the account churns (its MRR drops to 0, or it has no line) in one of the next three months. Rows by kind: 'band' (bucket red / yellow / green), 'decile' (bucket 1 = lowest scores … 10 = highest; accounts ranked by score within the month, ties broken by account id), and 'auc'. Month 'all' pools every evaluable month (deciles: each month's decile k added up). score_min / score_max give each bucket's score range.",
      ja: "3か月先まで観測できる各月M（M + 3 ≤ 基準月）について、Mにスコアのある顧客がその後3か月以内に解約（MRRが0、または契約明細なし）したかどうかです。kindごとに行があります：'band'（bucketはred / yellow / green）、'decile'（bucket 1 = スコア最下位10% … 10 = 最上位。月内でスコア順、同点は顧客ID順）、'auc'。month 'all' は評価可能な全月をまとめた値です（十分位は各月の第k十分位を合算）。score_min / score_max は各区分のスコアの範囲です。"
    }
  },
  {
    id: "health_auc",
    table: "health_validity",
    name: {en: "AUC of the health score for churn", ja: "ヘルススコアの解約予測AUC"},
    formula: "AUC = P(score(churner) < score(non-churner)) + ½ · P(tie)",
    text: {
      en: "Rows with kind 'auc': the probability that a randomly chosen account that churned within 3 months had a LOWER score in M than a randomly chosen account that did not (ties count half; the Mann–Whitney statistic). 0.5 = no better than chance, 1 = perfect separation; above 0.7 is usually read as useful. Bucket 'score' is the health score; the other buckets are each component alone, over the accounts where it is present. Empty when the month has no churner or no non-churner.",
      ja: "kindが'auc'の行：3か月以内に解約した顧客を1社、解約しなかった顧客を1社無作為に選んだとき、解約した顧客のMのスコアの方が低い確率です（同点は1/2。Mann–Whitney統計量）。0.5は偶然と同等、1は完全に分離、0.7を超えれば有用とされます。bucket 'score' はヘルススコア、それ以外は各構成要素単独（その要素がある顧客のみ）です。解約者または非解約者がいない月は空欄です。"
    }
  },
  {
    id: "health_transitions",
    table: "health_transitions",
    name: {en: "Health band transitions", ja: "ヘルス帯の遷移"},
    formula: "accounts(M, from, to) = #{a : band(a, M-1) = from ∧ band(a, M) = to}; share_of_from = accounts / #{a : band(a, M-1) = from}",
    text: {
      en: "Accounts by their band at the end of M-1 and at the end of M. '(none)' means not scored in that month (not an active customer, or no component present), so new and churned customers appear as moves from or to '(none)'. share_of_from is the share of the from-band's accounts (empty for '(none)').",
      ja: "M-1末とM末のヘルス帯の組み合わせごとの顧客数です。'(none)' はその月にスコアがないこと（有料顧客でない、または構成要素がない）を表し、新規顧客や解約顧客は '(none)' からの遷移／への遷移として現れます。share_of_from は遷移元の帯の顧客数に対する割合です（'(none)' は空欄）。"
    }
  }
];

export const healthValidity: MetricFamily = {
  name: "health-validity",
  tables: ["health_validity", "health_transitions"],
  definitions: healthValidityDefinitions,
  async build(db, ctx) {
    await buildValidity(db, ctx.asOf);
    await buildTransitions(db);
  }
};
