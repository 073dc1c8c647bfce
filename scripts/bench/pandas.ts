/**
 * The CLI against the pandas-equivalent workload (issue 16): `npm run metrics -- --tables
 * mrr_movements,churn,retention_cohorts,nps` and bench/pandas_reference.py on the same input and
 * as-of month, run alternately (so both see the same machine load), median of `runs` each, and
 * their outputs compared (pandas_reference.py --compare). Null where /usr/bin/python3 has no pandas.
 *
 * Standalone: `npx tsx scripts/bench/pandas.ts --data DIR [--as-of YYYY-MM] [--runs 5]`.
 */
import {execFileSync} from "node:child_process";
import {rmSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {measure} from "./process-tree.js";

export const PYTHON = "/usr/bin/python3";
export const WORKLOAD = ["mrr_movements", "churn", "retention_cohorts", "nps"];

export interface PandasComparison {
  runs: number;
  cliMs: number[];
  pandasMs: number[];
  cliMedianMs: number;
  pandasMedianMs: number;
  /** pandas median / CLI median: how many times faster the CLI is. */
  speedup: number;
  identical: boolean;
  comparison: string;
}

export function hasPandas(): boolean {
  try {
    execFileSync(PYTHON, ["-c", "import pandas"], {stdio: "ignore"});
    return true;
  } catch {
    return false;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function cliVsPandas(data: string, work: string, {asOf, runs = 5}: {asOf: string; runs?: number}): Promise<PandasComparison | null> {
  if (!hasPandas()) return null;
  const ours = join(work, "cli");
  const theirs = join(work, "pandas");
  const cli = () =>
    measure("node", ["scripts/cli/launch.mjs", "scripts/metrics.ts", "--data", data, "--out", ours, "--config", "bench/pandas.config.ts", "--as-of", asOf, "--tables", WORKLOAD.join(",")], {cwd: PROJECT_ROOT});
  const pandas = () => measure(PYTHON, ["bench/pandas_reference.py", "--data", data, "--out", theirs, "--as-of", asOf], {cwd: PROJECT_ROOT});
  // One unmeasured run each: the CLI bundle is built (once per code change) and both read the input into the page cache.
  for (const warm of [cli, pandas]) {
    const m = await warm();
    if (m.code !== 0) throw new Error(`CLI vs pandas warm-up failed (exit ${m.code}):\n${m.stderr || m.stdout}`);
  }
  const cliMs: number[] = [];
  const pandasMs: number[] = [];
  for (let i = 0; i < runs; ++i) {
    for (const [run, into] of i % 2 ? ([[pandas, pandasMs], [cli, cliMs]] as const) : ([[cli, cliMs], [pandas, pandasMs]] as const)) {
      const m = await run();
      if (m.code !== 0) throw new Error(`CLI vs pandas failed (exit ${m.code}):\n${m.stderr || m.stdout}`);
      into.push(m.ms);
    }
  }
  let comparison: string;
  let identical = true;
  try {
    comparison = execFileSync(PYTHON, ["bench/pandas_reference.py", "--compare", ours, theirs], {cwd: PROJECT_ROOT, encoding: "utf8"});
  } catch (e) {
    identical = false;
    comparison = String((e as {stdout?: string}).stdout ?? e);
  }
  rmSync(work, {recursive: true, force: true});
  const cliMedianMs = median(cliMs);
  const pandasMedianMs = median(pandasMs);
  return {runs, cliMs, pandasMs, cliMedianMs, pandasMedianMs, speedup: pandasMedianMs / cliMedianMs, identical, comparison: comparison.trim()};
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const {values} = parseArgs({options: {data: {type: "string"}, "as-of": {type: "string", default: "2026-10"}, runs: {type: "string", default: "5"}}});
  const r = await cliVsPandas(values.data!, join(PROJECT_ROOT, "bench", "out", "pandas"), {asOf: values["as-of"]!, runs: Number(values.runs)});
  console.log(r ? JSON.stringify(r, null, 2) : "pandas is not installed for /usr/bin/python3: skipped");
}
