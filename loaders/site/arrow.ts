/**
 * Query results as Arrow IPC files for the site: compact, typed, and read by FileAttachment.arrow(),
 * Arquero and DuckDB-wasm alike. Dates stay "YYYY-MM-DD" strings and numbers become Float64, so
 * pages never meet BigInt or time-zone shifts.
 */
import {Bool, Float64, Table, Utf8, tableToIPC, vectorFromArray, type DataType} from "apache-arrow";
import type {Db} from "../db.js";

function arrowType(duckdbType: string): DataType {
  if (duckdbType === "BOOLEAN") return new Bool();
  if (/^(DECIMAL|DOUBLE|FLOAT|REAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U)/.test(duckdbType)) return new Float64();
  return new Utf8();
}

/** Runs `sql` and encodes the result as an Arrow IPC file. */
export async function queryToArrow(db: Db, sql: string): Promise<Uint8Array> {
  const columns = await db.columns(sql);
  const rows = await db.all(sql);
  const vectors = Object.fromEntries(
    columns.map(({name, type}) => {
      const t = arrowType(type);
      const values = rows.map((r) => {
        const v = r[name];
        return v === null || v === undefined ? null : t instanceof Utf8 ? String(v) : v;
      });
      return [name, vectorFromArray(values, t)];
    })
  );
  return tableToIPC(new Table(vectors), "file");
}
