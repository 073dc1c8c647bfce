/**
 * Finds each contract table's file in the data directory: NAME.csv, NAME.csv.gz or NAME.parquet, or
 * a folder NAME/ of CSV or Parquet files (a partitioned table, partitions.ts).
 */
import {existsSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import type {TableName} from "../config.js";
import {displayPath, InputError} from "./errors.js";
import {checkReadableFile, withFs} from "./fs-errors.js";
import {listPartitions, type Partitioned} from "./partitions.js";
import {SCHEMA} from "./schema.js";

export type FileFormat = "csv" | "csv.gz" | "parquet";
export interface TableFile {
  path: string;
  /** The file's name as found (rejected_rows and ingest_stats name files by this). */
  name: string;
  format: FileFormat;
  /** A partitioned table (a folder): its files; `path` is then the folder and `name` is "NAME/". */
  partitioned?: Partitioned;
}

const FORMATS: FileFormat[] = ["csv", "csv.gz", "parquet"];

/**
 * One file per table, or null for an absent optional table. File names match case-insensitively
 * (exports from Windows tools are often `Accounts.CSV`). Fatal: no data directory, a required table
 * missing, two files for one table (which would be read is ambiguous), or a file that cannot be read
 * (fs-errors.ts).
 */
export function locateTables(dataDir: string, {optional = []}: {optional?: TableName[]} = {}): Record<TableName, TableFile | null> {
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    throw new InputError(`${displayPath(dataDir)}: data directory not found`);
  }
  const entries = withFs(dataDir, () => readdirSync(dataDir)).sort();
  const found = {} as Record<TableName, TableFile | null>;
  for (const spec of Object.values(SCHEMA)) {
    const matches: TableFile[] = [];
    for (const format of FORMATS) {
      for (const name of entries.filter((e) => e.toLowerCase() === `${spec.name}.${format}`)) {
        matches.push({path: join(dataDir, name), name, format});
      }
    }
    // issue 16: a folder named for the table is a partitioned table.
    for (const name of entries.filter((e) => e.toLowerCase() === spec.name)) {
      const path = join(dataDir, name);
      if (!withFs(path, () => statSync(path)).isDirectory()) continue;
      const partitioned = listPartitions(path, dataDir);
      matches.push({path, name: `${name}/`, format: partitioned.format, partitioned});
    }
    if (matches.length > 1) {
      throw new InputError(
        `${displayPath(dataDir)}: table "${spec.name}" has ${matches.length} files (${matches.map((m) => m.name).join(" and ")}); keep only one`
      );
    }
    if (!matches.length && spec.required && !optional.includes(spec.name)) {
      throw new InputError(
        `${displayPath(dataDir)}: missing required table "${spec.name}" (expected ${spec.name}.csv, ${spec.name}.csv.gz, ${spec.name}.parquet or a folder ${spec.name}/ of such files)`
      );
    }
    // Found by name, but a dangling link, a directory or an unreadable file would fail mid-run.
    if (matches[0] && !matches[0].partitioned) checkReadableFile(matches[0].path);
    found[spec.name] = matches[0] ?? null;
  }
  return found;
}
