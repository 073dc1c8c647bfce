/**
 * An analyst's custom metric and page, end to end: a copy of the project gets a new SQL file and a
 * new page; `npm run metrics` writes the table and `npm run build` puts the page, showing the table's
 * rows, in dist/ (sidebar included). Also: the shipped example page in this project's dist/.
 */
import {execFile} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {readmeExample} from "../custom/readme-example.js";
import {DIST, launch, serve, visit} from "./harness.js";

const SQL = `-- Accounts by segment
-- Accounts in the accounts export per segment (an empty segment counts as "(none)").
-- ja: セグメント別顧客数
-- ja: セグメントごとの顧客数（セグメントが空欄の顧客は「(none)」）。
SELECT coalesce(segment, '(none)') AS segment, count(*) AS accounts
FROM accounts
GROUP BY ALL
ORDER BY segment
`;

const PAGE = `---
title:
  en: Accounts by segment
  ja: セグメント別顧客数
---

\`\`\`js
import {pageContext} from "/components/page-context.js";
import {dataTable} from "/components/table.js";
const manifest = FileAttachment("/data/metrics/manifest.json").json();
\`\`\`

\`\`\`js
const ctx = pageContext(manifest);
const rows = aq.fromArrow(await FileAttachment("/data/metrics/accounts_by_segment.arrow").arrayBuffer()).objects();
\`\`\`

# Accounts by segment

<div id="segments">\${dataTable(rows, {static: true, locale: ctx.locale, filename: "accounts-by-segment"})}</div>
`;

/** Runs tsx in the copy without blocking the test worker (a blocked worker times out vitest's RPC). */
function tsx(root: string, args: string[], env: Record<string, string> = {}): Promise<{code: number; stdout: string; stderr: string}> {
  return new Promise((done) => {
    execFile(join(root, "node_modules", ".bin", "tsx"), args, {cwd: root, env: {...process.env, ...env}, timeout: 900_000, maxBuffer: 64 << 20}, (error, stdout, stderr) =>
      done({code: error ? Number((error as {code?: number}).code ?? 1) : 0, stdout, stderr})
    );
  });
}

const SKIP = new Set(["node_modules", "dist", ".cs-build", ".git", "tests", "bench/out", "src/.observablehq", "src/custom"]);

describe("a custom metric and page added to a copy of the project", () => {
  let root: string;
  let browser: Browser;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "cs-custom-project-"));
    cpSync(PROJECT_ROOT, root, {recursive: true, filter: (src) => !SKIP.has(relative(PROJECT_ROOT, src))});
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
    writeFileSync(join(root, "custom", "metrics", "accounts_by_segment.sql"), SQL);
    writeFileSync(join(root, "custom", "pages", "segments.md"), PAGE);
    // README's "Add your own metric" example, as written there.
    writeFileSync(join(root, "custom", "metrics", "enterprise_mrr.sql"), readmeExample().sql);
    writeFileSync(join(root, "custom", "pages", "enterprise-mrr.md"), readmeExample().page);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(root, {recursive: true, force: true});
  });

  it("npm run metrics writes the new table", async () => {
    const out = join(root, "metrics-out");
    const {code, stdout, stderr} = await tsx(root, ["scripts/metrics.ts", "--data", "data/sample", "--out", out], {INIT_CWD: root});
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^ {2}accounts_by_segment\.csv +\d+ rows$/m);
    const lines = readFileSync(join(out, "accounts_by_segment.csv"), "utf8").trim().split("\n");
    expect(lines[0]).toBe("segment,accounts");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["Enterprise", "Mid-Market", "SMB"]);
    // Every account of the sample (none is rejected) counted once.
    const total = lines.slice(1).reduce((n, l) => n + Number(l.split(",")[1]), 0);
    const accounts = readFileSync(join(root, "data", "sample", "accounts.csv"), "utf8").trim().split("\n").length - 1;
    expect(total).toBe(accounts);
  }, 120_000);

  it("npm run build puts the page in dist/, in the sidebar, showing the table's rows", async () => {
    const build = await tsx(root, ["scripts/build.ts"]);
    expect(build.code, build.stderr).toBe(0);
    expect(existsSync(join(root, "dist", "custom", "segments.html"))).toBe(true);
    const csv = readFileSync(join(root, "metrics-out", "accounts_by_segment.csv"), "utf8").trim().split("\n").slice(1);

    const server = await serve(join(root, "dist"));
    browser = await launch();
    try {
      const v = await visit(browser, server.url, "/custom/segments");
      await v.page.waitForSelector("#segments tbody tr");
      const rows = await v.page.$$eval("#segments tbody tr", (trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent!.trim()).join(",")));
      expect(rows).toEqual(csv);
      expect(await v.page.title()).toMatch(/^Accounts by segment/);
      const sidebar = await v.page.$$eval("#observablehq-sidebar a", (as) => as.map((a) => [a.textContent!.trim(), a.getAttribute("href")]));
      expect(sidebar).toContainEqual(["Accounts by segment", "./segments"]);
      expect(sidebar).toContainEqual(["Top accounts by MRR", "./top-accounts"]);
      expect([...v.offHost, ...v.failed, ...v.consoleErrors, ...v.pageErrors]).toEqual([]);
      await v.page.close();

      // The README's page: a trend and a table of the README's metric.
      const r = await visit(browser, server.url, "/custom/enterprise-mrr");
      await r.page.waitForSelector(".cs-table table tbody tr");
      expect(await r.page.$$eval(".cs-table table tbody tr", (trs) => trs.length)).toBeGreaterThan(10);
      expect(await r.page.locator("svg").count()).toBeGreaterThan(0);
      expect([...r.offHost, ...r.failed, ...r.consoleErrors, ...r.pageErrors]).toEqual([]);
      await r.page.close();
    } finally {
      await server.close();
    }
  }, 900_000);
});

describe("the shipped example page (this project's dist/)", () => {
  it("shows the month's top accounts from the custom metric, and its definition is on the Definitions page", async () => {
    const server = await serve(DIST);
    const browser = await launch();
    try {
      const v = await visit(browser, server.url, "/custom/top-accounts");
      await v.page.waitForSelector(".cs-table table tbody tr");
      const rows = await v.page.$$eval(".cs-table table tbody tr", (trs) => trs.length);
      expect(rows).toBe(10);
      expect(await v.page.locator("h1").textContent()).toBe("Top accounts by MRR");
      expect([...v.offHost, ...v.failed, ...v.consoleErrors, ...v.pageErrors]).toEqual([]);
      const d = await visit(browser, server.url, "/definitions");
      await d.page.waitForSelector("[data-definition=top_accounts]");
      expect(await d.page.locator("[data-definition=top_accounts]").textContent()).toContain("Top accounts by MRR");
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
