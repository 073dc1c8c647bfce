/**
 * Removes the DuckDB-wasm "mvp" engine and worker from the built site: the site ships one variant,
 * "eh" (WebAssembly exception handling), which DuckDB-wasm's selectBundle picks in every browser the
 * site supports (README), so no page requests the mvp files. Framework 1.13 copies both variants
 * whenever a page uses DuckDB (and cannot be told not to: see observablehq.config.ts `duckdb`):
 * 41 MB of dist/ that nothing loads.
 */
import {readdir, rm} from "node:fs/promises";
import {join} from "node:path";

/** The mvp engine and its worker (Framework content-hashes the worker's name: duckdb-browser-mvp.worker.c85d2c10.js). */
const UNUSED = /^(duckdb-mvp\.wasm|duckdb-browser-mvp\.worker\.([0-9a-f]+\.)?js)$/;

/** Deletes the unused variant's files under dir/_npm; returns the paths removed (relative to dir). */
export async function dropUnusedDuckdbVariant(dir: string): Promise<string[]> {
  const npm = join(dir, "_npm");
  let entries: string[];
  try {
    entries = (await readdir(npm, {recursive: true})) as string[];
  } catch {
    return [];
  }
  const removed = entries.filter((f) => f.includes("@duckdb/duckdb-wasm@") && UNUSED.test(f.split(/[\\/]/).at(-1)!)).sort();
  for (const f of removed) await rm(join(npm, f));
  return removed.map((f) => join("_npm", f));
}
