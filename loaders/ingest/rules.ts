/**
 * The contract's rules as SQL over raw text cells: how a cell is cleaned, parsed into its staged
 * type, and which checks it must pass, each with its quarantine reason.
 *
 * Reasons are `code: text`, the code short and stable (the data-quality page counts by it):
 *   missing_value:     account_id is required
 *   invalid_date:      "2024-13-01" is not a date (YYYY-MM-DD)            [month columns: (YYYY-MM-DD or YYYY-MM);
 *                                                                          with dateFormat: (YYYY-MM-DD or %Y/%m/%d)]
 *   invalid_timestamp: "x" is not a timestamp (YYYY-MM-DD HH:MM:SS)
 *   invalid_integer:   "1.5" is not a whole number
 *   invalid_number:    "1,234" is not a plain decimal number (like 1234.5)
 *   invalid_boolean:   "maybe" is not a boolean (true/false, yes/no, 1/0)
 *   negative:          mrr -100 < 0                                        (min 0, no max)
 *   out_of_range:      score 11 not in 0..10 | mrr 1e13 > 1000000000000 (the largest plausible amount)
 *                      | start_date 2999-01-01 outside the plausible dates 1990-01-01..2099-12-31 (config dateRange)
 *   unknown_account:   account_id "A999" not in accounts
 *   date_order:        end_date 2024-01-01 is not after start_date 2024-02-01
 *                      | resolved_at 2024-01-01 09:00:00 is before created_at 2024-01-02 10:00:00
 *                      | won_at 2024-01-01 is before created_at 2024-02-01   (notBefore)
 *   invalid_value:     source "phone" not one of support, csm, other      (values)
 *   missing_value:     won_at is required when status is won              (requiredWhen)
 *   duplicate_id:      subscription_id "S1" already on line 3
 *   malformed_row:     9 fields, expected 8 | text after a closing quote | the quote opened on line 7 is never closed
 * Values in reasons are the cell's text as written (trimmed); dates in date_order are ISO.
 */
import {ident, literal} from "../db.js";
import {isoTimestampSql, outsideRangeReason, outsideRangeSql, type DateRange} from "./dates.js";
import type {ColumnSpec, ColumnType} from "./schema.js";

/** The temp table of checked rows (stage.ts), and the SQL names of a column's raw cell, cleaned text and parsed value in it. */
export const CHECKED = "__checked";
export const colNames = (name: string) => ({r: ident(`r:${name}`), t: ident(`t:${name}`), p: ident(`p:${name}`)});
export const extraName = (name: string) => ident(`x:${name}`);

const INTEGER = "[+-]?[0-9]+([.]0*)?";
const DECIMAL = "[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)";
const BOOLEANS: Record<string, boolean> = {true: true, false: false, t: true, f: false, yes: true, no: false, y: true, n: false, "1": true, "0": false};

/**
 * Cleans a raw cell: empty or blank is NULL; typed cells and ids are trimmed (DuckDB's trim: spaces,
 * including the ideographic space of Japanese exports); other text stays exactly as written.
 * trim() runs only on cells that start or end with a space: on millions of cells it is the costly part.
 */
export function textSql(col: ColumnSpec | null, raw: string): string {
  const starts = `(${raw} LIKE ' %' OR ${raw} LIKE '　%')`;
  const padded = `(${starts} OR ${raw} LIKE '% ' OR ${raw} LIKE '%　')`;
  const trimmed = col && (col.type !== "string" || col.unique || col.referencesAccounts || col.values);
  const cleaned = trimmed
    ? `CASE WHEN ${padded} THEN NULLIF(trim(${raw}), '') ELSE NULLIF(${raw}, '') END`
    : `CASE WHEN ${raw} = '' OR (${starts} AND trim(${raw}) = '') THEN NULL ELSE ${raw} END`;
  // Ids compare as NFC: "ガ" typed as カ + combining mark (NFD, macOS file names and some tools) is
  // the same id as the precomposed ガ. ASCII ids (nearly all) skip the normalisation.
  return isId(col) ? `CASE WHEN strlen(${raw}) <> length(${raw}) THEN nfc_normalize(${cleaned}) ELSE ${cleaned} END` : cleaned;
}

/** Columns holding ids (unique values, or references to accounts): compared after NFC normalisation. */
const isId = (col: ColumnSpec | null) => !!col && col.type === "string" && (!!col.unique || !!col.referencesAccounts);

/**
 * Per-row bounds that keep every sum exact: a money amount above MONEY_MAX (10^12 per line per month)
 * or a count above INTEGER_MAX (10^9) is implausible, and rows of that size could overflow the sums
 * (staged money is DECIMAL(18,2), up to 10^16; see also the table total in stage.ts).
 */
export const MONEY_MAX = 1_000_000_000_000;
export const INTEGER_MAX = 1_000_000_000;

function defaultSql(col: ColumnSpec): string {
  const d = col.default;
  if (typeof d === "boolean") return d ? "TRUE" : "FALSE";
  if (typeof d === "number") return String(d);
  return literal(String(d));
}

function parseSql(type: ColumnType, t: string, dateFormat: string | undefined): string {
  const fmt = dateFormat ? literal(dateFormat) : null;
  switch (type) {
    case "string":
      return t;
    case "integer":
      return `CASE WHEN regexp_full_match(${t}, '${INTEGER}') THEN TRY_CAST(${t} AS BIGINT) END`;
    case "money":
      // DECIMAL(38,2) here so that a too-large amount parses and is quarantined by its bound (MONEY_MAX), not as "not a number".
      return `CASE WHEN regexp_full_match(${t}, '${DECIMAL}') THEN TRY_CAST(${t} AS DECIMAL(38,2)) END`;
    case "decimal":
      return `CASE WHEN regexp_full_match(${t}, '${DECIMAL}') THEN TRY_CAST(${t} AS DOUBLE) END`;
    case "date": {
      // Via TIMESTAMP, which (unlike the DATE cast) rejects trailing text like "2024-01-05x"; a
      // timestamp with a zone suffix gives its day in the report's zone (dates.ts).
      const iso = `CASE WHEN ${t} LIKE '____-%' THEN CAST(${isoTimestampSql(t)} AS DATE) END`;
      return fmt ? `COALESCE(TRY_CAST(try_strptime(${t}, ${fmt}) AS DATE), ${iso})` : iso;
    }
    case "timestamp": {
      const iso = `CASE WHEN ${t} LIKE '____-%' THEN ${isoTimestampSql(t)} END`;
      return fmt ? `COALESCE(TRY_CAST(try_strptime(${t}, ${fmt}) AS TIMESTAMP), ${iso})` : iso;
    }
    case "boolean":
      return `CASE lower(${t}) ${Object.entries(BOOLEANS).map(([k, v]) => `WHEN '${k}' THEN ${v}`).join(" ")} END`;
  }
}

/** The staged value of a cleaned cell `t`: parsed to the column's type; NULL when it does not parse. */
export function parsedSql(col: ColumnSpec, t: string, dateFormat: string | undefined): string {
  let parsed = parseSql(col.type, t, dateFormat);
  if (col.values) parsed = `lower(${parsed})`; // issue 19: enumerated values are staged lower-case
  if (col.monthly) {
    // Monthly exports often write "2024-01".
    parsed = `CAST(date_trunc('month', CASE WHEN length(${t}) <= 7 AND regexp_full_match(${t}, '[0-9]{4}-[0-9]{1,2}') THEN TRY_CAST(${t} || '-01' AS DATE) ELSE ${parsed} END) AS DATE)`;
  }
  return col.default === undefined ? parsed : `CASE WHEN ${t} IS NULL THEN ${defaultSql(col)} ELSE ${parsed} END`;
}

/** One check: when `when` holds, the row is rejected with `reason` (SQL expressions). */
export interface Check {
  column: string;
  when: string;
  reason: string;
}

const q = (s: string) => literal(s);
/** `"` + expr + `"` in SQL. */
const quoted = (expr: string) => `'"' || ${expr} || '"'`;

function typeReason(col: ColumnSpec, t: string, dateFormat: string | undefined): string {
  const dates = ["YYYY-MM-DD", col.monthly ? "YYYY-MM" : "", dateFormat ?? ""].filter(Boolean).join(" or ");
  const [code, rule] = {
    date: ["invalid_date", `is not a date (${dates})`],
    timestamp: ["invalid_timestamp", `is not a timestamp (${dateFormat ? dates : "YYYY-MM-DD HH:MM:SS"})`],
    integer: ["invalid_integer", "is not a whole number"],
    money: ["invalid_number", "is not a plain decimal number (like 1234.5)"],
    decimal: ["invalid_number", "is not a plain decimal number (like 1234.5)"],
    boolean: ["invalid_boolean", "is not a boolean (true/false, yes/no, 1/0)"]
  }[col.type as Exclude<ColumnType, "string">];
  return `${q(`${code}: `)} || ${quoted(t)} || ${q(` ${rule}`)}`;
}

/**
 * The row checks of one column, in the order they apply: missing value, type, range, reference,
 * date order. `cols(name)` gives the SQL names of a column's cleaned text and parsed value;
 * `known` is the SQL saying the row's account exists.
 */
export function columnChecks(
  col: ColumnSpec,
  cols: (name: string) => {t: string; p: string},
  {dateFormat, known, dateRange}: {dateFormat?: string; known: string; dateRange: DateRange}
): Check[] {
  const {t, p} = cols(col.name);
  const checks: Check[] = [];
  if (col.required) checks.push({column: col.name, when: `${t} IS NULL`, reason: q(`missing_value: ${col.name} is required`)});
  if (col.type !== "string") checks.push({column: col.name, when: `${t} IS NOT NULL AND ${p} IS NULL`, reason: typeReason(col, t, dateFormat)});
  if (col.min !== undefined || col.max !== undefined) {
    const {min, max} = col;
    const when = [min !== undefined ? `${p} < ${min}` : "", max !== undefined ? `${p} > ${max}` : ""].filter(Boolean).join(" OR ");
    const [code, rule] =
      min !== undefined && max !== undefined
        ? ["out_of_range", `not in ${min}..${max}`]
        : min !== undefined
          ? [min === 0 ? "negative" : "out_of_range", `< ${min}`]
          : ["out_of_range", `> ${max}`];
    checks.push({column: col.name, when, reason: `${q(`${code}: ${col.name} `)} || ${t} || ${q(` ${rule}`)}`});
  }
  const bound = col.type === "money" ? MONEY_MAX : col.type === "integer" && col.max === undefined ? INTEGER_MAX : null;
  if (bound !== null) {
    const what = col.type === "money" ? "the largest plausible amount per row" : "the largest plausible count";
    checks.push({column: col.name, when: `${p} > ${bound}`, reason: `${q(`out_of_range: ${col.name} `)} || ${t} || ${q(` > ${bound} (${what})`)}`});
  }
  if (col.type === "date" || col.type === "timestamp") {
    checks.push({column: col.name, when: outsideRangeSql(p, dateRange), reason: outsideRangeReason(col.name, t, dateRange)});
  }
  for (const k of col.checks?.(cols) ?? []) checks.push({column: col.name, ...k});
  if (col.referencesAccounts) {
    checks.push({
      column: col.name,
      when: `${t} IS NOT NULL AND NOT ${known}`,
      reason: `${q(`unknown_account: ${col.name} `)} || ${quoted(t)} || ' not in accounts'`
    });
  }
  // issue 19 (leads): enumerated values, a condition making the cell required, an on-or-after date order.
  if (col.values) {
    checks.push({
      column: col.name,
      when: `${t} IS NOT NULL AND lower(${t}) NOT IN (${col.values.map((v) => q(v.toLowerCase())).join(", ")})`,
      reason: `${q(`invalid_value: ${col.name} `)} || ${quoted(t)} || ${q(` not one of ${col.values.join(", ")}`)}`
    });
  }
  if (col.requiredWhen) {
    const {column, equals} = col.requiredWhen;
    checks.push({
      column: col.name,
      when: `${t} IS NULL AND lower(${cols(column).t}) = ${q(equals)}`,
      reason: q(`missing_value: ${col.name} is required when ${column} is ${equals}`)
    });
  }
  if (col.after) {
    const a = cols(col.after).p;
    checks.push({
      column: col.name,
      when: `${p} <= ${a}`,
      reason: `${q(`date_order: ${col.name} `)} || CAST(${p} AS VARCHAR) || ${q(` is not after ${col.after} `)} || CAST(${a} AS VARCHAR)`
    });
  }
  if (col.notBefore) {
    const a = cols(col.notBefore).p;
    checks.push({
      column: col.name,
      when: `${p} < ${a}`,
      reason: `${q(`date_order: ${col.name} `)} || CAST(${p} AS VARCHAR) || ${q(` is before ${col.notBefore} `)} || CAST(${a} AS VARCHAR)`
    });
  }
  return checks;
}

/** The reason for a later row repeating a unique value (`first` is the SQL of the first line holding it). */
export function duplicateReason(col: ColumnSpec, t: string, first: string): string {
  return `${q(`duplicate_id: ${col.name} `)} || ${quoted(t)} || ' already on line ' || CAST(${first} AS VARCHAR)`;
}
