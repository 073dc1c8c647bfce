// `npm run build` on a data directory holding only a billing export and fx_rates.csv (no accounts,
// no subscriptions, nothing else): the whole site builds, its MRR normalised from the billing lines.
import {execFile} from "node:child_process";
import {existsSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";

const DATA = "tests/fixtures/billing/mixed";

describe("npm run build on a billing export alone", () => {
  it("builds every page from billing_lines.csv + fx_rates.csv", async () => {
    expect(readdirSync(join(PROJECT_ROOT, DATA)).sort()).toEqual(["billing_lines.csv", "fx_rates.csv"]);
    const out = join(PROJECT_ROOT, "tests", ".tmp", "dist-billing");
    rmSync(out, {recursive: true, force: true});
    // Asynchronous, so the test worker keeps answering vitest during the two-minute build.
    const result = await new Promise<{status: number | null; stderr: string}>((done) => {
      execFile(
        join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
        ["scripts/build.ts", "--out", out],
        {cwd: PROJECT_ROOT, encoding: "utf8", timeout: 600_000, maxBuffer: 64 * 1024 * 1024, env: {...process.env, CS_DATA_DIR: DATA, CS_CONFIG: "tests/fixtures/metrics/report.config.ts"}},
        (error, _stdout, stderr) => done({status: error ? ((error as {code?: number}).code ?? 1) : 0, stderr})
      );
    });
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
    for (const page of ["index.html", "retention.html", "churn.html", "accounts.html", "data-quality.html", "definitions.html", "reports/2025-04.html"]) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
    rmSync(out, {recursive: true, force: true});
  }, 600_000);
});
