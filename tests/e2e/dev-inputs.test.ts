/**
 * issue 16: `npm run dev` (in a copy of the project) recomputes the metrics when an input file
 * changes and the open page shows the new numbers; a broken input prints its one message and the
 * preview keeps the last good data.
 */
import {spawn, type ChildProcess} from "node:child_process";
import {appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {launch} from "./harness.js";

const SKIP = new Set(["node_modules", "dist", ".cs-build", ".git", "tests", "bench/out", "src/.observablehq", "src/custom"]);

describe("npm run dev follows the inputs", () => {
  let root: string;
  let dev: ChildProcess;
  let output = "";
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "cs-dev-inputs-"));
    cpSync(PROJECT_ROOT, root, {recursive: true, filter: (src) => !SKIP.has(relative(PROJECT_ROOT, src))});
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
    // Its own process group, so the test can stop the preview server it started (and only that).
    dev = spawn(join(root, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--dev"], {cwd: root, detached: true, env: {...process.env, BROWSER: "none"}});
    dev.stdout!.on("data", (d) => (output += d));
    dev.stderr!.on("data", (d) => (output += d));
    base = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
        if (url) clearInterval(timer), resolve(url);
        if (dev.exitCode !== null) clearInterval(timer), reject(new Error(output));
      }, 250);
    });
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (dev?.pid) process.kill(-dev.pid, "SIGTERM");
    rmSync(root, {recursive: true, force: true});
  });

  it("an edited input file updates the open page; a broken one keeps the last good data", async () => {
    expect(output).toMatch(/metrics: computed \(cache key [0-9a-f]{12}\)/);
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const rejected = () => page.locator('.card:has(h2:text-is("Rows rejected")) .cs-big').textContent();
    await page.goto(`${base}data-quality`);
    await expect.poll(rejected, {timeout: 120_000}).toBe("0");

    // One NPS response with a score of 11: quarantined, so the page's rejected count becomes 1.
    const nps = join(root, "data", "sample", "nps_responses.csv");
    const good = readFileSync(nps, "utf8");
    appendFileSync(nps, `${good.endsWith("\n") ? "" : "\n"}R9999999,A000002,2024-02-22,11,too high,relationship\n`);
    await expect.poll(rejected, {timeout: 400_000, interval: 1000}).toBe("1");
    expect(output).toMatch(/dev: data\/sample\/nps_responses\.csv changed; recomputing the metrics/);

    // A file without its required column: one message, and the page keeps the last good numbers.
    writeFileSync(nps, good.replace(",score,", ",points,"));
    await expect.poll(() => output, {timeout: 400_000, interval: 500}).toMatch(/error: .*nps_responses\.csv: missing required column "score".*\(the preview keeps the last good data\)/);
    expect(await rejected()).toBe("1");
  }, 900_000);
});
