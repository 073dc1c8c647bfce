/**
 * Ingest (the staging layer): reads every input table of the data contract from the data directory
 * into DuckDB once per build, enforcing the contract's rules.
 *
 * After ingest() the database holds the 8 staged tables (accepted rows only, schema.ts columns and
 * types; optional tables without a file are empty), `rejected_rows` (the quarantine: table, file,
 * line, column, value, reason; see rules.ts for the reasons) and `ingest_stats` (per table:
 * rows_read = rows_accepted + rows_rejected). A fatal problem (missing table or column, a file that
 * is empty or not CSV) throws InputError with one message naming the file, the column, the expected
 * columns and the columns found.
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {ConfigError, type ReportConfig, type TableName} from "../config.js";
import {literal, type Db} from "../db.js";
import {loadRaw, type RawTable} from "./load.js";
import {locateTables} from "./locate.js";
import {SCHEMA} from "./schema.js";
import {setTimeZone} from "./dates.js";
import {stageTable} from "./stage.js";
import {checkMoneyTotals, checkRequiredRows} from "./table-checks.js";
import {createStagedTables} from "./staged.js";
import {qualitySummary, type TableIngest} from "./quality.js";
import {findBilling, finishBilling, ingestBilling} from "./billing/index.js";

export {InputError} from "./errors.js";
export {createStagedTables} from "./staged.js";
export {qualitySummary, type TableIngest, type TableQuality, type RejectedRow} from "./quality.js";

export interface IngestReport {
  tables: TableIngest[];
}

/** `only`: stage only these inputs (the others stay empty; `npm run metrics -- --tables`); all when absent. */
export async function ingest(db: Db, config: ReportConfig, {only}: {only?: readonly TableName[]} = {}): Promise<IngestReport> {
  await checkDateFormats(db, config);
  await setTimeZone(db, config);
  // issue 13: a billing export (normalised to MRR) stands in for the subscriptions table, and can stand in for accounts.
  const billing = await findBilling(db, config);
  const files = locateTables(config.dataDir, billing ? {optional: ["accounts", "subscriptions"]} : {});
  if (billing?.isSubscriptionsFile) files.subscriptions = null;
  const tmp = mkdtempSync(join(tmpdir(), "cs-ingest-"));
  try {
    // accounts first: its header decides the staged accounts table's extra columns, and the other
    // tables' references check against its accepted rows.
    const order = Object.keys(SCHEMA) as TableName[];
    for (const name of order) {
      if (only && name !== "accounts" && !only.includes(name)) continue;
      const spec = SCHEMA[name];
      const tf = files[name];
      let raw: RawTable | null = null;
      if (tf) raw = await loadRaw(db, spec, tf, config, tmp);
      if (name === "accounts") await createStagedTables(db, raw?.extras ?? []);
      if (name === "subscriptions" && billing) {
        await ingestBilling(db, billing, config, tmp);
        continue;
      }
      const result = tf && raw ? await stageTable(db, spec, raw, tf.name, config) : {rowsRead: 0, rowsAccepted: 0, rowsRejected: 0};
      await db.run(`INSERT INTO ingest_stats VALUES (?, ?, ?, ?, ?)`, [name, tf?.name ?? null, result.rowsRead, result.rowsAccepted, result.rowsRejected]);
      if (raw) await recordEncoding(db, name, raw);
      // With a billing export, accounts are derived from it (finishBilling checks that lines count).
      if (!(billing && name === "accounts")) await checkRequiredRows(db, spec, raw?.file ?? name, result);
      if (raw) await checkMoneyTotals(db, spec, raw.file);
    }
    if (billing) await finishBilling(db, billing, config);
  } finally {
    rmSync(tmp, {recursive: true, force: true});
    for (const t of ["__checked", "__malformed"]) await db.run(`DROP TABLE IF EXISTS temp.${t}`);
  }
  const tables = (await qualitySummary(db, {limit: 0})).map(({firstRejected: _, ...t}) => t);
  return {tables};
}

/** Records the encoding a table's file was read in (Data quality page). */
async function recordEncoding(db: Db, table: string, raw: RawTable): Promise<void> {
  if (raw.encoding) await db.run(`INSERT INTO ingest_encodings VALUES (?, ?, ?)`, [table, raw.encoding, raw.encodingNote]);
}

/** A dateFormat DuckDB cannot use would fail mid-ingest with a SQL error: say which config key instead. */
async function checkDateFormats(db: Db, config: ReportConfig): Promise<void> {
  for (const [table, tc] of Object.entries(config.tables)) {
    if (!tc?.dateFormat) continue;
    try {
      await db.all(`SELECT try_strptime('2024-01-31', ${literal(tc.dateFormat)})`);
    } catch (e) {
      throw new ConfigError(`config: "tables.${table}.dateFormat" is not a valid strptime format: ${(e as Error).message.split("\n")[0]}`);
    }
  }
}
