/**
 * Custom metrics: every custom/metrics/<table>.sql (config.customDir) becomes the metric table
 * <table>, built after the built-in families from the input tables, the metric tables and other
 * custom tables (in dependency order). A broken file stops the build with one CustomSqlError.
 */
import {resolve} from "node:path";
import {PROJECT_ROOT, TABLE_NAMES} from "../config.js";
import {ident, type Db} from "../db.js";
import type {Definition, MetricContext} from "../metrics/family.js";
import {FAMILIES} from "../metrics/index.js";
import {buildOrder, parseCustomSql, type ParsedSql} from "./dependencies.js";
import {CustomSqlError} from "./errors.js";
import {readCustomSqlFiles} from "./sql-file.js";

export interface CustomMetric {
  table: string;
  /** Absolute path of its SQL file. */
  path: string;
  definition: Definition;
}

/** DuckDB's message as one line, and the line of the file it points at ("LINE 3: …"). */
export function duckdbError(error: unknown): {message: string; line?: number} {
  const text = error instanceof Error ? error.message : String(error);
  const line = /\nLINE (\d+):/.exec(text)?.[1];
  const message = text.split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, " ").trim();
  return {message, line: line === undefined ? undefined : Number(line)};
}

/** Builds every custom metric table; returns them in build order ([] when there are none). */
export async function buildCustomMetrics(db: Db, ctx: MetricContext): Promise<CustomMetric[]> {
  // Relative to the project root, like every path in the config (loadConfig resolves it; resolveConfig alone does not).
  const files = await readCustomSqlFiles(resolve(PROJECT_ROOT, ctx.config.customDir));
  if (!files.length) return [];
  const existing = new Set(
    (await db.all<{name: string}>(`SELECT lower(table_name) AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary`)).map((r) => r.name)
  );
  const builtIn = FAMILIES.flatMap((f) => f.tables);
  for (const f of files) {
    if (existing.has(f.table)) {
      const what = builtIn.includes(f.table) ? "a built-in metric table" : (TABLE_NAMES as readonly string[]).includes(f.table) ? "an input table" : "a table the build uses";
      throw new CustomSqlError(f.path, `"${f.table}" is already ${what}: rename the file`);
    }
  }
  const parsed = new Map<string, ParsedSql>();
  for (const f of files) parsed.set(f.table, await parseCustomSql(db, f));
  const readable = [...TABLE_NAMES, ...builtIn, ...files.map((f) => f.table)];
  const built: CustomMetric[] = [];
  for (const f of buildOrder(files, parsed, existing, readable)) {
    try {
      // The prefix shares the file's first line, so DuckDB's "LINE n" is the file's line n.
      await db.run(`CREATE OR REPLACE TABLE ${ident(f.table)} AS ${f.sql}`);
    } catch (error) {
      const {message, line} = duckdbError(error);
      throw new CustomSqlError(f.path, message, line === undefined ? undefined : {line});
    }
    // Without ORDER BY, row order may vary between runs; the site's files must not.
    if (!parsed.get(f.table)!.ordered) await db.run(`CREATE OR REPLACE TABLE ${ident(f.table)} AS SELECT * FROM ${ident(f.table)} ORDER BY ALL`);
    built.push({table: f.table, path: f.path, definition: f.definition});
  }
  return built;
}
