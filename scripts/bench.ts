/**
 * `npm run bench [-- --sizes 1000,10000,100000 --months 36]`: for sample companies of each size,
 * measures the raw read floor (DuckDB counting every input file), ingest, metric computation, the
 * full site build (time and peak RSS of the whole process tree), dist/ size, and in Chromium the
 * bytes transferred and time to first chart of the monthly report and the retention page.
 * Writes bench/results.json, prints a table, and updates the README's benchmark section.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {cpus, totalmem} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {PROJECT_ROOT} from "../loaders/config.js";
import {launch, serve} from "../tests/e2e/harness.js";
import {pageCost, type PageCost} from "./bench/browser.js";
import {measure} from "./bench/process-tree.js";
import {cliVsPandas, type PandasComparison} from "./bench/pandas.js";
import {SAMPLE_DEFAULTS} from "./sample/index.js";

const {values} = parseArgs({
  options: {
    sizes: {type: "string", default: "1000,10000,100000"},
    months: {type: "string", default: "36"},
    seed: {type: "string", default: "7"},
    // issue 16: the CLI's four-table workload against bench/pandas_reference.py (skipped without pandas).
    "pandas-accounts": {type: "string", default: "20000"},
    "pandas-runs": {type: "string", default: "5"}
  }
});
const sizes = values.sizes!.split(",").map(Number);
const OUT = join(PROJECT_ROOT, "bench", "out");
const TSX = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

function du(dir: string): number {
  return (readdirSync(dir, {recursive: true}) as string[]).reduce((n, f) => {
    const s = statSync(join(dir, f));
    return n + (s.isFile() ? s.size : 0);
  }, 0);
}

async function run(label: string, args: string[], env: Record<string, string> = {}) {
  const m = await measure(TSX, args, {cwd: PROJECT_ROOT, env});
  if (m.code !== 0) throw new Error(`${label} failed (exit ${m.code}):\n${m.stderr || m.stdout}`);
  return m;
}

interface SizeResult {
  accounts: number;
  months: number;
  inputBytes: number;
  inputRows: number;
  readFloorMs: number;
  ingestMs: number;
  metricsMs: number;
  ingestPlusMetricsMs: number;
  pipelinePeakRssBytes: number;
  buildMs: number;
  buildPeakRssBytes: number;
  distBytes: number;
  ratios: {ingest: number; metrics: number; ingestPlusMetrics: number; build: number};
  pages: PageCost[];
}

const results: SizeResult[] = [];
for (const accounts of sizes) {
  const data = join(OUT, `data-${accounts}`);
  const dist = join(OUT, `dist-${accounts}`);
  rmSync(data, {recursive: true, force: true});
  console.log(`\n== ${accounts} accounts × ${values.months} months`);
  await run("sample", ["scripts/sample.ts", "--accounts", String(accounts), "--months", values.months!, "--seed", values.seed!, "--out", data]);

  const floor = await run("read floor", ["scripts/bench/read-floor.ts", "--data", data]);
  const {readMs, counts} = JSON.parse(floor.stdout.trim().split("\n").pop()!);
  const stages = await run("pipeline", ["scripts/bench/stages.ts", "--data", data, "--out", join(OUT, `stages-${accounts}`)]);
  const {ingestMs, metricsMs} = JSON.parse(stages.stdout.trim().split("\n").pop()!);
  // --no-cache: the figure is a full build, even when an earlier run left this data in the build cache (issue 16).
  const build = await run("build", ["scripts/build.ts", "--out", dist, "--no-cache"], {CS_DATA_DIR: data});

  const server = await serve(dist);
  const browser = await launch();
  const pages = [await pageCost(browser, server.url, "/"), await pageCost(browser, server.url, "/retention")];
  await browser.close();
  await server.close();

  const r: SizeResult = {
    accounts,
    months: Number(values.months),
    inputBytes: du(data),
    inputRows: Object.values(counts as Record<string, number>).reduce((a, b) => a + b, 0),
    readFloorMs: readMs,
    ingestMs,
    metricsMs,
    ingestPlusMetricsMs: ingestMs + metricsMs,
    pipelinePeakRssBytes: stages.peakRssBytes,
    buildMs: build.ms,
    buildPeakRssBytes: build.peakRssBytes,
    distBytes: du(dist),
    ratios: {
      ingest: ingestMs / readMs,
      metrics: metricsMs / readMs,
      ingestPlusMetrics: (ingestMs + metricsMs) / readMs,
      build: build.ms / readMs
    },
    pages
  };
  results.push(r);
  console.log(JSON.stringify(r));
  rmSync(dist, {recursive: true, force: true});
}

// issue 16: CLI vs pandas, side by side on one input (the sample ends at SAMPLE_DEFAULTS.end: both get it as the as-of month).
let pandas: (PandasComparison & {accounts: number}) | null = null;
const pandasAccounts = Number(values["pandas-accounts"]);
if (pandasAccounts > 0) {
  const data = join(OUT, `data-${pandasAccounts}`);
  if (!sizes.includes(pandasAccounts)) {
    rmSync(data, {recursive: true, force: true});
    await run("sample", ["scripts/sample.ts", "--accounts", String(pandasAccounts), "--months", values.months!, "--seed", values.seed!, "--out", data]);
  }
  console.log(`\n== CLI vs pandas at ${pandasAccounts} accounts`);
  const r = await cliVsPandas(data, join(OUT, "pandas"), {asOf: SAMPLE_DEFAULTS.end, runs: Number(values["pandas-runs"])});
  pandas = r && {accounts: pandasAccounts, ...r};
  console.log(pandas ? JSON.stringify(pandas) : "pandas is not installed for /usr/bin/python3: skipped");
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
const mb = (b: number) => (b / 2 ** 20).toFixed(1);
const s = (ms: number) => (ms / 1000).toFixed(1);
const x = (r: number) => `${r.toFixed(1)}×`;
const rows = [
  "| accounts | input rows | input MB | read floor s | ingest s (× floor) | metrics s (× floor) | ingest+metrics s | pipeline peak RSS MB | full build s | build peak RSS MB | dist MB |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...results.map(
    (r) =>
      `| ${r.accounts.toLocaleString("en-US")} | ${r.inputRows.toLocaleString("en-US")} | ${mb(r.inputBytes)} | ${s(r.readFloorMs)} | ${s(r.ingestMs)} (${x(r.ratios.ingest)}) | ${s(r.metricsMs)} (${x(r.ratios.metrics)}) | ${s(r.ingestPlusMetricsMs)} | ${mb(r.pipelinePeakRssBytes)} | ${s(r.buildMs)} | ${mb(r.buildPeakRssBytes)} | ${mb(r.distBytes)} |`
  ),
  "",
  "| accounts | page | transferred MB (cold) | requests | first chart ms |",
  "|---:|---|---:|---:|---:|",
  ...results.flatMap((r) =>
    r.pages.map((p) => `| ${r.accounts.toLocaleString("en-US")} | \`${p.path}\` | ${mb(p.bytes)} | ${p.requests} | ${p.firstChartMs === null ? "no chart" : p.firstChartMs.toFixed(0)} |`)
  ),
  ...(pandas
    ? [
        "",
        "| CLI vs pandas (mrr_movements, churn, retention_cohorts, nps) | accounts | CLI s (median) | pandas s (median) | CLI × faster (target ≥ 3×) | outputs |",
        "|---|---:|---:|---:|---:|---|",
        `| \`npm run metrics -- --tables …\` vs \`bench/pandas_reference.py\`, ${pandas.runs} alternating runs each | ${pandas.accounts.toLocaleString("en-US")} | ${s(pandas.cliMedianMs)} | ${s(pandas.pandasMedianMs)} | ${x(pandas.speedup)} | ${pandas.identical ? "identical" : "DIFFER"} |`
      ]
    : [])
];
const table = rows.join("\n");
console.log(`\n${table}\n\nmachine: ${machine}`);

mkdirSync(join(PROJECT_ROOT, "bench"), {recursive: true});
writeFileSync(join(PROJECT_ROOT, "bench", "results.json"), JSON.stringify({machine, months: Number(values.months), results, pandas}, null, 2) + "\n");

// The README carries the latest table (between the bench markers), with the machine it ran on.
const readmePath = join(PROJECT_ROOT, "README.md");
const readme = readFileSync(readmePath, "utf8");
const start = "<!-- bench:start -->";
const end = "<!-- bench:end -->";
if (readme.includes(start) && readme.includes(end)) {
  const section = `${start}\nMeasured by \`npm run bench\` on ${machine} (${values.months} months of history; sizes ${sizes.join(", ")}). Raw numbers: \`bench/results.json\`.\n\n${table}\n${end}`;
  writeFileSync(readmePath, readme.slice(0, readme.indexOf(start)) + section + readme.slice(readme.indexOf(end) + end.length));
}
