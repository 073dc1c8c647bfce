/**
 * A DOUBLE as text exactly as JavaScript's String(number) writes it, computed in DuckDB SQL.
 *
 * DuckDB's CAST(double AS VARCHAR) already gives the shortest digits that round-trip (the same
 * digits JavaScript chooses) but lays them out like Python's repr: "1e-05", "3.0", "-0.0",
 * "1.2345678901234568e+20", "nan", "inf". JavaScript (ECMA-262 Number::toString) writes the digits
 * d1..dk with decimal exponent n (value = 0.d1..dk × 10^n) as
 *   k ≤ n ≤ 21   digits then n−k zeros          ("100", "123456789012345680000")
 *   0 < n ≤ 21   a point after n digits         ("1234.5")
 *   −6 < n ≤ 0   "0." then −n zeros then digits ("0.00001")
 *   otherwise    d1[.d2..dk]e±(n−1)              ("1e+21", "1e-7")
 * and "NaN", "Infinity", "-Infinity", and "0" for −0. The macros re-lay DuckDB's digits by those rules.
 */
import type {Db} from "../db.js";

const MACROS = [
  // DuckDB's text for |x| (finite, non-zero), split into mantissa and exponent.
  `CREATE OR REPLACE TEMP MACRO __js_mantissa(s) AS split_part(s, 'e', 1)`,
  `CREATE OR REPLACE TEMP MACRO __js_exp10(s) AS CASE WHEN contains(s, 'e') THEN split_part(s, 'e', 2)::INTEGER ELSE 0 END`,
  // All mantissa digits (no point), and where the point sits after the first of them.
  `CREATE OR REPLACE TEMP MACRO __js_raw(s) AS replace(__js_mantissa(s), '.', '')`,
  `CREATE OR REPLACE TEMP MACRO __js_point(s) AS length(split_part(__js_mantissa(s), '.', 1)) + __js_exp10(s)`,
  // Significant digits d1..dk and the exponent n of 0.d1..dk × 10^n.
  `CREATE OR REPLACE TEMP MACRO __js_digits(s) AS rtrim(ltrim(__js_raw(s), '0'), '0')`,
  `CREATE OR REPLACE TEMP MACRO __js_n(s) AS __js_point(s) - (length(__js_raw(s)) - length(ltrim(__js_raw(s), '0')))`,
  `CREATE OR REPLACE TEMP MACRO __js_layout(d, n) AS CASE
     WHEN length(d) <= n AND n <= 21 THEN d || repeat('0', n - length(d))
     WHEN 0 < n AND n <= 21 THEN left(d, n) || '.' || substr(d, n + 1)
     WHEN -6 < n AND n <= 0 THEN '0.' || repeat('0', -n) || d
     ELSE left(d, 1) || CASE WHEN length(d) > 1 THEN '.' || substr(d, 2) ELSE '' END
          || 'e' || CASE WHEN n - 1 >= 0 THEN '+' ELSE '-' END || abs(n - 1)::VARCHAR
   END`,
  // x with d = __js_digits(s), n = __js_n(s), s = CAST(abs(x) AS VARCHAR): callers over many columns
  // compute s, d and n in inner subqueries, since each macro level inlines its arguments again.
  `CREATE OR REPLACE TEMP MACRO __js_text(x, d, n) AS CASE
     WHEN x IS NULL THEN NULL
     WHEN isnan(x) THEN 'NaN'
     WHEN isinf(x) THEN CASE WHEN x > 0 THEN 'Infinity' ELSE '-Infinity' END
     WHEN x = 0 THEN '0'
     ELSE CASE WHEN x < 0 THEN '-' ELSE '' END || __js_layout(d, n)
   END`,
  `CREATE OR REPLACE TEMP MACRO js_number(x) AS __js_text(x, __js_digits(CAST(abs(x) AS VARCHAR)), __js_n(CAST(abs(x) AS VARCHAR)))`
];

/**
 * A SELECT over `sql` adding, for each named DOUBLE-valued expression, the columns its text needs
 * (`<alias>_d`, `<alias>_n`), in two nested subqueries so each value is cast to text once.
 */
export function withJsNumberParts(sql: string, values: {expr: string; alias: string}[]): string {
  if (!values.length) return sql;
  const s = values.map((v) => `CAST(abs(${v.expr}) AS VARCHAR) AS ${v.alias}_s`).join(", ");
  const dn = values.map((v) => `__js_digits(${v.alias}_s) AS ${v.alias}_d, __js_n(${v.alias}_s) AS ${v.alias}_n`).join(", ");
  return `SELECT *, ${dn} FROM (SELECT *, ${s} FROM (${sql}) __js_t0) __js_t1`;
}

/** The JavaScript text of `expr`, given withJsNumberParts(…, [{expr, alias}]) below it. */
export function jsNumberFromParts(expr: string, alias: string): string {
  return `__js_text(${expr}, ${alias}_d, ${alias}_n)`;
}

const defined = new WeakSet<Db>();

/** Defines the temporary macro js_number(DOUBLE) -> VARCHAR (and its parts) on this connection, once. */
export async function defineJsNumber(db: Db): Promise<void> {
  if (defined.has(db)) return;
  for (const sql of MACROS) await db.run(sql);
  defined.add(db);
}
