/**
 * The metrics CLI end to end: the real ingest on the hand-computed fixture (tests/fixtures/metrics/core),
 * CSV output checked against the same hand-computed numbers as tests/metrics, and fatal input errors.
 */
import {execFile} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";

const CORE = resolve(PROJECT_ROOT, "tests/fixtures/metrics/core");
const CONFIG = resolve(PROJECT_ROOT, "tests/fixtures/metrics/report.config.ts");
const TSX = resolve(PROJECT_ROOT, "node_modules/.bin/tsx");

function cli(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((done) => {
    execFile(TSX, ["scripts/metrics.ts", ...args], {cwd: PROJECT_ROOT, env: {...process.env, INIT_CWD: PROJECT_ROOT}}, (error, stdout, stderr) =>
      done({code: error ? ((error as {code?: number}).code ?? 1) : 0, stdout, stderr})
    );
  });
}

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `cs-metrics-${prefix}-`));
const lines = (dir: string, table: string) => readFileSync(join(dir, `${table}.csv`), "utf8").trimEnd().split("\n");

describe("npm run metrics on the core fixture", () => {
  let out: string;
  let run: {code: number; stdout: string; stderr: string};
  beforeAll(async () => {
    out = join(tmp("core"), "out");
    run = await cli(["--data", CORE, "--out", out, "--config", CONFIG]);
  });

  it("exits 0, writes every table and prints one line per table", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const t of ["account_months", "mrr_movements", "churn", "retention_t12m", "retention_cohorts", "nps", "rejected_rows"]) {
      expect(existsSync(join(out, `${t}.csv`))).toBe(true);
      expect(run.stdout).toMatch(new RegExp(`^  ${t}\\.csv +\\d+ rows$`, "m"));
    }
    expect(run.stdout.split("\n")[0]).toBe(
      `metrics: as of 2024-02 (from 2023-01), 0 rejected input rows, ${readdirSync(out).length} tables in ${out}`
    );
    // The temporary directory is gone.
    expect(readdirSync(out).every((f) => f.endsWith(".csv"))).toBe(true);
  });

  it("writes the hand-computed MRR bridge with exact decimals", () => {
    expect(lines(out, "mrr_movements")).toEqual([
      "month,mrr_start,new,expansion,contraction,churn,reactivation,fx,mrr_end",
      "2023-01,0.00,3100.20,0.00,0.00,0.00,0.00,0.00,3100.20",
      "2023-02,3100.20,0.00,0.00,0.00,0.00,0.00,0.00,3100.20",
      "2023-03,3100.20,0.00,200.20,0.00,0.00,0.00,0.00,3300.40",
      "2023-04,3300.40,500.00,0.00,200.20,0.00,0.00,0.00,3600.20",
      "2023-05,3600.20,0.00,0.00,0.00,100.10,0.00,0.00,3500.10",
      "2023-06,3500.10,0.00,300.30,0.00,0.00,0.00,0.00,3800.40",
      "2023-07,3800.40,250.25,0.00,0.00,0.00,0.00,0.00,4050.65",
      "2023-08,4050.65,0.00,0.00,0.00,0.00,150.15,0.00,4200.80",
      "2023-09,4200.80,0.00,0.00,0.00,0.00,0.00,0.00,4200.80",
      "2023-10,4200.80,0.00,0.00,0.00,0.00,0.00,0.00,4200.80",
      "2023-11,4200.80,0.00,0.00,0.00,0.00,0.00,0.00,4200.80",
      "2023-12,4200.80,0.00,0.00,0.00,0.00,0.00,0.00,4200.80",
      "2024-01,4200.80,0.00,0.00,500.00,250.25,0.00,0.00,3450.55",
      "2024-02,3450.55,0.00,0.00,0.00,0.00,0.00,0.00,3450.55"
    ]);
  });

  it("writes churn, t12m, cohorts and NPS rows with empty cells for empty rates", () => {
    // The churn family's columns; the interval and small-sample columns (intervals.ts) come after them.
    const churnAll = lines(out, "churn");
    const churn = churnAll.map((l) => l.split(",").slice(0, 12).join(","));
    expect(churn[0]).toBe(
      "month,dimension,segment,accounts_start,accounts_churned,logo_churn_rate,mrr_start,mrr_churned,mrr_contraction,revenue_churn_rate,grr,nrr"
    );
    // Then the pooled trailing-3-month rates (churn.ts), empty until three months have a previous month.
    expect(churnAll[0].split(",").slice(12, 16)).toEqual(["logo_churn_rate_t3", "revenue_churn_rate_t3", "grr_t3", "nrr_t3"]);
    expect(churnAll[1].split(",").slice(12, 16)).toEqual(["", "", "", ""]);
    // 2023-11..2024-01, all: 5 + 5 + 5 at start, 1 churned.
    expect(Number(churnAll.find((l) => l.startsWith("2024-01,all,all,"))!.split(",")[12])).toBeCloseTo(1 / 15, 12);
    expect(churnAll[0].split(",").slice(16)).toEqual(["logo_churn_ci_low", "logo_churn_ci_high", "small_sample"]);
    expect(churnAll[1].split(",").slice(16)).toEqual(["", "", "true"]); // no accounts at start: no interval
    // 2024-01, all: 1 of 5 churned: Wilson [0.036223, 0.624472] (centre 0.330347, half 0.294124); 5 < minSampleSize 30.
    const jan = churnAll.find((l) => l.startsWith("2024-01,all,all,"))!.split(",").slice(16);
    expect(Number(jan[0])).toBeCloseTo(0.036223, 5);
    expect(Number(jan[1])).toBeCloseTo(0.624472, 5);
    expect(jan[2]).toBe("true");
    expect(churn[1]).toBe("2023-01,all,all,0,0,,0.00,0.00,0.00,,,");
    expect(churn).toContain(
      `2024-01,all,all,5,1,0.2,4200.80,250.25,500.00,${750.25 / 4200.8},${3450.55 / 4200.8},${3450.55 / 4200.8}`
    );
    expect(churn).toContain("2024-01,plan,Addon,1,1,1,0.00,0.00,0.00,,,");
    expect(churn).toContain("2024-01,plan,Trial,0,0,,0.00,0.00,0.00,,,");
    expect(lines(out, "retention_t12m")[1].split(",").slice(0, 9).join(",")).toBe(`2024-01,all,all,3,3100.20,2600.20,2950.55,${2600.2 / 3100.2},${2950.55 / 3100.2}`);
    expect(lines(out, "retention_cohorts").slice(0, 2)).toEqual([
      "cohort,dimension,segment,months_since,accounts_start,accounts_retained,logo_retention,mrr_start,mrr,revenue_retention",
      "2023-01,all,all,0,3,3,1,3100.20,3100.20,1"
    ]);
    expect(lines(out, "retention_cohorts")).toContain("2023-07,product,CMS,6,1,0,0,0.00,0.00,");
    const nps = lines(out, "nps");
    expect(nps[0]).toBe("period,dimension,segment,responses,promoters,passives,detractors,nps,ci_low,ci_high,low_responses,partial");
    // npsMinResponses is 4 in the test config: the March cell (4 responses incl. the anonymous one) is readable.
    expect(nps).toContain(`2023-03,all,all,4,2,1,1,25,${25 - 196 * Math.sqrt(0.171875)},100,false,false`);
    expect(nps).toContain("2023-11,all,all,1,0,0,1,-100,-100,-100,true,false");
  });

  it("writes the same bytes on a second run, and honours --as-of", async () => {
    const again = join(tmp("again"), "out");
    const second = await cli(["--data", CORE, "--out", again, "--config", CONFIG]);
    expect(second.code).toBe(0);
    for (const f of readdirSync(out)) expect(readFileSync(join(again, f), "utf8"), f).toBe(readFileSync(join(out, f), "utf8"));

    const dec = join(tmp("asof"), "out");
    const third = await cli(["--data", CORE, "--out", dec, "--config", CONFIG, "--as-of", "2023-12"]);
    expect(third.code).toBe(0);
    expect(lines(dec, "mrr_movements")).toHaveLength(1 + 12);
    expect(lines(dec, "retention_t12m")).toHaveLength(1);
  });
});

describe("npm run metrics on bad input", () => {
  it("exits 1 with the ingest layer's one-line message and writes nothing when a required column is missing", async () => {
    const data = tmp("missing");
    cpSync(join(CORE, "accounts.csv"), join(data, "accounts.csv"));
    const subs = readFileSync(join(CORE, "subscriptions.csv"), "utf8").split("\n");
    writeFileSync(join(data, "subscriptions.csv"), subs.map((l) => l.split(",").slice(0, 6).join(",")).join("\n"));
    const out = join(data, "out");
    const {code, stdout, stderr} = await cli(["--data", data, "--out", out, "--config", CONFIG]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: .*subscriptions\.csv.*"mrr"/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 1 on a bad --as-of and 2 on a usage error", async () => {
    const out = join(tmp("usage"), "out");
    const bad = await cli(["--data", CORE, "--out", out, "--as-of", "2024-13"]);
    expect([bad.code, bad.stderr.trim()]).toEqual([1, 'error: --as-of must be a month like 2024-06, got "2024-13"']);
    const usage = await cli(["--data", CORE]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--out OUT is required\nusage: npm run metrics/);
    expect(existsSync(out)).toBe(false);
  });
});
