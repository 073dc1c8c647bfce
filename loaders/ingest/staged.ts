/**
 * The shape of the ingested database: the contract's 8 staged tables (empty), plus the
 * quarantine (`rejected_rows`) and row accounting (`ingest_stats`) tables. ingest() creates its
 * tables through this function, so tests that hand-write fixture rows get the same shape.
 */
import type {TableName} from "../config.js";
import {ident, type Db} from "../db.js";
import {SCHEMA, SQL_TYPES} from "./schema.js";
import {createBillingTables} from "./billing/index.js";

/** Column list of a staged table: the schema's columns in order, then the extras (VARCHAR). */
export function stagedColumns(table: TableName, extraColumns: string[] = []): {name: string; sqlType: string}[] {
  const cols = SCHEMA[table].columns.map((c) => ({name: c.name, sqlType: SQL_TYPES[c.type]}));
  return [...cols, ...extraColumns.map((name) => ({name, sqlType: "VARCHAR"}))];
}

/** CREATE OR REPLACE statement for one staged table. */
export function stagedTableDdl(table: TableName, extraColumns: string[] = []): string {
  const cols = stagedColumns(table, extraColumns).map((c) => `${ident(c.name)} ${c.sqlType}`);
  return `CREATE OR REPLACE TABLE ${ident(table)} (${cols.join(", ")})`;
}

export const REJECTED_ROWS_DDL = `CREATE OR REPLACE TABLE rejected_rows (
  "table" VARCHAR, file VARCHAR, line BIGINT, "column" VARCHAR, value VARCHAR, reason VARCHAR)`;

export const INGEST_STATS_DDL = `CREATE OR REPLACE TABLE ingest_stats (
  "table" VARCHAR, file VARCHAR, rows_read BIGINT, rows_accepted BIGINT, rows_rejected BIGINT)`;

/** How each CSV's text was decoded (issue 14: the encoding guess is shown on the Data quality page). */
export const INGEST_ENCODINGS_DDL = `CREATE OR REPLACE TABLE ingest_encodings ("table" VARCHAR, encoding VARCHAR, note VARCHAR)`;

/**
 * Creates all 8 staged tables (empty) with the schema's columns and SQL types; `accounts` also gets
 * `accountExtraColumns` as VARCHAR (names as given: ingest passes them lower-cased and trimmed).
 * Also creates empty `rejected_rows` and `ingest_stats`. Replaces existing tables.
 */
export async function createStagedTables(db: Db, accountExtraColumns: string[] = []): Promise<void> {
  const known = new Set(SCHEMA.accounts.columns.map((c) => c.name));
  const extras = accountExtraColumns.filter((c) => !known.has(c));
  for (const table of Object.keys(SCHEMA) as TableName[]) {
    await db.run(stagedTableDdl(table, table === "accounts" ? extras : []));
  }
  await db.run(REJECTED_ROWS_DDL);
  await db.run(INGEST_STATS_DDL);
  await db.run(INGEST_ENCODINGS_DDL);
  await createBillingTables(db); // issue 13: empty unless a billing export is read
}
