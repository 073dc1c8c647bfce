/**
 * Writes DuckDB tables as CSV: a header row, the table's own row order (every metric table is created
 * with ORDER BY, and DuckDB preserves insertion order), RFC 4180 quoting, LF line ends, UTF-8.
 *
 * Values: NULL is an empty cell; DECIMAL money keeps its scale ("1234.50", exactly as stored);
 * integers as digits; DOUBLE rates in JavaScript's shortest round-trip form ("0.031",
 * "1.0645764789368428"); booleans true/false; dates YYYY-MM-DD. The same table always gives the
 * same bytes.
 */
import {writeFile} from "node:fs/promises";
import {ident, type Db} from "../db.js";

export interface CsvOptions {
  /**
   * Prefix text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
   * with an apostrophe. Only text columns are touched: negative numbers stay numbers.
   */
  neutralizeFormulas?: boolean;
}

const FLOAT = /^(DOUBLE|FLOAT|REAL)$/;
const TEXT = /^VARCHAR/;
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV field: quoted when it holds a comma, a quote, CR or LF (quotes doubled). */
export function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

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

/** Writes a whole table to `path` as CSV; returns the number of data rows. */
export async function writeTableCsv(db: Db, table: string, path: string, options: CsvOptions = {}): Promise<number> {
  const {csv, rows} = await queryToCsv(db, `SELECT * FROM ${ident(table)}`, options);
  await writeFile(path, csv);
  return rows;
}
