/**
 * The derived `touch` dimension (issue 19): each account's touch model (high, low or tech) from a
 * configurable rule, added to `accounts` as a column so every family can break its metrics down by it
 * like any other account dimension. Used when "touch" is in config.segments and accounts has no
 * `touch` column of its own (a user's own assignment always wins).
 *
 * Rule (config.touch): an account without a named CSM (empty, or one of `pooledCsms`) is tech touch;
 * otherwise its MRR decides: at or above `highMrr` high touch, at or above `lowMrr` low touch, below
 * it tech touch. The MRR is the account's MRR in its latest month with MRR > 0 up to the as-of month,
 * so an account keeps the model it had when it last paid (a churned account is not re-labelled tech
 * touch by its churn). The assignment is one per account (today's model), so a series by touch shows
 * how the accounts now in each model have behaved, not how the model's membership moved over time.
 */
import type {TouchConfig} from "../config.js";
import {literal, type Db} from "../db.js";
import type {Month} from "./family.js";

export const TOUCH_DIMENSION = "touch";
export const TOUCH_MODELS = ["high", "low", "tech"] as const;

/** The SQL CASE of the rule, over a CSM name expression and an MRR expression. */
export function touchRuleSql(rule: TouchConfig, csm: string, mrr: string): string {
  const pooled = rule.pooledCsms.length ? ` OR trim(${csm}) IN (${rule.pooledCsms.map((c) => literal(c.trim())).join(", ")})` : "";
  return `CASE WHEN ${csm} IS NULL OR trim(${csm}) = ''${pooled} THEN 'tech'
               WHEN coalesce(${mrr}, 0) >= ${Number(rule.highMrr)} THEN 'high'
               WHEN coalesce(${mrr}, 0) >= ${Number(rule.lowMrr)} THEN 'low'
               ELSE 'tech' END`;
}

/** Whether the touch column must be derived: requested as a segment, and not in the user's accounts. */
export async function needsTouch(db: Db, segments: string[]): Promise<boolean> {
  if (!segments.includes(TOUCH_DIMENSION)) return false;
  const [row] = await db.all<{n: number}>(
    `SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = ${literal(TOUCH_DIMENSION)}`
  );
  return row.n === 0;
}

/** Adds accounts.touch by the rule. Needs the `months` table (first month .. asOf). */
export async function deriveTouch(db: Db, rule: TouchConfig, asOf: Month): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __touch_mrr AS
    WITH lm AS (
      SELECT m.month, s.account_id, sum(s.mrr) AS mrr
      FROM months m
      JOIN subscriptions s ON s.start_date <= m.month_end AND (s.end_date IS NULL OR s.end_date > m.month_end)
      WHERE m.month <= ${literal(asOf)}
      GROUP BY ALL
    )
    SELECT account_id, arg_max(mrr, month) AS mrr FROM lm WHERE mrr > 0 GROUP BY account_id`);
  await db.run(`ALTER TABLE accounts ADD COLUMN ${TOUCH_DIMENSION} VARCHAR`);
  await db.run(`UPDATE accounts SET ${TOUCH_DIMENSION} = ${touchRuleSql(rule, "accounts.csm", "(SELECT t.mrr FROM __touch_mrr t WHERE t.account_id = accounts.account_id)")}`);
  await db.run(`DROP TABLE temp.__touch_mrr`);
}
