/** Every metric family, in build order (later families may read earlier families' tables). */
import {accountMonths} from "./account-months.js";
import type {MetricFamily} from "./family.js";
// core-metrics:imports
import {churn} from "./churn.js";
import {movements} from "./movements.js";
import {nps} from "./nps.js";
import {retention} from "./retention.js";
import {revenueRetention} from "./revenue-retention.js";
import {segmentMonths} from "./segments.js";
// kpi-metrics:imports
import {activityEffect} from "./activity-effect.js";
import {adoption} from "./adoption.js";
import {csmPortfolio} from "./csm-portfolio.js";
import {expansion} from "./expansion.js";
import {healthValidity} from "./health-validity.js";
import {health} from "./health.js";
import {ltv} from "./ltv.js";
import {onboarding} from "./onboarding.js";
import {support} from "./support.js";
// issue 11: intervals, small samples and partial periods on earlier families' tables
import {intervals} from "./intervals.js";
import {billing} from "./billing.js";
// issue 15: churn forecast
import {churnForecast} from "./churn-forecast.js";
import {healthWeights} from "./health-weights.js";
// issue 19: change attribution, Service Qualified Leads
import {changeAttributionFamily} from "./change-attribution.js";
import {leads} from "./leads.js";

export const FAMILIES: MetricFamily[] = [
  accountMonths,
  // core-metrics:families
  movements,
  segmentMonths,
  churn,
  revenueRetention,
  retention,
  nps,
  // kpi-metrics:families
  health,
  healthValidity,
  onboarding,
  adoption,
  support,
  expansion,
  ltv,
  csmPortfolio,
  activityEffect,
  intervals,
  billing,
  churnForecast,
  healthWeights,
  // issue 19
  changeAttributionFamily,
  leads,
];

/**
 * The families' working tables that nothing after the metrics reads (segment membership by month and
 * its keys, the trailing-12-month cells, subscription lines by month), views first. The site export
 * drops them so that a large book's memory goes to its own work (issue 16); `npm run metrics` and
 * custom metrics run before that and may read them.
 */
export const WORKING_TABLES = {
  views: ["segment_months"],
  tables: ["segment_rows", "account_segments", "t12m_cells", "line_months"]
} as const;
