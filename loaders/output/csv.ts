/**
 * Writes DuckDB tables as CSV: a header row, the table's own row order (every metric table is created
 * with ORDER BY, and DuckDB preserves insertion order), RFC 4180 quoting, LF line ends, UTF-8.
 *
 * Values: NULL is an empty cell; DECIMAL money keeps its scale ("1234.50", exactly as stored);
 * integers as digits; DOUBLE rates in JavaScript's shortest round-trip form ("0.031",
 * "1.0645764789368428", see js-number.ts); booleans true/false; dates YYYY-MM-DD. The same table
 * always gives the same bytes.
 *
 * DuckDB writes the file (COPY), so no row passes through JavaScript. Each line is built in SQL with
 * the quoting rule below and copied with DuckDB's own quoting off: DuckDB's rule differs (it quotes
 * an empty string and a leading "#"), and these files' bytes are fixed (tests/output/csv.test.ts
 * checks them against the JavaScript writer they replaced).
 */
import {ident, literal, type Db} from "../db.js";
import {defineJsNumber, jsNumberFromParts, withJsNumberParts} from "./js-number.js";

export interface CsvOptions {
  /**
   * Prefix text cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR)
   * with an apostrophe. Only text columns are touched: negative numbers stay numbers.
   */
  neutralizeFormulas?: boolean;
}

const FLOAT = /^(DOUBLE|FLOAT|REAL)$/;
const TEXT = /^VARCHAR/;

/** One CSV field: quoted when it holds a comma, a quote, CR or LF (quotes doubled). */
export function csvField(value: string | null): string {
  if (value === null) return "";
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** SQL for one column's CSV field (never NULL), the same text csvField gives; column i's number parts are __js_<i>_*. */
function fieldSql(column: {name: string; type: string}, i: number, {neutralizeFormulas = false}: CsvOptions): string {
  const c = ident(column.name);
  if (FLOAT.test(column.type)) return `coalesce(${jsNumberFromParts(`${c}::DOUBLE`, `__js_${i}`)}, '')`;
  let text = `CAST(${c} AS VARCHAR)`;
  if (neutralizeFormulas && TEXT.test(column.type)) text = `CASE WHEN regexp_matches(${c}, '^[=+\\-@\\t\\r]') THEN '''' || ${c} ELSE ${c} END`;
  return `coalesce(CASE WHEN regexp_matches(${text}, '[",\\r\\n]') THEN '"' || replace(${text}, '"', '""') || '"' ELSE ${text} END, '')`;
}

/** The SELECT whose one column is each CSV line, named by the header line. */
export async function csvLinesSql(db: Db, sql: string, options: CsvOptions = {}): Promise<string> {
  const columns = await db.columns(sql);
  const header = columns.map((c) => csvField(c.name)).join(",");
  const line = columns.length ? columns.map((c, i) => fieldSql(c, i, options)).join(` || ',' || `) : "''";
  const floats = columns.flatMap((c, i) => (FLOAT.test(c.type) ? [{expr: `${ident(c.name)}::DOUBLE`, alias: `__js_${i}`}] : []));
  return `SELECT ${line} AS ${ident(header)} FROM (${withJsNumberParts(sql, floats)}) t`;
}

/** Writes a whole table to `path` as CSV (DuckDB COPY); returns the number of data rows. */
export async function writeTableCsv(db: Db, table: string, path: string, options: CsvOptions = {}): Promise<number> {
  await defineJsNumber(db);
  const select = await csvLinesSql(db, `SELECT * FROM ${ident(table)}`, options);
  // QUOTE '' and ESCAPE '': the lines are already quoted; DuckDB writes them (and the header) as they are.
  const reader = await db.connection.runAndReadAll(`COPY (${select}) TO ${literal(path)} (FORMAT csv, HEADER true, QUOTE '', ESCAPE '')`);
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}
