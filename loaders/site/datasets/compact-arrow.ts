/**
 * Arrow files for the site's larger datasets, smaller than queryToArrow's all-Float64 / plain-Utf8
 * encoding: repeated strings (segments, months, bands) dictionary-encoded with small indices, counts as
 * Int32 and rates as Float32. Pages read them the same way (FileAttachment(…).arrow(), Arquero).
 */
import {Dictionary, Float32, Float64, Int16, Int32, Int8, Table, tableToIPC, Utf8, vectorFromArray, type DataType} from "apache-arrow";
import type {Db} from "../../db.js";

export type Encoding = "dictionary" | "int32" | "float32" | "float64" | "utf8";

function arrowType(encoding: Encoding, distinct: number): DataType {
  switch (encoding) {
    case "dictionary":
      return new Dictionary(new Utf8(), distinct <= 127 ? new Int8() : distinct <= 32767 ? new Int16() : new Int32());
    case "int32":
      return new Int32();
    case "float32":
      return new Float32();
    case "float64":
      return new Float64();
    case "utf8":
      return new Utf8();
  }
}

/** Runs `sql` and encodes each column as `encodings[column]` (default: float64 for numbers, utf8 otherwise). */
export async function queryToCompactArrow(db: Db, sql: string, encodings: Record<string, Encoding>): Promise<Uint8Array> {
  const columns = await db.columns(sql);
  const rows = await db.all<Record<string, string | number | boolean | null>>(sql);
  const numeric = (type: string) => /^(DECIMAL|DOUBLE|FLOAT|REAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|U)/.test(type);
  const vectors = Object.fromEntries(
    columns.map(({name, type}) => {
      const encoding = encodings[name] ?? (numeric(type) ? "float64" : "utf8");
      const values = rows.map((r) => {
        const v = r[name];
        if (v === null || v === undefined) return null;
        return encoding === "dictionary" || encoding === "utf8" ? String(v) : Number(v);
      });
      const distinct = encoding === "dictionary" ? new Set(values).size : 0;
      return [name, vectorFromArray(values, arrowType(encoding, distinct))];
    })
  );
  return tableToIPC(new Table(vectors), "file");
}
