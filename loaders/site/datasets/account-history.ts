/**
 * account-history-NNN.json.gz (NNN = 000 … 255, or 0000 … 1023 for a larger book): each account's history,
 * sharded by a stable hash of its id so the Accounts page fetches one small file for the account a
 * reader opens, never the whole book. The number of shards grows with the book (historyShardCount: at
 * most ACCOUNTS_PER_SHARD accounts a shard on average, 256 at least), so a shard stays a few hundred KB
 * at most up to 100,000 accounts and the page's list of files does not grow before. Shards are gzipped (the page inflates them with the
 * browser's DecompressionStream): the JSON repeats its dates, codes and names, and gzip takes a
 * 100,000-account book's histories from ~450 MB to a sixth of that. The shard of an account is `accounts_index.shard`
 * (see accounts-index.ts), computed by shardSql; the page lists the files in a module the build
 * writes (scripts/account-shards-module.ts).
 *
 * A shard file is {"columns": {"months": [...], "nps": [...], "activities": [...], "tickets": [...]},
 * "accounts": {"<account_id>": {"profile": {…}, "months": [[…], …], "nps": […], "activities": […], "tickets": […]}}}:
 * `profile` is the account's accounts_index row (so an account linked by id opens without the whole
 * index), the lists are rows as arrays in the order of `columns`, oldest first. DuckDB writes the
 * JSON (json_array escapes every string), so a 100k-account book never passes through JavaScript objects.
 */
import {writeFile} from "node:fs/promises";
import {gzipSync} from "node:zlib";
import {join} from "node:path";
import {HEALTH_COMPONENTS} from "../../config.js";
import {literal, type Db} from "../../db.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {accountsIndexSql} from "./accounts-index.js";

/**
 * The fewest shards. The Accounts page lists every shard file (about 260 bytes each), so a count that
 * stays the same from the smallest book to 100,000 accounts keeps the page's bytes the same too: a
 * small book has 256 files of a few accounts each, a 100,000-account book 256 files of ~390.
 */
export const HISTORY_SHARDS = 256;
/** Accounts per shard, on average, that a book may reach before the shard count doubles. */
export const ACCOUNTS_PER_SHARD = 400;
/** The most shards: past 1,638,400 accounts, shards grow instead (the page lists every file). */
export const MAX_HISTORY_SHARDS = 4096;

/** Most recent rows kept per account for each event list (the MRR/health months are all kept). */
export const HISTORY_EVENT_CAP = 200;

/** Shards for a book of `accounts`: the smallest power of two ≥ 256 giving ≤ ACCOUNTS_PER_SHARD a shard, at most 4096. */
export function historyShardCount(accounts: number): number {
  let n = HISTORY_SHARDS;
  while (n < MAX_HISTORY_SHARDS && n * ACCOUNTS_PER_SHARD < accounts) n *= 2;
  return n;
}

/** The shard count of the book in `db` (its accounts table). */
export async function bookShardCount(db: Db): Promise<number> {
  const [{n}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM accounts`);
  return historyShardCount(n);
}

/**
 * The shard (0 … shards-1) of an account id: the first 32 bits of its MD5, modulo the shard count
 * (a power of two). MD5 is the same in every DuckDB version and in any other tool (the Accounts page
 * computes it too, src/components/md5.js), so links and shards stay stable.
 */
export function shardSql(column: string, shards = HISTORY_SHARDS): string {
  return `(('0x' || left(md5(${column}), 8))::UBIGINT % ${shards})::INTEGER`;
}

/** "07" for shard 7 of 64, "0007" of 1024: the file name part (fixed width for the shard count). */
export function shardName(shard: number, shards = HISTORY_SHARDS): string {
  return String(shard).padStart(Math.max(2, String(shards - 1).length), "0");
}

/** The file of shard `shard` of `shards`. */
export function historyFileName(shard: number, shards = HISTORY_SHARDS): string {
  return `account-history-${shardName(shard, shards)}.json.gz`;
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
  accounts: Record<string, Record<Kind, Cell[][]> & {profile: Record<string, Cell>}>;
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
 * of shards at a time (an eighth of the book a pass) and memory stays bounded whatever its size.
 */
async function buildEntries(db: Db, ctx: MetricContext, shards: number, from: number, to: number): Promise<void> {
  const kinds = Object.keys(HISTORY_COLUMNS) as Kind[];
  const inShards = (column: string) => `${shardSql(column, shards)} >= ${from} AND ${shardSql(column, shards)} < ${to}`;
  const lists = kinds.map(
    (kind) => `${kind} AS (
      SELECT account_id, '[' || string_agg(cells::VARCHAR, ',' ORDER BY k) || ']' AS j
      FROM (${listSql(kind, ctx.asOf, inShards)}) GROUP BY account_id
    )`
  );
  const members = kinds.map((kind) => `'"${kind}":' || coalesce(${kind}.j, '[]')`).join(" || ',' || ");
  await db.run(`
    CREATE OR REPLACE TEMP TABLE _history_entries AS
    WITH ${lists.join(",\n")},
    profile AS (SELECT account_id, to_json(i)::VARCHAR AS j FROM (${accountsIndexSql(ctx, shards)}) i WHERE ${inShards("account_id")})
    SELECT a.account_id, ${shardSql("a.account_id", shards)} AS shard,
           to_json(a.account_id)::VARCHAR || ':{"profile":' || profile.j || ',' || ${members} || '}' AS entry
    FROM accounts a
    JOIN profile USING (account_id)
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

/** Passes over the book (see buildEntries). */
const PASSES = 8;

/** Calls `each(shard, json)` for every shard in order, building a batch of shards at a time. */
async function forEachShard(db: Db, ctx: MetricContext, each: (shard: number, json: string, shards: number) => Promise<void>): Promise<void> {
  const shards = await bookShardCount(db);
  const batch = Math.max(1, Math.ceil(shards / PASSES));
  for (let from = 0; from < shards; from += batch) {
    const to = Math.min(from + batch, shards);
    await buildEntries(db, ctx, shards, from, to);
    for (let shard = from; shard < to; ++shard) await each(shard, await shardJson(db, shard), shards);
  }
  await db.run(`DROP TABLE IF EXISTS temp._history_entries`);
}

/** Every shard's JSON text, in shard order (bookShardCount strings). */
export async function accountHistoryShards(db: Db, ctx: MetricContext): Promise<string[]> {
  const out: string[] = [];
  await forEachShard(db, ctx, async (_, json) => void out.push(json));
  return out;
}

export const accountHistory: SiteDataset = {
  name: "account-history",
  async write(db, ctx, dir) {
    await forEachShard(db, ctx, (shard, json, shards) => writeFile(join(dir, historyFileName(shard, shards)), gzipSync(json)));
  }
};
