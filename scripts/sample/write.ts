/**
 * Writing the tables: buffered CSV appends (one file per table, written account by account so
 * memory stays flat however long the history), and the optional conversion to Parquet with
 * the contract's column types.
 */
import {csvField as quoteField} from "../../loaders/output/csv.js";
import {closeSync, openSync, writeSync} from "node:fs";
import type {TableName} from "../../loaders/config.js";
import {literal, type Db} from "../../loaders/db.js";
import {SCHEMA, SQL_TYPES} from "../../loaders/ingest/schema.js";

export type Cell = string | number | boolean | null;
export type Row = Cell[];

/** RFC 4180 field (the metrics CLI's quoting); numbers as written. Null is empty. */
export function csvField(value: Cell): string {
  return quoteField(value === null || typeof value === "string" ? value : String(value));
}

export interface TableWriter {
  write(rows: Row[]): void;
  close(): void;
  /** Data rows written so far. */
  readonly rows: number;
}

const FLUSH_AT = 1 << 20;

/** A CSV file (UTF-8, header row, "\n" line ends) with the table's contract columns in order. */
export function csvTable(path: string, table: TableName): TableWriter {
  const fd = openSync(path, "w");
  let chunks: string[] = [SCHEMA[table].columns.map((c) => csvField(c.name)).join(",") + "\n"];
  let size = chunks[0].length;
  let rows = 0;
  const flush = () => {
    writeSync(fd, chunks.join(""));
    chunks = [];
    size = 0;
  };
  return {
    write(batch) {
      for (const row of batch) {
        const line = row.map(csvField).join(",") + "\n";
        chunks.push(line);
        size += line.length;
      }
      rows += batch.length;
      if (size >= FLUSH_AT) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
    get rows() {
      return rows;
    }
  };
}

/**
 * Converts one table's CSV to Parquet, reading every column with its contract type (money as
 * DECIMAL(18,2), dates as DATE ...), so a Parquet sample ingests exactly like the CSV one.
 */
export async function csvToParquet(db: Db, table: TableName, csvPath: string, parquetPath: string): Promise<void> {
  const columns = SCHEMA[table].columns.map((c) => `${literal(c.name)}: ${literal(SQL_TYPES[c.type])}`).join(", ");
  await db.run(`COPY (
      SELECT * FROM read_csv(${literal(csvPath)}, header = true, auto_detect = false, delim = ',', quote = '"',
        escape = '"', nullstr = '', columns = {${columns}})
    ) TO ${literal(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`);
}
