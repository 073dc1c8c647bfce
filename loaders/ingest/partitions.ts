/**
 * Partitioned tables (issue 16): a table may be a folder of CSV or Parquet files, the form in which
 * warehouses and Spark unload large tables, e.g. `usage/month=2024-01/part-0.parquet`.
 *
 * The rules (data/README.md "Partitioned tables"):
 *  - every file under the folder, at any depth, is part of the table, in path order; names starting
 *    with "." or "_" are skipped (Spark's _SUCCESS, .crc checksums, hidden files);
 *  - all files are .csv/.csv.gz, or all .parquet: a mix is an error, and so is any other file;
 *  - a `key=value` folder on the path is a hive partition: `key` becomes a column of every row of
 *    the files under it (value URL-decoded, `__HIVE_DEFAULT_PARTITION__` is empty), and every file
 *    must sit under the same keys. When the files also carry that column, each row's value must agree
 *    with the partition (equal, or a date inside a YYYY or YYYY-MM partition), else the build stops
 *    naming the file, the line and the column.
 */
import {readdirSync, statSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {displayPath, InputError} from "./errors.js";
import {checkReadableFile, withFs} from "./fs-errors.js";

export interface TablePart {
  path: string;
  /** The file as rejected_rows names it: its path from the data directory (`usage/month=2024-01/part-0.csv`). */
  name: string;
  gzip: boolean;
  /** Hive partition values from the path, in path order: [key, value | null]. */
  partitions: [string, string | null][];
}

export interface Partitioned {
  format: "csv" | "parquet";
  parts: TablePart[];
  /** The partition keys (the same for every file), in path order. */
  keys: string[];
}

const HIVE_DEFAULT = "__HIVE_DEFAULT_PARTITION__";

function kindOf(name: string): "csv" | "csv.gz" | "parquet" | null {
  const lower = name.toLowerCase();
  if (lower.endsWith(".parquet")) return "parquet";
  if (lower.endsWith(".csv.gz")) return "csv.gz";
  if (lower.endsWith(".csv")) return "csv";
  return null;
}

function decode(value: string, path: string): string | null {
  if (value === HIVE_DEFAULT) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new InputError(`${displayPath(path)}: the partition value "${value}" is not valid URL encoding`);
  }
}

/** The files of a table folder, checked against the rules above. `dataDir` names the parts. */
export function listPartitions(dir: string, dataDir: string): Partitioned {
  const names = (withFs(dir, () => readdirSync(dir, {recursive: true})) as string[]).sort();
  const parts: TablePart[] = [];
  const kinds = new Set<string>();
  for (const rel of names) {
    const segments = rel.split(sep);
    if (segments.some((s) => s.startsWith(".") || s.startsWith("_"))) continue;
    const path = join(dir, rel);
    if (withFs(path, () => statSync(path)).isDirectory()) continue;
    const kind = kindOf(rel);
    if (!kind) {
      throw new InputError(`${displayPath(path)}: not a table file; a partitioned table's folder holds only .csv, .csv.gz or .parquet files`);
    }
    checkReadableFile(path);
    kinds.add(kind === "parquet" ? "parquet" : "csv");
    const partitions = segments.slice(0, -1).flatMap((s): [string, string | null][] => {
      const eq = s.indexOf("=");
      return eq > 0 ? [[s.slice(0, eq).trim().toLowerCase(), decode(s.slice(eq + 1), path)]] : [];
    });
    parts.push({path, name: relative(dataDir, path).split(sep).join("/"), gzip: kind === "csv.gz", partitions});
  }
  if (kinds.size > 1) {
    const csv = parts.find((p) => kindOf(p.name) !== "parquet")!;
    const parquet = parts.find((p) => kindOf(p.name) === "parquet")!;
    throw new InputError(
      `${displayPath(dir)}: mixes CSV and Parquet files (${csv.name} and ${parquet.name}); a partitioned table's files must all be one format`
    );
  }
  if (!parts.length) throw new InputError(`${displayPath(dir)}: the folder has no .csv, .csv.gz or .parquet files`);
  const keys = parts[0].partitions.map(([k]) => k);
  for (const part of parts) {
    const own = part.partitions.map(([k]) => k);
    if (own.join("/") !== keys.join("/")) {
      throw new InputError(
        `${displayPath(part.path)}: partition folders ${own.length ? own.join("/") : "(none)"} differ from ${parts[0].name}'s (${keys.length ? keys.join("/") : "none"}); every file of a partitioned table must sit under the same keys`
      );
    }
    if (new Set(own).size !== own.length) throw new InputError(`${displayPath(part.path)}: the partition key "${own.find((k, i) => own.indexOf(k) !== i)}" appears twice on the path`);
  }
  return {format: kinds.has("parquet") ? "parquet" : "csv", parts, keys};
}

/** SQL: does a row's value `cell` (VARCHAR) agree with its partition value `value` (VARCHAR or NULL)? */
export function agreesSql(cell: string, value: string): string {
  return `coalesce((${cell} IS NULL AND ${value} IS NULL) OR trim(${cell}) = ${value}
    OR (regexp_full_match(${value}, '[0-9]{4}(-[0-9]{2})?') AND starts_with(trim(${cell}), ${value} || '-')), false)`;
}
