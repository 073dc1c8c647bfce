/**
 * usage: staged one row per account per month, so daily (or weekly) exports work: `month` is the
 * first day of the month, active_users and seats are the month's maximum, key_events its sum.
 * Row accounting counts the file's rows (rows_accepted = input rows accepted, not staged rows).
 */
import type {Db} from "../db.js";
import {CHECKED, colNames} from "./rules.js";

export async function insertUsage(db: Db): Promise<void> {
  const p = (name: string) => colNames(name).p;
  await db.run(
    `INSERT INTO usage
     SELECT ${p("account_id")}, CAST(date_trunc('month', ${p("month")}) AS DATE), max(${p("active_users")}), max(${p("seats")}), sum(${p("key_events")})
     FROM ${CHECKED} WHERE __fail IS NULL
     GROUP BY 1, 2 ORDER BY min(__seq)`
  );
}
