/**
 * The whole computation, once per build: ingest the exports into one DuckDB database, then build
 * every metric family's tables in it. The metrics CLI and the site's data loaders both call this.
 */
import {resolve} from "node:path";
import {ConfigError, PROJECT_ROOT, TABLE_NAMES, type ReportConfig, type TableName} from "./config.js";
import {openDb, type Db} from "./db.js";
import {ingest, type IngestReport} from "./ingest/index.js";
import {metricContext} from "./metrics/calendar.js";
import type {MetricContext} from "./metrics/family.js";
import {FAMILIES} from "./metrics/index.js";
import {AS_OF_INPUTS, INPUTS} from "./metrics/dependencies.js";
import {INGEST_TABLES, selectFamilies, unknownTablesMessage} from "./metrics/select.js";
import {buildCustomMetrics} from "./custom/metrics.js";
import {readCustomSqlFiles} from "./custom/sql-file.js";
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

export interface PipelineOptions {
  db?: Db;
  /** Only these output tables (and the families they need); all when absent (`npm run metrics -- --tables`). */
  tables?: string[];
}

/** Every output table name a run can produce with this config, in output order. */
export async function outputTableNames(config: Pick<ReportConfig, "customDir">): Promise<string[]> {
  const custom = (await readCustomSqlFiles(resolve(PROJECT_ROOT, config.customDir))).map((f) => f.table);
  return [...FAMILIES.flatMap((f) => f.tables), ...custom, ...INGEST_TABLES];
}

export async function runPipeline(config: ReportConfig, options: PipelineOptions = {}): Promise<PipelineResult> {
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
      `raise memoryLimit in the config (e.g. "${doubled(config.memoryLimit)}") or free memory on this machine`
  );
}

/** Twice a memoryLimit such as "3GB" (the suggestion in the out-of-memory message). */
function doubled(limit: string): string {
  const m = /^(\d+(?:\.\d+)?)\s*(MB|GB|MiB|GiB)$/i.exec(limit.trim());
  return m ? `${Number(m[1]) * 2}${m[2]}` : "8GB";
}

async function compute(config: ReportConfig, {db, tables: only}: PipelineOptions): Promise<PipelineResult> {
  let families = FAMILIES;
  let withCustom = true;
  let inputs: TableName[] | undefined;
  if (only) {
    const valid = await outputTableNames(config);
    const unknown = unknownTablesMessage(only, valid);
    if (unknown) throw new ConfigError(unknown);
    const builtIn = new Set([...FAMILIES.flatMap((f) => f.tables), ...INGEST_TABLES]);
    // A custom metric's SQL may read any built-in table: asking for one builds everything.
    withCustom = only.some((t) => !builtIn.has(t));
    if (!withCustom) families = selectFamilies(FAMILIES, only);
    // The quarantine covers every input; otherwise stage only what the chosen families read.
    if (!withCustom && !only.includes("rejected_rows")) {
      inputs = [...new Set<TableName>(["accounts", "subscriptions", ...families.flatMap((f) => INPUTS[f.name] ?? TABLE_NAMES), ...(config.asOf ? [] : AS_OF_INPUTS)])];
    }
  }
  db ??= await openDb(":memory:", {memoryLimit: config.memoryLimit});
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (stage: string) => {
    timings[stage] = performance.now() - t;
    t = performance.now();
  };
  const report = await ingest(db, config, {only: inputs});
  if (config.redact) await redactAccounts(db, config.locale);
  lap("ingest");
  const ctx = await metricContext(db, config);
  for (const family of families) {
    await family.build(db, ctx);
    lap(`metrics:${family.name}`);
  }
  ctx.custom = withCustom ? await buildCustomMetrics(db, ctx) : [];
  lap("metrics:custom");
  const custom = ctx.custom.map((c) => c.table);
  const tables = [...FAMILIES.flatMap((f) => f.tables), ...custom, ...INGEST_TABLES];
  return {db, ctx, ingest: report, tables: only ? tables.filter((t) => only.includes(t)) : tables, timings};
}
