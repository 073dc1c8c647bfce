/** What the data-quality page shows: per table, the row accounting, rejections by reason, the first rejected rows. */
import type {Db} from "../db.js";

export interface RejectedRow {
  /** issue 16: the file the row is in, when not the table's file (a partitioned table's folder). */
  file?: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

/** One input table's row accounting (rows read = accepted + rejected). */
export interface TableIngest {
  table: string;
  /** The file's name in the data directory; null when an optional table has no file. */
  file: string | null;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Rejected rows per reason code (the text before the colon: "invalid_date", "unknown_account" ...). */
  rejectedByReason: Record<string, number>;
  /** The text encoding a CSV was read in ("utf-8" | "shift_jis"); null for Parquet or no file. */
  encoding?: string | null;
  /** How the encoding was chosen when it was not obvious (both readings possible, or set by config). */
  encodingNote?: string | null;
}

export interface TableQuality extends TableIngest {
  /** The first `limit` rejected rows, by line. */
  firstRejected: RejectedRow[];
}

/** Reads `ingest_stats` and `rejected_rows` (as left by ingest) into one summary per table, in contract order. */
export async function qualitySummary(db: Db, {limit = 20}: {limit?: number} = {}): Promise<TableQuality[]> {
  const stats = await db.all<{table: string; file: string | null; rows_read: number; rows_accepted: number; rows_rejected: number}>(
    `SELECT "table", file, rows_read, rows_accepted, rows_rejected FROM ingest_stats ORDER BY rowid`
  );
  // Databases built by hand in tests may lack the table: encodings are then unknown.
  const encodings = await db
    .all<{table: string; encoding: string; note: string | null}>(`SELECT "table", encoding, note FROM ingest_encodings`)
    .catch(() => []);
  const reasons = await db.all<{table: string; code: string; n: number}>(
    `SELECT "table", split_part(reason, ':', 1) AS code, count(*) AS n FROM rejected_rows GROUP BY ALL ORDER BY "table", n DESC, code`
  );
  const first = await db.all<Omit<RejectedRow, "file"> & {table: string; file: string}>(
    `SELECT "table", file, line, "column", value, reason FROM rejected_rows
     QUALIFY row_number() OVER (PARTITION BY "table" ORDER BY file, line, "column") <= ${Math.max(0, Math.floor(limit))}
     ORDER BY "table", file, line, "column"`
  );
  return stats.map((s) => ({
    table: s.table,
    file: s.file,
    rowsRead: s.rows_read,
    rowsAccepted: s.rows_accepted,
    rowsRejected: s.rows_rejected,
    rejectedByReason: Object.fromEntries(reasons.filter((r) => r.table === s.table).map((r) => [r.code, r.n])),
    encoding: encodings.find((e) => e.table === s.table)?.encoding ?? null,
    encodingNote: encodings.find((e) => e.table === s.table)?.note ?? null,
    firstRejected: first.filter((r) => r.table === s.table).map(({table: _, file, ...row}) => (file === s.file ? row : {file, ...row}))
  }));
}
