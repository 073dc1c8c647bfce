// Issue 19 in the browser: the KPI tree's five nodes link to pages that exist and fit a phone's width;
// the monthly report shows the "why the headline moved" sentence and chart; the leads page draws.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DIST, launch, serve, visit} from "./harness.js";

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("KPI tree", () => {
  it("has the KGI and four KPIs, each a link to a page of the site, with value and target", async () => {
    const v = await visit(browser, server.url, "/kpi-tree");
    await v.page.waitForSelector(".cs-tree-node", {timeout: 30_000});
    const nodes = await v.page.$$eval(".cs-tree-node", (els) =>
      els.map((e) => ({node: e.getAttribute("data-node"), href: e.getAttribute("href"), value: e.querySelector(".cs-tree-value")?.textContent ?? ""}))
    );
    expect(nodes.map((n) => n.node)).toEqual(["nrr", "grr", "churn", "contraction", "expansion"]);
    for (const n of nodes) {
      expect(n.value).toMatch(/\d+\.\d%/);
      expect(existsSync(join(DIST, `${n.href!.replace(/^\.\//, "")}.html`)), n.href!).toBe(true);
    }
    expect(v.pageErrors).toEqual([]);
    await v.page.close();
  });

  it("fits 390px without horizontal scrolling", async () => {
    const page = await browser.newPage({viewport: {width: 390, height: 800}});
    await page.goto(`${server.url}/kpi-tree`, {waitUntil: "networkidle"});
    await page.waitForSelector(".cs-tree-node", {timeout: 30_000});
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
});

describe("monthly report: why the headline moved", () => {
  it("shows one sentence and a chart of the largest contributions", async () => {
    const v = await visit(browser, server.url, "/");
    await v.page.waitForSelector(".cs-attribution svg", {timeout: 30_000});
    const sentence = await v.page.textContent(".cs-attr-sentence");
    // The sample's Oct 2026: trailing-12-month NRR 102.5% (retention_t12m), up 0.4 pt from Sep.
    expect(sentence).toContain("NRR (trailing 12 months) +0.4 pt vs last month (now 102.5%)");
    expect(await v.page.$$eval(".cs-attribution svg [aria-label='bar'] rect, .cs-attribution svg g rect", (r) => r.length)).toBeGreaterThan(0);
    await v.page.close();
  });
});

describe("Service Qualified Leads", () => {
  it("draws its charts and tables", async () => {
    const v = await visit(browser, server.url, "/leads");
    await v.page.waitForSelector("table tbody tr", {timeout: 30_000});
    expect(await v.page.locator("svg").count()).toBeGreaterThan(3);
    expect(v.pageErrors).toEqual([]);
    await v.page.close();
  });
});
