/**
 * Why a health score moved: each component's contribution to the score (points) and its change since
 * last month, per account (`health_drivers`) and for the book's average score (`health_book_drivers`).
 * Contributions add up to the score: points_c = e_c · s_c, with e_c the component's effective weight
 * after re-weighting for missing components and rolling product scores up by MRR.
 */
import {HEALTH_COMPONENTS} from "../config.js";
import {ident, type Db} from "../db.js";
import type {Definition} from "./family.js";
import {effectiveWeight, mrrWeightedMean} from "./health-products.js";

const pts = (c: string) => ident(`${c}_points`);
const chg = (c: string) => ident(`${c}_change`);

/** health_drivers and health_book_drivers, from _health_lines, _health_comp and health (same build). */
export async function buildHealthDrivers(db: Db): Promise<void> {
  // e_c = Σ_p share_p · e_p,c over the lines with a score (share_p = MRR share among them).
  await db.run(`
    CREATE OR REPLACE TABLE _health_points AS
    WITH e AS (
      SELECT rid, ${HEALTH_COMPONENTS.map((c) => `${mrrWeightedMean(effectiveWeight(c))} AS ${effectiveWeight(c)}`).join(", ")}
      FROM _health_lines WHERE raw_score IS NOT NULL GROUP BY rid
    )
    SELECT comp.rid, comp.month, comp.account_id, mo.idx,
           ${HEALTH_COMPONENTS.map((c) => `e.${effectiveWeight(c)} * comp.${ident(c)} AS ${pts(c)}`).join(", ")}
    FROM _health_comp comp JOIN e USING (rid) JOIN months mo USING (month)`);
  await db.run(`
    CREATE OR REPLACE TABLE health_drivers AS
    WITH cur AS (
      -- The account's previous row (lag) is last month's only when its idx is one less. A window, not
      -- a self-join: it sorts and spills, where joins of these account-month tables outgrow memory.
      SELECT p.*, h.account_id IS NOT NULL AS in_health, h.score,
             lag(p.idx) OVER w = p.idx - 1 AS has_prev,
             lag(h.score) OVER w AS prev_score,
             ${HEALTH_COMPONENTS.map((c) => `lag(p.${pts(c)}) OVER w AS ${ident(`prev_${c}`)}`).join(", ")}
      FROM _health_points p LEFT JOIN health h USING (month, account_id)
      WINDOW w AS (PARTITION BY p.account_id ORDER BY p.idx)
    )
    SELECT month, account_id, score, CASE WHEN has_prev THEN round(score - prev_score, 2) END AS score_change,
           ${HEALTH_COMPONENTS.map((c) => `round(${pts(c)}, 2) AS ${pts(c)}`).join(", ")},
           ${HEALTH_COMPONENTS.map((c) => `CASE WHEN has_prev THEN round(coalesce(${pts(c)}, 0) - coalesce(${ident(`prev_${c}`)}, 0), 2) END AS ${chg(c)}`).join(",\n           ")}
    FROM cur
    WHERE in_health
    ORDER BY rid`);
  // The book: Δ mean score = Σ_c Δ mean points_c (missing = 0 points), over the accounts scored each month.
  await db.run(`
    CREATE OR REPLACE TABLE health_book_drivers AS
    WITH m AS (
      -- DECIMAL averages: exact sums, so the same result on every run (as health_mix).
      SELECT month, idx, count(*) AS accounts, avg(h.score::DECIMAL(18,2))::DOUBLE AS avg_score,
             ${HEALTH_COMPONENTS.map((c) => `avg(coalesce(${pts(c)}, 0)::DECIMAL(18,6))::DOUBLE AS ${pts(c)}`).join(", ")}
      FROM _health_points JOIN health h USING (month, account_id) GROUP BY month, idx
    )
    SELECT cur.month, cur.accounts::BIGINT AS accounts, round(cur.avg_score, 2) AS avg_score,
           round(cur.avg_score - prev.avg_score, 2) AS avg_score_change,
           ${HEALTH_COMPONENTS.map((c) => `round(cur.${pts(c)}, 2) AS ${pts(c)}`).join(", ")},
           ${HEALTH_COMPONENTS.map((c) => `round(cur.${pts(c)} - prev.${pts(c)}, 2) AS ${chg(c)}`).join(", ")}
    FROM m cur LEFT JOIN m prev ON prev.idx = cur.idx - 1
    ORDER BY cur.idx`);
  await db.run(`DROP TABLE _health_points`);
}

export const healthDriverDefinitions: Definition[] = [
  {
    id: "health_drivers",
    table: "health_drivers",
    name: {en: "Health drivers", ja: "ヘルススコアの変動要因"},
    formula: "points_c(a, M) = e_c · s_c, e_c = Σ_p share_p · w_p,c / Σ_{c' present} w_p,c'; change_c = points_c(M) − points_c(M−1) (missing = 0)",
    text: {
      en: "One row per scored account and month: each component's contribution to the score in points (<component>_points: its effective weight, after re-weighting away the missing components and rolling the product scores up by MRR, times its 0–100 value; empty when the component is missing), and the change of each contribution since the previous month (<component>_change; a component missing in either month counts 0 points there). The contributions add up to the score and the changes to score_change, up to rounding (each is rounded to 2 decimals). The changes are empty when the account was not scored the month before. A component can move although its value did not: when another component appears or disappears, the weights are shared out again.",
      ja: "スコアのある顧客×月ごとの行です。各構成要素のスコアへの寄与（<component>_points：欠損要素を除いた再配分と製品別スコアのMRR加重集約を反映した実効重み × 0〜100の値。欠損なら空欄）と、前月からの寄与の変化（<component>_change。どちらかの月で欠損の要素はその月0点とみなします）です。寄与の合計はスコアに、変化の合計はscore_changeに一致します（それぞれ小数第2位に丸めるため、丸め誤差を除く）。前月にスコアがない顧客は変化が空欄です。値が変わらなくても、他の要素の有無が変わると重みが再配分されるため寄与は変わります。"
    }
  },
  {
    id: "health_book_drivers",
    table: "health_book_drivers",
    name: {en: "What moved the book's health score", ja: "全体のヘルススコアの変動要因"},
    formula: "avg_score(M) = mean_a score(a, M) = Σ_c mean_a points_c(a, M); <c>_change = mean points_c(M) − mean points_c(M−1)",
    text: {
      en: "Per month: the scored accounts, their average score and its change since the previous month, and each component's average contribution (missing counts 0) and its change. The component changes add up to the change of the average score (up to rounding); they include the effect of accounts joining and leaving the scored book as well as the changes of the accounts scored in both months.",
      ja: "月ごとの、スコアのある顧客数、平均スコアと前月からの変化、各構成要素の平均寄与（欠損は0点）とその変化です。要素ごとの変化の合計は平均スコアの変化に一致します（丸め誤差を除く）。両月にスコアのある顧客の変化に加え、顧客の増減による影響も含みます。"
    }
  }
];
