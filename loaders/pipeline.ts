/**
 * The whole computation, once per build: ingest the exports into one DuckDB database, then build
 * every metric family's tables in it. The metrics CLI and the site's data loaders both call this.
 */
import {ConfigError, type ReportConfig} from "./config.js";
import {openDb, type Db} from "./db.js";
import {ingest, type IngestReport} from "./ingest/index.js";
import {metricContext} from "./metrics/calendar.js";
import type {MetricContext} from "./metrics/family.js";
import {FAMILIES} from "./metrics/index.js";
import {buildCustomMetrics} from "./custom/metrics.js";
import {redactAccounts} from "./redact.js";

export interface PipelineResult {
  db: Db;
  ctx: MetricContext;
  ingest: IngestReport;
  /** Output tables in build order: every family's tables, the custom metric tables, then rejected_rows. */
  tables: string[];
  /** Milliseconds per stage: "ingest", then "metrics:<family>" in build order. */
  timings: Record<string, number>;
}

export async function runPipeline(config: ReportConfig, options: {db?: Db} = {}): Promise<PipelineResult> {
  try {
    return await compute(config, options);
  } catch (e) {
    throw outOfMemory(e, config) ?? e;
  }
}

/** DuckDB's out-of-memory error as one line naming memoryLimit (the user's lever), or null for any other error. */
export function outOfMemory(e: unknown, config: Pick<ReportConfig, "memoryLimit">): ConfigError | null {
  const message = e instanceof Error ? e.message : String(e);
  if (!/Out of Memory Error|could not allocate block|failed to allocate data/i.test(message)) return null;
  return new ConfigError(
    `DuckDB ran out of memory within memoryLimit "${config.memoryLimit}" (${message.split("\n")[0].replace(/^.*?Error: /, "").slice(0, 160)}); ` +
      `raise memoryLimit in the config (e.g. "3GB") or free memory on this machine`
  );
}

async function compute(config: ReportConfig, {db}: {db?: Db}): Promise<PipelineResult> {
  db ??= await openDb(":memory:", {memoryLimit: config.memoryLimit});
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (stage: string) => {
    timings[stage] = performance.now() - t;
    t = performance.now();
  };
  const report = await ingest(db, config);
  if (config.redact) await redactAccounts(db, config.locale);
  lap("ingest");
  const ctx = await metricContext(db, config);
  for (const family of FAMILIES) {
    await family.build(db, ctx);
    lap(`metrics:${family.name}`);
  }
  ctx.custom = await buildCustomMetrics(db, ctx);
  lap("metrics:custom");
  const custom = ctx.custom.map((c) => c.table);
  return {db, ctx, ingest: report, tables: [...FAMILIES.flatMap((f) => f.tables), ...custom, "rejected_rows"], timings};
}
