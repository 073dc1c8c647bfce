/**
 * Query results as Arrow IPC files for the site: compact, typed, and read by FileAttachment.arrow(),
 * Arquero and DuckDB-wasm alike. Numbers become Float64 and everything else but booleans a
 * dictionary-encoded string (months, segments and ids repeat across rows), so pages never meet
 * BigInt or time-zone shifts.
 *
 * Account-level tables run to millions of rows, so the work is done in bulk: DuckDB computes each
 * string column's dictionary codes (dense_rank over the sorted distinct values) and whole columns are
 * copied into typed arrays, rather than building one JS object or one builder call per value.
 */
import {Bool, Dictionary, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray} from "apache-arrow";
import type {Vector} from "apache-arrow";
import {ident, type Db} from "../db.js";

const NUMERIC = /^(DECIMAL|DOUBLE|FLOAT|REAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U)/;

type Kind = "number" | "string" | "bool";

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

function float64Vector(values: readonly (number | null)[]): Vector {
  const data = new Float64Array(values.length);
  for (let i = 0; i < values.length; ++i) data[i] = values[i] ?? 0;
  return makeVector(makeData({type: new Float64(), length: values.length, data, ...validity(values)}));
}

/** `id` must be explicit: apache-arrow otherwise numbers dictionaries from a process-wide counter. */
function dictionaryVector(codes: readonly (number | null)[], dictionary: string[], id: number): Vector {
  const data = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; ++i) data[i] = codes[i] ?? 0;
  const type = new Dictionary(new Utf8(), new Int32(), id);
  const dict = vectorFromArray(dictionary, new Utf8());
  return makeVector(makeData({type, length: codes.length, data, dictionary: dict, ...validity(codes)}));
}

/** Runs `sql` and encodes the result as an Arrow IPC file. */
export async function queryToArrow(db: Db, sql: string): Promise<Uint8Array> {
  const columns = await db.columns(sql);
  const kinds: Kind[] = columns.map(({type}) => (type === "BOOLEAN" ? "bool" : NUMERIC.test(type) ? "number" : "string"));
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
      if (kinds[i] === "number") vectors[name] = float64Vector(data[i] as (number | null)[]);
      else if (kinds[i] === "bool") vectors[name] = vectorFromArray(data[i], new Bool());
      else {
        const c = ident(name);
        const dictionary = await db.all<{v: string}>(
          `SELECT DISTINCT ${c}::VARCHAR AS v FROM _arrow_source WHERE ${c} IS NOT NULL ORDER BY v`
        );
        vectors[name] = dictionaryVector(data[i] as (number | null)[], dictionary.map((r) => r.v), i);
      }
    }
    return tableToIPC(new Table(vectors), "file");
  } finally {
    await db.run(`DROP TABLE IF EXISTS _arrow_source`);
  }
}
