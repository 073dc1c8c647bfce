/**
 * The small-sample rule and the intervals every report surface uses, defined once.
 *
 * - A rate or score based on fewer observations than the configured minimum (config.minSampleSize,
 *   30 by default; NPS uses config.npsMinResponses) is a *small sample*: it is shown, marked, and left
 *   out of every verdict (target met / not met, better / worse, "mostly <segment>").
 * - A proportion k / n carries its 95% Wilson score interval; NPS its 95% normal interval (nps.ts).
 * - A difference between two values (two months, two segments) is stated as real only when their 95%
 *   intervals do not overlap; otherwise it is "within normal variation". Non-overlap is conservative
 *   (it needs a larger gap than a two-sample test) so that the summary never over-states a change.
 *
 * The SQL builders below are used inside the metric tables (churn, retention_t12m, onboarding), so the
 * numbers a page shows come with their interval and flag from the build; the TypeScript twins are for
 * the report's tiles and summary (loaders/site/report), which combine values already computed.
 */
import type {Definition} from "./family.js";

/** z for a two-sided 95% interval (the same 1.96 as the NPS interval). */
export const Z95 = 1.96;

/** Default minimum number of observations (accounts, responses) for a rate to be read on its own. */
export const DEFAULT_MIN_SAMPLE = 30;

/** SQL: the 95% Wilson interval of k successes out of n (NULL when n = 0), as [low, high] expressions. */
export function wilsonSql(k: string, n: string, z = Z95): {low: string; high: string} {
  const z2 = z * z;
  const p = `((${k})::DOUBLE / nullif(${n}, 0))`;
  const nn = `nullif((${n})::DOUBLE, 0)`;
  const centre = `((${p} + ${z2} / (2 * ${nn})) / (1 + ${z2} / ${nn}))`;
  const half = `((${z} / (1 + ${z2} / ${nn})) * sqrt(greatest(${p} * (1 - ${p}) / ${nn} + ${z2} / (4 * ${nn} * ${nn}), 0)))`;
  // greatest/least skip NULLs in DuckDB, so n = 0 is tested explicitly.
  return {
    low: `(CASE WHEN (${n}) > 0 THEN greatest(${centre} - ${half}, 0) END)::DOUBLE`,
    high: `(CASE WHEN (${n}) > 0 THEN least(${centre} + ${half}, 1) END)::DOUBLE`
  };
}

/** SQL: true when n observations are fewer than the minimum. */
export function smallSampleSql(n: string, min: number): string {
  return `((${n}) < ${Math.trunc(min)})`;
}

/** The 95% Wilson interval of k out of n; null when n is 0. */
export function wilson(k: number, n: number, z = Z95): [number, number] | null {
  if (!(n > 0)) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt(Math.max(p * (1 - p) / n + z2 / (4 * n * n), 0));
  return [Math.max(centre - half, 0), Math.min(centre + half, 1)];
}

/** True when n observations are fewer than the minimum (n unknown counts as small). */
export function isSmallSample(n: number | null | undefined, min: number): boolean {
  return n === null || n === undefined || !(n >= min);
}

export type Interval = [number, number] | null | undefined;

/**
 * Whether a difference between two values is real by the rule: both have an interval and the
 * intervals do not overlap. Values without an interval (a census such as MRR) compare as exact.
 * Returns "higher" / "lower" (a against b) or "same" (within normal variation).
 */
export function compareWithIntervals(
  a: {value: number | null; interval?: Interval; small?: boolean},
  b: {value: number | null; interval?: Interval; small?: boolean}
): "higher" | "lower" | "same" | null {
  if (a.value === null || b.value === null) return null;
  if (a.small || b.small) return "same";
  const ia = a.interval ?? [a.value, a.value];
  const ib = b.interval ?? [b.value, b.value];
  if (ia[0] > ib[1]) return "higher";
  if (ia[1] < ib[0]) return "lower";
  return "same";
}

/** The rule and the interval, as the Definitions page and data/README.md state them. */
export function smallSampleDefinitions(table: string): Definition[] {
  return [
    {
      id: "small_sample_rule",
      table,
      name: {en: "Small-sample rule", ja: "少数サンプルのルール"},
      formula: "small_sample = n < minSampleSize (default 30; NPS: npsMinResponses); a difference is real ⇔ the two 95% intervals do not overlap",
      text: {
        en: "One rule for every page: a rate or score computed from fewer observations than the configured minimum (n: accounts at the start for churn, accounts due for onboarding, responses for NPS) is marked small_sample. It is still shown, with its n and interval, but it never gets a target verdict (met / not met), a better/worse colour or arrow, or a place in a summary sentence that names a segment. A change between months or a difference between segments is stated as real only when both 95% intervals exist and do not overlap; otherwise the summary says it is within normal variation. Money ratios (NRR, GRR, revenue churn) are a census of the accounts' MRR, not a sample: they carry no interval and compare exactly, but they still follow the small-sample rule by their number of accounts.",
        ja: "すべてのページに共通のルールです。設定の最小数（minSampleSize、既定30。NPSは npsMinResponses）より少ない観測数（n：解約率は期首顧客数、オンボーディングは期限を迎えた顧客数、NPSは回答数）から計算した率やスコアには small_sample の印を付けます。値は n と信頼区間とともに表示しますが、目標の達成・未達、良化・悪化の色や矢印、セグメント名を挙げる要約文には使いません。月ごとの変化やセグメント間の差は、両方の95%信頼区間があり、重ならない場合にのみ実際の差として記述し、それ以外は「通常の変動の範囲内」と記述します。金額ベースの比率（NRR・GRR・レベニューチャーン）は標本ではなく全数のため信頼区間はなく、そのまま比較しますが、顧客数による少数サンプルのルールは適用します。"
      }
    },
    {
      id: "wilson_interval",
      table,
      name: {en: "95% interval of a proportion (Wilson)", ja: "割合の95%信頼区間（Wilson法）"},
      formula: "p̂ = k / n; centre = (p̂ + z²/2n) / (1 + z²/n); half = z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²); z = 1.96; [centre − half, centre + half] clipped to [0, 1]",
      text: {
        en: "Columns ending in _ci_low and _ci_high bound the 95% Wilson score interval of a proportion k / n (for logo churn: accounts churned out of accounts at start). Unlike p̂ ± 1.96·√(p̂(1 − p̂)/n) it stays inside 0 … 1 and does not collapse to a point when k is 0 or n: 0 churned out of 75 gives 0% to 4.9%. Empty when n is 0.",
        ja: "_ci_low・_ci_high で終わる列は、割合 k / n（カスタマーチャーンでは期首顧客数に対する解約顧客数）の95% Wilson スコア信頼区間です。p̂ ± 1.96·√(p̂(1 − p̂)/n) と違い0〜1の範囲に収まり、k が0や n のときも幅を持ちます（75社中0社の解約なら0%〜4.9%）。n が0の場合は空欄です。"
      }
    }
  ];
}
