/**
 * account-history-NN.json (NN = 00 … 63): each account's history, sharded by a stable hash of its id so
 * the Accounts page fetches one small file for the account a reader opens, never the whole book.
 * The shard of an account is `accounts_index.shard` (see accounts-index.ts), computed by shardSql.
 *
 * A shard file is {"columns": {"months": [...], "nps": [...], "activities": [...], "tickets": [...]},
 * "accounts": {"<account_id>": {"months": [[…], …], "nps": […], "activities": […], "tickets": […]}}}:
 * rows as arrays in the order of `columns`, oldest first. DuckDB writes the JSON (json_array escapes
 * every string), so a 100k-account book never passes through JavaScript objects.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {HEALTH_COMPONENTS} from "../../config.js";
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
  months: ["month", "mrr", "seats", "movement", "health_score", "health_band", "health_change", "health_drivers", "health_products"],
  nps: ["date", "score", "survey", "comment"],
  activities: ["date", "type", "csm"],
  tickets: ["created", "priority", "first_response_hours", "resolved", "csat"]
} as const;

type Kind = keyof typeof HISTORY_COLUMNS;
export type Cell = string | number | null;
export interface ShardFile {
  columns: typeof HISTORY_COLUMNS;
  accounts: Record<string, Record<Kind, Cell[][]>>;
}

/**
 * One row per (account, item) for each list, up to the end of the as-of month: `k` orders the rows,
 * `cells` are the list's columns. months: every month the account has a line counted (account_months)
 * plus the month its MRR went to 0, with the month's MRR movement and health score and band. Events:
 * the newest HISTORY_EVENT_CAP of each kind.
 */
/**
 * health_drivers: the change of each component's points since last month, in HEALTH_COMPONENTS order
 * (null when the account was not scored the month before); health_products: [product, MRR share, score]
 * per product line, for accounts on more than one.
 */
const driverChanges = `CASE WHEN hd.score_change IS NOT NULL THEN json_array(${HEALTH_COMPONENTS.map((c) => `hd.${c}_change`).join(", ")}) END`;

function listSql(kind: Kind, asOf: string, inShards: (column: string) => string): string {
  const end = `last_day(strptime(${literal(asOf)}, '%Y-%m'))`;
  const newest = (order: string) => `QUALIFY row_number() OVER (PARTITION BY account_id ORDER BY ${order}) <= ${HISTORY_EVENT_CAP}`;
  switch (kind) {
    case "months":
      return `
        SELECT k.account_id, k.month AS k,
               json_array(k.month, coalesce(am.mrr, 0)::DOUBLE, am.seats, mv.movement, h.score, h.band,
                          hd.score_change, ${driverChanges}, hp.products) AS cells
        FROM (SELECT month, account_id FROM account_months UNION SELECT month, account_id FROM account_movements) k
        LEFT JOIN account_months am USING (month, account_id)
        LEFT JOIN account_movements mv USING (month, account_id)
        LEFT JOIN health h USING (month, account_id)
        LEFT JOIN health_drivers hd USING (month, account_id)
        LEFT JOIN (
          SELECT month, account_id, to_json(list(json_array(product, round(mrr_share, 4), score) ORDER BY product)) AS products
          FROM health_products WHERE ${inShards("account_id")} GROUP BY ALL HAVING count(*) > 1
        ) hp USING (month, account_id)
        WHERE ${inShards("k.account_id")}`;
    case "nps":
      return `
        SELECT account_id, strftime(responded_at, '%Y-%m-%d') || coalesce(response_id, '') AS k,
               json_array(strftime(responded_at, '%Y-%m-%d'), score, survey, comment) AS cells
        FROM nps_responses
        WHERE account_id IS NOT NULL AND responded_at <= ${end} AND ${inShards("account_id")}
        ${newest("responded_at DESC, response_id DESC")}`;
    case "activities":
      return `
        SELECT account_id, strftime(date, '%Y-%m-%d') || coalesce(type, '') || coalesce(csm, '') AS k,
               json_array(strftime(date, '%Y-%m-%d'), type, csm) AS cells
        FROM csm_activities
        WHERE date <= ${end} AND ${inShards("account_id")}
        ${newest("date DESC, type DESC, csm DESC")}`;
    case "tickets":
      return `
        SELECT account_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') || ticket_id AS k,
               json_array(strftime(created_at, '%Y-%m-%d'), priority,
                          round(date_diff('minute', created_at, first_response_at) / 60, 1)::DOUBLE,
                          strftime(resolved_at, '%Y-%m-%d'), csat) AS cells
        FROM support_tickets
        WHERE created_at < ${end} + INTERVAL 1 DAY AND ${inShards("account_id")}
        ${newest("created_at DESC, ticket_id DESC")}`;
  }
}

/**
 * Builds _history_entries(account_id, shard, entry) for the shards in [from, to): each account's
 * `"id":{…}` member, as JSON text. String aggregates cannot spill to disk, so the build goes a batch
 * of shards at a time (SHARD_BATCH) and memory stays bounded whatever the size of the book.
 */
async function buildEntries(db: Db, ctx: MetricContext, from: number, to: number): Promise<void> {
  const kinds = Object.keys(HISTORY_COLUMNS) as Kind[];
  const inShards = (column: string) => `${shardSql(column)} >= ${from} AND ${shardSql(column)} < ${to}`;
  const lists = kinds.map(
    (kind) => `${kind} AS (
      SELECT account_id, '[' || string_agg(cells::VARCHAR, ',' ORDER BY k) || ']' AS j
      FROM (${listSql(kind, ctx.asOf, inShards)}) GROUP BY account_id
    )`
  );
  const members = kinds.map((kind) => `'"${kind}":' || coalesce(${kind}.j, '[]')`).join(" || ',' || ");
  await db.run(`
    CREATE OR REPLACE TEMP TABLE _history_entries AS
    WITH ${lists.join(",\n")}
    SELECT a.account_id, ${shardSql("a.account_id")} AS shard,
           to_json(a.account_id)::VARCHAR || ':{' || ${members} || '}' AS entry
    FROM accounts a
    ${kinds.map((kind) => `LEFT JOIN ${kind} USING (account_id)`).join("\n    ")}
    WHERE ${inShards("a.account_id")}`);
}

/** The JSON text of one shard file. */
async function shardJson(db: Db, shard: number): Promise<string> {
  const [row] = await db.all<{body: string | null}>(
    `SELECT string_agg(entry, ',' ORDER BY account_id) AS body FROM _history_entries WHERE shard = ?`,
    [shard]
  );
  return `{"columns":${JSON.stringify(HISTORY_COLUMNS)},"accounts":{${row?.body ?? ""}}}`;
}

/** Shards built per pass (see buildEntries). */
const SHARD_BATCH = 8;

/** Calls `each(shard, json)` for every shard in order, building a batch of shards at a time. */
async function forEachShard(db: Db, ctx: MetricContext, each: (shard: number, json: string) => Promise<void>): Promise<void> {
  for (let from = 0; from < HISTORY_SHARDS; from += SHARD_BATCH) {
    const to = Math.min(from + SHARD_BATCH, HISTORY_SHARDS);
    await buildEntries(db, ctx, from, to);
    for (let shard = from; shard < to; ++shard) await each(shard, await shardJson(db, shard));
  }
  await db.run(`DROP TABLE IF EXISTS temp._history_entries`);
}

/** Every shard's JSON text, in shard order (HISTORY_SHARDS strings). */
export async function accountHistoryShards(db: Db, ctx: MetricContext): Promise<string[]> {
  const out: string[] = [];
  await forEachShard(db, ctx, async (_, json) => void out.push(json));
  return out;
}

export const accountHistory: SiteDataset = {
  name: "account-history",
  async write(db, ctx, dir) {
    await forEachShard(db, ctx, (shard, json) => writeFile(join(dir, `account-history-${shardName(shard)}.json`), json));
  }
};
