/**
 * A small async wrapper over @duckdb/node-api: one connection, rows as plain JS objects.
 * Dates come back as "YYYY-MM-DD", timestamps as "YYYY-MM-DD HH:MM:SS", DECIMAL and integer types as
 * numbers (exact for the money range we use), NULL as null.
 */
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBConnection, DuckDBInstance, type DuckDBValue} from "@duckdb/node-api";

export type Row = Record<string, string | number | boolean | null>;
export type Param = string | number | boolean | null;

export interface Db {
  /** Runs one or more statements, ignoring results. */
  run(sql: string, params?: Param[]): Promise<void>;
  /** Runs a query and returns every row as a plain object. */
  all<T = Row>(sql: string, params?: Param[]): Promise<T[]>;
  /** Column names and DuckDB type names of a query's result, in order. */
  columns(sql: string): Promise<{name: string; type: string}[]>;
  readonly connection: DuckDBConnection;
  close(): void;
}

const NUMERIC = /^(DECIMAL|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)/;

export interface DbOptions {
  /** DuckDB memory_limit ("3GB"); past it, operators spill to `tempDirectory`. */
  memoryLimit?: string;
  tempDirectory?: string;
}

export async function openDb(path = ":memory:", {memoryLimit, tempDirectory}: DbOptions = {}): Promise<Db> {
  const options: Record<string, string> = {};
  if (memoryLimit) options.memory_limit = memoryLimit;
  if (memoryLimit || tempDirectory) options.temp_directory = tempDirectory ?? join(tmpdir(), `cs-report-duckdb-${process.pid}`);
  const instance = await DuckDBInstance.create(path, options);
  const connection = await instance.connect();
  // DuckDB's session zone defaults to the machine's: pin it, so nothing depends on where the build runs
  // (ingest then sets the report's zone, loaders/ingest/dates.ts).
  await connection.run("SET TimeZone = 'UTC'");
  const db: Db = {
    connection,
    async run(sql, params) {
      await connection.run(sql, params as DuckDBValue[] | undefined);
    },
    async all<T>(sql: string, params?: Param[]) {
      const reader = await connection.runAndReadAll(sql, params as DuckDBValue[] | undefined);
      const numeric = reader.columnTypes().map((t) => NUMERIC.test(t.toString()));
      const names = reader.columnNames();
      return reader.getRowObjectsJson().map((row) => {
        for (let i = 0; i < names.length; ++i) {
          const v = row[names[i]];
          if (numeric[i] && v !== null) (row as Record<string, unknown>)[names[i]] = Number(v);
        }
        return row as T;
      });
    },
    async columns(sql) {
      const reader = await connection.runAndReadAll(`SELECT * FROM (${sql}) LIMIT 0`);
      return reader.columnNames().map((name, i) => ({name, type: reader.columnTypes()[i].toString()}));
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    }
  };
  return db;
}

/** Quotes an identifier for SQL ("my col" -> "\"my col\""). */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for SQL. Prefer parameters; use this where DuckDB takes no parameter. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
