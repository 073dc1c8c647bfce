/**
 * The quarter's MRR bridge and its largest wins and losses by account, from the monthly movements.
 *
 * Bridge: the MRR at the start of the quarter's first computed month (= the end of the month before),
 * the sums of the months' movements, and the MRR at the end of its last computed month. The monthly
 * bridges add up exactly (movements.ts, DECIMAL), and each month starts where the last one ended, so
 * start + new + expansion + reactivation − contraction − churn + fx = end holds for the quarter too.
 *
 * Wins and losses: per account, the sum of its movements in the quarter (new, expansion, reactivation
 * count up; contraction, churn down; exchange-rate movement left out). An account that grew in one
 * month and shrank in another is shown by its net change; the largest positive nets are the wins, the
 * largest negative the losses (ties by account id).
 */
import {ident, type Db} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import {QUARTER_CTE} from "./kpis.js";
import type {AccountChange, QuarterBridge} from "./types.js";

/** Accounts listed per side (wins, losses). */
export const ACCOUNTS_LIMIT = 10;

/** Every quarter's bridge for the whole book, by quarter. */
export async function quarterBridges(db: Db): Promise<Map<string, QuarterBridge>> {
  const rows = await db.all<QuarterBridge>(`
    WITH ${QUARTER_CTE}
    SELECT ql.quarter,
           any_value(mm.mrr_start) FILTER (WHERE mm.month = ql.first_month)::DOUBLE AS mrr_start,
           sum(mm."new")::DOUBLE AS "new", sum(mm.expansion)::DOUBLE AS expansion, sum(mm.reactivation)::DOUBLE AS reactivation,
           sum(mm.contraction)::DOUBLE AS contraction, sum(mm.churn)::DOUBLE AS churn, sum(mm.fx)::DOUBLE AS fx,
           any_value(mm.mrr_end) FILTER (WHERE mm.month = ql.last_month)::DOUBLE AS mrr_end
    FROM mrr_movements mm JOIN mq USING (month) JOIN ql USING (quarter)
    GROUP BY ql.quarter`);
  return new Map(rows.map((r) => [r.quarter, r]));
}

/** Every quarter's largest wins and losses, by quarter. */
export async function accountChanges(db: Db, dim: string | null, limit = ACCOUNTS_LIMIT): Promise<Map<string, {wins: AccountChange[]; losses: AccountChange[]}>> {
  const seg = dim ? `coalesce(a.${ident(dim)}, '${NO_SEGMENT}')` : `'${NO_SEGMENT}'`;
  const rows = await db.all<AccountChange & {quarter: string; side: "win" | "loss"; movements: string}>(`
    WITH ${QUARTER_CTE},
    per AS (
      SELECT mq.quarter, mv.account_id,
             sum(CASE WHEN mv.movement IN ('contraction', 'churn') THEN -mv.amount WHEN mv.movement IS NULL THEN 0 ELSE mv.amount END) AS delta,
             string_agg(mv.movement, ',' ORDER BY mv.month) FILTER (WHERE mv.movement IS NOT NULL) AS movements
      FROM account_movements mv JOIN mq USING (month)
      GROUP BY ALL
    ),
    x AS (
      SELECT per.*, CASE WHEN delta > 0 THEN 'win' ELSE 'loss' END AS side,
             row_number() OVER (PARTITION BY per.quarter, delta > 0 ORDER BY abs(delta) DESC, per.account_id) AS rk
      FROM per WHERE delta <> 0
    )
    SELECT x.quarter, x.side, x.account_id, a.account_name, ${seg} AS segment,
           coalesce(b.mrr, 0)::DOUBLE AS mrr_before, coalesce(e.mrr, 0)::DOUBLE AS mrr_after,
           x.delta::DOUBLE AS delta, x.movements
    FROM x JOIN ql USING (quarter) JOIN months f ON f.month = ql.first_month
    JOIN accounts a USING (account_id)
    LEFT JOIN account_months b ON b.month = f.prev_month AND b.account_id = x.account_id
    LEFT JOIN account_months e ON e.month = ql.last_month AND e.account_id = x.account_id
    WHERE x.rk <= ${Math.max(0, Math.floor(limit))}
    ORDER BY x.quarter, x.side, x.rk`);
  const out = new Map<string, {wins: AccountChange[]; losses: AccountChange[]}>();
  for (const {quarter, side, movements, ...r} of rows) {
    if (!out.has(quarter)) out.set(quarter, {wins: [], losses: []});
    out.get(quarter)![side === "win" ? "wins" : "losses"].push({...r, movements: movements ? movements.split(",") : []});
  }
  return out;
}
