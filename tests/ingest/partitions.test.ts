/**
 * issue 16: a table may be a folder of CSV or Parquet files, with hive partitions
 * (loaders/ingest/partitions.ts, load-partitioned.ts). Fixtures are written by the test (CSV by hand,
 * Parquet by DuckDB); expected rows and rejections are worked out by hand in the comments.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import iconv from "iconv-lite";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {resolveConfig, type UserConfig} from "../../loaders/config.js";
import {literal, openDb, type Db} from "../../loaders/db.js";
import {ingest, qualitySummary} from "../../loaders/ingest/index.js";
import {displayPath} from "../../loaders/ingest/errors.js";
import {expectAccounting, type Ingested} from "./helpers.js";

let dir: string;
const write = (rel: string, text: string | Buffer) => {
  mkdirSync(join(dir, rel, ".."), {recursive: true});
  writeFileSync(join(dir, rel), text);
};
const show = (rel: string) => displayPath(join(dir, rel));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cs-parts-"));
  write("accounts.csv", "account_id,account_name,segment\nA1,Acme,SMB\nA2,Beta,SMB\n");
  write("subscriptions.csv", "subscription_id,account_id,product,plan,start_date,end_date,mrr,seats\nS1,A1,CMS,Pro,2023-02-01,,100,1\n");
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

async function run(config: UserConfig = {}, memoryLimit?: string): Promise<Ingested> {
  const db = await openDb(":memory:", {memoryLimit});
  return {db, report: await ingest(db, resolveConfig({...config, dataDir: dir}))};
}

async function fatal(config: UserConfig = {}): Promise<string> {
  const db = await openDb();
  try {
    await ingest(db, resolveConfig({...config, dataDir: dir}));
  } catch (e) {
    expect((e as Error).name, (e as Error).message).toBe("InputError");
    return (e as Error).message;
  } finally {
    db.close();
  }
  throw new Error("ingest did not fail");
}

const rejectedRows = (db: Db, table: string) =>
  db.all(`SELECT file, line, "column", value, reason FROM rejected_rows WHERE "table" = ? ORDER BY file, line`, [table]);
const stats = (db: Db, table: string) => db.all(`SELECT file, rows_read, rows_accepted, rows_rejected FROM ingest_stats WHERE "table" = ?`, [table]);

/** Writes a Parquet file with DuckDB from a SELECT. */
async function parquet(rel: string, select: string): Promise<void> {
  mkdirSync(join(dir, rel, ".."), {recursive: true});
  const db = await openDb();
  await db.run(`COPY (${select}) TO ${literal(join(dir, rel))} (FORMAT parquet)`);
  db.close();
}

describe("partitioned CSV", () => {
  it("reads every file under hive folders, the partition key filling the column the files lack; rejections name their own file and line", async () => {
    // month=2024-01: A1 3 users, 10 events; A2 "x" users (invalid_integer, line 3).
    write("usage/month=2024-01/part-0.csv", "account_id,active_users,key_events\nA1,3,10\nA2,x,5\n");
    // month=2024-02: A1 4 then 2 users (max 4), 7+1 events (sum 8); A9 unknown (line 4); a 2-field row (malformed, line 5).
    write("usage/month=2024-02/part-0.csv", "account_id,active_users,key_events\nA1,4,7\nA1,2,1\nA9,1,1\nA1,1\n");
    write("usage/_SUCCESS", "");
    write("usage/.part-0.csv.crc", "junk");
    const r = await run();
    expect(await r.db.all(`SELECT account_id, month, active_users, key_events FROM usage ORDER BY month`)).toEqual([
      {account_id: "A1", month: "2024-01-01", active_users: 3, key_events: 10},
      {account_id: "A1", month: "2024-02-01", active_users: 4, key_events: 8}
    ]);
    expect(await rejectedRows(r.db, "usage")).toEqual([
      {file: "usage/month=2024-01/part-0.csv", line: 3, column: "active_users", value: "x", reason: 'invalid_integer: "x" is not a whole number'},
      {file: "usage/month=2024-02/part-0.csv", line: 4, column: "account_id", value: "A9", reason: 'unknown_account: account_id "A9" not in accounts'},
      {file: "usage/month=2024-02/part-0.csv", line: 5, column: null, value: "A1,1", reason: "malformed_row: 2 fields, expected 3"}
    ]);
    // read 6 = accepted 3 + rejected 3
    expect(await stats(r.db, "usage")).toEqual([{file: "usage/", rows_read: 6, rows_accepted: 3, rows_rejected: 3}]);
    await expectAccounting(r);
  });

  it("decodes each Shift_JIS file like a single file, and a duplicate id names the file and line it duplicates", async () => {
    rmSync(join(dir, "accounts.csv"));
    write("accounts/region=関東/a.csv", iconv.encode("account_id,account_name,segment\nA1,株式会社あいう,SMB\n", "cp932"));
    write("accounts/region=関西/b.csv", iconv.encode("account_id,account_name,segment\nA2,かきく商事,SMB\nA1,重複,SMB\n", "cp932"));
    const r = await run();
    expect(await r.db.all(`SELECT account_id, account_name, region FROM accounts ORDER BY account_id`)).toEqual([
      {account_id: "A1", account_name: "株式会社あいう", region: "関東"},
      {account_id: "A2", account_name: "かきく商事", region: "関西"}
    ]);
    expect(await rejectedRows(r.db, "accounts")).toEqual([
      {
        file: "accounts/region=関西/b.csv",
        line: 3,
        column: "account_id",
        value: "A1",
        reason: 'duplicate_id: account_id "A1" already on line 2 of accounts/region=関東/a.csv'
      }
    ]);
    expect(await r.db.all(`SELECT encoding FROM ingest_encodings WHERE "table" = 'accounts'`)).toEqual([{encoding: "shift_jis"}]);
    await expectAccounting(r);
  });

  it("stops when a file's own column disagrees with its partition, naming file, line and column; a date inside a month partition agrees", async () => {
    write("usage/month=2024-01/part-0.csv", "account_id,date,active_users\nA1,2024-01-15,3\n");
    write("usage/month=2024-02/part-0.csv", "account_id,date,active_users\nA1,2024-02-03,3\nA1,2024-03-01,2\n");
    expect(await fatal()).toBe(
      `${show("usage/month=2024-02/part-0.csv")}: line 3, column "date": "2024-03-01" disagrees with the partition month=2024-02 in the file's path; a partition column the files also carry must match it`
    );
  });

  it("a file missing a required column is named; mixed CSV and Parquet, a stray file, or a file and a folder for one table are errors", async () => {
    write("usage/month=2024-01/a.csv", "account_id,active_users\nA1,3\n");
    write("usage/month=2024-02/b.csv", "active_users\n3\n");
    expect(await fatal()).toMatch(new RegExp(`^${show("usage/month=2024-02/b.csv").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: missing required column "account_id"`));

    write("usage/month=2024-02/b.csv", "account_id,active_users\nA1,3\n");
    await parquet("usage/month=2024-03/c.parquet", `SELECT 'A1' AS account_id, 3 AS active_users`);
    expect(await fatal()).toBe(
      `${show("usage")}: mixes CSV and Parquet files (usage/month=2024-01/a.csv and usage/month=2024-03/c.parquet); a partitioned table's files must all be one format`
    );
    rmSync(join(dir, "usage/month=2024-03"), {recursive: true});

    write("usage/month=2024-02/notes.txt", "hello");
    expect(await fatal()).toBe(`${show("usage/month=2024-02/notes.txt")}: not a table file; a partitioned table's folder holds only .csv, .csv.gz or .parquet files`);
    rmSync(join(dir, "usage/month=2024-02/notes.txt"));

    write("usage/z.csv", "account_id,month,active_users\nA1,2024-03,3\n");
    expect(await fatal()).toMatch(/usage\/z\.csv: partition folders \(none\) differ from usage\/month=2024-01\/a\.csv's \(month\)/);
    rmSync(join(dir, "usage/z.csv"));

    write("usage.csv", "account_id,month\nA1,2024-01\n");
    expect(await fatal()).toBe(`${show("")}: table "usage" has 2 files (usage.csv and usage/); keep only one`);
  });
});

describe("partitioned Parquet", () => {
  it("reads the files in one scan by name (columns in any order, one file lacking one), partition values and lines per file", async () => {
    // 2024-01: A1 5 users, 2 events; A2 -1 users (negative, row 2 -> line 2).
    await parquet("usage/month=2024-01/part-0.parquet", `SELECT * FROM (VALUES ('A1', 5, 2), ('A2', -1, 1)) t(account_id, active_users, key_events)`);
    // 2024-02: columns in another order, no key_events; A2 7 users.
    await parquet("usage/month=2024-02/part-0.parquet", `SELECT * FROM (VALUES (7, 'A2')) t(active_users, account_id)`);
    // 2024-02, a second file of the same layout as 2024-01: A1 1 user, 4 events.
    await parquet("usage/month=2024-02/part-1.parquet", `SELECT * FROM (VALUES ('A1', 1, 4)) t(account_id, active_users, key_events)`);
    const r = await run();
    expect(await r.db.all(`SELECT account_id, month, active_users, key_events FROM usage ORDER BY month, account_id`)).toEqual([
      {account_id: "A1", month: "2024-01-01", active_users: 5, key_events: 2},
      {account_id: "A1", month: "2024-02-01", active_users: 1, key_events: 4},
      {account_id: "A2", month: "2024-02-01", active_users: 7, key_events: null}
    ]);
    expect(await rejectedRows(r.db, "usage")).toEqual([
      {file: "usage/month=2024-01/part-0.parquet", line: 2, column: "active_users", value: "-1", reason: "negative: active_users -1 < 0"}
    ]);
    expect(await stats(r.db, "usage")).toEqual([{file: "usage/", rows_read: 4, rows_accepted: 3, rows_rejected: 1}]);
    await expectAccounting(r);
  });

  it("a partition column the files also carry must agree; a NULL partition (__HIVE_DEFAULT_PARTITION__) is an empty cell", async () => {
    await parquet("usage/month=2024-01/p.parquet", `SELECT 'A1' AS account_id, DATE '2024-01-31' AS month, 2 AS active_users`);
    await parquet("usage/month=2024-02/p.parquet", `SELECT * FROM (VALUES ('A1', DATE '2024-02-01', 2), ('A1', DATE '2024-01-31', 2)) t(account_id, month, active_users)`);
    expect(await fatal()).toBe(
      `${show("usage/month=2024-02/p.parquet")}: line 2, column "month": "2024-01-31" disagrees with the partition month=2024-02 in the file's path; a partition column the files also carry must match it`
    );
    rmSync(join(dir, "usage"), {recursive: true});
    await parquet("usage/month=__HIVE_DEFAULT_PARTITION__/p.parquet", `SELECT 'A1' AS account_id, 2 AS active_users`);
    const r = await run();
    expect(await rejectedRows(r.db, "usage")).toEqual([{file: "usage/month=__HIVE_DEFAULT_PARTITION__/p.parquet", line: 1, column: "month", value: null, reason: "missing_value: month is required"}]);
  });
});

describe("the sample's usage and NPS split into partitions", () => {
  it("stage the same tables and the same accounting as the single files, as CSV and as Parquet, within the build's memory limit", async () => {
    const sample = join(import.meta.dirname, "..", "..", "data", "sample");
    const tables = {usage: "month", nps_responses: "substr(responded_at, 1, 4) AS year"};
    for (const name of ["accounts.csv", "subscriptions.csv", "usage.csv", "nps_responses.csv"]) write(name, readFileSync(join(sample, name)));
    const single = await run();
    const staged = (db: Db, t: string) => db.all(`SELECT * FROM ${t} ORDER BY ALL`);
    const expected = {usage: await staged(single.db, "usage"), nps_responses: await staged(single.db, "nps_responses")};
    expect(expected.usage.length).toBeGreaterThan(1000);
    expect(expected.nps_responses.length).toBeGreaterThan(1000);
    const read = async (db: Db, t: string) => (await db.all<{n: number}>(`SELECT rows_read AS n FROM ingest_stats WHERE "table" = ?`, [t]))[0].n;
    const rows = {usage: await read(single.db, "usage"), nps_responses: await read(single.db, "nps_responses")};

    for (const format of ["csv", "parquet"]) {
      const db = await openDb();
      for (const [t, key] of Object.entries(tables)) {
        const by = key.split(" AS ").pop()!;
        await db.run(`COPY (SELECT *, ${key === "month" ? "" : `${key}, `}1 AS __drop FROM read_csv(${literal(join(dir, `${t}.csv`))}, all_varchar = true))
          TO ${literal(join(dir, t))} (FORMAT ${format}, PARTITION_BY (${by}))`);
      }
      db.close();
      for (const t of Object.keys(tables)) rmSync(join(dir, `${t}.csv`));
      // 3GB: the build's default memoryLimit (CSV readers' buffers once exceeded it here).
      const split = await run({}, "3GB");
      for (const t of Object.keys(tables) as (keyof typeof tables)[]) {
        expect(await staged(split.db, t)).toEqual(expected[t]);
        expect(await stats(split.db, t)).toEqual([{file: `${t}/`, rows_read: rows[t], rows_accepted: rows[t], rows_rejected: 0}]);
      }
      await expectAccounting(split);
      for (const t of Object.keys(tables)) {
        rmSync(join(dir, t), {recursive: true});
        write(`${t}.csv`, readFileSync(join(sample, `${t}.csv`)));
      }
    }
  }, 180_000);
});

describe("the Data quality summary of a partitioned table", () => {
  it("names each first rejected row's own file; a single file's rows carry no file of their own", async () => {
    write("usage/month=2024-01/a.csv", "account_id,active_users\nA1,x\n");
    write("usage/month=2024-02/b.csv", "account_id,active_users\nA1,3\nA9,1\n");
    write("nps_responses.csv", "account_id,responded_at,score\nA1,2024-01-05,11\n");
    const r = await run();
    const summary = await qualitySummary(r.db);
    expect(summary.find((t) => t.table === "usage")!.firstRejected).toEqual([
      {file: "usage/month=2024-01/a.csv", line: 2, column: "active_users", value: "x", reason: 'invalid_integer: "x" is not a whole number'},
      {file: "usage/month=2024-02/b.csv", line: 3, column: "account_id", value: "A9", reason: 'unknown_account: account_id "A9" not in accounts'}
    ]);
    expect(summary.find((t) => t.table === "nps_responses")!.firstRejected).toEqual([
      {line: 2, column: "score", value: "11", reason: "out_of_range: score 11 not in 0..10"}
    ]);
  });
});
