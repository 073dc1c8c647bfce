/** The monthly report's data, as written to report-YYYY-MM.json (read by src/components/report.js). */
import type {Locale, TargetKey} from "../../config.js";
import type {Month} from "../../metrics/family.js";
import type {ReportAttribution} from "./attribution.js";

export type KpiKey = TargetKey;
export type KpiUnit = "money" | "rate" | "nps";

export interface SeriesPoint {
  month: Month;
  value: number | null;
}

export interface Kpi {
  key: KpiKey;
  unit: KpiUnit;
  /** Which way is good: churn rates are better lower. */
  better: "higher" | "lower";
  value: number | null;
  /** The value in the previous month, and in the same month a year earlier (null when not computed). */
  previous: number | null;
  lastYear: number | null;
  lastYearMonth: Month;
  /** value − previous / value − lastYear (money: amount; rates: fraction difference; NPS: points). */
  deltaPrevious: number | null;
  deltaLastYear: number | null;
  /** Money only: relative change (value / previous − 1). */
  changePrevious: number | null;
  changeLastYear: number | null;
  target: number | null;
  /** value meets target (≥ for higher-is-better, ≤ for lower-is-better); null without target or value. */
  met: boolean | null;
  /** The 13 months ending in the report month (months before the first computed month left out). */
  series: SeriesPoint[];
  /** NPS: which period the value is for (the quarter when the month has too few responses). */
  basis?: {kind: "month" | "quarter"; period: string; responses: number};
  /** Onboarding: the metric exists for the as-of month only (no monthly history). */
  /** Health: shares of scored accounts per band. */
  mix?: {green: number; yellow: number; red: number; scored: number};
  // ─── issue 11: what the number measures and how sure it is (loaders/site/report/reading.ts) ───
  /** The period of `value` (and of the target it is compared with). */
  period: KpiPeriod;
  /** Observations behind the value (accounts at start, responses, onboardings due, accounts scored); null for MRR. */
  n: number | null;
  /** What n counts, for the label ("accounts", "responses", "onboardings"). */
  nUnit: "accounts" | "responses" | "onboardings" | null;
  /** 95% interval of the value (Wilson for proportions, normal for NPS); null for census figures. */
  interval: [number, number] | null;
  /** n below the minimum: the value is shown, marked, and gets no verdict (met stays null). */
  small: boolean;
  /** Whether the change against last month / last year is real by the interval rule; null when unknown. */
  verdictPrevious: "higher" | "lower" | "same" | null;
  verdictLastYear: "higher" | "lower" | "same" | null;
  /** The other form of the rate, shown as a second line (monthly NRR, trailing-12-month churn, on-time rate). */
  secondary?: {kind: "monthly" | "t12m" | "on_time"; value: number | null; interval?: [number, number] | null};
}

export type KpiPeriod = "month-end" | "trailing-12-months" | "monthly" | "trailing-quarter" | "month-or-quarter";

export interface Bridge {
  month: Month;
  mrr_start: number;
  new: number;
  expansion: number;
  reactivation: number;
  contraction: number;
  churn: number;
  /** Exchange-rate movement (issue 13: billing lines in several currencies); 0 otherwise. */
  fx: number;
  mrr_end: number;
}

export interface Mover {
  account_id: string;
  account_name: string | null;
  segment: string;
  mrr_before: number;
  mrr_after: number;
  /** mrr_after − mrr_before (negative for churn and contraction). */
  delta: number;
}

export interface AtRiskAccount {
  account_id: string;
  account_name: string | null;
  segment: string;
  csm: string | null;
  mrr: number;
  score: number | null;
  band: string | null;
  /** Why: "red" (health band red), "renewal" (a line ends within 90 days while usage falls). */
  reasons: ("red" | "renewal")[];
  /** Earliest end date of an uncovered line ending within 90 days after month end. */
  renewal_date: string | null;
  /** Mean monthly active users over M-2..M and over M-5..M-3 (months without a row count as 0). */
  users_recent: number | null;
  users_prior: number | null;
}

export interface AtRisk {
  /** Every at-risk account of the view; `accounts` holds the largest `accounts.length` by MRR. */
  count: number;
  mrr: number;
  red: number;
  renewal: number;
  accounts: AtRiskAccount[];
}

export interface ReportView {
  /** "all", or a segment of the report's dimension. */
  segment: string;
  kpis: Kpi[];
  bridge: Bridge;
  movers: {churn: Mover[]; contraction: Mover[]; expansion: Mover[]};
  atRisk: AtRisk;
  /** Sentences in the report's language, generated from the numbers above. */
  summary: string[];
}

export interface MonthlyReport {
  month: Month;
  asOf: Month;
  latest: boolean;
  locale: Locale;
  currency: string;
  previousMonth: Month | null;
  lastYearMonth: Month;
  /** The account dimension the report can be filtered by (null when accounts have none). */
  dimension: string | null;
  /** Segments of that dimension, in order; views has one entry per segment plus "all". */
  segments: string[];
  views: Record<string, ReportView>;
  rules: {
    atRiskRenewalDays: number;
    usageWindowMonths: number;
    /** Usage is falling when recent ≤ fallingRatio × prior. */
    fallingRatio: number;
    moversLimit: number;
    atRiskLimit: number;
    npsMinResponses: number;
    /** issue 11: the small-sample minimum for every other rate. */
    minSampleSize: number;
  };
  /** issue 19: why NRR, GRR and logo churn moved, by segment of `dimension` (null without a comparison). */
  attribution: ReportAttribution | null;
}

/** One line per month of the archive page (reports-index.json). */
export interface ReportIndexRow {
  month: Month;
  mrr: number | null;
  mrr_change: number | null;
  nrr: number | null;
  grr: number | null;
  logo_churn_rate: number | null;
  revenue_churn_rate: number | null;
  nps: number | null;
  health_green_share: number | null;
  onboarding_completion_rate: number | null;
  accounts_churned: number | null;
  at_risk: number;
}
