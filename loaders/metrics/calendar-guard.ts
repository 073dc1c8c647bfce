/**
 * Guards on what the report is asked to compute (issue 14): the segment dimensions must be text
 * columns of accounts with names of their own, and the reporting calendar must stay within
 * `maxMonths`, so that one implausible date cannot make a calendar of centuries (and a run of hours).
 */
import {ConfigError, type ReportConfig} from "../config.js";
import type {Db} from "../db.js";

/**
 * Names the metrics use for their own columns and dimensions: an account column of the same name
 * would be silently shadowed by them (a segment called `mrr` would read the account's MRR).
 */
export const RESERVED_SEGMENT_NAMES = [
  "all", "plan", "product", "month", "account_id", "account_name", "mrr", "seats", "dimension", "dim_idx",
  "account_mrr", "idx", "month_start", "month_end", "prev_month", "subscription_id"
];

/** Throws ConfigError for a configured segment that is not a text column of accounts, or that clashes with an internal name. */
export function checkSegments(config: Pick<ReportConfig, "segments">, columns: {name: string; type: string}[]): void {
  const text = columns.filter((c) => c.type === "VARCHAR" && !RESERVED_SEGMENT_NAMES.includes(c.name)).map((c) => c.name);
  for (const s of config.segments) {
    if (RESERVED_SEGMENT_NAMES.includes(s)) {
      throw new ConfigError(
        `config: "segments" lists "${s}", a name the report uses for its own ${["plan", "product", "all"].includes(s) ? "dimension" : "column"}; ` +
          `rename that accounts column in the config (tables: {accounts: {columns: {"${s}": "${s}_tier"}}}) and list "${s}_tier" instead`
      );
    }
    const col = columns.find((c) => c.name === s);
    if (!col) throw new ConfigError(`config: "segments" lists "${s}", which is not a column of accounts (text columns: ${text.join(", ")})`);
    if (col.type !== "VARCHAR") throw new ConfigError(`config: "segments" lists "${s}", which is a ${col.type} column of accounts, not text`);
  }
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/**
 * Throws ConfigError when first month .. as-of spans more than maxMonths, naming both ends and where
 * they come from, so the one bad date (or the as-of setting) can be fixed.
 */
export async function checkCalendarSpan(db: Db, config: ReportConfig, firstMonth: string, asOf: string): Promise<void> {
  const months = monthIndex(asOf) - monthIndex(firstMonth) + 1;
  if (months <= config.maxMonths) return;
  const [first] = await db.all<{account_id: string; d: string}>(
    `SELECT account_id, CAST(start_date AS VARCHAR) AS d FROM subscriptions ORDER BY start_date, account_id LIMIT 1`
  );
  const end = config.asOf
    ? `the as-of month ${asOf} (asOf / --as-of)`
    : `the latest observed event ${(await latestEvent(db)) ?? asOf}`;
  throw new ConfigError(
    `the report would span ${firstMonth}..${asOf} (${months} months), more than maxMonths (${config.maxMonths}): ` +
      `from the earliest subscription start_date ${first?.d ?? firstMonth} (account ${first?.account_id ?? "?"}) to ${end}. ` +
      `Fix that date, set asOf closer to the data, or raise maxMonths in the config`
  );
}

/** "subscriptions.start_date 2090-06-01 (account A2)": the event that set the default as-of month. */
async function latestEvent(db: Db): Promise<string | null> {
  const [row] = await db.all<{t: string; c: string; d: string; a: string | null}>(`
    SELECT t, c, CAST(ts::DATE AS VARCHAR) AS d, a FROM (
      SELECT 'subscriptions' AS t, 'start_date' AS c, start_date::TIMESTAMP AS ts, account_id AS a FROM subscriptions
      UNION ALL SELECT 'nps_responses', 'responded_at', responded_at::TIMESTAMP, account_id FROM nps_responses
      UNION ALL SELECT 'usage', 'month', month::TIMESTAMP, account_id FROM usage
      UNION ALL SELECT 'support_tickets', 'created_at', created_at, account_id FROM support_tickets
      UNION ALL SELECT 'csm_activities', 'date', date::TIMESTAMP, account_id FROM csm_activities
    ) ORDER BY ts DESC, t, a LIMIT 1`);
  return row ? `${row.t}.${row.c} ${row.d}${row.a ? ` (account ${row.a})` : ""}` : null;
}
