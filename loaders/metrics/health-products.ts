/**
 * Multi-product health: a score per product line an account pays for, each with that line's weights
 * (health.productWeights, else the global ones) and bands, and the account score as the MRR-weighted
 * roll-up of those product scores. The components are account-level (the exports carry no product on
 * usage, tickets, NPS …), so the product scores of one account differ only by their weights.
 */
import {HEALTH_COMPONENTS, type HealthConfig, type HealthWeights} from "../config.js";
import {ident, type Db} from "../db.js";
import type {Definition} from "./family.js";

const num = (v: number) => String(Number(v));

/**
 * SQL: the MRR-weighted mean of `expr` over a group of an account-month's product lines. One line: the
 * value itself. Several: exact DECIMAL sums, so the result is the same on every run whatever order the
 * threads add the lines in (floating-point sums are not associative; ordered aggregates were 10× slower).
 */
export const mrrWeightedMean = (expr: string) =>
  `CASE WHEN count(*) = 1 THEN any_value(${expr}) ELSE sum((mrr * ${expr})::DECIMAL(38,12))::DOUBLE / sum(mrr::DECIMAL(18,2))::DOUBLE END`;

/** `e_<component>`: the component's weight share in a product score (w / Σ w of the components present; 0 when missing). */
export const effectiveWeight = (c: string) => ident(`e_${c}`);

/**
 * _health_lines (internal: rid, month, account_id, product, mrr, e_<component>…, raw_score, red, yellow,
 * profile) and the output table health_products, from _health_comp and _health_profiles. A line counts
 * when its MRR in the month is > 0; its score is empty when none of the components its weights use
 * (weight > 0) is present.
 */
export async function buildProductScores(db: Db, h: HealthConfig): Promise<void> {
  const weight = (c: string) => `coalesce(p.${ident(c)}, ${num(h.weights[c as keyof HealthWeights])})`;
  const present = (c: string) => `CASE WHEN comp.${ident(c)} IS NULL THEN 0 ELSE ${weight(c)} END`;
  const denominator = `(${HEALTH_COMPONENTS.map(present).join(" + ")})`;
  await db.run(`
    CREATE OR REPLACE TABLE _health_lines AS
    WITH lines AS (
      SELECT month, account_id, product, sum(mrr)::DOUBLE AS mrr FROM line_months GROUP BY ALL HAVING sum(mrr) > 0
    ), w AS (
      SELECT comp.rid, comp.month, comp.account_id, l.product, l.mrr, p.product AS profile,
             coalesce(p.red, ${num(h.bands.red)}) AS red, coalesce(p.yellow, ${num(h.bands.yellow)}) AS yellow,
             ${HEALTH_COMPONENTS.map((c) => `CASE WHEN ${denominator} > 0 THEN ${present(c)} / ${denominator} END AS ${effectiveWeight(c)}`).join(",\n             ")},
             ${HEALTH_COMPONENTS.map((c) => `comp.${ident(c)}`).join(", ")}
      FROM _health_comp comp
      JOIN lines l USING (month, account_id)
      LEFT JOIN _health_profiles p ON p.product = l.product
    )
    SELECT rid, month, account_id, product, mrr, profile, red, yellow,
           ${HEALTH_COMPONENTS.map((c) => effectiveWeight(c)).join(", ")},
           CASE WHEN ${effectiveWeight(HEALTH_COMPONENTS[0])} IS NOT NULL
                THEN ${HEALTH_COMPONENTS.map((c) => `coalesce(${effectiveWeight(c)} * ${ident(c)}, 0)`).join(" + ")} END AS raw_score
    FROM w`);
  await db.run(`
    CREATE OR REPLACE TABLE health_products AS
    WITH s AS (
      SELECT *, round(raw_score, 2) AS score,
             CASE WHEN raw_score IS NOT NULL
                  THEN mrr / sum(mrr::DECIMAL(18,2)) FILTER (WHERE raw_score IS NOT NULL) OVER (PARTITION BY rid)::DOUBLE END AS mrr_share
      FROM _health_lines
    )
    SELECT month, account_id, product, mrr, mrr_share, score,
           CASE WHEN score IS NULL THEN NULL WHEN score < red THEN 'red' WHEN score < yellow THEN 'yellow' ELSE 'green' END AS band,
           coalesce(profile, 'default') AS weights
    FROM s
    ORDER BY rid, product`);
}

export const healthProductDefinitions: Definition[] = [
  {
    id: "health_products",
    table: "health_products",
    name: {en: "Health by product line, and the account roll-up", ja: "製品ライン別ヘルスと顧客単位の集約"},
    formula: "score_p(a, M) = Σ_c w_p,c · s_c / Σ_c w_p,c (c present); score(a, M) = Σ_p MRR_p · score_p / Σ_p MRR_p (p with a score)",
    text: {
      en: "One row per account, month and product line with MRR > 0 in the month. The line's score uses that line's weights (health.productWeights, else health.weights) and its band that line's bands, over the same account-level components (the exports carry no product on usage, tickets or NPS, so an account's product scores differ only by their weights). The account's health score is the MRR-weighted mean of its product scores (mrr_share = the line's share of the MRR of the lines with a score), rounded to 2 decimals; the account's band uses the bands of its largest line. With no per-product weights configured, every product score equals the account score.",
      ja: "月内のMRRが0より大きい顧客×月×製品ラインごとの行です。製品ラインのスコアはその製品ラインの重み（health.productWeights、なければhealth.weights）で、帯もその製品ラインの帯で判定します。構成要素は顧客単位です（利用・チケット・NPSのデータに製品の区別がないため、同じ顧客の製品別スコアは重みだけが異なります）。顧客のヘルススコアは製品別スコアのMRR加重平均（mrr_share = スコアのある製品ラインのMRRに占める割合）を小数第2位に丸めたもので、帯はMRR最大の製品ラインの帯で判定します。製品ライン別の重みを設定していなければ、製品別スコアはすべて顧客のスコアと同じです。"
    }
  }
];
