/** Shared helpers for the ingest tests: ingest a fixture directory, read back what it left. */
import {join} from "node:path";
import {expect} from "vitest";
import {resolveConfig, type UserConfig} from "../../loaders/config.js";
import {openDb, type Db, type Row} from "../../loaders/db.js";
import {ingest, type IngestReport} from "../../loaders/ingest/index.js";

/** The fixture directory as the fatal messages name it (relative to the project root, where vitest runs). */
export const fixture = (name: string) => join("tests/fixtures/ingest", name);

export interface Ingested {
  db: Db;
  report: IngestReport;
}

/** Ingests a fixture directory into a fresh in-memory database. */
export async function ingestFixture(name: string, config: UserConfig = {}): Promise<Ingested> {
  const db = await openDb();
  const report = await ingest(db, resolveConfig({...config, dataDir: fixture(name)}));
  return {db, report};
}

/** The fatal message ingesting a fixture directory throws (fails the test when it does not throw InputError). */
export async function fatalMessage(name: string, config: UserConfig = {}): Promise<string> {
  const db = await openDb();
  try {
    await ingest(db, resolveConfig({...config, dataDir: fixture(name)}));
  } catch (e) {
    expect((e as Error).name).toBe("InputError");
    return (e as Error).message;
  } finally {
    db.close();
  }
  throw new Error(`ingest of ${name} did not fail`);
}

export const rejected = (db: Db, table: string) =>
  db.all(`SELECT "table", file, line, "column", value, reason FROM rejected_rows WHERE "table" = ? ORDER BY line`, [table]);

/** One column of a staged table, in table order. */
export async function column(db: Db, table: string, col: string): Promise<unknown[]> {
  return (await db.all<Row>(`SELECT "${col}" AS v FROM "${table}"`)).map((r) => r.v);
}

/**
 * Row accounting for every file: rows read = accepted + rejected; the quarantine holds exactly the
 * rejected rows; the staged table holds exactly the accepted rows (usage: its monthly aggregate).
 */
export async function expectAccounting({db, report}: Ingested): Promise<void> {
  const stats = await db.all<{table: string; file: string | null; rows_read: number; rows_accepted: number; rows_rejected: number}>(
    `SELECT * FROM ingest_stats`
  );
  expect(stats.map((s) => s.table)).toEqual(report.tables.map((t) => t.table));
  for (const s of stats) {
    const t = report.tables.find((r) => r.table === s.table)!;
    expect({file: s.file, read: s.rows_read, accepted: s.rows_accepted, rejected: s.rows_rejected}).toEqual({
      file: t.file,
      read: t.rowsRead,
      accepted: t.rowsAccepted,
      rejected: t.rowsRejected
    });
    expect(s.rows_read).toBe(s.rows_accepted + s.rows_rejected);
    const [{n: quarantined}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM rejected_rows WHERE "table" = ?`, [s.table]);
    expect(quarantined).toBe(s.rows_rejected);
    expect(Object.values(t.rejectedByReason).reduce((a, b) => a + b, 0)).toBe(s.rows_rejected);
    if (s.table !== "usage") {
      const [{n: staged}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM "${s.table}"`);
      expect(staged).toBe(s.rows_accepted);
    }
  }
}
