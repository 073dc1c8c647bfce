/**
 * `npm run dev` follows custom/ (in a copy of the project): a changed SQL file recomputes the metric
 * and the open page shows the new rows; a changed page updates; a new page joins the sidebar; a
 * broken SQL file prints its one message and the preview keeps the last good data.
 */
import {readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startDevCopy, type DevCopy} from "./dev-copy.js";
import {launch} from "./harness.js";

describe("npm run dev with custom metrics and pages", () => {
  let dev: DevCopy;
  let browser: Browser;

  beforeAll(async () => {
    dev = await startDevCopy("cs-custom-dev-");
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    dev?.stop();
  });

  it("updates the open page when its SQL or Markdown changes, and the sidebar when a page is added", async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const rows = () => page.$$eval(".cs-table table tbody tr", (trs) => trs.length);
    await page.goto(`${dev.base}custom/top-accounts`);
    await page.waitForFunction(() => document.querySelectorAll(".cs-table table tbody tr").length === 10, null, {timeout: 120_000});

    const sqlPath = join(dev.root, "custom", "metrics", "top_accounts.sql");
    const sql = readFileSync(sqlPath, "utf8");
    writeFileSync(sqlPath, sql.replace("WHERE r.rank <= 10", "WHERE r.rank <= 3"));
    await page.waitForFunction(() => document.querySelectorAll(".cs-table table tbody tr").length === 3, null, {timeout: 400_000});
    expect(dev.output()).toMatch(/custom: metrics recomputed \(top_accounts\)/);

    const pagePath = join(dev.root, "custom", "pages", "top-accounts.md");
    writeFileSync(pagePath, readFileSync(pagePath, "utf8").replace("The ten accounts with the largest MRR", "Edited while previewing: the accounts with the largest MRR"));
    await page.waitForSelector("text=Edited while previewing", {timeout: 120_000});

    writeFileSync(join(dev.root, "custom", "pages", "later.md"), "---\ntitle:\n  en: Added later\n  ja: 後から追加\n---\n\n# Added later\n");
    await page.waitForSelector('#observablehq-sidebar a:text("Added later")', {timeout: 120_000});

    // A broken file: one message, and the page keeps the last good rows.
    writeFileSync(sqlPath, sql.replace("FROM account_months", "FROM account_month"));
    await expect.poll(() => dev.output(), {timeout: 400_000, interval: 500}).toMatch(/error: .*custom\/metrics\/top_accounts\.sql:\d+: unknown table "account_month"/);
    expect(await rows()).toBe(3);
  }, 900_000);
});
