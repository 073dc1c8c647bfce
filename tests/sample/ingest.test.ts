/**
 * Acceptance 1 of issue #3: the bundled sample passes the project's own validation (ingest) with
 * zero rejected rows, in both formats the generator writes.
 */
import {resolve} from "node:path";
import {afterAll, afterEach, describe, expect, it} from "vitest";
import {resolveConfig, TABLE_NAMES} from "../../loaders/config.js";
import {openDb, type Db} from "../../loaders/db.js";
import {ingest} from "../../loaders/ingest/index.js";
import {generate, removeGenerated} from "./fixture.js";

let db: Db | null = null;
afterAll(removeGenerated);
afterEach(() => {
  db?.close();
  db = null;
});

async function ingestDir(dataDir: string) {
  db = await openDb();
  const report = await ingest(db, resolveConfig({dataDir}));
  const rejected = await db.all<{table: string; reason: string}>(`SELECT "table", reason FROM rejected_rows LIMIT 5`);
  return {report, rejected};
}

describe("sample generator: ingest", () => {
  it("data/sample ingests with zero rejected rows and every table present", async () => {
    const {report, rejected} = await ingestDir(resolve(import.meta.dirname, "../../data/sample"));
    expect(rejected).toEqual([]);
    expect(report.tables.map((t) => t.table).sort()).toEqual([...TABLE_NAMES].sort());
    for (const t of report.tables) {
      expect(t.file, t.table).toBe(`${t.table}.csv`);
      expect(t.rowsRejected, t.table).toBe(0);
      expect(t.rowsAccepted, t.table).toBe(t.rowsRead);
      expect(t.rowsRead, t.table).toBeGreaterThan(0);
    }
    expect(report.tables.find((t) => t.table === "accounts")?.rowsRead).toBe(1500);
  });

  it("a Parquet sample ingests with zero rejected rows", async () => {
    const dir = await generate("ingest-parquet", {accounts: 300, months: 24, end: "2025-06", seed: 3, format: "parquet"});
    const {report, rejected} = await ingestDir(dir);
    expect(rejected).toEqual([]);
    for (const t of report.tables) {
      expect(t.file, t.table).toBe(`${t.table}.parquet`);
      expect(t.rowsRejected, t.table).toBe(0);
    }
  });
});
