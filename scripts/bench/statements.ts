/**
 * `tsx scripts/bench/statements.ts DATA_DIR [TABLE,TABLE…]`: runs the pipeline (ingest and the metric
 * families the tables need; all when none are named) and prints every DuckDB statement slower than
 * MIN_MS (default 300) with its time, then the time of each stage. The profile behind the README's
 * 1,000,000-account figures. MEM overrides the config's memoryLimit; DBFILE keeps the database in a
 * file (to re-run one family on its tables later).
 */
import {loadConfig} from "../../loaders/config.js";
import {openDb, type Db} from "../../loaders/db.js";
import {runPipeline} from "../../loaders/pipeline.js";

const [data, tables] = process.argv.slice(2);
if (!data) {
  console.error("usage: tsx scripts/bench/statements.ts DATA_DIR [TABLE,TABLE…]");
  process.exit(2);
}
const config = await loadConfig({...process.env, CS_DATA_DIR: data});
if (process.env.MEM) config.memoryLimit = process.env.MEM;
const db = await openDb(process.env.DBFILE ?? ":memory:", {memoryLimit: config.memoryLimit});
const minMs = Number(process.env.MIN_MS ?? 300);
const oneLine = (sql: string) => sql.replace(/\s+/g, " ").trim().slice(0, 140);
for (const method of ["run", "all"] as const) {
  const original = (db[method] as (sql: string, params?: unknown) => Promise<unknown>).bind(db);
  (db as unknown as Record<string, unknown>)[method] = async (sql: string, params?: unknown) => {
    const t = performance.now();
    try {
      return await original(sql, params);
    } catch (e) {
      console.log(`FAILED after ${((performance.now() - t) / 1000).toFixed(1)} s: ${oneLine(sql)}`);
      throw e;
    } finally {
      const ms = performance.now() - t;
      if (ms > minMs) console.log(`${(ms / 1000).toFixed(1).padStart(7)} s  ${oneLine(sql)}`);
    }
  };
}
const result = await runPipeline(config, {db: db as Db, tables: tables?.split(",")});
for (const [stage, ms] of Object.entries(result.timings)) console.log(`${stage} ${(ms / 1000).toFixed(1)} s`);
console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
db.close();
