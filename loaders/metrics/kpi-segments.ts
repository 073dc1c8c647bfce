/**
 * Segment breakdowns shared by the CS KPI families (adoption, support, expansion, ltv, onboarding,
 * activity_effect): every row is counted once in the total (`dimension = 'all'`, `segment = 'all'`)
 * and once per segment dimension (`dimension = 'segment'`, `segment = 'SMB'` ...).
 */
import {ident, literal} from "../db.js";
import {NO_SEGMENT} from "./account-months.js";

/** `, coalesce(alias."d", '(none)') AS "d"` for each dimension: segment columns read from `accounts`. */
export function accountSegmentColumns(dimensions: string[], alias = "a"): string {
  return dimensions.map((d) => `, coalesce(${alias}.${ident(d)}, '${NO_SEGMENT}') AS ${ident(d)}`).join("");
}

/**
 * A query over `source` (a table or CTE name that has the dimension columns) returning each row once
 * per breakdown, with two leading columns `dimension, segment`. Aggregate it by dimension, segment.
 */
export function explodeSegments(source: string, dimensions: string[]): string {
  const parts = [`SELECT 'all' AS dimension, 'all' AS segment, * FROM ${source}`];
  for (const d of dimensions) parts.push(`SELECT ${literal(d)} AS dimension, ${ident(d)} AS segment, * FROM ${source}`);
  return parts.join("\nUNION ALL ");
}

/** ORDER BY expression putting the total first, then dimensions and segments alphabetically. */
export const SEGMENT_ORDER = `dimension <> 'all', dimension, segment`;
