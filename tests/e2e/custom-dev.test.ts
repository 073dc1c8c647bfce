/**
 * `npm run dev` follows custom/ (in a copy of the project): a changed SQL file recomputes the metric
 * and the open page shows the new rows; a changed page updates; a new page joins the sidebar; a
 * broken SQL file prints its one message and the preview keeps the last good data.
 */
import {spawn, type ChildProcess} from "node:child_process";
import {cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {launch} from "./harness.js";

const SKIP = new Set(["node_modules", "dist", ".cs-build", ".git", "tests", "bench/out", "src/.observablehq", "src/custom"]);

describe("npm run dev with custom metrics and pages", () => {
  let root: string;
  let dev: ChildProcess;
  let output = "";
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "cs-custom-dev-"));
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

  it("updates the open page when its SQL or Markdown changes, and the sidebar when a page is added", async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const rows = () => page.$$eval(".cs-table table tbody tr", (trs) => trs.length);
    await page.goto(`${base}custom/top-accounts`);
    await page.waitForFunction(() => document.querySelectorAll(".cs-table table tbody tr").length === 10, null, {timeout: 120_000});

    const sqlPath = join(root, "custom", "metrics", "top_accounts.sql");
    const sql = readFileSync(sqlPath, "utf8");
    writeFileSync(sqlPath, sql.replace("WHERE r.rank <= 10", "WHERE r.rank <= 3"));
    await page.waitForFunction(() => document.querySelectorAll(".cs-table table tbody tr").length === 3, null, {timeout: 400_000});
    expect(output).toMatch(/custom: metrics recomputed \(top_accounts\)/);

    const pagePath = join(root, "custom", "pages", "top-accounts.md");
    writeFileSync(pagePath, readFileSync(pagePath, "utf8").replace("The ten accounts with the largest MRR", "Edited while previewing: the accounts with the largest MRR"));
    await page.waitForSelector("text=Edited while previewing", {timeout: 120_000});

    writeFileSync(join(root, "custom", "pages", "later.md"), "---\ntitle:\n  en: Added later\n  ja: 後から追加\n---\n\n# Added later\n");
    await page.waitForSelector('#observablehq-sidebar a:text("Added later")', {timeout: 120_000});

    // A broken file: one message, and the page keeps the last good rows.
    writeFileSync(sqlPath, sql.replace("FROM account_months", "FROM account_month"));
    await expect.poll(() => output, {timeout: 400_000, interval: 500}).toMatch(/error: .*custom\/metrics\/top_accounts\.sql:\d+: unknown table "account_month"/);
    expect(await rows()).toBe(3);
  }, 900_000);
});
