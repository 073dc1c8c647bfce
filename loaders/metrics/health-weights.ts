/**
 * Suggested health weights: a logistic regression of "churned within 3 months" on the six components,
 * fitted in the build on the months before a holdout window, and the holdout AUC of a score built with
 * those weights next to the configured score's. Only a suggestion: nothing reads these weights back;
 * the analyst copies them into health.weights if they want them.
 */
import {HEALTH_COMPONENTS} from "../config.js";
import {ident, type Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {VALIDITY_HORIZON} from "./health-validity.js";

/** Origin months (with a complete 3-month outcome) held out for the comparison. */
export const HOLDOUT_MONTHS = 6;
/** Below these, the fit is not reported: too little history or too few churners to mean anything. */
export const MIN_TRAIN_MONTHS = 6;
export const MIN_TRAIN_CHURNED = 30;
export const MIN_HOLDOUT_CHURNED = 10;
/** Scored account-months above which the fit uses a stable sample of accounts (1 in k). */
export const MAX_FIT_ROWS = 200_000;
/** Ridge penalty on the coefficients (per observation), so rare components cannot run away. */
export const RIDGE = 1e-3;

export interface Observation {
  /** Components 0..100, null when missing. */
  values: (number | null)[];
  churned: boolean;
}

/** Logistic regression by Newton's method on x = value / 100 (missing → the training mean). */
export function fitLogistic(obs: Observation[], iterations = 25): {intercept: number; coefficients: number[]; means: number[]} {
  const k = HEALTH_COMPONENTS.length;
  const means = HEALTH_COMPONENTS.map((_, c) => {
    const present = obs.map((o) => o.values[c]).filter((v): v is number => v !== null);
    return present.length ? present.reduce((s, v) => s + v, 0) / present.length / 100 : 0;
  });
  const X = obs.map((o) => [1, ...o.values.map((v, c) => (v === null ? means[c] : v / 100))]);
  const y = obs.map((o) => (o.churned ? 1 : 0));
  const beta = new Array(k + 1).fill(0);
  const n = obs.length;
  for (let it = 0; it < iterations; ++it) {
    const grad = new Array(k + 1).fill(0);
    const hess = Array.from({length: k + 1}, () => new Array(k + 1).fill(0));
    for (let i = 0; i < n; ++i) {
      const z = X[i].reduce((s, x, j) => s + x * beta[j], 0);
      const p = 1 / (1 + Math.exp(-z));
      const w = p * (1 - p);
      for (let j = 0; j <= k; ++j) {
        grad[j] += (y[i] - p) * X[i][j];
        for (let l = 0; l <= k; ++l) hess[j][l] += w * X[i][j] * X[i][l];
      }
    }
    for (let j = 1; j <= k; ++j) {
      grad[j] -= RIDGE * n * beta[j];
      hess[j][j] += RIDGE * n;
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let j = 0; j <= k; ++j) {
      beta[j] += step[j];
      moved = Math.max(moved, Math.abs(step[j]));
    }
    if (moved < 1e-9) break;
  }
  return {intercept: beta[0], coefficients: beta.slice(1), means};
}

/** Gaussian elimination with partial pivoting (the system is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; ++c) {
    let pivot = c;
    for (let r = c + 1; r < n; ++r) if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) pivot = r;
    [m[c], m[pivot]] = [m[pivot], m[c]];
    if (Math.abs(m[c][c]) < 1e-12) continue;
    for (let r = 0; r < n; ++r) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let j = c; j <= n; ++j) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[n] / row[i]));
}

/** Weights from coefficients: a component that lowers churn as it rises gets −β, one that does not gets 0; sum 1. */
export function weightsFrom(coefficients: number[]): number[] {
  const raw = coefficients.map((b) => Math.max(0, -b));
  const total = raw.reduce((s, v) => s + v, 0);
  return total > 0 ? raw.map((v) => v / total) : raw;
}

/** The health score rule (re-weighting over present components) with the given weights. */
export function scoreWith(weights: number[], values: (number | null)[]): number | null {
  let num = 0;
  let den = 0;
  values.forEach((v, c) => {
    if (v !== null) {
      num += weights[c] * v;
      den += weights[c];
    }
  });
  return den > 0 ? num / den : null;
}

/** AUC = P(score of a churner < score of a non-churner) + ½ P(tie), over the rows with a score. */
export function auc(rows: {score: number | null; churned: boolean}[]): number | null {
  const scored = rows.filter((r): r is {score: number; churned: boolean} => r.score !== null).sort((a, b) => b.score - a.score);
  let nonAbove = 0;
  let sum = 0;
  let churners = 0;
  for (let i = 0; i < scored.length; ) {
    let j = i;
    let c = 0;
    let n = 0;
    while (j < scored.length && scored[j].score === scored[i].score) {
      if (scored[j].churned) c += 1;
      else n += 1;
      j += 1;
    }
    sum += c * nonAbove + 0.5 * c * n;
    nonAbove += n;
    churners += c;
    i = j;
  }
  return churners > 0 && nonAbove > 0 ? sum / (churners * nonAbove) : null;
}

interface Row {
  mi: number;
  month: string;
  score: number | null;
  churned: boolean;
  values: (number | null)[];
}

async function build(db: Db, ctx: MetricContext): Promise<void> {
  const [y, m] = ctx.asOf.split("-").map(Number);
  const asOfIndex = y * 12 + m - 1;
  // A large book fits on a stable sample of accounts (by MD5 of the id), so memory and time stay bounded.
  const [{n}] = await db.all<{n: number}>(`SELECT count(*)::DOUBLE AS n FROM health WHERE score IS NOT NULL`);
  const every = Math.max(1, Math.ceil(n / MAX_FIT_ROWS));
  const sampled = every > 1 ? `AND (('0x' || left(md5(h.account_id), 8))::UBIGINT % ${every}) = 0` : "";
  // Same outcome as health_validity: scored in M, not active in every one of M+1..M+3.
  const rows = (
    await db.all<Record<string, number | string | boolean | null>>(`
      WITH h AS (
        SELECT h.*, year(mo.month_start) * 12 + month(mo.month_start) - 1 AS mi FROM health h JOIN months mo USING (month)
      ), last_active AS (
        SELECT account_id, mi FROM h ANTI JOIN h AS nxt ON nxt.account_id = h.account_id AND nxt.mi = h.mi + 1
      ), ahead AS (
        SELECT DISTINCT account_id, mi - unnest(range(${VALIDITY_HORIZON})) AS mi FROM last_active
      )
      SELECT h.mi, h.month, h.score, ahead.mi IS NOT NULL AS churned, ${HEALTH_COMPONENTS.map((c) => `h.${ident(c)}`).join(", ")}
      FROM h LEFT JOIN ahead USING (account_id, mi)
      WHERE h.score IS NOT NULL AND h.mi + ${VALIDITY_HORIZON} <= ${asOfIndex} ${sampled}
      ORDER BY h.mi, h.account_id`)
  ).map(
    (r): Row => ({
      mi: Number(r.mi), month: String(r.month), score: r.score as number, churned: Boolean(r.churned),
      values: HEALTH_COMPONENTS.map((c) => (r[c] === null ? null : Number(r[c])))
    })
  );
  const origins = [...new Set(rows.map((r) => r.mi))].sort((a, b) => a - b);
  const holdout = origins.slice(-HOLDOUT_MONTHS);
  const holdoutStart = holdout[0] ?? Infinity;
  // Train on origins whose 3-month outcome was over before the holdout's first origin month.
  const train = rows.filter((r) => r.mi + VALIDITY_HORIZON <= holdoutStart - 1);
  const test = rows.filter((r) => r.mi >= holdoutStart);
  const trainMonths = new Set(train.map((r) => r.mi)).size;
  const trainChurned = train.filter((r) => r.churned).length;
  const testChurned = test.filter((r) => r.churned).length;
  const status =
    holdout.length < HOLDOUT_MONTHS || trainMonths < MIN_TRAIN_MONTHS
      ? "too_short"
      : trainChurned < MIN_TRAIN_CHURNED || testChurned < MIN_HOLDOUT_CHURNED
        ? "too_few_churners"
        : "ok";
  const fit = status === "ok" ? fitLogistic(train) : null;
  const suggested = fit ? weightsFrom(fit.coefficients) : null;
  const configured = HEALTH_COMPONENTS.map((c) => ctx.config.health.weights[c]);
  const monthOf = (mi: number | undefined) => rows.find((r) => r.mi === mi)?.month ?? null;
  const value = (v: number | string | null) => (v === null || (typeof v === "number" && !Number.isFinite(v)) ? "NULL" : typeof v === "number" ? String(v) : `'${v}'`);
  const configuredSum = configured.reduce((s, v) => s + v, 0);
  await db.run(`
    CREATE OR REPLACE TABLE health_weight_fit AS
    SELECT * FROM (VALUES ${HEALTH_COMPONENTS.map(
      (c, i) =>
        `('${c}', ${i}, ${value(configured[i] / configuredSum)}, ${value(suggested ? Math.round(suggested[i] * 1000) / 1000 : null)}, ${value(fit ? Math.round(fit.coefficients[i] * 1e4) / 1e4 : null)})`
    ).join(", ")}) t(component, k, configured_weight, suggested_weight, coefficient)
    ORDER BY k`);
  await db.run(`ALTER TABLE health_weight_fit DROP COLUMN k`);
  const aucConfigured = status === "ok" ? auc(test) : null;
  const aucSuggested = suggested ? auc(test.map((r) => ({score: scoreWith(suggested, r.values), churned: r.churned}))) : null;
  const r4 = (v: number | null) => (v === null ? null : Math.round(v * 1e4) / 1e4);
  await db.run(`
    CREATE OR REPLACE TABLE health_weight_fit_summary AS
    SELECT * FROM (VALUES (${[
      value(status), value(monthOf(train[0]?.mi)), value(monthOf(train.at(-1)?.mi)), trainMonths, train.length, trainChurned,
      value(monthOf(holdout[0])), value(monthOf(holdout.at(-1))), test.length, testChurned, value(r4(aucConfigured)), value(r4(aucSuggested))
    ].join(", ")})) t(status, train_from, train_to, train_months, train_rows, train_churned, holdout_from, holdout_to,
                      holdout_rows, holdout_churned, auc_configured, auc_suggested)`);
}

export const healthWeightDefinitions: Definition[] = [
  {
    id: "health_weight_fit",
    table: "health_weight_fit",
    name: {en: "Suggested health weights (fitted, not applied)", ja: "ヘルススコアの推奨重み（推定値。自動適用しません）"},
    formula: "logit P(churn ≤ 3 months) = β₀ + Σ_c β_c · s_c/100 (missing → training mean, ridge 0.001·n); suggested w_c = max(0, −β_c) / Σ max(0, −β)",
    text: {
      en: `A logistic regression of "churned within 3 months" (as in health_validity) on the six components, fitted on the scored account-months whose 3-month outcome was over before the holdout window: the last ${HOLDOUT_MONTHS} months with a complete outcome. A component whose coefficient is negative (churn falls as it rises) gets a weight proportional to −β; one that does not lower churn gets 0. health_weight_fit_summary compares, on the holdout months only, the AUC of the configured score with the AUC of a score built with the suggested weights (same re-weighting of missing components, global weights only). The weights are never applied: copy them into health.weights to use them. status 'too_short' (fewer than ${HOLDOUT_MONTHS} holdout months or ${MIN_TRAIN_MONTHS} training months) or 'too_few_churners' (fewer than ${MIN_TRAIN_CHURNED} churners to fit on, or ${MIN_HOLDOUT_CHURNED} in the holdout) means the history cannot support a fit, and no weights are suggested. configured_weight is health.weights scaled to sum to 1. Above 200,000 scored account-months, the fit and the comparison use a stable sample of accounts (1 in k, by MD5 of the account id).`,
      ja: `「3か月以内の解約」（health_validityと同じ定義）を6つの構成要素で説明するロジスティック回帰です。ホールドアウト期間（3か月の結果がそろう直近${HOLDOUT_MONTHS}か月）より前に結果が確定した顧客月で推定します。係数が負（値が上がると解約が減る）の要素に −β に比例した重みを、解約を減らさない要素には0を割り当てます。health_weight_fit_summaryはホールドアウト期間だけで、設定中の重みのスコアと推奨重みのスコア（欠損要素の再配分は同じ。全体の重みのみ）のAUCを比べます。推奨重みは自動では適用されません。使う場合はhealth.weightsに書き写してください。statusが 'too_short'（ホールドアウト${HOLDOUT_MONTHS}か月または学習${MIN_TRAIN_MONTHS}か月に満たない）または 'too_few_churners'（学習の解約${MIN_TRAIN_CHURNED}件未満、またはホールドアウトの解約${MIN_HOLDOUT_CHURNED}件未満）の場合は、履歴が推定に足りないため重みを示しません。configured_weightは合計1に換算したhealth.weightsです。スコアのある顧客月が200,000を超える場合は、顧客の安定した標本（顧客IDのMD5によるk件に1件）で推定・比較します。`
    }
  },
  {
    id: "health_weight_fit_summary",
    table: "health_weight_fit_summary",
    name: {en: "Suggested weights: fit and holdout comparison", ja: "推奨重み：推定とホールドアウトでの比較"},
    formula: "auc_configured = AUC(score, holdout); auc_suggested = AUC(score with suggested weights, holdout)",
    text: {
      en: "One row: status ('ok', 'too_short', 'too_few_churners'), the training months (train_from..train_to, train_months, account-months train_rows, churners train_churned), the holdout months and their account-months and churners, and the holdout AUC of the configured score and of the score with the suggested weights (empty unless status is 'ok').",
      ja: "1行のみです。status（'ok'、'too_short'、'too_few_churners'）、学習期間（train_from〜train_to、月数train_months、顧客月train_rows、解約train_churned）、ホールドアウト期間とその顧客月・解約数、ホールドアウト期間での設定中スコアと推奨重みスコアのAUC（statusが'ok'のときのみ）です。"
    }
  }
];

export const healthWeights: MetricFamily = {
  name: "health-weights",
  tables: ["health_weight_fit", "health_weight_fit_summary"],
  definitions: healthWeightDefinitions,
  build
};
