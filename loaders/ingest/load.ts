/**
 * Loads one table's file as raw text into the temp table `__raw`: `__line BIGINT` then one VARCHAR
 * column per file column (`c0`, `c1` ...), and matches the header to the contract.
 *
 * CSV: decoded to UTF-8 (decode.ts), split into records with their physical start line (records.ts),
 * then read by DuckDB with fixed options. Parquet: read by DuckDB, every column cast to VARCHAR so
 * the same rules apply; a parquet file has no header line, so `__line` is the row number + 1
 * (the first row is line 1).
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {ReportConfig} from "../config.js";
import {ident, literal, type Db} from "../db.js";
import {decodeCsv} from "./decode.js";
import {displayPath, expectedColumns, InputError} from "./errors.js";
import {matchHeader, type HeaderMatch} from "./header.js";
import type {TableFile} from "./locate.js";
import type {MalformedRecord} from "./records.js";
import {scanCsv} from "./records.js";
import type {TableSpec} from "./schema.js";

export interface RawTable extends HeaderMatch {
  /** Records quarantined before typing (CSV only). */
  malformed: MalformedRecord[];
}

export const RAW = "__raw";

export async function loadRaw(db: Db, spec: TableSpec, tf: TableFile, config: ReportConfig, tmpDir: string): Promise<RawTable> {
  return tf.format === "parquet" ? loadParquet(db, spec, tf, config) : loadCsv(db, spec, tf, config, tmpDir);
}

async function loadCsv(db: Db, spec: TableSpec, tf: TableFile, config: ReportConfig, tmpDir: string): Promise<RawTable> {
  const file = displayPath(tf.path);
  const encoding = config.tables[spec.name]?.encoding ?? config.encoding;
  const {text} = decodeCsv(readFileSync(tf.path), {gzip: tf.format === "csv.gz", encoding, file});
  const copy = join(tmpDir, `${spec.name}.csv`);
  const scanned = scanCsv(text, copy, file);
  if (!scanned) throw new InputError(`${file}: empty file (no header line). Expected columns: ${expectedColumns(spec)}.`);
  const match = matchHeader(spec, scanned.header, config.tables[spec.name], {file, csv: true});
  const columns = [`'__line': 'BIGINT'`, ...scanned.header.map((_, i) => `'c${i}': 'VARCHAR'`)].join(", ");
  try {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${RAW} AS SELECT * FROM read_csv(${literal(copy)}, header = false, auto_detect = false,
        delim = ${literal(scanned.delimiter)}, quote = '"', escape = '"', new_line = '\\n', max_line_size = 100000000,
        columns = {${columns}})`
    );
  } catch (e) {
    throw new InputError(`${file}: could not be read as CSV (${(e as Error).message.split("\n")[0]})`);
  }
  const [{n}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM ${RAW}`);
  // The two parsers must agree, or line numbers and accounting would be wrong: fail loudly.
  if (n !== scanned.written) throw new Error(`ingest: ${file}: DuckDB read ${n} records, the line scan wrote ${scanned.written}`);
  return {...match, malformed: scanned.malformed};
}

async function loadParquet(db: Db, spec: TableSpec, tf: TableFile, config: ReportConfig): Promise<RawTable> {
  const file = displayPath(tf.path);
  let names: string[];
  try {
    names = (await db.columns(`SELECT * FROM read_parquet(${literal(tf.path)})`)).map((c) => c.name);
  } catch (e) {
    throw new InputError(`${file}: not a Parquet file (${(e as Error).message.split("\n")[0]})`);
  }
  const match = matchHeader(spec, names, config.tables[spec.name], {file, csv: false});
  const cols = names.map((name, i) => `CAST(${ident(name)} AS VARCHAR) AS c${i}`).join(", ");
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${RAW} AS
     SELECT file_row_number + 1 AS __line, ${cols} FROM read_parquet(${literal(tf.path)}, file_row_number = true) ORDER BY __line`
  );
  return {...match, malformed: []};
}
