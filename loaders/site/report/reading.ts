/**
 * How to read each KPI tile: the period its value covers, the observations behind it (n), its 95%
 * interval and whether it is a small sample, all taken from the metric tables' columns (kpis.ts); the
 * rule itself is loaders/metrics/small-sample.ts. The tiles and the summary both read these fields,
 * so they cannot disagree.
 */
import type {Month} from "../../metrics/family.js";
import {compareWithIntervals, isSmallSample, wilson} from "../../metrics/small-sample.js";
import type {MonthValues} from "./kpis.js";
import type {Kpi, KpiKey, KpiPeriod} from "./types.js";

export interface Reading {
  period: KpiPeriod;
  n: number | null;
  nUnit: Kpi["nUnit"];
  interval: [number, number] | null;
  small: boolean;
  secondary?: Kpi["secondary"];
}

export interface Minimums {
  minSampleSize: number;
  npsMinResponses: number;
}

/** The reading of one KPI in one month of one view. */
export function readingOf(key: KpiKey, v: MonthValues | undefined, min: Minimums): Reading {
  const small = (n: number | null) => isSmallSample(n, min.minSampleSize);
  switch (key) {
    case "mrr":
      return {period: "month-end", n: null, nUnit: null, interval: null, small: false};
    case "nrr":
    case "grr": {
      const n = v?.t12m_accounts ?? null;
      const monthly = key === "nrr" ? v?.nrr_monthly : v?.grr_monthly;
      return {period: "trailing-12-months", n, nUnit: "accounts", interval: null, small: small(n), secondary: {kind: "monthly", value: monthly ?? null}};
    }
    case "logo_churn_rate": {
      const n = v?.accounts_start ?? null;
      return {
        period: "monthly",
        n,
        nUnit: "accounts",
        interval: v?.logo_churn_ci ?? null,
        small: small(n),
        secondary: {kind: "t12m", value: v?.logo_churn_t12m ?? null, interval: v?.logo_churn_t12m_ci ?? null}
      };
    }
    case "revenue_churn_rate": {
      const n = v?.accounts_start ?? null;
      // Trailing-12-month revenue churn is what GRR leaves: 1 − grr_t12m.
      const grr = v?.grr ?? null;
      return {period: "monthly", n, nUnit: "accounts", interval: null, small: small(n), secondary: {kind: "t12m", value: grr === null ? null : 1 - grr}};
    }
    case "nps": {
      const n = v?.nps_basis?.responses ?? null;
      return {period: "month-or-quarter", n, nUnit: "responses", interval: v?.nps_ci ?? null, small: isSmallSample(n, min.npsMinResponses)};
    }
    case "health_green_share": {
      const n = v?.health_mix?.scored ?? null;
      const share = v?.health_green_share ?? null;
      const interval = n !== null && share !== null ? wilson(Math.round(share * n), n) : null;
      return {period: "month-end", n, nUnit: "accounts", interval, small: small(n)};
    }
    case "onboarding_completion_rate": {
      const n = v?.onboarding_due ?? null;
      return {
        period: "trailing-quarter",
        n,
        nUnit: "onboardings",
        interval: v?.onboarding_ci ?? null,
        small: small(n),
        secondary: {kind: "on_time", value: v?.onboarding_on_time_rate ?? null}
      };
    }
  }
}

/** Whether `value` against `other` (another month's value of the same KPI) is a real change. */
export function verdict(
  value: number | null,
  reading: Reading,
  other: number | null,
  otherReading: Reading | null
): "higher" | "lower" | "same" | null {
  if (!otherReading) return null;
  return compareWithIntervals({value, interval: reading.interval, small: reading.small}, {value: other, interval: otherReading.interval, small: otherReading.small});
}

export type {Month};
