/**
 * Dates and times in the inputs: one reporting time zone, a plausible range, and order within a row.
 *
 * - Time zone: every timestamp is staged as the wall-clock time in the report's zone (`timeZone` in
 *   the config, default UTC). A timestamp written with an offset or `Z`/`UTC` is converted to that
 *   zone; one without is taken as already in it. A date column given a timestamp takes its day in
 *   that zone. ingest() sets DuckDB's session zone to it (setTimeZone), so typed Parquet TIMESTAMPTZ
 *   columns convert the same way whatever the machine's own zone is.
 * - Range: a date outside `dateRange` (default 1990-01-01..2099-12-31) is quarantined
 *   (`out_of_range`): a year 2999 or 0024 is a typo, and one such row would otherwise stretch the
 *   reporting calendar over centuries.
 * - Order: a row's later date must not come before its earlier one (schema `after` / `notBefore`).
 */
import type {ReportConfig} from "../config.js";
import {literal, type Db} from "../db.js";

export interface DateRange {
  from: string;
  to: string;
}

export const DEFAULT_DATE_RANGE: DateRange = {from: "1990-01-01", to: "2099-12-31"};

/** A time, then a zone suffix: Z, UTC or a real offset (+09, +0900, +09:00; at most 14 hours), optionally after a space. */
const ZONED = `([0-9]:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?) ?(Z|UTC|[+-](0[0-9]|1[0-4])(:?[0-5][0-9])?)$`;

/**
 * A cleaned ISO cell `t` as a TIMESTAMP in the session's (the report's) zone, or NULL. Cells without
 * a zone suffix (nearly all) are cast directly, which keeps wall-clock times exactly as written (no
 * daylight-saving gap can move them); zoned cells go through TIMESTAMPTZ, which honours the offset.
 */
export function isoTimestampSql(t: string): string {
  // DuckDB's TIMESTAMPTZ cast wants seconds, and the offset right after them: "10:00 +09:00" -> "10:00:00+09:00", Z/UTC -> +00.
  const seconds = `regexp_replace(${t}, '([T ][0-9]{1,2}:[0-9]{2}) ?(Z|UTC|[+-][0-9]{2}(:?[0-9]{2})?)$', '\\1:00\\2')`;
  const utc = `regexp_replace(${seconds}, ' ?(Z|UTC)$', '+00')`;
  const normalized = `regexp_replace(${utc}, ' ([+-][0-9]{2}(:?[0-9]{2})?)$', '\\1')`;
  return `CASE WHEN length(${t}) > 10 AND regexp_matches(${t}, '${ZONED}')
    THEN TRY_CAST(TRY_CAST(${normalized} AS TIMESTAMPTZ) AS TIMESTAMP)
    ELSE TRY_CAST(${t} AS TIMESTAMP) END`;
}

/** Sets DuckDB's session time zone to the report's (the zone timestamps are staged in). */
export async function setTimeZone(db: Db, config: Pick<ReportConfig, "timeZone">): Promise<void> {
  await db.run(`SET TimeZone = ${literal(config.timeZone)}`);
}

/** SQL saying parsed value `p` (DATE or TIMESTAMP) lies outside the plausible range. */
export function outsideRangeSql(p: string, range: DateRange): string {
  return `(${p} < DATE ${literal(range.from)} OR ${p} >= DATE ${literal(range.to)} + INTERVAL 1 DAY)`;
}

/** The quarantine reason of a date outside the range (`t`: the cell as written). */
export function outsideRangeReason(column: string, t: string, range: DateRange): string {
  return `${literal(`out_of_range: ${column} `)} || ${t} || ${literal(` outside the plausible dates ${range.from}..${range.to} (config dateRange)`)}`;
}

/** "YYYY-MM-DD" that is a real calendar day. */
export function isIsoDay(s: unknown): s is string {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Whether `zone` is an IANA time-zone name both Intl and DuckDB (ICU) know. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || !zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", {timeZone: zone});
    return true;
  } catch {
    return false;
  }
}
