/**
 * Finds and reads the billing export: `billing_lines.*`, or a `subscriptions.*` whose header is a
 * recognised billing layout (a Stripe export is named subscriptions.csv), or any subscriptions file
 * when config `billing.preset` forces a layout. Its rows go through the same rules as every table
 * (stage.ts) into the staged `billing_lines`; `fx_rates.*` likewise. Accounts the export names and
 * accounts.csv lacks are derived from it, with segments "unknown".
 */
import {withFs} from "../fs-errors.js";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {ReportConfig} from "../../config.js";
import {ident, literal, type Db} from "../../db.js";
import {displayPath, InputError} from "../errors.js";
import type {RawTable} from "../load.js";
import type {FileFormat, TableFile} from "../locate.js";
import {decodeCsv} from "../decode.js";
import {maxLineSize} from "../records.js";
import {scanCsvFile} from "../scan-file.js";
import {stageTable, type StageResult} from "../stage.js";
import {detectLayout, layoutByPreset, resolveColumns, type Layout} from "./layouts.js";
import {BILLING_COLUMNS, BILLING_SPEC, BILLING_SQL_TYPES, BILLING_TABLE, FX_SPEC, FX_TABLE} from "./spec.js";
import {matchHeader} from "../header.js";

export interface BillingSource {
  file: TableFile;
  layout: Layout;
  /** The export is the data directory's subscriptions file (so no contract subscriptions table is read). */
  isSubscriptionsFile: boolean;
}

const FORMATS: FileFormat[] = ["csv", "csv.gz", "parquet"];

function findFile(dataDir: string, table: string): TableFile | null {
  if (!existsSync(dataDir)) return null;
  const entries = readdirSync(dataDir).sort();
  const found = FORMATS.flatMap((format) => entries.filter((e) => e.toLowerCase() === `${table}.${format}`).map((name) => ({path: join(dataDir, name), name, format})));
  if (found.length > 1) throw new InputError(`${displayPath(dataDir)}: table "${table}" has ${found.length} files (${found.map((m) => m.name).join(" and ")}); keep only one`);
  return found[0] ?? null;
}

const encodingOf = (config: ReportConfig) => config.billing.encoding ?? config.encoding;

/** The header of a CSV (first record) or Parquet file. */
async function readHeader(db: Db, tf: TableFile, config: ReportConfig): Promise<string[]> {
  if (tf.format === "parquet") {
    try {
      return (await db.columns(`SELECT * FROM read_parquet(${literal(tf.path)})`)).map((c) => c.name);
    } catch {
      return [];
    }
  }
  let text: Buffer;
  try {
    ({text} = decodeCsv(readFileSync(tf.path), {gzip: tf.format === "csv.gz", encoding: encodingOf(config), file: displayPath(tf.path)}));
  } catch {
    return []; // not readable as text: the table's own reading reports it, in its turn
  }
  const first = text.subarray(0, Math.min(text.length, 65536)).toString("utf8").split(/\r?\n/)[0] ?? "";
  const delimiter = [",", ";", "\t", "|"].find((d) => first.includes(d)) ?? ",";
  return first.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, "$1"));
}

/** The billing export of the data directory, or null when it has none (the contract's subscriptions table is read). */
export async function findBilling(db: Db, config: ReportConfig): Promise<BillingSource | null> {
  const preset = config.billing.preset;
  const lines = findFile(config.dataDir, BILLING_TABLE);
  const subs = findFile(config.dataDir, "subscriptions");
  if (lines) {
    if (subs) {
      throw new InputError(
        `${displayPath(config.dataDir)}: both ${lines.name} and ${subs.name} give subscription lines; keep one (billing lines are normalised to MRR, subscriptions carry MRR already)`
      );
    }
    const layout = preset ? layoutByPreset(preset) : (detectLayout(await readHeader(db, lines, config)) ?? layoutByPreset("billing_lines"));
    return {file: lines, layout, isSubscriptionsFile: false};
  }
  if (!subs) return null;
  if (preset) return {file: subs, layout: layoutByPreset(preset), isSubscriptionsFile: true};
  const layout = detectLayout(await readHeader(db, subs, config));
  return layout ? {file: subs, layout, isSubscriptionsFile: true} : null;
}

/** The billing table's DDL: canonical columns, amounts as wide decimals. */
export function billingTablesDdl(): string[] {
  const type = (c: (typeof BILLING_COLUMNS)[number]) =>
    BILLING_SQL_TYPES[c.name] ?? {string: "VARCHAR", date: "DATE", timestamp: "TIMESTAMP", money: "DECIMAL(18,2)", decimal: "DOUBLE", integer: "BIGINT", boolean: "BOOLEAN"}[c.type];
  return [
    `CREATE OR REPLACE TABLE ${BILLING_TABLE} (${BILLING_COLUMNS.map((c) => `${ident(c.name)} ${type(c)}`).join(", ")})`,
    `CREATE OR REPLACE TABLE ${FX_TABLE} (month DATE, currency VARCHAR, rate DECIMAL(18,8), source_line BIGINT)`
  ];
}

/**
 * The raw reader of a billing file: the file's cells renamed by the layout (resolveColumns), a column
 * appended for each header that feeds a second canonical column, the layout's default currency, and
 * the line number as `source_line`.
 */
function billingRaw(base: {source: string; file: string; header: string[]; malformed: RawTable["malformed"]; expectedRows: number | null; encoding: string | null; encodingNote: string | null}, layout: Layout, config: ReportConfig): RawTable {
  const resolved = resolveColumns(layout, base.header, config.billing.columns);
  const required = ["account_id", "start_date"].filter((c) => !resolved.has(c));
  if (!resolved.has("amount") && !resolved.has("amount_minor")) required.push("amount (or amount_minor)");
  if (!resolved.has("interval") && !resolved.has("end_date")) required.push("interval (or end_date: a service period)");
  if (required.length) {
    const expected = layout.preset === "billing_lines"
      ? BILLING_COLUMNS.filter((c) => c.name !== "source_line").map((c) => c.name).join(", ")
      : Object.entries(layout.columns).map(([to, from]) => `${from[0]} (${to})`).join(", ");
    throw new InputError(
      `${base.file}: read as ${layout.label}, but missing required column${required.length > 1 ? "s" : ""} ${required.map((r) => `"${r}"`).join(", ")}. ` +
        `Expected columns: ${expected}. Found: ${base.header.map((h) => h.trim()).join(", ")}.`
    );
  }
  const n = base.header.length;
  const targets: (string | null)[] = base.header.map(() => null);
  const appended: string[] = [];
  for (const [canonical, i] of resolved) {
    if (targets[i] === null) targets[i] = canonical;
    else {
      appended.push(`c${i} AS c${n + appended.length}`);
      targets.push(canonical);
    }
  }
  if (!resolved.has("currency") && layout.currency) {
    appended.push(`${literal(layout.currency)} AS c${n + appended.length}`);
    targets.push("currency");
  }
  appended.push(`CAST(__line AS VARCHAR) AS c${n + appended.length}`);
  targets.push("source_line");
  return {
    targets,
    extras: [],
    file: base.file,
    encoding: base.encoding,
    encodingNote: base.encodingNote,
    source: `SELECT *, ${appended.join(", ")} FROM (${base.source})`,
    malformed: base.malformed,
    expectedRows: base.expectedRows
  };
}

/** Reads a CSV or Parquet file as raw text cells (`__line`, `c0` …), like ingest/load.ts. */
async function rawCells(db: Db, tf: TableFile, encoding: ReportConfig["encoding"], tmpDir: string, name: string) {
  const file = displayPath(tf.path);
  if (tf.format === "parquet") {
    const header = (await db.columns(`SELECT * FROM read_parquet(${literal(tf.path)})`)).map((c) => c.name);
    const cols = header.map((h, i) => `CAST(${ident(h)} AS VARCHAR) AS c${i}`).join(", ");
    return {file, header, malformed: [], expectedRows: null, encoding: null, encodingNote: null, source: `SELECT file_row_number + 1 AS __line, ${cols} FROM read_parquet(${literal(tf.path)}, file_row_number = true)`};
  }
  const copy = join(tmpDir, `${name}.csv`);
  const {scanned, encoding: used, note} = scanCsvFile(tf.path, copy, {gzip: tf.format === "csv.gz", encoding, file});
  if (!scanned) throw new InputError(`${file}: empty file (no header line)`);
  const columns = [`'__line': 'BIGINT'`, ...scanned.header.map((_, i) => `'c${i}': 'VARCHAR'`)].join(", ");
  const source = `SELECT * FROM read_csv(${literal(copy)}, header = false, auto_detect = false,
    delim = ${literal(scanned.delimiter)}, quote = '"', escape = '"', new_line = '\\n', max_line_size = ${maxLineSize(scanned)},
    columns = {${columns}})`;
  return {file, header: scanned.header, malformed: scanned.malformed, expectedRows: scanned.written, encoding: used as string | null, encodingNote: (note ?? null) as string | null, source};
}

const withDateFormat = (config: ReportConfig, table: string, dateFormat: string | undefined): ReportConfig =>
  ({...config, tables: {...config.tables, [table]: {dateFormat}}}) as ReportConfig;

/** Stages the billing export into billing_lines (rules of spec.ts) and derives missing accounts; returns its row accounting. */
export async function stageBilling(db: Db, source: BillingSource, config: ReportConfig, tmpDir: string): Promise<StageResult> {
  const base = await rawCells(db, source.file, encodingOf(config), tmpDir, BILLING_TABLE);
  const raw = billingRaw(base, source.layout, config);
  const dateFormat = config.billing.dateFormat ?? source.layout.dateFormat;
  const result = await stageTable(db, BILLING_SPEC, raw, source.file.name, withDateFormat(config, BILLING_TABLE, dateFormat));
  await deriveAccounts(db, config);
  return result;
}

/** Stages fx_rates.* when present; null when the directory has none. */
export async function stageFxRates(db: Db, config: ReportConfig, tmpDir: string): Promise<(StageResult & {file: string}) | null> {
  const tf = findFile(config.dataDir, FX_TABLE);
  if (!tf) return null;
  const base = await rawCells(db, tf, config.encoding, tmpDir, FX_TABLE);
  const match = matchHeader({...FX_SPEC, columns: FX_SPEC.columns.filter((c) => c.name !== "source_line")}, base.header, undefined, {file: base.file, csv: tf.format !== "parquet"});
  // The line number rides along as a last column, so a repeated month and currency can name its line.
  const n = base.header.length;
  const raw: RawTable = {
    targets: [...match.targets, "source_line"],
    extras: [],
    file: base.file,
    encoding: base.encoding,
    encodingNote: base.encodingNote,
    source: `SELECT *, CAST(__line AS VARCHAR) AS c${n} FROM (${base.source})`,
    malformed: base.malformed,
    expectedRows: base.expectedRows
  };
  const result = await stageTable(db, FX_SPEC, raw, tf.name, config);
  await db.run(`UPDATE ${FX_TABLE} SET currency = upper(trim(currency))`);
  // One rate per month and currency: later lines repeating one are quarantined (the first is kept).
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __fx_dup AS
    SELECT source_line, currency, month, first FROM (
      SELECT *, min(source_line) OVER (PARTITION BY month, currency) AS first FROM ${FX_TABLE}) WHERE source_line > first`);
  await db.run(`
    INSERT INTO rejected_rows SELECT ${literal(FX_TABLE)}, ${literal(tf.name)}, source_line, 'month', strftime(month, '%Y-%m'),
      'duplicate_id: ' || currency || ' ' || strftime(month, '%Y-%m') || ' already on line ' || first FROM __fx_dup ORDER BY source_line`);
  await db.run(`DELETE FROM ${FX_TABLE} WHERE source_line IN (SELECT source_line FROM __fx_dup)`);
  const [{dups}] = await db.all<{dups: number}>(`SELECT count(*) AS dups FROM __fx_dup`);
  await db.run(`DROP TABLE temp.__fx_dup`);
  return {...result, rowsAccepted: result.rowsAccepted - dups, rowsRejected: result.rowsRejected + dups, file: tf.name};
}

/**
 * Accounts the billing export names that accounts.csv does not hold (all of them when there is no
 * accounts.csv): derived with the export's name for them and every segment dimension "unknown".
 */
async function deriveAccounts(db: Db, config: ReportConfig): Promise<void> {
  const columns = new Set((await db.columns(`SELECT * FROM accounts`)).map((c) => c.name));
  const dims = config.segments.filter((s) => columns.has(s) && s !== "account_id" && s !== "account_name");
  await db.run(
    `INSERT INTO accounts (account_id, account_name${dims.map((d) => `, ${ident(d)}`).join("")})
     SELECT account_id, arg_min(account_name, source_line) FILTER (WHERE account_name IS NOT NULL)${dims.map(() => `, 'unknown'`).join("")}
     FROM ${BILLING_TABLE} b
     WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = b.account_id)
     GROUP BY account_id ORDER BY min(source_line)`
  );
}
