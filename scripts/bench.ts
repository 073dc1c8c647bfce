/**
 * `npm run bench [-- --sizes 1000,10000,100000 --pipeline-sizes 1000000 --months 36]`: for sample
 * companies of each size, measures the raw read floor (DuckDB counting every input file), ingest,
 * metric computation, the full site build (time and peak RSS of the whole process tree), dist/ size,
 * and in Chromium the bytes every page transfers (cold cache, scrolled to the bottom) and the time to
 * first chart of the monthly report and the retention page. The pipeline-only sizes (ingest and
 * metrics, no site) are made by replicating the pandas comparison's book (scripts/bench/replicate.ts).
 * Then the CLI against pandas (scripts/bench/pandas.ts), and the issue-16 targets, met or not.
 * Writes bench/results.json, prints the tables, and updates the README's benchmark section. `--keep`
 * keeps the parts a run leaves out from the previous bench/results.json (a long 1M run done apart).
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {cpus, totalmem} from "node:os";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {PROJECT_ROOT} from "../loaders/config.js";
import {launch, serve, sitePages} from "../tests/e2e/harness.js";
import {benchPages, pageCost, type PageCost} from "./bench/browser.js";
import {measure} from "./bench/process-tree.js";
import {cliVsPandas, type PandasComparison} from "./bench/pandas.js";
import {SAMPLE_DEFAULTS} from "./sample/index.js";

const {values} = parseArgs({
  options: {
    sizes: {type: "string", default: "1000,10000,100000"},
    // Ingest + metrics only, at sizes too large to build a site from on this machine (issue 16: 1M).
    "pipeline-sizes": {type: "string", default: "1000000"},
    months: {type: "string", default: "36"},
    seed: {type: "string", default: "7"},
    // issue 16: the CLI's four-table workload against bench/pandas_reference.py (skipped without pandas).
    "pandas-accounts": {type: "string", default: "20000"},
    "pandas-runs": {type: "string", default: "5"},
    // Re-render the tables, verdicts and README section from bench/results.json, measuring nothing.
    render: {type: "boolean", default: false},
    // Keep from bench/results.json what this run does not measure: the sizes when --sizes is "", the
    // pandas comparison when --pandas-accounts is 0, the pipeline-only sizes when --pipeline-sizes is "".
    keep: {type: "boolean", default: false}
  }
});
const RESULTS_PATH = join(PROJECT_ROOT, "bench", "results.json");
const saved = values.render ? JSON.parse(readFileSync(RESULTS_PATH, "utf8")) : null;
const kept = values.keep && !saved && existsSync(RESULTS_PATH) ? JSON.parse(readFileSync(RESULTS_PATH, "utf8")) : null;
const sizes = values.sizes ? values.sizes.split(",").map(Number) : [];
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

const results: SizeResult[] = saved?.results ?? (sizes.length ? [] : (kept?.results ?? []));
for (const accounts of saved ? [] : sizes) {
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

  // Every page, and /accounts with one account open (the first of the book's accounts.csv).
  const firstAccount = readFileSync(join(data, "accounts.csv"), "utf8").split("\n")[1].split(",")[0];
  const paths = [...benchPages(sitePages(dist)), `/accounts?account=${encodeURIComponent(firstAccount)}`];
  const server = await serve(dist);
  const browser = await launch();
  const pages: PageCost[] = [];
  try {
    for (const path of paths) pages.push(await pageCost(browser, server.url, path, {scroll: true}));
  } finally {
    await browser.close();
    await server.close();
  }

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
const pandasAccounts = Number(values["pandas-accounts"]);
let pandas: (PandasComparison & {accounts: number}) | null = saved?.pandas ?? (pandasAccounts > 0 ? null : (kept?.pandas ?? null));
if (!saved && pandasAccounts > 0) {
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

// issue 16: the pipeline alone (ingest + every metric, no site) at sizes made by replicating a generated book.
interface PipelineOnly {
  accounts: number;
  inputBytes: number;
  inputRows: number;
  readFloorMs: number;
  ingestMs: number | null;
  metricsMs: number | null;
  wallMs: number;
  peakRssBytes: number;
  /** The last line of the error when the run failed (e.g. out of memory), else null. */
  error: string | null;
  timings: Record<string, number>;
}
const pipelineSizes = !saved && values["pipeline-sizes"] ? values["pipeline-sizes"].split(",").map(Number) : [];
const pipelineOnly: PipelineOnly[] = saved?.pipelineOnly ?? (pipelineSizes.length ? [] : (kept?.pipelineOnly ?? []));
if (pipelineSizes.length) {
  const baseAccounts = pandasAccounts > 0 ? pandasAccounts : 20000;
  const base = join(OUT, `data-${baseAccounts}`);
  if (!existsSync(join(base, "accounts.csv"))) {
    await run("sample", ["scripts/sample.ts", "--accounts", String(baseAccounts), "--months", values.months!, "--seed", values.seed!, "--out", base]);
  }
  for (const accounts of pipelineSizes) {
    const times = Math.round(accounts / baseAccounts);
    // Kept between runs (a million accounts is gigabytes of CSV): the name says what it was made from.
    const data = join(OUT, `data-${baseAccounts * times}-x${times}-m${values.months}-s${values.seed}`);
    console.log(`\n== pipeline only: ${baseAccounts * times} accounts (${baseAccounts} × ${times}) × ${values.months} months`);
    if (!existsSync(join(data, "accounts.csv"))) await run("replicate", ["scripts/bench/replicate.ts", "--data", base, "--times", String(times), "--out", data]);
    const floor = await run("read floor", ["scripts/bench/read-floor.ts", "--data", data]);
    const {readMs, counts} = JSON.parse(floor.stdout.trim().split("\n").pop()!);
    const m = await measure(TSX, ["scripts/bench/stages.ts", "--data", data, "--no-site"], {cwd: PROJECT_ROOT});
    const ok = m.code === 0;
    const parsed = ok ? JSON.parse(m.stdout.trim().split("\n").pop()!) : null;
    const r: PipelineOnly = {
      accounts: baseAccounts * times,
      inputBytes: du(data),
      inputRows: Object.values(counts as Record<string, number>).reduce((a, b) => a + b, 0),
      readFloorMs: readMs,
      ingestMs: parsed?.ingestMs ?? null,
      metricsMs: parsed?.metricsMs ?? null,
      wallMs: m.ms,
      peakRssBytes: m.peakRssBytes,
      error: ok ? null : failureLine(m.stderr || m.stdout, m.code),
      timings: parsed?.timings ?? {}
    };
    pipelineOnly.push(r);
    console.log(JSON.stringify(r));
  }
}

const machine: string = saved?.machine ?? `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}`;
const months = saved?.months ?? Number(values.months);
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
  ...pipelineOnly.map(
    (r) =>
      `| ${r.accounts.toLocaleString("en-US")} (pipeline only${r.error ? `: failed, ${r.error.slice(0, 80)}` : ""}) | ${r.inputRows.toLocaleString("en-US")} | ${mb(r.inputBytes)} | ${s(r.readFloorMs)} | ${r.ingestMs === null ? "–" : `${s(r.ingestMs)} (${x(r.ingestMs / r.readFloorMs)})`} | ${r.metricsMs === null ? "–" : `${s(r.metricsMs)} (${x(r.metricsMs / r.readFloorMs)})`} | ${s(r.wallMs)} (process) | ${mb(r.peakRssBytes)} | – | – | – |`
  ),
  "",
  // Bytes a reader's browser transfers per page (cold cache, scrolled to the bottom), by book size.
  `| page | ${results.map((r) => `${r.accounts.toLocaleString("en-US")} accounts MB`).join(" | ")} | first chart ms (${results.map((r) => r.accounts.toLocaleString("en-US")).join(" / ")}) |`,
  `|---|${results.map(() => "---:").join("|")}|---:|`,
  ...pagePaths().map((path) => {
    const cells = results.map((r) => r.pages.find((p) => pageKey(p.path) === path));
    const chart = cells.map((c) => (c?.firstChartMs == null ? "–" : c.firstChartMs.toFixed(0))).join(" / ");
    return `| \`${path}\` | ${cells.map((c) => (c ? mb(c.bytes) : "–")).join(" | ")} | ${["/", "/retention"].includes(path) ? chart : ""} |`;
  }),
  ...(pandas
    ? [
        "",
        "| CLI vs pandas (mrr_movements, churn, retention_cohorts, nps) | accounts | CLI s (median) | pandas s (median) | CLI × faster (target ≥ 3×) | outputs |",
        "|---|---:|---:|---:|---:|---|",
        `| \`npm run metrics -- --tables …\` vs \`bench/pandas_reference.py\`, ${pandas.runs} alternating runs each | ${pandas.accounts.toLocaleString("en-US")} | ${s(pandas.cliMedianMs)} | ${s(pandas.pandasMedianMs)} | ${x(pandas.speedup)} | ${pandas.identical ? "identical" : "DIFFER"} |`
      ]
    : [])
];
rows.push("", ...targetRows());
const table = rows.join("\n");
console.log(`\n${table}\n\nmachine: ${machine}`);

mkdirSync(join(PROJECT_ROOT, "bench"), {recursive: true});
if (!saved) writeFileSync(RESULTS_PATH, JSON.stringify({machine, months, results, pipelineOnly, pandas}, null, 2) + "\n");

// The README carries the latest table (between the bench markers), with the machine it ran on.
const readmePath = join(PROJECT_ROOT, "README.md");
const readme = readFileSync(readmePath, "utf8");
const start = "<!-- bench:start -->";
const end = "<!-- bench:end -->";
if (readme.includes(start) && readme.includes(end)) {
  const section = `${start}\nMeasured by \`npm run bench\` on ${machine} (${months} months of history; sizes ${results.map((r) => r.accounts).join(", ")}). Raw numbers: \`bench/results.json\`.\n\n${table}\n${end}`;
  writeFileSync(readmePath, readme.slice(0, readme.indexOf(start)) + section + readme.slice(readme.indexOf(end) + end.length));
}

/** A page's row key: /accounts?account=… is one row whatever the account. */
function pageKey(path: string): string {
  return path.startsWith("/accounts?account=") ? "/accounts?account=…" : path;
}

function pagePaths(): string[] {
  return [...new Set(results.flatMap((r) => r.pages.map((p) => pageKey(p.path))))];
}

/** The issue-16 targets against the figures of this run (largest site size, smallest for comparison). */
function targetRows(): string[] {
  const yes = (ok: boolean) => (ok ? "met" : "**not met**");
  const out = ["| target (issue 16) | measured | |", "|---|---|---|"];
  for (const r of pipelineOnly) {
    const gb = r.peakRssBytes / 2 ** 30;
    out.push(
      `| ${r.accounts.toLocaleString("en-US")} accounts × ${months} months: ingest + metrics ≤ 10 min and ≤ 4 GB peak | ${r.error ? `failed after ${s(r.wallMs)} s: ${r.error.slice(0, 120)}` : `${(r.wallMs / 60000).toFixed(1)} min`}, ${gb.toFixed(2)} GB peak | ${yes(!r.error && r.wallMs <= 600_000 && gb <= 4)} |`
    );
  }
  const big = results.at(-1);
  const small = results[0];
  if (big && big.accounts >= 100_000) {
    out.push(`| ${big.accounts.toLocaleString("en-US")} accounts: full build < 150 s | ${s(big.buildMs)} s | ${yes(big.buildMs < 150_000)} |`);
    out.push(`| ${big.accounts.toLocaleString("en-US")} accounts: dist/ < 250 MB | ${mb(big.distBytes)} MB | ${yes(big.distBytes < 250 * 2 ** 20)} |`);
    const account = big.pages.find((p) => p.path.startsWith("/accounts?account="));
    if (account) out.push(`| ${big.accounts.toLocaleString("en-US")} accounts: /accounts with one account open < 2 MB | ${mb(account.bytes)} MB | ${yes(account.bytes < 2 * 2 ** 20)} |`);
    const explore = big.pages.find((p) => p.path === "/explore");
    const exploreSmall = small.pages.find((p) => p.path === "/explore");
    if (explore && exploreSmall) out.push(`| Explore loads its engine and table only when a query runs | opened: ${mb(exploreSmall.bytes)} MB at ${small.accounts.toLocaleString("en-US")}, ${mb(explore.bytes)} MB at ${big.accounts.toLocaleString("en-US")} | ${yes(explore.bytes < 5 * 2 ** 20)} |`);
    // /accounts opens the first account of the list (its history shard), as ?account= opens the
    // linked one: the issue exempts "the selected account on /accounts".
    const others = (r: SizeResult) => r.pages.filter((p) => p.path !== "/explore" && !p.path.startsWith("/accounts"));
    // "The same bytes": every other page within 10% (and 50 kB) of its size at a smaller book.
    const growth = (from: SizeResult) => {
      const rows = others(big).map((p) => ({path: p.path, big: p.bytes, small: from.pages.find((q) => q.path === p.path)?.bytes ?? 0}));
      const worst = rows.map((p) => ({...p, growth: p.big - p.small})).sort((a, b) => b.growth - a.growth)[0];
      return {worst, ok: rows.every((p) => p.big - p.small <= Math.max(0.1 * p.small, 50_000))};
    };
    for (const from of results.filter((r) => r !== big)) {
      const {worst, ok} = growth(from);
      if (worst) out.push(`| every other page loads about the same bytes at ${from.accounts.toLocaleString("en-US")} and ${big.accounts.toLocaleString("en-US")} accounts | largest growth: \`${worst.path}\` ${mb(worst.small)} → ${mb(worst.big)} MB | ${yes(ok)} |`);
    }
  }
  if (pandas) out.push(`| \`--tables mrr_movements,churn,retention_cohorts,nps\` at ${pandas.accounts.toLocaleString("en-US")} accounts ≥ 3× faster than pandas, identical outputs | ${x(pandas.speedup)} (${s(pandas.cliMedianMs)} s vs ${s(pandas.pandasMedianMs)} s), ${pandas.identical ? "identical" : "outputs DIFFER"} | ${yes(pandas.speedup >= 3 && pandas.identical)} |`);
  return out;
}

/** The line that says why a child run failed (its error message, not the stack or Node's version line). */
function failureLine(output: string, code: number | null): string {
  const lines = output.trim().split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error|out of memory|heap/i.test(l)) ?? lines.pop() ?? `exit ${code}`;
}
