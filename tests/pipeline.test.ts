// Same inputs, same numbers: DuckDB aggregates in parallel, and a sum of DOUBLEs depends on the order
// threads combine their parts. Metrics must sum exact types (DECIMAL, integers) so every run agrees
// to the bit; this runs the whole pipeline on the sample three times and compares every column.
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT, resolveConfig} from "../loaders/config.js";
import {ident} from "../loaders/db.js";
import {runPipeline} from "../loaders/pipeline.js";

async function columnDigests(): Promise<Record<string, string>> {
  const result = await runPipeline(resolveConfig({dataDir: join(PROJECT_ROOT, "data", "sample")}));
  const out: Record<string, string> = {};
  for (const table of result.tables) {
    for (const {name} of await result.db.columns(`SELECT * FROM ${ident(table)}`)) {
      const [row] = await result.db.all<{h: string}>(
        `SELECT md5(string_agg(coalesce(${ident(name)}::VARCHAR, '∅'), '|' ORDER BY rowid)) AS h FROM ${ident(table)}`
      );
      out[`${table}.${name}`] = row.h;
    }
  }
  result.db.close();
  return out;
}

describe("runPipeline", () => {
  it("computes identical metric tables, column for column, on every run", async () => {
    const first = await columnDigests();
    expect(Object.keys(first).length).toBeGreaterThan(150);
    expect(await columnDigests()).toEqual(first);
    expect(await columnDigests()).toEqual(first);
  }, 180_000);
});
