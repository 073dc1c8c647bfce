/** The quarterly business review's data, as written to qbr-YYYY-Qn.json (read by src/components/qbr.js). */
import type {Locale} from "../../config.js";
import type {Month} from "../../metrics/family.js";
import type {Quarter} from "./quarters.js";

export type QuarterKpiKey =
  | "mrr"
  | "net_new_mrr"
  | "nrr"
  | "grr"
  | "logo_churn_rate"
  | "revenue_churn_rate"
  | "nps"
  | "health_green_share";

/**
 * What a quarter's value covers: the end of its last computed month, the quarter's months pooled, or
 * the trailing 12 months ending at the quarter's last computed month.
 */
export type QuarterPeriod = "quarter-end" | "quarter" | "monthly-pooled" | "trailing-12-months";

export interface QuarterKpi {
  key: QuarterKpiKey;
  unit: "money" | "rate" | "nps";
  better: "higher" | "lower";
  period: QuarterPeriod;
  value: number | null;
  /** The previous quarter's value, and the same quarter a year earlier (null when not computed). */
  previous: number | null;
  lastYear: number | null;
  /** value − previous / value − lastYear; null when either is missing, or for a flow (net new MRR)
   * when either quarter is partial (two months of movements do not compare with three). */
  deltaPrevious: number | null;
  deltaLastYear: number | null;
  /** Observations behind the value (account-months at risk, responses, accounts); null for money. */
  n: number | null;
  nUnit: "account_months" | "responses" | "accounts" | null;
  interval: [number, number] | null;
  /** Fewer observations than the minimum: shown with n, no verdict. */
  small: boolean;
  /** Whether the change is real by the interval rule (small-sample.ts); null when not compared. */
  verdictPrevious: "higher" | "lower" | "same" | null;
  verdictLastYear: "higher" | "lower" | "same" | null;
}

export interface QuarterBridge {
  quarter: Quarter;
  /** MRR at the end of the month before the quarter's first computed month. */
  mrr_start: number;
  new: number;
  expansion: number;
  reactivation: number;
  contraction: number;
  churn: number;
  fx: number;
  /** MRR at the end of the quarter's last computed month: start + new + expansion + reactivation − contraction − churn + fx. */
  mrr_end: number;
}

export interface SegmentQuarter {
  segment: string;
  mrr: number;
  net_new_mrr: number;
  nrr: number | null;
  grr: number | null;
  /** Accounts with MRR 12 months before the quarter's last month (the NRR/GRR base). */
  t12m_accounts: number | null;
  t12m_small: boolean;
  account_months: number;
  accounts_churned: number;
  logo_churn_rate: number | null;
  logo_churn_ci: [number, number] | null;
  revenue_churn_rate: number | null;
  small: boolean;
}

export interface Verbatim {
  date: string;
  category: "promoter" | "passive" | "detractor";
  score: number;
  comment: string;
}

export interface QuarterNps {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  interval: [number, number] | null;
  small: boolean;
  /** Responses with a comment, per category (no theme classification exists: counts and verbatims). */
  comments: {promoter: number; passive: number; detractor: number};
  /** Up to VERBATIMS_PER_CATEGORY comments per category, newest first. */
  verbatims: Verbatim[];
}

export interface HealthMixAt {
  month: Month;
  scored: number;
  green: number;
  yellow: number;
  red: number;
}

export interface QuarterHealth {
  /** Mix at the end of the month before the quarter (null when that month is not computed). */
  start: HealthMixAt | null;
  end: HealthMixAt | null;
  /** Accounts scored at both dates, by band then and now (bands in order green, yellow, red). */
  transitions: {from: "green" | "yellow" | "red"; to: "green" | "yellow" | "red"; accounts: number}[];
  /** Of those: moved to a better band, a worse one, the same. Plus scored accounts that left / joined. */
  up: number;
  down: number;
  same: number;
  left: number;
  joined: number;
}

export interface AccountChange {
  account_id: string;
  account_name: string | null;
  segment: string;
  /** MRR at the end of the month before the quarter and at the end of its last computed month. */
  mrr_before: number;
  mrr_after: number;
  /** Sum of the account's movements in the quarter (exchange-rate movement excluded). */
  delta: number;
  /** The kinds of movement it had in the quarter, in month order. */
  movements: string[];
}

export interface QuarterForecast {
  made_at: Month;
  first_month: Month;
  last_month: Month;
  expected_churn_mrr: number | null;
  low: number | null;
  high: number | null;
}

export interface QuarterlyReview {
  quarter: Quarter;
  months: Month[];
  partial: boolean;
  /** The quarter holds the first computed month: that month's MRR counts as new in the bridge. */
  opening: boolean;
  asOf: Month;
  locale: Locale;
  currency: string;
  previousQuarter: Quarter | null;
  lastYearQuarter: Quarter | null;
  dimension: string | null;
  kpis: QuarterKpi[];
  bridge: QuarterBridge;
  segments: SegmentQuarter[];
  nps: QuarterNps | null;
  health: QuarterHealth;
  wins: AccountChange[];
  losses: AccountChange[];
  /** Churned MRR expected over the three months after the quarter's last computed month. */
  forecast: QuarterForecast | null;
  rules: {minSampleSize: number; npsMinResponses: number; accountsLimit: number; verbatimsPerCategory: number};
}

export interface QuarterIndexRow {
  quarter: Quarter;
  months: Month[];
  partial: boolean;
  mrr: number | null;
  net_new_mrr: number | null;
  nrr: number | null;
  grr: number | null;
  logo_churn_rate: number | null;
  logo_churn_small: boolean;
  nps: number | null;
  nps_small: boolean;
}
