/**
 * Test helper: a fresh in-memory database with the staged tables (the same shape ingest() produces),
 * filled with hand-written fixture rows, so metric tests state their inputs next to their expected
 * numbers.
 */
import {resolveConfig, type ReportConfig, type TableName, type UserConfig} from "../../loaders/config.js";
import {openDb, ident, type Db, type Param} from "../../loaders/db.js";
import {createStagedTables} from "../../loaders/ingest/staged.js";
import {metricContext} from "../../loaders/metrics/calendar.js";
import type {MetricContext, MetricFamily} from "../../loaders/metrics/family.js";

export type Fixture = Partial<Record<TableName, Record<string, Param>[]>>;

export async function stagedDb(fixture: Fixture): Promise<Db> {
  const db = await openDb();
  const known = new Set(["account_id", "account_name", "segment", "industry", "region", "csm", "created_at"]);
  const extras = [...new Set((fixture.accounts ?? []).flatMap((r) => Object.keys(r)))].filter((c) => !known.has(c));
  await createStagedTables(db, extras);
  for (const [table, rows] of Object.entries(fixture)) {
    for (const row of rows ?? []) {
      const cols = Object.keys(row);
      await db.run(
        `INSERT INTO ${ident(table)} (${cols.map(ident).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`,
        cols.map((c) => row[c])
      );
    }
  }
  return db;
}

/** Stages the fixture, resolves the calendar, and builds the given families in order. */
export async function buildFamilies(
  fixture: Fixture,
  families: MetricFamily[],
  config: UserConfig = {}
): Promise<{db: Db; ctx: MetricContext; config: ReportConfig}> {
  const db = await stagedDb(fixture);
  const resolved = resolveConfig(config);
  const ctx = await metricContext(db, resolved);
  for (const f of families) await f.build(db, ctx);
  return {db, ctx, config: resolved};
}
