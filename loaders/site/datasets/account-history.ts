/**
 * account-history-NNN.json.gz (NNN = 000 … 255, or 0000 … 1023 for a larger book): each account's history,
 * sharded by a stable hash of its id so the Accounts page fetches one small file for the account a
 * reader opens, never the whole book. The number of shards grows with the book (historyShardCount: at
 * most ACCOUNTS_PER_SHARD accounts a shard on average, 256 at least), so a shard stays a few hundred KB
 * at most up to 100,000 accounts and the page's list of files does not grow before. Shards are gzipped (the page inflates them with the
 * browser's DecompressionStream): the JSON repeats its dates, codes and names, and gzip takes a
 * 100,000-account book's histories from ~465 MB to 108 MB (level 3, below). The shard of an account is `accounts_index.shard`
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
import {promisify} from "node:util";
import {gzip} from "node:zlib";
import {join} from "node:path";
import {HEALTH_COMPONENTS} from "../../config.js";
import {literal, type Db} from "../../db.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {accountsIndexSql} from "./accounts-index.js";

/**
 * zlib level 3: half the time of the default (6) on these files, for about 18% more bytes (a
 * 100,000-account book's shards: 108 MB against 92 MB; one shard is still a few hundred KB).
 */
const gzipAsync = (text: string) => promisify(gzip)(text, {level: 3});

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

function listSql(kind: Kind, asOf: string): string {
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
          -- Only the months of accounts on several lines: building JSON for every line first is 7× slower.
          SELECT month, account_id, to_json(list(json_array(product, round(mrr_share, 4), score) ORDER BY product)) AS products
          FROM health_products
          SEMI JOIN (SELECT month, account_id FROM health_products GROUP BY ALL HAVING count(*) > 1) USING (month, account_id)
          GROUP BY ALL
        ) hp USING (month, account_id)`;
    case "nps":
      return `
        SELECT account_id, strftime(responded_at, '%Y-%m-%d') || coalesce(response_id, '') AS k,
               json_array(strftime(responded_at, '%Y-%m-%d'), score, survey, comment) AS cells
        FROM nps_responses
        WHERE account_id IS NOT NULL AND responded_at <= ${end}
        ${newest("responded_at DESC, response_id DESC")}`;
    case "activities":
      return `
        SELECT account_id, strftime(date, '%Y-%m-%d') || coalesce(type, '') || coalesce(csm, '') AS k,
               json_array(strftime(date, '%Y-%m-%d'), type, csm) AS cells
        FROM csm_activities
        WHERE date <= ${end}
        ${newest("date DESC, type DESC, csm DESC")}`;
    case "tickets":
      return `
        SELECT account_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') || ticket_id AS k,
               json_array(strftime(created_at, '%Y-%m-%d'), priority,
                          round(date_diff('minute', created_at, first_response_at) / 60, 1)::DOUBLE,
                          strftime(resolved_at, '%Y-%m-%d'), csat) AS cells
        FROM support_tickets
        WHERE created_at < ${end} + INTERVAL 1 DAY
        ${newest("created_at DESC, ticket_id DESC")}`;
  }
}

const KINDS = Object.keys(HISTORY_COLUMNS) as Kind[];

/**
 * The whole book's history once, as JSON text per row, in plain tables (which spill to disk, where a
 * string aggregate cannot): __history_profiles(shard, account_id, j), each account's accounts_index
 * row; __history_rows(shard, account_id, kind, k, cells), every row of every list (kind: the index in
 * KINDS; k orders the rows). Each account's shard is hashed once.
 */
async function buildRows(db: Db, ctx: MetricContext, shards: number): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE __history_shards AS SELECT account_id, ${shardSql("account_id", shards)} AS shard FROM accounts`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __history_profiles AS
    SELECT s.shard, i.account_id, to_json(i)::VARCHAR AS j
    FROM (${accountsIndexSql(ctx, shards)}) i JOIN __history_shards s USING (account_id)`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __history_rows AS
    ${KINDS.map(
      (kind, i) => `SELECT s.shard, r.account_id, ${i} AS kind, r.k, r.cells::VARCHAR AS cells
                    FROM (${listSql(kind, ctx.asOf)}) r JOIN __history_shards s USING (account_id)`
    ).join("\n    UNION ALL\n    ")}`);
}

/**
 * The JSON text of each shard in [from, to): its accounts' `"id":{…}` members in id order, each the
 * account's profile and lists. String aggregates cannot spill, so this goes a batch of shards at a time.
 */
async function shardBodies(db: Db, from: number, to: number): Promise<{shard: number; body: string}[]> {
  const inBatch = (shard: string) => `${shard} >= ${from} AND ${shard} < ${to}`;
  const members = KINDS.map((kind, i) => `'"${kind}":' || coalesce(max(l.j) FILTER (WHERE l.kind = ${i}), '[]')`).join(" || ',' || ");
  return db.all<{shard: number; body: string}>(`
    WITH lists AS (
      SELECT account_id, kind, '[' || string_agg(cells, ',' ORDER BY k) || ']' AS j
      FROM __history_rows WHERE ${inBatch("shard")} GROUP BY account_id, kind
    ), entries AS (
      SELECT p.shard, p.account_id,
             to_json(p.account_id)::VARCHAR || ':{"profile":' || any_value(p.j) || ',' || ${members} || '}' AS entry
      FROM __history_profiles p LEFT JOIN lists l USING (account_id)
      WHERE ${inBatch("p.shard")}
      GROUP BY p.shard, p.account_id
    )
    SELECT shard, string_agg(entry, ',' ORDER BY account_id) AS body FROM entries GROUP BY shard ORDER BY shard`);
}

/** Accounts per batch of shards (see shardBodies): a 100,000-account book goes in eight batches. */
const ACCOUNTS_PER_BATCH = 12_500;

/** Calls `each(shard, json)` for every shard in order, building a batch of shards at a time. */
async function forEachShard(db: Db, ctx: MetricContext, each: (shard: number, json: string, shards: number) => Promise<void>): Promise<void> {
  const [{n}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM accounts`);
  const shards = historyShardCount(n);
  // At least eight batches, and more for a book past 100,000 accounts, so a batch's strings stay small.
  const batch = Math.max(1, Math.floor(shards / Math.max(8, Math.ceil(n / ACCOUNTS_PER_BATCH))));
  const head = `{"columns":${JSON.stringify(HISTORY_COLUMNS)},"accounts":{`;
  await buildRows(db, ctx, shards);
  try {
    for (let from = 0; from < shards; from += batch) {
      const to = Math.min(from + batch, shards);
      const bodies = new Map((await shardBodies(db, from, to)).map((r) => [r.shard, r.body]));
      // A shard whose accounts all hashed elsewhere is an empty file, so every listed file exists.
      await Promise.all(Array.from({length: to - from}, (_, i) => each(from + i, `${head}${bodies.get(from + i) ?? ""}}}`, shards)));
    }
  } finally {
    await db.run(`DROP TABLE IF EXISTS temp.__history_shards; DROP TABLE IF EXISTS temp.__history_profiles; DROP TABLE IF EXISTS temp.__history_rows`);
  }
}

/** Every shard's JSON text, in shard order (bookShardCount strings). */
export async function accountHistoryShards(db: Db, ctx: MetricContext): Promise<string[]> {
  const out: string[] = [];
  await forEachShard(db, ctx, async (shard, json) => void (out[shard] = json));
  return out;
}

export const accountHistory: SiteDataset = {
  name: "account-history",
  async write(db, ctx, dir) {
    // zlib's asynchronous gzip runs on the thread pool: a batch's shards compress side by side.
    await forEachShard(db, ctx, async (shard, json, shards) => writeFile(join(dir, historyFileName(shard, shards)), await gzipAsync(json)));
  }
};
