/**
 * The monthly report's KPI values, per month and per view ("all" and each segment of the report's
 * dimension), read from the metric tables. Nothing is re-defined here: each KPI is a column of a
 * metric table (see data/README.md); this module only picks the row for a month and a view.
 */
import {ident, literal, type Db} from "../../db.js";
import type {MetricContext, Month} from "../../metrics/family.js";
import type {KpiKey} from "./types.js";

/** The eight KPIs of the report, in tile order, with their unit and which way is good. */
export const KPI_SPECS: {key: KpiKey; unit: "money" | "rate" | "nps"; better: "higher" | "lower"}[] = [
  {key: "mrr", unit: "money", better: "higher"},
  {key: "nrr", unit: "rate", better: "higher"},
  {key: "grr", unit: "rate", better: "higher"},
  {key: "logo_churn_rate", unit: "rate", better: "lower"},
  {key: "revenue_churn_rate", unit: "rate", better: "lower"},
  {key: "nps", unit: "nps", better: "higher"},
  {key: "health_green_share", unit: "rate", better: "higher"},
  {key: "onboarding_completion_rate", unit: "rate", better: "higher"}
];

/** Everything known about one view in one month. */
export interface MonthValues {
  mrr: number | null;
  nrr: number | null;
  grr: number | null;
  logo_churn_rate: number | null;
  revenue_churn_rate: number | null;
  accounts_start: number | null;
  accounts_churned: number | null;
  mrr_churned: number | null;
  nps: number | null;
  nps_basis: {kind: "month" | "quarter"; period: string; responses: number} | null;
  health_green_share: number | null;
  health_mix: {green: number; yellow: number; red: number; scored: number} | null;
  onboarding_completion_rate: number | null;
  // ─── issue 11: periods, bases, intervals ───
  /** Monthly NRR / GRR (the tiles show the trailing-12-month values in nrr / grr). */
  nrr_monthly: number | null;
  grr_monthly: number | null;
  /** Accounts with MRR at M-12 (the trailing-12-month base). */
  t12m_accounts: number | null;
  logo_churn_t12m: number | null;
  logo_churn_t12m_ci: [number, number] | null;
  logo_churn_ci: [number, number] | null;
  nps_ci: [number, number] | null;
  onboarding_due: number | null;
  onboarding_on_time_rate: number | null;
  onboarding_ci: [number, number] | null;
}

export type ValuesByView = Map<string, Map<Month, MonthValues>>;

const empty = (): MonthValues => ({
  mrr: null,
  nrr: null,
  grr: null,
  logo_churn_rate: null,
  revenue_churn_rate: null,
  accounts_start: null,
  accounts_churned: null,
  mrr_churned: null,
  nps: null,
  nps_basis: null,
  health_green_share: null,
  health_mix: null,
  onboarding_completion_rate: null,
  nrr_monthly: null,
  grr_monthly: null,
  t12m_accounts: null,
  logo_churn_t12m: null,
  logo_churn_t12m_ci: null,
  logo_churn_ci: null,
  nps_ci: null,
  onboarding_due: null,
  onboarding_on_time_rate: null,
  onboarding_ci: null
});

const pair = (lo: number | null, hi: number | null): [number, number] | null => (lo === null || hi === null ? null : [lo, hi]);

/**
 * The dimension the report is filtered by: `segment` (company size) when it is a configured
 * dimension, else the first configured one, else none.
 */
export function reportDimension(ctx: MetricContext): string | null {
  if (ctx.dimensions.includes("segment")) return "segment";
  return ctx.dimensions[0] ?? null;
}

/** Segments of the report's dimension among accounts that ever had a subscription line counted. */
export async function reportSegments(db: Db, dim: string | null): Promise<string[]> {
  if (!dim) return [];
  const rows = await db.all<{s: string}>(`SELECT DISTINCT ${ident(dim)} AS s FROM account_months ORDER BY s`);
  return rows.map((r) => r.s);
}

/** `WHERE` filter on a metric table's (dimension, segment) for the views of the report. */
function viewFilter(dim: string | null): string {
  return dim ? `(dimension = 'all' OR dimension = ${literal(dim)})` : `dimension = 'all'`;
}

/** The view a metric row belongs to: "all" for the total, else its segment. */
const VIEW = `CASE WHEN dimension = 'all' THEN 'all' ELSE segment END`;

/**
 * Reads every KPI for every month and view. NPS uses the month's responses, or the quarter's when the
 * month has fewer than config.npsMinResponses (and the quarter has more responses than the month).
 */
export async function kpiValues(db: Db, ctx: MetricContext, dim: string | null, segments: string[]): Promise<ValuesByView> {
  const months = (await db.all<{month: string}>(`SELECT month FROM months ORDER BY idx`)).map((r) => r.month);
  const views = ["all", ...segments];
  const out: ValuesByView = new Map(views.map((v) => [v, new Map(months.map((m) => [m, empty()]))]));
  const at = (view: string, month: string) => out.get(view)?.get(month);

  // MRR at month end: the sum of account MRR (a month without accounts has MRR 0).
  for (const view of views) for (const m of months) at(view, m)!.mrr = 0;
  const mrr = await db.all<{month: string; view: string; mrr: number}>(`
    SELECT month, 'all' AS view, sum(mrr)::DOUBLE AS mrr FROM account_months GROUP BY month
    ${dim ? `UNION ALL SELECT month, ${ident(dim)}, sum(mrr)::DOUBLE FROM account_months GROUP BY ALL` : ""}`);
  for (const r of mrr) if (at(r.view, r.month)) at(r.view, r.month)!.mrr = r.mrr;

  // Churn, GRR and NRR of the month (churn table; dimension 'all' is the total).
  const churn = await db.all<{
    month: string;
    view: string;
    nrr: number | null;
    grr: number | null;
    logo_churn_rate: number | null;
    revenue_churn_rate: number | null;
    accounts_start: number;
    accounts_churned: number;
    mrr_churned: number;
    ci_low: number | null;
    ci_high: number | null;
  }>(`
    SELECT month, ${VIEW} AS view, nrr, grr, logo_churn_rate, revenue_churn_rate, accounts_start, accounts_churned,
           mrr_churned::DOUBLE AS mrr_churned, logo_churn_ci_low AS ci_low, logo_churn_ci_high AS ci_high
    FROM churn WHERE ${viewFilter(dim)}`);
  for (const r of churn) {
    const v = at(r.view, r.month);
    if (!v) continue;
    Object.assign(v, {
      nrr_monthly: r.nrr,
      grr_monthly: r.grr,
      logo_churn_ci: pair(r.ci_low, r.ci_high),
      logo_churn_rate: r.logo_churn_rate,
      revenue_churn_rate: r.revenue_churn_rate,
      accounts_start: r.accounts_start,
      accounts_churned: r.accounts_churned,
      mrr_churned: r.mrr_churned
    });
  }

  // NRR and GRR on the tiles: trailing 12 months (retention_t12m), with trailing-12-month logo churn.
  const t12m = await db.all<{
    month: string;
    view: string;
    nrr: number | null;
    grr: number | null;
    accounts: number;
    logo: number | null;
    lo: number | null;
    hi: number | null;
  }>(`
    SELECT month, ${VIEW} AS view, nrr_t12m AS nrr, grr_t12m AS grr, accounts_start AS accounts,
           logo_churn_t12m AS logo, logo_churn_t12m_ci_low AS lo, logo_churn_t12m_ci_high AS hi
    FROM retention_t12m WHERE ${viewFilter(dim)}`);
  for (const r of t12m) {
    const v = at(r.view, r.month);
    if (!v) continue;
    Object.assign(v, {nrr: r.nrr, grr: r.grr, t12m_accounts: r.accounts, logo_churn_t12m: r.logo, logo_churn_t12m_ci: pair(r.lo, r.hi)});
  }

  // NPS: month, with the quarter as fallback.
  const npsRows = await db.all<{period: string; view: string; responses: number; nps: number; ci_low: number; ci_high: number}>(`
    SELECT period, ${VIEW} AS view, responses, nps, ci_low, ci_high FROM nps WHERE ${viewFilter(dim)}`);
  const cell = new Map(npsRows.map((r) => [`${r.view}|${r.period}`, r]));
  const min = ctx.config.npsMinResponses;
  for (const view of views) {
    for (const m of months) {
      const month = cell.get(`${view}|${m}`);
      const q = `${m.slice(0, 4)}-Q${Math.floor((+m.slice(5, 7) - 1) / 3) + 1}`;
      const quarter = cell.get(`${view}|${q}`);
      const useQuarter = (!month || month.responses < min) && quarter && quarter.responses > (month?.responses ?? 0);
      const pick = useQuarter ? quarter : month;
      if (!pick) continue;
      const v = at(view, m)!;
      v.nps = pick.nps;
      v.nps_ci = [pick.ci_low, pick.ci_high];
      v.nps_basis = {kind: useQuarter ? "quarter" : "month", period: pick.period, responses: pick.responses};
    }
  }

  // Health mix: shares of scored accounts per band (health_mix table).
  const mixRows = await db.all<{month: string; view: string; scored: number; green: number; yellow: number; red: number; green_share: number | null}>(`
    SELECT month, ${VIEW} AS view, scored, green, yellow, red, green_share FROM health_mix WHERE ${viewFilter(dim)}`);
  for (const r of mixRows) {
    const v = at(r.view, r.month);
    if (!v || !(r.scored > 0)) continue;
    v.health_green_share = r.green_share;
    v.health_mix = {green: r.green / r.scored, yellow: r.yellow / r.scored, red: r.red / r.scored, scored: r.scored};
  }

  // Onboarding completion: of the onboardings whose deadline fell in the trailing quarter (so each had
  // its full deadline), the share complete by month end; on time as the secondary figure (see
  // onboarding_monthly in loaders/metrics/onboarding.ts), so every month's report has it.
  const onboardingRows = await db.all<{month: string; view: string; rate: number | null; due: number; on_time: number | null; lo: number | null; hi: number | null}>(`
    SELECT month, ${VIEW} AS view, completion_rate::DOUBLE AS rate, due, on_time_rate::DOUBLE AS on_time,
           completion_ci_low AS lo, completion_ci_high AS hi
    FROM onboarding_monthly WHERE ${viewFilter(dim)}`);
  for (const r of onboardingRows) {
    const v = at(r.view, r.month);
    if (!v) continue;
    Object.assign(v, {onboarding_completion_rate: r.rate, onboarding_due: r.due, onboarding_on_time_rate: r.on_time, onboarding_ci: pair(r.lo, r.hi)});
  }
  return out;
}

/** Churn per segment of the report's dimension in each month: churned accounts and MRR, accounts at start. */
export async function churnBySegment(
  db: Db,
  dim: string | null
): Promise<Map<Month, {segment: string; accounts: number; mrr: number; start: number}[]>> {
  const out = new Map<Month, {segment: string; accounts: number; mrr: number; start: number}[]>();
  if (!dim) return out;
  const rows = await db.all<{month: string; segment: string; accounts: number; mrr: number; start: number}>(`
    SELECT month, segment, accounts_churned AS accounts, mrr_churned::DOUBLE AS mrr, accounts_start AS start
    FROM churn WHERE dimension = ${literal(dim)} AND accounts_start > 0
    ORDER BY month, mrr_churned DESC, segment`);
  for (const r of rows) {
    if (!out.has(r.month)) out.set(r.month, []);
    out.get(r.month)!.push({segment: r.segment, accounts: r.accounts, mrr: r.mrr, start: r.start});
  }
  return out;
}
