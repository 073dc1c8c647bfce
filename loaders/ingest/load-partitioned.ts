/**
 * Opens a partitioned table (a folder of files, partitions.ts) as one raw table, like load.ts does
 * for one file: `__part` (the file's index), `__line` (within that file) and one VARCHAR cell per
 * column of the union of the files' columns, matched by name (a file without a column reads NULL).
 *
 * Each file's header is matched to the contract on its own (a file missing a required column stops
 * the build naming that file); hive partition keys not in a file become its columns.
 * CSV: every file is decoded (Shift_JIS as for one file) and line-scanned on its own, so a bad
 * record is quarantined with its own file and line. Parquet: the files with one column layout are
 * read by one read_parquet over their list, which DuckDB reads in parallel.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {ReportConfig} from "../config.js";
import {ident, literal, type Db} from "../db.js";
import {displayPath, InputError} from "./errors.js";
import {withFs} from "./fs-errors.js";
import {columnTarget, matchHeader} from "./header.js";
import type {RawTable} from "./load.js";
import type {TableFile} from "./locate.js";
import {agreesSql, type Partitioned, type TablePart} from "./partitions.js";
import {maxLineSize, type MalformedRecord} from "./records.js";
import {scanCsvFile} from "./scan-file.js";
import type {TableSpec} from "./schema.js";

/** One file's columns: its own header, then the partition keys it lacks. */
interface PartColumns {
  part: TablePart;
  index: number;
  header: string[];
  /** Staged name per column of `header` + the partition keys it lacks (null: dropped). */
  targets: (string | null)[];
  extras: string[];
  /** Partition keys the file lacks, appended to its columns in this order. */
  added: string[];
  /** Partition keys the file also carries as a column: [key, value, column index]. */
  duplicated: [string, string | null, number][];
}

const norm = (s: string) => s.trim().toLowerCase();
const valueSql = (v: string | null) => (v === null ? "NULL::VARCHAR" : literal(v));
const listSql = (items: string[]) => `[${items.join(", ")}]`;

function partColumns(spec: TableSpec, part: TablePart, index: number, header: string[], config: ReportConfig, csv: boolean): PartColumns {
  // A key duplicates a file column with its name, or one giving the same contract column (`month=` and a `date` column).
  const tableConfig = config.tables[spec.name];
  const targetOf = (name: string) => columnTarget(spec, tableConfig, name) ?? norm(name);
  const duplicated: PartColumns["duplicated"] = [];
  const added: string[] = [];
  for (const [key, value] of part.partitions) {
    const at = header.findIndex((h) => targetOf(h) === targetOf(key));
    if (at < 0) added.push(key);
    else duplicated.push([key, value, at]);
  }
  const {targets, extras} = matchHeader(spec, [...header, ...added], tableConfig, {file: displayPath(part.path), csv});
  return {part, index, header, targets, extras, added, duplicated};
}

/** The cell expression for each unified column, for one file whose own cells are `cell(i)`. */
function unifiedCells(cols: PartColumns, unified: string[], cell: (i: number) => string, partitionValue: (key: string) => string): string[] {
  return unified.map((target, j) => {
    const at = cols.targets.indexOf(target);
    if (at < 0) return `NULL::VARCHAR AS c${j}`;
    if (at < cols.header.length) return `${cell(at)} AS c${j}`;
    const key = cols.added[at - cols.header.length];
    return `${partitionValue(key)} AS c${j}`;
  });
}

function disagreement(file: string, line: number, column: string, value: string | null, key: string, expected: string | null): InputError {
  return new InputError(
    `${file}: line ${line}, column "${column}": "${value ?? ""}" disagrees with the partition ${key}=${expected ?? "(empty)"} in the file's path; ` +
      `a partition column the files also carry must match it`
  );
}

function union(all: PartColumns[]): {unified: string[]; extras: string[]} {
  const unified: string[] = [];
  const extras: string[] = [];
  for (const cols of all) {
    for (const t of cols.targets) if (t !== null && !unified.includes(t)) unified.push(t);
    for (const x of cols.extras) if (!extras.includes(x)) extras.push(x);
  }
  return {unified, extras};
}

const emptySource = (unified: string[]) =>
  `SELECT 0 AS __part, 0::BIGINT AS __line${unified.map((_, j) => `, NULL::VARCHAR AS c${j}`).join("")} WHERE false`;

export async function loadPartitioned(db: Db, spec: TableSpec, tf: TableFile, p: Partitioned, config: ReportConfig, tmpDir: string): Promise<RawTable> {
  return p.format === "parquet" ? loadParquetParts(db, spec, tf, p, config) : loadCsvParts(db, spec, tf, p, config, tmpDir);
}

async function loadCsvParts(db: Db, spec: TableSpec, tf: TableFile, p: Partitioned, config: ReportConfig, tmpDir: string): Promise<RawTable> {
  const encoding = config.tables[spec.name]?.encoding ?? config.encoding;
  const files: {cols: PartColumns; read: string}[] = [];
  const malformed: MalformedRecord[] = [];
  const encodings = new Map<string, number>();
  let written = 0;
  for (const [index, part] of p.parts.entries()) {
    const file = displayPath(part.path);
    const copy = join(tmpDir, `${spec.name}-part-${index}.csv`);
    const {scanned, ...decoded} = scanCsvFile(part.path, copy, {gzip: part.gzip, encoding, file});
    // A file without even a header line holds no rows (an empty partition); it is skipped, not fatal.
    if (!scanned) continue;
    encodings.set(decoded.encoding, (encodings.get(decoded.encoding) ?? 0) + 1);
    const cols = partColumns(spec, part, index, scanned.header, config, true);
    const columns = [`'__line': 'BIGINT'`, ...scanned.header.map((_, i) => `'c${i}': 'VARCHAR'`)].join(", ");
    const read = `read_csv(${literal(copy)}, header = false, auto_detect = false,
      delim = ${literal(scanned.delimiter)}, quote = '"', escape = '"', new_line = '\\n', max_line_size = ${maxLineSize(scanned)},
      columns = {${columns}})`;
    for (const [key, value, at] of cols.duplicated) {
      const bad = await db.all<{line: number; v: string | null}>(
        `SELECT __line AS line, c${at} AS v FROM ${read} WHERE NOT ${agreesSql(`c${at}`, valueSql(value))} ORDER BY __line LIMIT 1`
      );
      if (bad.length) throw disagreement(file, bad[0].line, scanned.header[at].trim(), bad[0].v, key, value);
    }
    malformed.push(...scanned.malformed.map((m) => ({...m, part: index})));
    written += scanned.written;
    files.push({cols, read});
  }
  const {unified, extras} = union(files.map((f) => f.cols));
  const selects = files.map(
    ({cols, read}) =>
      `SELECT ${cols.index} AS __part, __line, ${unifiedCells(cols, unified, (i) => `c${i}`, (key) => valueSql(cols.part.partitions.find(([k]) => k === key)![1])).join(", ")} FROM ${read}`
  );
  // The encoding most files were read in; a mix is said in the note (Data quality page).
  const ranked = [...encodings].sort((a, b) => b[1] - a[1]);
  const note = ranked.length > 1 ? `${ranked.map(([e, n]) => `${n} files ${e}`).join(", ")}` : `${files.length} files`;
  return {
    targets: unified,
    extras,
    file: displayPath(tf.path),
    source: selects.length ? selects.join("\nUNION ALL\n") : emptySource(unified),
    malformed,
    expectedRows: written,
    encoding: ranked[0]?.[0] ?? null,
    encodingNote: note,
    parts: p.parts.map((part) => part.name)
  };
}

async function loadParquetParts(db: Db, spec: TableSpec, tf: TableFile, p: Partitioned, config: ReportConfig): Promise<RawTable> {
  // Files with the same column names are read together, by one parallel read_parquet. DuckDB would
  // apply hive partitions itself (overriding a file's own column): off, partitions.ts decides.
  const groups = new Map<string, PartColumns[]>();
  for (const [index, part] of p.parts.entries()) {
    let names: string[];
    try {
      names = (await db.columns(`SELECT * FROM read_parquet(${literal(part.path)}, hive_partitioning = false)`)).map((c) => c.name);
    } catch (e) {
      throw new InputError(`${displayPath(part.path)}: not a Parquet file (${(e as Error).message.split("\n")[0]})`);
    }
    const cols = partColumns(spec, part, index, names, config, false);
    const signature = JSON.stringify(names);
    groups.set(signature, [...(groups.get(signature) ?? []), cols]);
  }
  const {unified, extras} = union([...groups.values()].flat());
  const selects: string[] = [];
  for (const group of groups.values()) {
    const paths = listSql(group.map((c) => literal(c.part.path)));
    const from = `(SELECT *, list_position(${paths}, filename) AS __pos
      FROM read_parquet(${paths}, filename = true, file_row_number = true, union_by_name = true, hive_partitioning = false))`;
    const partOf = `${listSql(group.map((c) => String(c.index)))}[__pos]`;
    const valueOf = (key: string) => `${listSql(group.map((c) => valueSql(c.part.partitions.find(([k]) => k === key)![1])))}[__pos]`;
    const first = group[0];
    for (const [key, , at] of first.duplicated) {
      const bad = await db.all<{part: number; line: number; v: string | null; pv: string | null}>(
        `SELECT part, line, v, pv FROM (SELECT ${partOf} AS part, file_row_number + 1 AS line,
           CAST(${ident(first.header[at])} AS VARCHAR) AS v, ${valueOf(key)} AS pv FROM ${from})
         WHERE NOT ${agreesSql("v", "pv")} ORDER BY part, line LIMIT 1`
      );
      if (bad.length) throw disagreement(displayPath(p.parts[bad[0].part].path), bad[0].line, first.header[at], bad[0].v, key, bad[0].pv);
    }
    const cells = unifiedCells(first, unified, (i) => `CAST(${ident(first.header[i])} AS VARCHAR)`, valueOf);
    selects.push(`SELECT ${partOf} AS __part, file_row_number + 1 AS __line, ${cells.join(", ")} FROM ${from}`);
  }
  return {
    targets: unified,
    extras,
    file: displayPath(tf.path),
    source: selects.join("\nUNION ALL\n"),
    malformed: [],
    expectedRows: null,
    encoding: null,
    encodingNote: null,
    parts: p.parts.map((part) => part.name)
  };
}
