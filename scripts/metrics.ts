/**
 * `npm run metrics -- --data DIR --out OUT [--as-of YYYY-MM] [--config FILE] [--tables a,b]`: computes
 * every metric table from the exports in DIR (the same pipeline the site's build runs) and writes each
 * one to OUT/<table>.csv (see loaders/output/csv.ts for the format). With --tables, only those tables
 * and the metric families they need (loaders/metrics/dependencies.ts) are computed and written. Text cells that a spreadsheet would run
 * as a formula (= + - @) get a leading apostrophe: input text (segment names, rejected values) is data.
 *
 * A fatal input or config problem prints one message (no stack trace) and exits 1 before anything is
 * written; a usage error (an unknown --tables name too) exits 2. Files are written to a temporary directory inside OUT first and
 * moved into place only when every table has been written.
 */
import {mkdir, mkdtemp, rename, rm} from "node:fs/promises";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {checkAsOf, ConfigError, loadConfig} from "../loaders/config.js";
import {writeTableCsv} from "../loaders/output/csv.js";
import {outputTableNames, runPipeline} from "../loaders/pipeline.js";
import {unknownTablesMessage} from "../loaders/metrics/select.js";
import {checkOutDir, reportError} from "./cli-errors.js";

const USAGE = "usage: npm run metrics -- --data DIR --out OUT [--as-of YYYY-MM] [--config FILE] [--tables TABLE,TABLE...]";

class UsageError extends Error {}

/** Paths are the user's: relative to where they ran the command (npm run changes the cwd to the project). */
const userPath = (p: string) => resolve(process.env.INIT_CWD ?? process.cwd(), p);

function parse(argv: string[]) {
  let values;
  try {
    ({values} = parseArgs({
      args: argv,
      options: {
        data: {type: "string"},
        out: {type: "string"},
        "as-of": {type: "string"},
        config: {type: "string"},
        tables: {type: "string"},
        help: {type: "boolean", short: "h"}
      },
      strict: true,
      allowPositionals: false
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return null;
  if (!values.data) throw new UsageError("--data DIR is required");
  if (!values.out) throw new UsageError("--out OUT is required");
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(asOf)) {
    throw new ConfigError(`--as-of must be a month like 2024-06, got ${JSON.stringify(asOf)}`);
  }
  let tables: string[] | undefined;
  if (values.tables !== undefined) {
    tables = [...new Set(values.tables.split(",").map((t) => t.trim()).filter(Boolean))];
    if (!tables.length) throw new UsageError("--tables needs at least one table name, e.g. --tables mrr_movements,churn");
  }
  return {data: userPath(values.data), out: userPath(values.out), asOf, config: values.config && userPath(values.config), tables};
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const env: Record<string, string | undefined> = {...process.env, CS_DATA_DIR: args.data};
  if (args.config) env.CS_CONFIG = args.config;
  const config = await loadConfig(env);
  if (args.asOf) config.asOf = args.asOf;
  checkAsOf("--as-of", config.asOf, config);
  if (args.tables) {
    const unknown = unknownTablesMessage(args.tables, await outputTableNames(config));
    if (unknown) throw new UsageError(unknown);
  }
  // A bad --out fails now, not after the whole computation.
  checkOutDir(args.out, {create: false});

  const {db, ctx, tables, ingest} = await runPipeline(config, {tables: args.tables});
  try {
    await mkdir(args.out, {recursive: true});
    const tmp = await mkdtemp(join(args.out, ".metrics-"));
    try {
      const counts: [string, number][] = [];
      for (const table of tables) counts.push([table, await writeTableCsv(db, table, join(tmp, `${table}.csv`), {neutralizeFormulas: true})]);
      for (const [table] of counts) await rename(join(tmp, `${table}.csv`), join(args.out, `${table}.csv`));
      const rejected = ingest.tables.reduce((n, t) => n + t.rowsRejected, 0);
      console.log(`metrics: as of ${ctx.asOf} (from ${ctx.firstMonth}), ${rejected} rejected input rows, ${tables.length} tables in ${args.out}`);
      const width = Math.max(...tables.map((t) => t.length)) + 4;
      for (const [table, rows] of counts) console.log(`  ${`${table}.csv`.padEnd(width)} ${String(rows).padStart(8)} rows`);
    } finally {
      await rm(tmp, {recursive: true, force: true});
    }
  } finally {
    db.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n${USAGE}`);
      process.exit(2);
    }
    // Input, config, file-system and memory problems are the user's to fix: one clear message, no stack trace.
    reportError(error);
    process.exit(1);
  }
);
