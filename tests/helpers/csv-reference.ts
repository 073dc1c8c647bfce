/**
 * The metrics CLI's CSV writer before issue 16 (rows read into JavaScript, one String() per value),
 * kept as the reference that loaders/output/csv.ts (DuckDB COPY) must match byte for byte.
 */
import {ident, type Db} from "../../loaders/db.js";
import {csvField, type CsvOptions} from "../../loaders/output/csv.js";

const FLOAT = /^(DOUBLE|FLOAT|REAL)$/;
const TEXT = /^VARCHAR/;
const FORMULA = /^[=+\-@\t\r]/;

/** A query's result as CSV text (header included). */
export async function queryToCsv(db: Db, sql: string, {neutralizeFormulas = false}: CsvOptions = {}): Promise<{csv: string; rows: number}> {
  const columns = await db.columns(sql);
  // Everything but floats is rendered by DuckDB as text (exact decimals, dates); floats by JS.
  const select = columns.map((c, i) => `${FLOAT.test(c.type) ? ident(c.name) : `CAST(${ident(c.name)} AS VARCHAR)`} AS c${i}`);
  const reader = await db.connection.runAndReadAll(`SELECT ${select.join(", ")} FROM (${sql}) t`);
  const rows = reader.getRowsJS();
  const text = columns.map((c) => TEXT.test(c.type));
  const lines = [columns.map((c) => csvField(c.name)).join(",")];
  for (const row of rows) {
    lines.push(
      row
        .map((v, i) => {
          if (v === null || v === undefined) return "";
          let s = String(v);
          if (neutralizeFormulas && text[i] && FORMULA.test(s)) s = `'${s}`;
          return csvField(s);
        })
        .join(",")
    );
  }
  return {csv: lines.join("\n") + "\n", rows: rows.length};
}
