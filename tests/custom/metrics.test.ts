/**
 * Custom SQL metrics: the shipped example (custom/metrics/top_accounts.sql) against hand-computed
 * rows, build order from the tables each file reads, and one message naming file and line for every
 * way a file can be wrong.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, beforeEach, describe, expect, it} from "vitest";
import {DEFAULT_CONFIG, PROJECT_ROOT} from "../../loaders/config.js";
import {buildCustomMetrics} from "../../loaders/custom/metrics.js";
import {openDb, type Db} from "../../loaders/db.js";
import type {MetricContext} from "../../loaders/metrics/family.js";

const ctxFor = (customDir: string): MetricContext => ({asOf: "2024-02", firstMonth: "2024-01", dimensions: ["segment"], config: {...DEFAULT_CONFIG, customDir}});

/** A custom folder with the given metrics/<name>.sql files. */
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, {recursive: true, force: true})));
function customDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cs-custom-"));
  made.push(dir);
  mkdirSync(join(dir, "metrics"));
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, "metrics", name), sql);
  return dir;
}

const DEF = "-- A metric\n-- What it counts.\n";

let db: Db;
beforeEach(async () => {
  db = await openDb();
  await db.run(`CREATE TABLE accounts (account_id VARCHAR, account_name VARCHAR, segment VARCHAR);
    CREATE TABLE account_months (month VARCHAR, account_id VARCHAR, mrr DECIMAL(18,2), seats BIGINT, segment VARCHAR);
    CREATE TABLE churn (month VARCHAR)`);
});
afterEach(() => db.close());

async function failure(files: Record<string, string>): Promise<string> {
  try {
    await buildCustomMetrics(db, ctxFor(customDir(files)));
  } catch (e) {
    expect((e as Error).name).toBe("CustomSqlError");
    return (e as Error).message;
  }
  throw new Error("expected the build to fail");
}

describe("the example custom metric top_accounts", () => {
  it("ranks the ten largest MRRs per month, ties by account id, shares of the month's total", async () => {
    // 2024-01: A01..A12 with MRR 1200, 1100, …, 100 except A03 = 1100 (tie with A02) and A12 = 0.
    const jan = Array.from({length: 12}, (_, i) => {
      const id = `A${String(i + 1).padStart(2, "0")}`;
      const mrr = id === "A03" ? 1100 : id === "A12" ? 0 : 1200 - 100 * i;
      return `('2024-01', '${id}', ${mrr}, 1, 'SMB')`;
    });
    await db.run(`INSERT INTO accounts SELECT 'A' || lpad(i::VARCHAR, 2, '0'), 'Name ' || i, CASE WHEN i = 1 THEN 'Enterprise' ELSE 'SMB' END FROM range(1, 13) t(i)`);
    await db.run(`INSERT INTO account_months VALUES ${jan.join(", ")}, ('2024-02', 'A01', 300, 1, 'SMB'), ('2024-02', 'A02', 100, 1, 'SMB')`);
    const built = await buildCustomMetrics(db, ctxFor(join(PROJECT_ROOT, "custom")));
    expect(built.map((b) => b.table)).toEqual(["top_accounts"]);
    const rows = await db.all<{month: string; rank: number; account_id: string; mrr: number; share_of_mrr: number; cumulative_share: number}>(
      `SELECT month, rank, account_id, mrr, share_of_mrr, cumulative_share FROM top_accounts`
    );
    // January total (A12 has MRR 0 and is not ranked):
    const total = 1200 + 1100 + 1100 + 900 + 800 + 700 + 600 + 500 + 400 + 300 + 200;
    expect(total).toBe(7800);
    const jan10 = rows.filter((r) => r.month === "2024-01");
    expect(jan10.map((r) => r.account_id)).toEqual(["A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "A10"]);
    expect(jan10.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(jan10[0].share_of_mrr).toBeCloseTo(1200 / 7800, 12);
    expect(jan10[2].cumulative_share).toBeCloseTo(3400 / 7800, 12);
    // The top 10 hold all but A11's 200.
    expect(jan10[9].cumulative_share).toBeCloseTo(7600 / 7800, 12);
    expect(rows.filter((r) => r.month === "2024-02")).toEqual([
      {month: "2024-02", rank: 1, account_id: "A01", mrr: 300, share_of_mrr: 0.75, cumulative_share: 0.75},
      {month: "2024-02", rank: 2, account_id: "A02", mrr: 100, share_of_mrr: 0.25, cumulative_share: 1}
    ]);
    const [{name}] = await db.all<{name: string}>(`SELECT account_name AS name FROM top_accounts WHERE rank = 1 AND month = '2024-01'`);
    expect(name).toBe("Name 1");
  });

  it("takes its definition from the leading comment, in English and Japanese", async () => {
    const [metric] = await buildCustomMetrics(db, ctxFor(join(PROJECT_ROOT, "custom")));
    expect(metric.definition.id).toBe("top_accounts");
    expect(metric.definition.name).toEqual({en: "Top accounts by MRR", ja: "MRR上位顧客"});
    expect(metric.definition.formula).toBe("SQL: custom/metrics/top_accounts.sql");
    expect(metric.definition.text.en).toMatch(/^The ten accounts with the largest MRR at each month end .* cumulative_share is/);
    expect(metric.definition.text.ja).toMatch(/^各月末時点でMRRが大きい上位10社/);
  });
});

describe("custom metrics", () => {
  it("are built after the custom tables they read, whatever their file names; CTE names are not tables", async () => {
    const dir = customDir({
      "a_second.sql": `${DEF}WITH b_first AS (SELECT 1 AS n) SELECT n + k AS total FROM b_first, z_first`,
      "z_first.sql": `${DEF}SELECT count(*) AS k FROM accounts`
    });
    const built = await buildCustomMetrics(db, ctxFor(dir));
    expect(built.map((b) => b.table)).toEqual(["z_first", "a_second"]);
    expect(await db.all(`SELECT * FROM a_second`)).toEqual([{total: 1}]);
  });

  it("sort rows by every column when the SELECT has no ORDER BY (stable output)", async () => {
    const dir = customDir({"unordered.sql": `${DEF}SELECT * FROM (VALUES (3, 'c'), (1, 'b'), (1, 'a')) t(n, s)`});
    await buildCustomMetrics(db, ctxFor(dir));
    expect(await db.all(`SELECT * FROM unordered`)).toEqual([{n: 1, s: "a"}, {n: 1, s: "b"}, {n: 3, s: "c"}]);
  });

  it("no folder, no custom metrics", async () => {
    expect(await buildCustomMetrics(db, ctxFor(join(tmpdir(), "cs-custom-none")))).toEqual([]);
  });
});

describe("a broken custom metric gives one message naming the file and line", () => {
  it("syntax error: line and column, counted in characters after a Japanese comment", async () => {
    const msg = await failure({"bad.sql": `-- 悪い指標\n-- 日本語の説明。\nSELECT account_id\nFROM accounts\nWHERE mrr = = 1`});
    expect(msg).toMatch(/bad\.sql:5:13: SQL parser error: syntax error at or near "="$/);
    expect(msg.split("\n")).toHaveLength(1);
  });

  it("unknown table: its line, and the tables a custom metric can read", async () => {
    const msg = await failure({"bad.sql": `-- 悪い指標\n-- 日本語の説明。\nSELECT *\nFROM accounts\nJOIN acounts USING (account_id)`});
    expect(msg).toMatch(/bad\.sql:5: unknown table "acounts"\. A custom metric reads the input tables and the metric tables: accounts, subscriptions, .*mrr_movements.*.*\bactivity_effect\b/);
  });

  it("a cycle: every file and the line where it reads the next", async () => {
    const msg = await failure({"a.sql": `${DEF}SELECT *\nFROM b`, "b.sql": `${DEF}\n\nSELECT * FROM c`, "c.sql": `${DEF}SELECT * FROM a`});
    expect(msg).toMatch(/a\.sql:4: custom metrics read each other in a cycle: a\.sql reads b \(line 4\), b\.sql reads c \(line 5\), c\.sql reads a \(line 3\)$/);
    expect(await failure({"self.sql": `${DEF}SELECT * FROM self`})).toMatch(/self\.sql:3: custom metrics read each other in a cycle: self\.sql reads self \(line 3\)$/);
  });

  it("an error DuckDB finds while binding or running: its line", async () => {
    const msg = await failure({"bad.sql": `${DEF}SELECT account_id,\n       mrr_total\nFROM account_months`});
    expect(msg).toMatch(/bad\.sql:4: Binder Error: Referenced column "mrr_total" not found in FROM clause! Candidate bindings: .*$/);
    expect(msg.split("\n")).toHaveLength(1);
  });

  it("not one SELECT, a file reader, a clash with an existing table, a bad file name, no definition", async () => {
    expect(await failure({"bad.sql": `${DEF}DROP TABLE accounts`})).toMatch(/bad\.sql: a custom metric is one SELECT statement \(no CREATE, INSERT, COPY …\)$/);
    expect(await failure({"bad.sql": `${DEF}SELECT 1; SELECT 2`})).toMatch(/bad\.sql: a custom metric is one SELECT statement; this file has 2$/);
    expect(await failure({"bad.sql": `${DEF}SELECT *\nFROM read_csv('x.csv')`})).toMatch(/bad\.sql:4:6: read_csv\(\) reads a file: .*/);
    expect(await failure({"churn.sql": `${DEF}SELECT 1`})).toMatch(/churn\.sql: "churn" is already a built-in metric table: rename the file$/);
    expect(await failure({"accounts.sql": `${DEF}SELECT 1`})).toMatch(/accounts\.sql: "accounts" is already an input table: rename the file$/);
    expect(await failure({"Top-Accounts.sql": `${DEF}SELECT 1`})).toMatch(/Top-Accounts\.sql: the file name becomes the table's name: .*/);
    expect(await failure({"bad.sql": `SELECT 1`})).toMatch(/bad\.sql:1: begin the file with a comment defining the metric: .*/);
    // Nothing was created.
    expect(await db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name = 'bad'`)).toEqual([]);
  });
});
