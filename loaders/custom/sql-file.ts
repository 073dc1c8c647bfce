/**
 * One custom metric file, custom/metrics/<table>.sql: its table name (the file's name), its SQL (one
 * SELECT) and its definition (the leading comment: the metric's name, then what it is, in English;
 * lines starting with "ja:" give the Japanese name and text).
 */
import {existsSync} from "node:fs";
import {readdir, readFile} from "node:fs/promises";
import {basename, join} from "node:path";
import type {Definition} from "../metrics/family.js";
import {CustomSqlError} from "./errors.js";

export interface CustomSqlFile {
  /** Absolute path. */
  path: string;
  /** The table it creates: the file name without .sql. */
  table: string;
  sql: string;
  definition: Definition;
}

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

/** Line and column (1-based) of a character offset into `text` (DuckDB counts characters, not bytes). */
export function lineAt(text: string, offset: number): {line: number; column: number} {
  const before = Array.from(text).slice(0, Math.max(0, offset)).join("");
  const lines = before.split("\n");
  return {line: lines.length, column: lines.at(-1)!.length + 1};
}

/** The `--` comment lines before the first statement, without their `--`. */
export function leadingComment(sql: string): string[] {
  const out: string[] = [];
  for (const line of sql.split("\n")) {
    const t = line.trim();
    if (t === "") continue;
    if (!t.startsWith("--")) break;
    out.push(t.replace(/^--+\s?/, "").trim());
  }
  return out;
}

/** The definition from the leading comment; `formula` names the file the SQL is in. */
export function definitionOf(path: string, sql: string, shownPath: string): Definition {
  const table = basename(path, ".sql");
  const en: string[] = [];
  const ja: string[] = [];
  for (const line of leadingComment(sql)) {
    if (!line) continue;
    const m = /^ja:\s*(.*)$/.exec(line);
    if (m) ja.push(m[1].trim());
    else en.push(line);
  }
  if (en.length < 2) {
    throw new CustomSqlError(
      path,
      "begin the file with a comment defining the metric: its name on the first line (-- Top accounts by MRR), " +
        "then what it counts and how (-- The ten accounts with …); lines starting with \"-- ja:\" give the Japanese name and text",
      {line: 1}
    );
  }
  const [nameEn, ...textEn] = en;
  const [nameJa, ...textJa] = ja.length >= 2 ? ja : [ja[0] ?? nameEn, ...textEn];
  return {
    id: table,
    table,
    name: {en: nameEn, ja: nameJa},
    formula: `SQL: ${shownPath}`,
    text: {en: textEn.join(" "), ja: textJa.join(" ")}
  };
}

/** Every custom/metrics/*.sql file in `customDir`, by file name (none when the folder is absent). */
export async function readCustomSqlFiles(customDir: string): Promise<CustomSqlFile[]> {
  const dir = join(customDir, "metrics");
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith(".sql")).sort();
  const files: CustomSqlFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const table = name.slice(0, -".sql".length);
    if (!TABLE_NAME.test(table) || !name.endsWith(".sql")) {
      throw new CustomSqlError(path, "the file name becomes the table's name: use lower-case letters, digits and _ and end in .sql (e.g. top_accounts.sql)");
    }
    // Normalised line ends, so DuckDB's line numbers are the editor's.
    const sql = (await readFile(path, "utf8")).replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
    if (!sql.trim()) throw new CustomSqlError(path, "the file is empty: write one SELECT, after a comment defining the metric", {line: 1});
    files.push({path, table, sql, definition: definitionOf(path, sql, `${basename(customDir)}/metrics/${name}`)});
  }
  return files;
}
