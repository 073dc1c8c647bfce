/**
 * `npm run metrics -- --tables`: on the sample company, each table computed alone (with only the
 * families it needs) is byte-identical to the same table from a run of every table.
 */
import {execFile} from "node:child_process";
import {mkdtempSync, readdirSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {loadConfig, PROJECT_ROOT} from "../../loaders/config.js";
import {FAMILIES} from "../../loaders/metrics/index.js";
import {writeTableCsv} from "../../loaders/output/csv.js";
import {runPipeline} from "../../loaders/pipeline.js";

const SAMPLE = resolve(PROJECT_ROOT, "data/sample");
const TSX = resolve(PROJECT_ROOT, "node_modules/.bin/tsx");
const WORKLOAD = ["mrr_movements", "churn", "retention_cohorts", "nps"];

function cli(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((done) => {
    execFile(TSX, ["scripts/metrics.ts", ...args], {cwd: PROJECT_ROOT, env: {...process.env, INIT_CWD: PROJECT_ROOT}}, (error, stdout, stderr) =>
      done({code: error ? ((error as {code?: number}).code ?? 1) : 0, stdout, stderr})
    );
  });
}

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), `cs-tables-${prefix}-`));
const bytes = (dir: string, table: string) => readFileSync(join(dir, `${table}.csv`));

let all: string;
beforeAll(async () => {
  all = tmp("all");
  const run = await cli(["--data", SAMPLE, "--out", all]);
  expect(run.stderr).toBe("");
}, 300_000);

describe("npm run metrics -- --tables", () => {
  it("writes only the named tables, byte-identical to a full run", async () => {
    const out = tmp("four");
    const run = await cli(["--data", SAMPLE, "--out", out, "--tables", ` nps,churn,${WORKLOAD.join(",")},`]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(WORKLOAD.map((t) => `${t}.csv`).sort());
    for (const t of WORKLOAD) expect(bytes(out, t).equals(bytes(all, t)), t).toBe(true);
    // Listed in output order, once each.
    expect(run.stdout.split("\n").slice(1, 5).map((l) => l.trim().split(/\s+/)[0])).toEqual(WORKLOAD.map((t) => `${t}.csv`));
    expect(run.stdout.split("\n")[0]).toMatch(/, 4 tables in /);
  }, 120_000);

  it("stops with exit 2 naming every unknown table and listing the valid ones, writing nothing", async () => {
    const out = join(tmp("bad"), "out");
    const run = await cli(["--data", SAMPLE, "--out", out, "--tables", "churn,chrun,mrr"]);
    expect(run.code).toBe(2);
    const first = run.stderr.split("\n")[0];
    expect(first).toMatch(/^error: unknown tables "chrun", "mrr" for --tables; valid tables: account_months, mrr_movements, churn, /);
    expect(first).toMatch(/, top_accounts, rejected_rows$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(() => readdirSync(out)).toThrow();
  });

  it("refuses an empty list", async () => {
    const run = await cli(["--data", SAMPLE, "--out", tmp("empty"), "--tables", ","]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --tables needs at least one table name/);
  });

  // Families downstream of health (the costliest family) are left to tests/metrics/dependencies.test.ts,
  // which checks their declared reads against their SQL, to keep this test to about a full run's time ×5.
  const HEAVY = new Set(["csm-portfolio", "health-validity", "churn-forecast", "health-weights"]);

  it("computes each family's tables alone exactly as the full run does", async () => {
    const config = await loadConfig({...process.env, CS_DATA_DIR: SAMPLE});
    const out = tmp("each");
    for (const family of FAMILIES.filter((f) => f.tables.length && !HEAVY.has(f.name))) {
      const result = await runPipeline(config, {tables: family.tables});
      try {
        expect(result.tables).toEqual(family.tables);
        for (const t of family.tables) {
          await writeTableCsv(result.db, t, join(out, `${t}.csv`), {neutralizeFormulas: true});
          expect(bytes(out, t).equals(bytes(all, t)), `${family.name}: ${t}`).toBe(true);
        }
      } finally {
        result.db.close();
      }
    }
  }, 600_000);
});
