/**
 * The reporting calendar: which months are computed, and the `months` helper table every metric
 * joins against (month, month_start, month_end, prev_month, idx).
 */
import type {ReportConfig} from "../config.js";
import type {Db} from "../db.js";
import {checkCalendarSpan, checkSegments} from "./calendar-guard.js";
import type {MetricContext, Month} from "./family.js";
import {deriveTouch, needsTouch} from "./touch.js";

/**
 * With no activity feed besides subscriptions, ends after the last start count only when none lies
 * more than this many months after it: an export taken mid-term carries contract ends scheduled up to
 * a year ahead (annual terms), while a book whose last events are churns has them close behind.
 */
export const SCHEDULED_END_MONTHS = 3;

/**
 * The default as-of month: the last month with any activity in the inputs. Activity is a subscription
 * start, a response, a usage month, a ticket, a CSM activity, and a subscription end that has
 * happened. The exports carry no export date, so "happened" is read from the data:
 *  - with an activity feed (responses, usage, tickets or CSM activities: recorded when they happen,
 *    never ahead), an end has happened when it is on or before the latest feed event or start; ends
 *    after it are contract ends scheduled after the export and never move the as-of month;
 *  - with subscriptions alone, ends after the last start count too (a book whose last event is a
 *    churn ends in that churn's month), unless some end lies more than SCHEDULED_END_MONTHS months
 *    after the last start: then the exports hold scheduled ends and only ends up to the last start count.
 */
export async function latestObservedMonth(db: Db): Promise<Month | null> {
  const [row] = await db.all<{feed: string | null; starts: string | null; last_end: string | null}>(`
    SELECT (SELECT strftime(max(d), '%Y-%m') FROM (
              SELECT max(responded_at) AS d FROM nps_responses
              UNION ALL SELECT max(month) FROM usage
              UNION ALL SELECT max(created_at)::DATE FROM support_tickets
              UNION ALL SELECT max(date) FROM csm_activities)) AS feed,
           (SELECT strftime(max(start_date), '%Y-%m') FROM subscriptions) AS starts,
           (SELECT strftime(max(end_date), '%Y-%m') FROM subscriptions) AS last_end`);
  const {feed = null, starts = null, last_end: lastEnd = null} = row ?? {};
  const other = [feed, starts].filter((m): m is string => m !== null).sort().at(-1) ?? null;
  if (!other) return lastEnd;
  if (feed !== null || !lastEnd || lastEnd <= other) return other;
  // Subscriptions alone, and some end after the last start: count them unless one is scheduled beyond the window.
  return lastEnd <= addMonths(other, SCHEDULED_END_MONTHS) ? lastEnd : other;
}

/**
 * Account columns to report as segment dimensions: the configured ones. A name that is not a text
 * column of accounts, or that clashes with the report's own columns, stops the build (calendar-guard.ts).
 */
export async function segmentDimensions(db: Db, config: ReportConfig): Promise<string[]> {
  const columns = await db.all<{name: string; type: string}>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'accounts'`
  );
  checkSegments(config, columns);
  return [...config.segments];
}

/** Resolves as-of and first month, and creates the `months` table spanning them. */
export async function metricContext(db: Db, config: ReportConfig): Promise<MetricContext> {
  const asOf = config.asOf ?? (await latestObservedMonth(db));
  if (!asOf) throw new Error("no observed events in the inputs: cannot choose an as-of month (set asOf in the config)");
  const [first] = await db.all<{m: string | null}>(`SELECT strftime(min(start_date), '%Y-%m') AS m FROM subscriptions`);
  const firstMonth = first?.m && first.m < asOf ? first.m : asOf;
  await checkCalendarSpan(db, config, firstMonth, asOf);
  await createMonths(db, firstMonth, asOf);
  // issue 19: the derived touch-model dimension, before the dimensions are read from accounts.
  if (await needsTouch(db, config.segments)) await deriveTouch(db, config.touch, asOf);
  return {asOf, firstMonth, config, dimensions: await segmentDimensions(db, config)};
}

/** months(month 'YYYY-MM', month_start DATE, month_end DATE, prev_month 'YYYY-MM', idx 0..n-1). */
export async function createMonths(db: Db, firstMonth: Month, asOf: Month): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TABLE months AS
     SELECT strftime(d, '%Y-%m') AS month,
            d::DATE AS month_start,
            last_day(d)::DATE AS month_end,
            strftime(d - INTERVAL 1 MONTH, '%Y-%m') AS prev_month,
            (row_number() OVER (ORDER BY d) - 1)::INTEGER AS idx
     FROM range(strptime(?, '%Y-%m'), strptime(?, '%Y-%m') + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(d)
     ORDER BY d`,
    [firstMonth, asOf]
  );
}

/** Adds k months to "YYYY-MM". */
export function addMonths(month: Month, k: number): Month {
  const [y, m] = month.split("-").map(Number);
  const i = y * 12 + (m - 1) + k;
  return `${String(Math.floor(i / 12)).padStart(4, "0")}-${String((i % 12) + 1).padStart(2, "0")}`;
}
