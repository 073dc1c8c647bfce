/**
 * accounts_index.arrow: one row per account, for the Accounts page's search and list: id, name, segment
 * columns, owner CSM, status and MRR in the as-of month, first and last month with MRR, health score and
 * band in the as-of month, latest NPS response, and the shard of its history file (account-history.ts).
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {ident, literal, type Db} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {bookShardCount, HISTORY_SHARDS, shardSql} from "./account-history.js";
import {queryToArrow, type Encoding} from "../arrow.js";

/**
 * status: 'active' (MRR > 0 in the as-of month), 'churned' (had MRR before, none now), 'trial' (only
 * zero-MRR lines so far), 'none' (no line ever counted). NPS: the newest response up to the as-of month.
 */
export function accountsIndexSql(ctx: MetricContext, shards = HISTORY_SHARDS): string {
  const asOf = literal(ctx.asOf);
  const dims = ctx.dimensions.filter((d) => d !== "csm").map((d) => `, coalesce(a.${ident(d)}, '${NO_SEGMENT}') AS ${ident(d)}`);
  return `
    WITH paid AS (
      SELECT account_id, min(month) FILTER (WHERE mrr > 0) AS first_month, max(month) FILTER (WHERE mrr > 0) AS last_month
      FROM account_months GROUP BY account_id
    ),
    cur AS (SELECT account_id, mrr FROM account_months WHERE month = ${asOf}),
    h AS (SELECT account_id, score, band FROM health WHERE month = ${asOf}),
    n AS (
      SELECT account_id, score, responded_at FROM nps_responses
      WHERE account_id IS NOT NULL AND responded_at <= last_day(strptime(${asOf}, '%Y-%m'))
      QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY responded_at DESC, response_id DESC) = 1
    )
    SELECT a.account_id, a.account_name ${dims.join("")}, a.csm,
           CASE WHEN cur.mrr > 0 THEN 'active' WHEN paid.first_month IS NOT NULL THEN 'churned'
                WHEN cur.account_id IS NOT NULL THEN 'trial' ELSE 'none' END AS status,
           coalesce(cur.mrr, 0) AS mrr, paid.first_month, paid.last_month,
           h.score AS health_score, h.band AS health_band,
           n.score AS nps_score, strftime(n.responded_at, '%Y-%m-%d') AS nps_date,
           ${shardSql("a.account_id", shards)} AS shard
    FROM accounts a
    LEFT JOIN paid USING (account_id)
    LEFT JOIN cur USING (account_id)
    LEFT JOIN h USING (account_id)
    LEFT JOIN n USING (account_id)
    ORDER BY a.account_id`;
}

/** Repeated values are dictionary-encoded: a 100k-account index stays a few MB. */
export function accountsIndexEncodings(ctx: MetricContext): Record<string, Encoding> {
  const dict = [...ctx.dimensions, "csm", "status", "first_month", "last_month", "health_band"];
  return {...Object.fromEntries(dict.map((c) => [c, "dictionary" as const])), nps_score: "int32", shard: "int32"};
}

/** Rows of accounts_top.arrow: the Accounts page's list before any search (its MAX_RESULTS). */
export const ACCOUNTS_TOP = 500;

/** The index's first `top` accounts by as-of MRR (largest first, then by id), the page's default list. */
export function accountsTopSql(ctx: MetricContext, shards = HISTORY_SHARDS, top = ACCOUNTS_TOP): string {
  return `SELECT * FROM (${accountsIndexSql(ctx, shards)}) ORDER BY mrr DESC, account_id LIMIT ${Math.max(0, Math.floor(top))}`;
}

/** accounts_summary.json: how many accounts the book has, by status, and how many accounts_top lists. */
export async function accountsSummary(db: Db, ctx: MetricContext, top = ACCOUNTS_TOP): Promise<{accounts: number; status: Record<string, number>; top: number}> {
  const rows = await db.all<{status: string; n: number}>(`SELECT status, count(*) AS n FROM (${accountsIndexSql(ctx)}) GROUP BY status ORDER BY status`);
  const accounts = rows.reduce((n, r) => n + r.n, 0);
  return {accounts, status: Object.fromEntries(rows.map((r) => [r.status, r.n])), top: Math.min(accounts, top)};
}

/**
 * Three files: the whole index (loaded by the page only when the reader searches or filters), the
 * top ACCOUNTS_TOP by MRR (the list the page opens with: the same bytes for 1,000 accounts or
 * 100,000) and the counts that say how many accounts the list is the top of.
 */
export const accountsIndex: SiteDataset = {
  name: "accounts-index",
  async write(db: Db, ctx, dir) {
    const shards = await bookShardCount(db);
    await writeFile(join(dir, "accounts_index.arrow"), await queryToArrow(db, accountsIndexSql(ctx, shards), accountsIndexEncodings(ctx)));
    await writeFile(join(dir, "accounts_top.arrow"), await queryToArrow(db, accountsTopSql(ctx, shards), accountsIndexEncodings(ctx)));
    await writeFile(join(dir, "accounts_summary.json"), JSON.stringify({...(await accountsSummary(db, ctx)), shards}));
  }
};
