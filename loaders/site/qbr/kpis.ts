/**
 * The quarter's KPI values per view ("all" and each segment of the report's dimension), read from the
 * metric tables with SQL, and the quarter-over-quarter / year-over-year comparisons.
 *
 * - MRR: at the end of the quarter's last computed month (account_months).
 * - Net new MRR: the quarter's movements, new + expansion + reactivation − contraction − churn
 *   (account_movements; exchange-rate movement excluded).
 * - NRR / GRR: trailing 12 months at the quarter's last computed month (retention_t12m).
 * - Logo / revenue churn: POOLED over the quarter's months (churn): Σ accounts churned / Σ accounts at
 *   start, and Σ (churned + contracted MRR) / Σ MRR at start. Not a mean of monthly rates: a month with
 *   more accounts at risk weighs more. n is the account-months at risk; the interval is Wilson's on
 *   those counts.
 * - NPS: the responses of the quarter (the nps table's YYYY-Qn rows), with its 95% interval.
 * - Health: share of scored accounts in the green band at the quarter's end (health_mix).
 */
import {ident, literal, type Db} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import {compareWithIntervals, isSmallSample, wilson} from "../../metrics/small-sample.js";
import {addQuarters, type Quarter, type QuarterSpan} from "./quarters.js";
import type {QuarterKpi, QuarterKpiKey, QuarterPeriod, SegmentQuarter} from "./types.js";

export interface QuarterValues {
  mrr: number | null;
  net_new_mrr: number | null;
  nrr: number | null;
  grr: number | null;
  t12m_accounts: number | null;
  account_months: number;
  accounts_churned: number;
  mrr_at_start: number;
  mrr_lost: number;
  nps: number | null;
  nps_ci: [number, number] | null;
  nps_responses: number | null;
  health_green: number | null;
  health_scored: number | null;
}

/** view → quarter → values. */
export type QuarterValuesByView = Map<string, Map<Quarter, QuarterValues>>;

const empty = (): QuarterValues => ({
  mrr: null,
  net_new_mrr: null,
  nrr: null,
  grr: null,
  t12m_accounts: null,
  account_months: 0,
  accounts_churned: 0,
  mrr_at_start: 0,
  mrr_lost: 0,
  nps: null,
  nps_ci: null,
  nps_responses: null,
  health_green: null,
  health_scored: null
});

/** The quarter of a months row, in SQL ("2026-Q4"). */
export const QUARTER_SQL = `(year(month_start) || '-Q' || quarter(month_start))`;

/** months with their quarter, and each quarter's last computed month. */
export const QUARTER_CTE = `
  mq AS (SELECT month, idx, ${QUARTER_SQL} AS quarter FROM months),
  ql AS (SELECT quarter, max(month) AS last_month, min(month) AS first_month FROM mq GROUP BY quarter)`;

const VIEW = `CASE WHEN dimension = 'all' THEN 'all' ELSE segment END`;
const viewFilter = (dim: string | null) => (dim ? `(dimension = 'all' OR dimension = ${literal(dim)})` : `dimension = 'all'`);

/** Every quarter's values for every view, from the metric tables. */
export async function quarterValues(db: Db, dim: string | null, views: string[], quarters: QuarterSpan[]): Promise<QuarterValuesByView> {
  const out: QuarterValuesByView = new Map(views.map((v) => [v, new Map(quarters.map((q) => [q.quarter, empty()]))]));
  const at = (view: string, quarter: string) => out.get(view)?.get(quarter);
  for (const view of views) for (const q of quarters) at(view, q.quarter)!.mrr = 0;
  const seg = dim ? `coalesce(a.${ident(dim)}, '${NO_SEGMENT}')` : null;

  // MRR at quarter end (as the monthly report sums it: account_months, segment as of that month).
  const mrr = await db.all<{quarter: string; view: string; mrr: number}>(`
    WITH ${QUARTER_CTE}
    SELECT ql.quarter, 'all' AS view, sum(am.mrr)::DOUBLE AS mrr FROM account_months am JOIN ql ON ql.last_month = am.month GROUP BY ALL
    ${dim ? `UNION ALL SELECT ql.quarter, am.${ident(dim)}, sum(am.mrr)::DOUBLE FROM account_months am JOIN ql ON ql.last_month = am.month GROUP BY ALL` : ""}`);
  for (const r of mrr) {
    const v = at(r.view, r.quarter);
    if (v) v.mrr = r.mrr;
  }

  // The quarter's net new MRR: its accounts' movements (segment as in the MRR bridge, accounts.ts).
  const moves = await db.all<{quarter: string; view: string; net_new: number}>(`
    WITH ${QUARTER_CTE},
    x AS (
      SELECT mq.quarter, mv.movement, mv.amount, ${seg ?? "NULL"} AS segment
      FROM account_movements mv JOIN mq USING (month) JOIN accounts a USING (account_id)
      WHERE mv.movement IS NOT NULL
    ),
    v AS (SELECT 'all' AS view, * FROM x ${dim ? "UNION ALL SELECT segment, * FROM x" : ""})
    SELECT view, quarter,
           sum(CASE WHEN movement IN ('contraction', 'churn') THEN -amount ELSE amount END)::DOUBLE AS net_new
    FROM v GROUP BY ALL`);
  for (const r of moves) {
    const v = at(r.view, r.quarter);
    if (v) v.net_new_mrr = r.net_new;
  }
  for (const view of views) for (const q of quarters) at(view, q.quarter)!.net_new_mrr ??= 0;

  // Churn pooled over the quarter's months.
  const churn = await db.all<{quarter: string; view: string; n: number; k: number; start: number; lost: number}>(`
    WITH ${QUARTER_CTE}
    SELECT mq.quarter, ${VIEW} AS view, sum(accounts_start)::BIGINT AS n, sum(accounts_churned)::BIGINT AS k,
           sum(mrr_start)::DOUBLE AS start, sum(mrr_churned + mrr_contraction)::DOUBLE AS lost
    FROM churn JOIN mq USING (month)
    WHERE ${viewFilter(dim)}
    GROUP BY ALL`);
  for (const r of churn) {
    const v = at(r.view, r.quarter);
    if (v) Object.assign(v, {account_months: Number(r.n), accounts_churned: Number(r.k), mrr_at_start: r.start, mrr_lost: r.lost});
  }

  // Trailing-12-month NRR / GRR at the quarter's last month.
  const t12m = await db.all<{quarter: string; view: string; nrr: number | null; grr: number | null; n: number}>(`
    WITH ${QUARTER_CTE}
    SELECT ql.quarter, ${VIEW} AS view, nrr_t12m AS nrr, grr_t12m AS grr, accounts_start AS n
    FROM retention_t12m r JOIN ql ON ql.last_month = r.month
    WHERE ${viewFilter(dim)}`);
  for (const r of t12m) {
    const v = at(r.view, r.quarter);
    if (v) Object.assign(v, {nrr: r.nrr, grr: r.grr, t12m_accounts: Number(r.n)});
  }

  // NPS of the quarter's responses.
  const nps = await db.all<{quarter: string; view: string; responses: number; nps: number; lo: number; hi: number}>(`
    SELECT period AS quarter, ${VIEW} AS view, responses, nps, ci_low AS lo, ci_high AS hi
    FROM nps WHERE period LIKE '%-Q%' AND ${viewFilter(dim)}`);
  for (const r of nps) {
    const v = at(r.view, r.quarter);
    if (v) Object.assign(v, {nps: r.nps, nps_ci: [r.lo, r.hi], nps_responses: Number(r.responses)});
  }

  // Green share at the quarter's end.
  const health = await db.all<{quarter: string; view: string; green: number; scored: number}>(`
    WITH ${QUARTER_CTE}
    SELECT ql.quarter, ${VIEW} AS view, green, scored FROM health_mix h JOIN ql ON ql.last_month = h.month
    WHERE ${viewFilter(dim)}`);
  for (const r of health) {
    const v = at(r.view, r.quarter);
    if (v && r.scored > 0) Object.assign(v, {health_green: Number(r.green), health_scored: Number(r.scored)});
  }
  return out;
}

export const QUARTER_KPIS: {key: QuarterKpiKey; unit: QuarterKpi["unit"]; better: QuarterKpi["better"]; period: QuarterPeriod}[] = [
  {key: "mrr", unit: "money", better: "higher", period: "quarter-end"},
  {key: "net_new_mrr", unit: "money", better: "higher", period: "quarter"},
  {key: "nrr", unit: "rate", better: "higher", period: "trailing-12-months"},
  {key: "grr", unit: "rate", better: "higher", period: "trailing-12-months"},
  {key: "logo_churn_rate", unit: "rate", better: "lower", period: "monthly-pooled"},
  {key: "revenue_churn_rate", unit: "rate", better: "lower", period: "monthly-pooled"},
  {key: "nps", unit: "nps", better: "higher", period: "quarter"},
  {key: "health_green_share", unit: "rate", better: "higher", period: "quarter-end"}
];

export interface Minimums {
  minSampleSize: number;
  npsMinResponses: number;
}

interface Reading {
  value: number | null;
  n: number | null;
  nUnit: QuarterKpi["nUnit"];
  interval: [number, number] | null;
  small: boolean;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** One KPI's value, n, interval and small-sample flag in one quarter. */
export function readQuarter(key: QuarterKpiKey, v: QuarterValues | undefined, min: Minimums): Reading {
  const small = (n: number | null) => isSmallSample(n, min.minSampleSize);
  if (!v) return {value: null, n: null, nUnit: null, interval: null, small: true};
  switch (key) {
    case "mrr":
      return {value: v.mrr, n: null, nUnit: null, interval: null, small: false};
    case "net_new_mrr":
      return {value: v.net_new_mrr, n: null, nUnit: null, interval: null, small: false};
    case "nrr":
    case "grr":
      return {value: v[key], n: v.t12m_accounts, nUnit: "accounts", interval: null, small: small(v.t12m_accounts)};
    case "logo_churn_rate":
      return {
        value: ratio(v.accounts_churned, v.account_months),
        n: v.account_months,
        nUnit: "account_months",
        interval: wilson(v.accounts_churned, v.account_months),
        small: small(v.account_months)
      };
    case "revenue_churn_rate":
      return {value: ratio(v.mrr_lost, v.mrr_at_start), n: v.account_months, nUnit: "account_months", interval: null, small: small(v.account_months)};
    case "nps":
      return {value: v.nps, n: v.nps_responses, nUnit: "responses", interval: v.nps_ci, small: isSmallSample(v.nps_responses, min.npsMinResponses)};
    case "health_green_share": {
      const n = v.health_scored;
      const k = v.health_green;
      return {value: n && k !== null ? k / n : null, n, nUnit: "accounts", interval: n && k !== null ? wilson(k, n) : null, small: small(n)};
    }
  }
}

/** Rounds away floating-point noise (0.1 − 0.0909… keeps 12 significant digits). */
const clean = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(12)));

/** The quarter's KPI tiles with their comparisons against the previous quarter and a year earlier. */
export function quarterKpis(byQuarter: Map<Quarter, QuarterValues>, spans: Map<Quarter, {partial: boolean}>, quarter: Quarter, min: Minimums): QuarterKpi[] {
  const prev = addQuarters(quarter, -1);
  const year = addQuarters(quarter, -4);
  return QUARTER_KPIS.map((spec) => {
    const r = readQuarter(spec.key, byQuarter.get(quarter), min);
    const other = (q: Quarter) => {
      if (!byQuarter.has(q)) return null;
      // A flow over a partial quarter (fewer months) does not compare with a full one.
      if (spec.key === "net_new_mrr" && (spans.get(q)?.partial || spans.get(quarter)?.partial)) return null;
      return readQuarter(spec.key, byQuarter.get(q), min);
    };
    const p = other(prev);
    const y = other(year);
    const diff = (o: Reading | null) => (o === null || r.value === null || o.value === null ? null : clean(r.value - o.value));
    const verdict = (o: Reading | null) =>
      o === null ? null : compareWithIntervals({value: r.value, interval: r.interval, small: r.small}, {value: o.value, interval: o.interval, small: o.small});
    return {
      key: spec.key,
      unit: spec.unit,
      better: spec.better,
      period: spec.period,
      value: r.value === null ? null : clean(r.value),
      previous: byQuarter.has(prev) ? readQuarter(spec.key, byQuarter.get(prev), min).value : null,
      lastYear: byQuarter.has(year) ? readQuarter(spec.key, byQuarter.get(year), min).value : null,
      deltaPrevious: diff(p),
      deltaLastYear: diff(y),
      n: r.n,
      nUnit: r.nUnit,
      interval: r.interval,
      small: r.small,
      verdictPrevious: verdict(p),
      verdictLastYear: verdict(y)
    };
  });
}

/** Retention and churn per segment of the report's dimension in one quarter. */
export function segmentRows(values: QuarterValuesByView, segments: string[], quarter: Quarter, min: Minimums): SegmentQuarter[] {
  return segments.flatMap((segment) => {
    const v = values.get(segment)?.get(quarter);
    if (!v || (v.mrr === 0 && v.account_months === 0 && v.net_new_mrr === 0)) return [];
    const logo = readQuarter("logo_churn_rate", v, min);
    return [
      {
        segment,
        mrr: v.mrr ?? 0,
        net_new_mrr: v.net_new_mrr ?? 0,
        nrr: v.nrr,
        grr: v.grr,
        t12m_accounts: v.t12m_accounts,
        t12m_small: isSmallSample(v.t12m_accounts, min.minSampleSize),
        account_months: v.account_months,
        accounts_churned: v.accounts_churned,
        logo_churn_rate: logo.value,
        logo_churn_ci: logo.interval,
        revenue_churn_rate: readQuarter("revenue_churn_rate", v, min).value,
        small: logo.small
      }
    ];
  });
}
