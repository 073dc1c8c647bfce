/**
 * Reads a file (load.ts) through the table's rules in set-based SQL and splits it: accepted rows go to
 * the staged table, rejected rows to `rejected_rows`, with one reason each.
 *
 * One reason per row keeps the accounting exact: a row is rejected for the first failing check in
 * column order (per column: missing value, type, range, reference, date order). Uniqueness is
 * checked last and only among rows that passed everything else, so the first valid occurrence
 * (by line) is kept and later ones are rejected as duplicates. References check against the
 * accepted accounts: an account whose own row was rejected is unknown to the other tables.
 */
import type {ReportConfig} from "../config.js";
import {ident, literal, type Db} from "../db.js";
import type {DateRange} from "./dates.js";
import {InputError} from "./errors.js";
import type {RawTable} from "./load.js";
import {CHECKED, colNames, columnChecks, duplicateReason, extraName, parsedSql, textSql} from "./rules.js";
import type {TableSpec} from "./schema.js";
import {insertUsage} from "./usage.js";

export interface StageResult {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

function checkedSql(spec: TableSpec, raw: RawTable, dateFormat: string | undefined, dateRange: DateRange): string {
  const source = new Map(raw.targets.flatMap((target, i) => (target === null ? [] : [[target, `c${i}`]])));
  const cell = (name: string) => (source.has(name) ? source.get(name)! : "NULL::VARCHAR");

  const texts = spec.columns.map((c) => {
    const {r, t} = colNames(c.name);
    return `${cell(c.name)} AS ${r}, ${textSql(c, cell(c.name))} AS ${t}`;
  });
  const extras = raw.extras.map((x) => `${textSql(null, cell(x))} AS ${extraName(x)}`);
  const parsed = spec.columns.map((c) => `${parsedSql(c, colNames(c.name).t, dateFormat)} AS ${colNames(c.name).p}`);

  const ref = spec.columns.find((c) => c.referencesAccounts);
  const join = ref ? `LEFT JOIN (SELECT DISTINCT account_id FROM accounts) acc ON acc.account_id = t.${colNames(ref.name).t}` : "";
  const known = ref ? "(acc.account_id IS NOT NULL)" : "TRUE";

  const fail = (column: string, reason: string) => `{'column': ${literal(column)}, 'value': ${colNames(column).r}, 'reason': ${reason}}`;
  const checks = spec.columns.flatMap((c) => columnChecks(c, colNames, {dateFormat, known: "__known", dateRange}));
  const failSql = checks.length ? `CASE ${checks.map((k) => `WHEN ${k.when} THEN ${fail(k.column, k.reason)}`).join(" ")} END` : "NULL";

  // issue 16: rows are ordered by __seq, the file's index in a partitioned table then the line
  // (= the line for one file), so "first occurrence" and the staged order span every file.
  const parts = raw.parts ?? null;
  const unique = spec.columns.filter((c) => c.unique);
  const firsts = unique.map(
    (c) => `CASE WHEN __fail IS NULL AND ${colNames(c.name).p} IS NOT NULL
      THEN min(__seq) OVER (PARTITION BY ${colNames(c.name).p}, __fail IS NULL) END AS ${ident(`u:${c.name}`)}`
  );
  // Where the kept occurrence is, from its __seq: its line, and in a partitioned table its file.
  const where = (first: string) =>
    parts ? `CAST(${first} % ${PART_STRIDE} AS VARCHAR) || ' of ' || ${partsList(parts)}[${first} // ${PART_STRIDE} + 1]` : first;
  const dupSql = unique.length
    ? `COALESCE(__fail, CASE ${unique
        .map((c) => `WHEN ${ident(`u:${c.name}`)} < __seq THEN ${fail(c.name, duplicateReason(c, colNames(c.name).t, where(ident(`u:${c.name}`))))}`)
        .join(" ")} END)`
    : "__fail";
  const partSql = parts ? "__part" : "0";

  return `CREATE OR REPLACE TEMP TABLE ${CHECKED} AS
    WITH t AS (SELECT __line, ${partSql} AS __part, ${partSql} * ${PART_STRIDE} + __line AS __seq,
      ${[...texts, ...extras].join(", ")} FROM (${raw.source})),
    p AS (SELECT t.*, ${parsed.join(", ")}, ${known} AS __known FROM t ${join}),
    f AS (SELECT *, ${failSql} AS __fail FROM p),
    u AS (SELECT *${firsts.map((s) => `, ${s}`).join("")} FROM f)
    SELECT __line, __part, __seq, ${[...spec.columns.map((c) => colNames(c.name).p), ...raw.extras.map(extraName)].join(", ")}, ${dupSql} AS __fail FROM u`;
}

/** __seq = file index * PART_STRIDE + line: lines stay below 2^32 (a 4-billion-line CSV is far beyond any export). */
const PART_STRIDE = 4294967296;
const partsList = (parts: string[]) => `[${parts.map(literal).join(", ")}]`;

/** Checks the file's rows and appends them to the staged table and to `rejected_rows`; returns the row accounting. */
export async function stageTable(db: Db, spec: TableSpec, raw: RawTable, fileName: string, config: ReportConfig): Promise<StageResult> {
  const dateFormat = config.tables[spec.name]?.dateFormat;
  try {
    await db.run(checkedSql(spec, raw, dateFormat, config.dateRange));
  } catch (e) {
    // The file is read here; the line scan has vetted a CSV's structure, so this is rare.
    const message = (e as Error).message.split("\n")[0];
    if (/CSV|Parquet/i.test(message)) throw new InputError(`${raw.file}: could not be read (${message})`);
    throw e;
  }

  if (spec.name === "usage") await insertUsage(db);
  else {
    const cols = [...spec.columns.map((c) => colNames(c.name).p), ...raw.extras.map(extraName)];
    await db.run(`INSERT INTO ${ident(spec.name)} SELECT ${cols.join(", ")} FROM ${CHECKED} WHERE __fail IS NULL ORDER BY __seq`);
  }

  if (raw.malformed.length) {
    await db.run(`CREATE OR REPLACE TEMP TABLE __malformed (part BIGINT, line BIGINT, value VARCHAR, reason VARCHAR)`);
    const appender = await db.connection.createAppender("__malformed", "main", "temp");
    for (const m of raw.malformed) {
      appender.appendBigInt(BigInt(m.part ?? 0));
      appender.appendBigInt(BigInt(m.line));
      appender.appendVarchar(m.text);
      appender.appendVarchar(m.reason);
      appender.endRow();
    }
    appender.closeSync();
  }
  await db.run(
    `INSERT INTO rejected_rows
     SELECT ${literal(spec.name)}, ${raw.parts ? `${partsList(raw.parts)}[part + 1]` : literal(fileName)}, line, "column", value, reason FROM (
       SELECT __part AS part, __line AS line, __fail."column" AS "column", __fail.value AS value, __fail.reason AS reason
       FROM ${CHECKED} WHERE __fail IS NOT NULL
       ${raw.malformed.length ? "UNION ALL SELECT part, line, NULL, value, reason FROM __malformed" : ""})
     ORDER BY part, line`
  );
  const [{parsed, accepted, rejected}] = await db.all<{parsed: number; accepted: number; rejected: number}>(
    `SELECT (SELECT count(*) FROM ${CHECKED}) AS parsed,
       (SELECT count(*) FROM ${CHECKED} WHERE __fail IS NULL) AS accepted,
       (SELECT count(*) FROM rejected_rows WHERE "table" = ${literal(spec.name)}) AS rejected`
  );
  // Counted independently, so a record lost between the line scan, DuckDB's reader and the split would show here.
  if (raw.expectedRows !== null && parsed !== raw.expectedRows) {
    throw new Error(`ingest: ${raw.file}: DuckDB read ${parsed} records, the line scan wrote ${raw.expectedRows}`);
  }
  const read = parsed + raw.malformed.length;
  if (read !== accepted + rejected) throw new Error(`ingest: ${raw.file}: ${read} rows read but ${accepted} accepted + ${rejected} rejected`);
  return {rowsRead: read, rowsAccepted: accepted, rowsRejected: rejected};
}
