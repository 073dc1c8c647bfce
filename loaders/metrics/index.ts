/** Every metric family, in build order (later families may read earlier families' tables). */
import type {MetricFamily} from "./family.js";
// core-metrics:imports
// kpi-metrics:imports

export const FAMILIES: MetricFamily[] = [
  // core-metrics:families
  // kpi-metrics:families
];
