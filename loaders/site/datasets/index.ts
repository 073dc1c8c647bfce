/** Every site dataset, written once per build by exportSiteData. */
import type {SiteDataset} from "../dataset.js";
import {metricTables} from "./metric-tables.js";
// report-site:imports
import {report} from "./report.js";
// analysis-site:imports
import {accountHistory} from "./account-history.js";
import {accountsIndex} from "./accounts-index.js";
import {cohorts} from "./cohorts.js";
import {healthAccounts} from "./health-accounts.js";
import {healthDistribution} from "./health-distribution.js";
import {movementsSegments} from "./mrr-movements-segments.js";
import {npsComments} from "./nps-comments.js";
import {npsScores} from "./nps-scores.js";
import {onboardingOverdue} from "./onboarding-overdue.js";
// issue 15: churn forecast on the report
import {churnForecastReport} from "./churn-forecast-report.js";
// issue 19
import {kpiTree} from "./kpi-tree.js";
// issue 16: a bounded site
import {exploreByMonth} from "./explore-by-month.js";
import {listTotalsDataset} from "./list-totals.js";
import {csmPortfolio} from "./csm-portfolio.js";
import {leadsWon} from "./leads-won.js";
// issue 17: quarterly business review
import {qbr} from "./qbr.js";
// issue 17: the monthly digests (read the report JSON, so after `report`)
import {digest} from "./digest.js";

export const DATASETS: SiteDataset[] = [
  metricTables,
  // report-site:datasets
  report,
  // analysis-site:datasets
  accountsIndex,
  accountHistory,
  movementsSegments,
  cohorts,
  npsScores,
  npsComments,
  healthDistribution,
  healthAccounts,
  onboardingOverdue,
  churnForecastReport,
  // issue 19
  kpiTree,
  // issue 16
  exploreByMonth,
  listTotalsDataset,
  csmPortfolio,
  leadsWon,
  // issue 17
  qbr,
  digest,
];
