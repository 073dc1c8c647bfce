/**
 * Query results as Arrow IPC for the site: compact, typed, and read by FileAttachment.arrow(), Arquero
 * and DuckDB-wasm. Two framings: the IPC *file* format (the default), which apache-arrow reads to its
 * end in the browser, and the IPC *stream* format, the only one DuckDB-wasm ingests (DuckDBClient and
 * `sql` front matter); a stream read by FileAttachment.arrow() stops at its end-of-stream marker and
 * cancels the rest of the download, which the browser logs as an aborted request. Text becomes a dictionary-encoded string (months, segments and ids repeat
 * across rows), numbers Float64 unless a column asks for Int32 or Float32, so pages never meet BigInt
 * or time-zone shifts.
 *
 * Account-level tables run to millions of rows, so the work is done in bulk: DuckDB computes each
 * string column's dictionary codes (dense_rank over the sorted distinct values) and whole columns are
 * copied into typed arrays, rather than building one JS object or one builder call per value.
 */
import {
  Bool, Dictionary, Float32, Float64, Int16, Int32, Int8, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray
} from "apache-arrow";
import type {DataType, Vector} from "apache-arrow";
import {ident, type Db} from "../db.js";

const NUMERIC = /^(DECIMAL|DOUBLE|FLOAT|REAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U)/;

/** How a column is encoded: text is always a dictionary ("dictionary" and "utf8" say the same). */
export type Encoding = "dictionary" | "utf8" | "int32" | "float32" | "float64";

/** Validity bitmap (bit set = value present) and the null count, as Arrow wants them. */
function validity(values: readonly unknown[]): {nullBitmap: Uint8Array; nullCount: number} {
  const nullBitmap = new Uint8Array((values.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < values.length; ++i) {
    if (values[i] === null) ++nullCount;
    else nullBitmap[i >> 3] |= 1 << (i & 7);
  }
  return {nullBitmap, nullCount};
}

function numberVector(values: readonly (number | null)[], encoding: "int32" | "float32" | "float64"): Vector {
  const [type, data] =
    encoding === "int32"
      ? [new Int32(), new Int32Array(values.length)]
      : encoding === "float32"
        ? [new Float32(), new Float32Array(values.length)]
        : [new Float64(), new Float64Array(values.length)];
  for (let i = 0; i < values.length; ++i) data[i] = encoding === "int32" ? Math.round(values[i] ?? 0) : (values[i] ?? 0);
  return makeVector(makeData({type, length: values.length, data, ...validity(values)} as Parameters<typeof makeData>[0]));
}

/**
 * Codes index the sorted distinct values; the index type is the smallest that fits. `id` must be
 * explicit: apache-arrow otherwise numbers dictionaries from a process-wide counter.
 */
function dictionaryVector(codes: readonly (number | null)[], dictionary: string[], id: number): Vector {
  const n = dictionary.length;
  const [indices, data] =
    n <= 127 ? [new Int8(), new Int8Array(codes.length)] : n <= 32767 ? [new Int16(), new Int16Array(codes.length)] : [new Int32(), new Int32Array(codes.length)];
  for (let i = 0; i < codes.length; ++i) data[i] = codes[i] ?? 0;
  const type = new Dictionary(new Utf8(), indices, id);
  const dict = vectorFromArray(dictionary, new Utf8());
  return makeVector(makeData({type, length: codes.length, data, dictionary: dict, ...validity(codes)} as Parameters<typeof makeData>[0]));
}

/**
 * Runs `sql` and encodes the result as Arrow IPC: `encodings` picks number types per column (default
 * Float64); `format` is "stream" for tables DuckDB-wasm ingests, "file" otherwise.
 */
export async function queryToArrow(
  db: Db,
  sql: string,
  encodings: Record<string, Encoding> = {},
  {format = "file"}: {format?: "file" | "stream"} = {}
): Promise<Uint8Array> {
  const columns = await db.columns(sql);
  const kinds = columns.map(({type}) => (type === "BOOLEAN" ? "bool" : NUMERIC.test(type) ? "number" : "string"));
  await db.run(`CREATE OR REPLACE TEMP TABLE _arrow_source AS SELECT * FROM (${sql})`);
  try {
    const select = columns.map(({name}, i) => {
      const c = ident(name);
      if (kinds[i] === "number") return `${c}::DOUBLE`;
      if (kinds[i] === "bool") return c;
      return `(CASE WHEN ${c} IS NULL THEN NULL ELSE dense_rank() OVER (ORDER BY ${c}::VARCHAR) - 1 END)::INTEGER`;
    });
    // rowid keeps the query's row order through the window functions.
    const reader = await db.connection.runAndReadAll(`SELECT ${select.join(", ")} FROM _arrow_source ORDER BY rowid`);
    // An empty result has no chunks, hence no column arrays.
    const columnsJS = reader.getColumnsJS();
    const data = columns.map((_, i) => (columnsJS[i] ?? []) as (number | boolean | null)[]);
    const vectors: Record<string, Vector> = {};
    for (const [i, {name}] of columns.entries()) {
      if (kinds[i] === "bool") vectors[name] = vectorFromArray(data[i], new Bool());
      else if (kinds[i] === "number") {
        const e = encodings[name];
        vectors[name] = numberVector(data[i] as (number | null)[], e === "int32" || e === "float32" ? e : "float64");
      } else {
        const c = ident(name);
        const dictionary = await db.all<{v: string}>(
          `SELECT DISTINCT ${c}::VARCHAR AS v FROM _arrow_source WHERE ${c} IS NOT NULL ORDER BY v`
        );
        vectors[name] = dictionaryVector(data[i] as (number | null)[], dictionary.map((r) => r.v), i);
      }
    }
    return tableToIPC(new Table(vectors), format);
  } finally {
    await db.run(`DROP TABLE IF EXISTS _arrow_source`);
  }
}
