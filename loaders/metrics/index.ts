/** Every metric family, in build order (later families may read earlier families' tables). */
import {accountMonths} from "./account-months.js";
import type {MetricFamily} from "./family.js";
// core-metrics:imports
// kpi-metrics:imports

export const FAMILIES: MetricFamily[] = [
  accountMonths,
  // core-metrics:families
  // kpi-metrics:families
];
