/**
 * What a custom SQL file reads, from DuckDB's own parse of it (json_serialize_sql), and the order
 * the files must be built in. The parse also checks that the file is one SELECT.
 */
import {literal, type Db} from "../db.js";
import {CustomSqlError} from "./errors.js";
import {lineAt, type CustomSqlFile} from "./sql-file.js";

export interface TableRef {
  /** Table name as written (schema-qualified names keep their schema: "other.t"). */
  table: string;
  /** Character offset of the reference in the file. */
  offset: number;
}

export interface ParsedSql {
  reads: TableRef[];
  /** The SELECT ends in ORDER BY (otherwise the build sorts the rows itself, for stable output). */
  ordered: boolean;
}

// Table functions that read files or other databases: a custom metric reads the report's tables only,
// so the site depends on the exports and the config alone.
const FILE_READERS = /^(read_\w+|\w+_scan|glob|sniff_csv|parquet_\w+)$/i;

type Json = {[key: string]: unknown};
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null;

function walk(node: unknown, visit: (n: Json) => void): void {
  if (Array.isArray(node)) for (const n of node) walk(n, visit);
  else if (isObject(node)) {
    visit(node);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

/** Parses `file` with DuckDB: one SELECT, the tables it reads (CTE names excluded). */
export async function parseCustomSql(db: Db, file: CustomSqlFile): Promise<ParsedSql> {
  const [{json}] = await db.all<{json: string}>(`SELECT json_serialize_sql(${literal(file.sql)}) AS json`);
  const parsed = JSON.parse(json) as Json;
  if (parsed.error) {
    const message = String(parsed.error_message);
    if (/Only SELECT statements/i.test(message)) throw new CustomSqlError(file.path, "a custom metric is one SELECT statement (no CREATE, INSERT, COPY …)");
    const at = parsed.position === undefined ? undefined : lineAt(file.sql, Number(parsed.position));
    throw new CustomSqlError(file.path, `SQL ${parsed.error_type ?? "parser"} error: ${message}`, at);
  }
  const statements = parsed.statements as Json[];
  if (statements.length !== 1) {
    throw new CustomSqlError(file.path, `a custom metric is one SELECT statement; this file has ${statements.length}`);
  }
  const ctes = new Set<string>();
  const refs: TableRef[] = [];
  walk(statements[0], (n) => {
    if (isObject(n.cte_map) && Array.isArray(n.cte_map.map)) for (const e of n.cte_map.map as Json[]) ctes.add(String(e.key).toLowerCase());
    if (n.type === "BASE_TABLE" && typeof n.table_name === "string") {
      const schema = [n.catalog_name, n.schema_name].filter((s) => s && s !== "memory" && s !== "main").join(".");
      refs.push({table: schema ? `${schema}.${n.table_name}` : n.table_name, offset: Number(n.query_location)});
    }
    if (n.type === "TABLE_FUNCTION" && isObject(n.function) && FILE_READERS.test(String(n.function.function_name))) {
      throw new CustomSqlError(
        file.path,
        `${n.function.function_name}() reads a file: a custom metric reads only the input tables and metric tables (put extra data in the data directory's tables)`,
        lineAt(file.sql, Number(n.query_location))
      );
    }
  });
  // A name defined as a CTE anywhere in the file is taken to be that CTE (shadowing a real table of
  // the same name inside one query is legal SQL but only confuses readers).
  const reads = refs.filter((r) => !ctes.has(r.table.toLowerCase())).sort((a, b) => a.offset - b.offset);
  const top = statements[0].node as Json;
  const ordered = Array.isArray(top.modifiers) && (top.modifiers as Json[]).some((m) => m.type === "ORDER_MODIFIER");
  return {reads, ordered};
}

/**
 * The files in build order: each after the custom tables it reads (ties by file name). Throws on a
 * table that is neither an existing table nor another custom file, and on a cycle.
 *  existing  tables already in the database (inputs, metric tables)
 *  readable  names to suggest in the unknown-table message
 */
export function buildOrder(
  files: CustomSqlFile[],
  parsed: Map<string, ParsedSql>,
  existing: Set<string>,
  readable: string[]
): CustomSqlFile[] {
  const byTable = new Map(files.map((f) => [f.table, f]));
  const deps = new Map<string, {table: string; offset: number}[]>();
  for (const f of files) {
    const list: {table: string; offset: number}[] = [];
    for (const ref of parsed.get(f.table)!.reads) {
      const name = ref.table.toLowerCase();
      if (byTable.has(name)) list.push({table: name, offset: ref.offset});
      else if (!existing.has(name)) {
        throw new CustomSqlError(
          f.path,
          `unknown table "${ref.table}". A custom metric reads the input tables and the metric tables: ${readable.filter((t) => t !== f.table).join(", ")}`,
          {line: lineAt(f.sql, ref.offset).line}
        );
      }
    }
    deps.set(f.table, list);
  }
  const done = new Set<string>();
  const order: CustomSqlFile[] = [];
  const visit = (table: string, path: string[]) => {
    if (done.has(table)) return;
    if (path.includes(table)) throw cycleError([...path.slice(path.indexOf(table)), table]);
    for (const d of deps.get(table)!) visit(d.table, [...path, table]);
    done.add(table);
    order.push(byTable.get(table)!);
  };
  // "a.sql reads b (line 3), b.sql reads a (line 5)": every step of the cycle with its line.
  const cycleError = (cycle: string[]) => {
    const steps = cycle.slice(0, -1).map((t, i) => {
      const f = byTable.get(t)!;
      const ref = deps.get(t)!.find((d) => d.table === cycle[i + 1])!;
      return `${f.table}.sql reads ${cycle[i + 1]} (line ${lineAt(f.sql, ref.offset).line})`;
    });
    const first = byTable.get(cycle[0])!;
    const line = lineAt(first.sql, deps.get(cycle[0])!.find((d) => d.table === cycle[1])!.offset).line;
    return new CustomSqlError(first.path, `custom metrics read each other in a cycle: ${steps.join(", ")}`, {line});
  };
  for (const f of files) visit(f.table, []);
  return order;
}
