/**
 * Opens one table's file for reading: matches its header to the contract and returns the SQL that
 * reads it as raw text, `__line BIGINT` then one VARCHAR column per file column (`c0`, `c1` ...).
 * The rows are read once, straight into the checks (stage.ts), never into an intermediate table.
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
import {displayPath, expectedColumns, InputError} from "./errors.js";
import {withFs} from "./fs-errors.js";
import {matchHeader, type HeaderMatch} from "./header.js";
import type {TableFile} from "./locate.js";
import type {MalformedRecord} from "./records.js";
import {maxLineSize} from "./records.js";
import {scanCsvFile} from "./scan-file.js";
import {loadPartitioned} from "./load-partitioned.js";
import type {TableSpec} from "./schema.js";

export interface RawTable extends HeaderMatch {
  /** The file as the user should read its name in messages. */
  file: string;
  /** SELECT returning `__line` and the raw cells `c0`, `c1` ... */
  source: string;
  /** Records quarantined before typing (CSV only). */
  malformed: MalformedRecord[];
  /** Rows `source` must return (CSV: records the line scan wrote), or null when not known beforehand. */
  expectedRows: number | null;
  /** The text encoding a CSV was read in ("utf-8" | "shift_jis"; null for Parquet), and how it was chosen when not obvious. */
  encoding: string | null;
  encodingNote: string | null;
  /**
   * issue 16: a partitioned table's file names by part index (partitions.ts); `source` then also
   * returns `__part` (0-based) and `__line` counts within that file. null for one file.
   */
  parts?: string[] | null;
}

export async function loadRaw(db: Db, spec: TableSpec, tf: TableFile, config: ReportConfig, tmpDir: string): Promise<RawTable> {
  if (tf.partitioned) return loadPartitioned(db, spec, tf, tf.partitioned, config, tmpDir);
  return tf.format === "parquet" ? loadParquet(db, spec, tf, config) : loadCsv(spec, tf, config, tmpDir);
}

function loadCsv(spec: TableSpec, tf: TableFile, config: ReportConfig, tmpDir: string): RawTable {
  const file = displayPath(tf.path);
  const encoding = config.tables[spec.name]?.encoding ?? config.encoding;
  const copy = join(tmpDir, `${spec.name}.csv`);
  const {scanned, encoding: used, note} = scanCsvFile(tf.path, copy, {gzip: tf.format === "csv.gz", encoding, file});
  if (!scanned) throw new InputError(`${file}: empty file (no header line). Expected columns: ${expectedColumns(spec)}.`);
  const match = matchHeader(spec, scanned.header, config.tables[spec.name], {file, csv: true});
  const columns = [`'__line': 'BIGINT'`, ...scanned.header.map((_, i) => `'c${i}': 'VARCHAR'`)].join(", ");
  const source = `SELECT * FROM read_csv(${literal(copy)}, header = false, auto_detect = false,
    delim = ${literal(scanned.delimiter)}, quote = '"', escape = '"', new_line = '\\n', max_line_size = ${maxLineSize(scanned)},
    columns = {${columns}})`;
  return {...match, file, source, malformed: scanned.malformed, expectedRows: scanned.written, encoding: used, encodingNote: note ?? null};
}

async function loadParquet(db: Db, spec: TableSpec, tf: TableFile, config: ReportConfig): Promise<RawTable> {
  const file = displayPath(tf.path);
  let names: string[];
  try {
    names = (await db.columns(`SELECT * FROM read_parquet(${literal(tf.path)}, hive_partitioning = false)`)).map((c) => c.name);
  } catch (e) {
    throw new InputError(`${file}: not a Parquet file (${(e as Error).message.split("\n")[0]})`);
  }
  const match = matchHeader(spec, names, config.tables[spec.name], {file, csv: false});
  const cols = names.map((name, i) => `CAST(${ident(name)} AS VARCHAR) AS c${i}`).join(", ");
  const source = `SELECT file_row_number + 1 AS __line, ${cols} FROM read_parquet(${literal(tf.path)}, file_row_number = true, hive_partitioning = false)`;
  return {...match, file, source, malformed: [], expectedRows: null, encoding: null, encodingNote: null};
}
