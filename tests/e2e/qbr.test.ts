// The quarterly business reviews on the built site (dist/, from `npm run build`): one page per
// calendar quarter with data under /reports/q/, the latest labelled partial when the as-of month is
// inside it; the page shows the numbers of its qbr-YYYY-Qn.json (KPI values, the bridge's ends); the
// monthly report links its quarter and the reports index lists the quarters.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {quartersOf} from "../../loaders/site/qbr/quarters.js";
import type {QuarterlyReview} from "../../loaders/site/qbr/types.js";
import {formatters} from "../../src/components/i18n.js";
import {quarterLabel} from "../../src/components/quarter-label.js";
import {DIST, launch, serve, visit, type Visit} from "./harness.js";

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

/** A data file shipped in dist/ (content-hashed name). */
function distJson<T>(name: string): T {
  const dir = join(DIST, "_file", "data", "metrics");
  const file = readdirSync(dir).find((f) => new RegExp(`^${name.replace(/[.-]/g, "\\$&")}\\.[0-9a-f]+\\.json$`).test(f));
  if (!file) throw new Error(`no ${name} in ${dir}: run npm run build`);
  return JSON.parse(readFileSync(join(dir, file), "utf8"));
}

const manifest = () => distJson<{asOf: string; months: string[]; locale: string; currency: string}>("manifest");
const clean = (v: Visit) => ({offHost: v.offHost, failed: v.failed, consoleErrors: v.consoleErrors, pageErrors: v.pageErrors});
const CLEAN = {offHost: [], failed: [], consoleErrors: [], pageErrors: []};

beforeAll(async () => {
  server = await serve();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("quarterly business review", () => {
  it("has a page for every calendar quarter with data", () => {
    const pages = readdirSync(join(DIST, "reports", "q")).filter((f) => f.endsWith(".html")).map((f) => f.replace(".html", "")).sort();
    expect(pages).toEqual(quartersOf(manifest().months).map((q) => q.quarter));
  });

  it("shows the latest quarter's figures from its data, labelled partial when the as-of month is inside it", async () => {
    const m = manifest();
    const span = quartersOf(m.months).at(-1)!;
    const review = distJson<QuarterlyReview>(`qbr-${span.quarter}`);
    expect(review.partial).toBe(span.partial);
    const f = formatters(m.locale, m.currency);
    const v = await visit(browser, server.url, `/reports/q/${span.quarter}`);
    await v.page.waitForSelector(".cs-qbr .cs-kpi", {timeout: 30_000});
    await v.page.waitForSelector(".cs-qbr .cs-bridge svg", {timeout: 30_000});
    const seen = await v.page.evaluate(() => ({
      h1: document.querySelector(".cs-qbr h1")?.textContent ?? "",
      kpis: Object.fromEntries([...document.querySelectorAll(".cs-kpi")].map((k) => [k.getAttribute("data-kpi"), k.querySelector(".cs-kpi-value")?.textContent?.trim()])),
      bridge: [...document.querySelectorAll(".cs-bridge table tbody tr")].map((tr) => tr.lastElementChild?.textContent?.trim()),
      partial: document.querySelector(".cs-qbr-partial")?.textContent ?? null
    }));
    expect(seen.h1).toContain(quarterLabel(review, {locale: m.locale}));
    expect(seen.partial !== null).toBe(review.partial);
    const mrr = review.kpis.find((k) => k.key === "mrr")!;
    expect(seen.kpis.mrr).toBe(f.money(mrr.value));
    expect(seen.kpis.logo_churn_rate).toBe(f.percent(review.kpis.find((k) => k.key === "logo_churn_rate")!.value));
    expect(seen.bridge[0]).toBe(f.money(review.bridge.mrr_start));
    expect(seen.bridge.at(-1)).toBe(f.money(review.bridge.mrr_end));
    expect(review.bridge.mrr_end).toBe(mrr.value);
    expect(clean(v)).toEqual(CLEAN);
    await v.page.close();
  });

  it("the monthly report links its quarter's review, and the reports index lists every quarter", async () => {
    const m = manifest();
    const v = await visit(browser, server.url, `/reports/${m.asOf}`);
    await v.page.waitForSelector(".cs-qbr-link a", {timeout: 30_000});
    const href = await v.page.$eval(".cs-qbr-link a", (a) => (a as HTMLAnchorElement).href);
    expect(new URL(href).pathname).toBe(`/reports/q/${quartersOf([m.asOf])[0].quarter}`);
    await v.page.close();
    const index = await visit(browser, server.url, "/reports/");
    await index.page.waitForSelector("a[href^='./q/']", {timeout: 30_000});
    const links = await index.page.$$eval("a[href^='./q/']", (as) => as.map((a) => a.getAttribute("href")));
    expect(links).toEqual(quartersOf(m.months).map((q) => `./q/${q.quarter}`).reverse());
    expect(clean(index)).toEqual(CLEAN);
    await index.page.close();
  });
});
