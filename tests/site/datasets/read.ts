/** Test helper: runs a site dataset into a fresh temp directory and reads its files back. */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {tableFromIPC} from "apache-arrow";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import type {SiteDataset} from "../../../loaders/site/dataset.js";

export async function writeDataset(dataset: SiteDataset, db: Db, ctx: MetricContext): Promise<Map<string, Buffer>> {
  const dir = mkdtempSync(join(tmpdir(), "cs-dataset-"));
  try {
    await dataset.write(db, ctx, dir);
    return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** An Arrow file's rows as plain objects, and its column types ("Utf8", "Dictionary<Int8, Utf8>" …). */
export function arrowRows(bytes: Uint8Array): {rows: Record<string, unknown>[]; types: Record<string, string>} {
  const table = tableFromIPC(bytes);
  return {
    rows: table.toArray().map((r) => ({...r.toJSON()})),
    types: Object.fromEntries(table.schema.fields.map((f) => [f.name, String(f.type)]))
  };
}
