/**
 * account-history-NN.json (NN = 00 … 63): each account's history, sharded by a stable hash of its id so
 * the Accounts page fetches one small file for the account a reader opens, never the whole book.
 * The shard of an account is `accounts_index.shard` (see accounts-index.ts), computed by shardSql.
 *
 * A shard file is {columns: {months: [...], nps: [...], activities: [...], tickets: [...]},
 * accounts: {<account_id>: {months: [[…], …], nps: […], activities: […], tickets: […]}}}: rows as arrays
 * in the order of `columns` (compact: a 100k-account book is ~1.5k accounts per file).
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {literal, type Db} from "../../db.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";

export const HISTORY_SHARDS = 64;

/** Most recent rows kept per account for each event list (the MRR/health months are all kept). */
export const HISTORY_EVENT_CAP = 200;

/**
 * The shard (0 … HISTORY_SHARDS-1) of an account id: the first 32 bits of its MD5, modulo the shard
 * count. MD5 is the same in every DuckDB version and in any other tool, so links and shards stay stable.
 */
export function shardSql(column: string): string {
  return `(('0x' || left(md5(${column}), 8))::UBIGINT % ${HISTORY_SHARDS})::INTEGER`;
}

/** "07" for shard 7: the file name part. */
export function shardName(shard: number): string {
  return String(shard).padStart(2, "0");
}

export const HISTORY_COLUMNS = {
  months: ["month", "mrr", "seats", "movement", "health_score", "health_band"],
  nps: ["date", "score", "survey", "comment"],
  activities: ["date", "type", "csm"],
  tickets: ["created", "priority", "first_response_hours", "resolved", "csat"]
} as const;

type Kind = keyof typeof HISTORY_COLUMNS;
type Cell = string | number | boolean | null;
export interface ShardFile {
  columns: typeof HISTORY_COLUMNS;
  accounts: Record<string, Record<Kind, Cell[][]>>;
}

/**
 * Every list up to the end of the as-of month, oldest first. months: each month the account has a
 * line counted (account_months) plus the month its MRR went to 0 (movement 'churn'), with the month's
 * MRR movement and health score/band. Events: the newest HISTORY_EVENT_CAP of each kind.
 */
function historySql(asOf: string): Record<Kind, string> {
  const end = `last_day(strptime(${literal(asOf)}, '%Y-%m'))`;
  const newest = (order: string) =>
    `QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY ${order}) <= ${HISTORY_EVENT_CAP}`;
  return {
    months: `
      SELECT s.shard, k.account_id, k.month, coalesce(am.mrr, 0) AS mrr, am.seats, mv.movement,
             h.score AS health_score, h.band AS health_band
      FROM (SELECT month, account_id FROM account_months UNION SELECT month, account_id FROM account_movements) k
      JOIN _history_shards s USING (account_id)
      LEFT JOIN account_months am USING (month, account_id)
      LEFT JOIN account_movements mv USING (month, account_id)
      LEFT JOIN health h USING (month, account_id)
      ORDER BY s.shard, k.account_id, k.month`,
    nps: `
      SELECT s.shard, r.account_id, strftime(r.responded_at, '%Y-%m-%d') AS date, r.score, r.survey, r.comment
      FROM nps_responses r JOIN _history_shards s USING (account_id)
      WHERE r.responded_at <= ${end}
      ${newest("r.responded_at DESC, r.response_id DESC")}
      ORDER BY s.shard, r.account_id, r.responded_at, r.response_id`,
    activities: `
      SELECT s.shard, a.account_id, strftime(a.date, '%Y-%m-%d') AS date, a.type, a.csm
      FROM csm_activities a JOIN _history_shards s USING (account_id)
      WHERE a.date <= ${end}
      ${newest("a.date DESC, a.type DESC, a.csm DESC")}
      ORDER BY s.shard, a.account_id, a.date, a.type, a.csm`,
    tickets: `
      SELECT s.shard, t.account_id, strftime(t.created_at, '%Y-%m-%d') AS created, t.priority,
             round(date_diff('minute', t.created_at, t.first_response_at) / 60, 1) AS first_response_hours,
             strftime(t.resolved_at, '%Y-%m-%d') AS resolved, t.csat
      FROM support_tickets t JOIN _history_shards s USING (account_id)
      WHERE t.created_at < ${end} + INTERVAL 1 DAY
      ${newest("t.created_at DESC, t.ticket_id DESC")}
      ORDER BY s.shard, t.account_id, t.created_at, t.ticket_id`
  };
}

/** Builds every shard in memory (one query per kind), keyed by shard number. */
export async function accountHistoryShards(db: Db, ctx: MetricContext): Promise<ShardFile[]> {
  await db.run(`CREATE OR REPLACE TEMP TABLE _history_shards AS SELECT account_id, ${shardSql("account_id")} AS shard FROM accounts`);
  const shards: ShardFile[] = Array.from({length: HISTORY_SHARDS}, () => ({columns: HISTORY_COLUMNS, accounts: {}}));
  const accounts = await db.all<{account_id: string; shard: number}>(`SELECT account_id, shard FROM _history_shards ORDER BY account_id`);
  for (const {account_id, shard} of accounts) {
    shards[shard].accounts[account_id] = {months: [], nps: [], activities: [], tickets: []};
  }
  const sql = historySql(ctx.asOf);
  for (const kind of Object.keys(HISTORY_COLUMNS) as Kind[]) {
    const rows = await db.all<Record<string, Cell>>(sql[kind]);
    for (const row of rows) {
      const entry = shards[row.shard as number].accounts[row.account_id as string];
      entry[kind].push(HISTORY_COLUMNS[kind].map((c) => row[c] ?? null));
    }
  }
  await db.run(`DROP TABLE IF EXISTS temp._history_shards`);
  return shards;
}

export const accountHistory: SiteDataset = {
  name: "account-history",
  async write(db, ctx, dir) {
    const shards = await accountHistoryShards(db, ctx);
    for (const [i, shard] of shards.entries()) {
      await writeFile(join(dir, `account-history-${shardName(i)}.json`), JSON.stringify(shard));
    }
  }
};
