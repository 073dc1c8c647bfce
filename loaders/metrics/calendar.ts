/**
 * The reporting calendar: which months are computed, and the `months` helper table every metric
 * joins against (month, month_start, month_end, prev_month, idx).
 */
import type {ReportConfig} from "../config.js";
import type {Db} from "../db.js";
import type {MetricContext, Month} from "./family.js";
import {deriveTouch, needsTouch} from "./touch.js";

/**
 * The default as-of month: the latest month in which an observed event falls (a subscription start,
 * an NPS response, a usage month, a ticket, a CSM activity). End dates do not count: contracts often
 * end in the future.
 */
export async function latestObservedMonth(db: Db): Promise<Month | null> {
  const [row] = await db.all<{m: string | null}>(`
    SELECT strftime(max(d), '%Y-%m') AS m FROM (
      SELECT max(start_date) AS d FROM subscriptions
      UNION ALL SELECT max(responded_at) FROM nps_responses
      UNION ALL SELECT max(month) FROM usage
      UNION ALL SELECT max(created_at)::DATE FROM support_tickets
      UNION ALL SELECT max(date) FROM csm_activities
    )`);
  return row?.m ?? null;
}

/** Account columns to report as segment dimensions: the configured ones that exist in accounts. */
export async function segmentDimensions(db: Db, config: ReportConfig): Promise<string[]> {
  const columns = await db.all<{name: string; type: string}>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'accounts'`
  );
  const strings = new Set(columns.filter((c) => c.type === "VARCHAR").map((c) => c.name));
  return config.segments.filter((s) => strings.has(s) && s !== "account_id" && s !== "account_name");
}

/** Resolves as-of and first month, and creates the `months` table spanning them. */
export async function metricContext(db: Db, config: ReportConfig): Promise<MetricContext> {
  const asOf = config.asOf ?? (await latestObservedMonth(db));
  if (!asOf) throw new Error("no observed events in the inputs: cannot choose an as-of month (set asOf in the config)");
  const [first] = await db.all<{m: string | null}>(`SELECT strftime(min(start_date), '%Y-%m') AS m FROM subscriptions`);
  const firstMonth = first?.m && first.m < asOf ? first.m : asOf;
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
