// The analysis pages of the built site (dist/, from data/sample): every page shows its charts and
// tables; filters change the charts' data and live in the URL, so reloading the link restores the view;
// the Accounts page's search shows an account's history; Data quality shows the row accounting; the
// Definitions page lists every definition.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DIST, launch, serve, visit, type Visit} from "./harness.js";

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

/** Plot's mark groups that draw data (not axes, grids or rules). */
const MARKS = ["bar", "line", "dot", "cell", "area", "rect"].map((m) => `g[aria-label="${m}"] > *`).join(", ");

/** Opens a page and waits until its figures and tables have rendered. */
async function open(path: string, {figures = 1, tables = 0}: {figures?: number; tables?: number} = {}): Promise<Visit> {
  const v = await visit(browser, server.url, path);
  await scrollThrough(v.page);
  await v.page.waitForFunction(
    ([f, t]) => document.querySelectorAll("main figure svg").length >= f && document.querySelectorAll("main .cs-table").length >= t,
    [figures, tables],
    {timeout: 60_000}
  );
  await v.page.waitForTimeout(300);
  return v;
}

/** Scrolls down the page a screen at a time (sections below the fold load their data when seen). */
async function scrollThrough(page: Page) {
  for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

function clean(v: Visit) {
  return {offHost: v.offHost, failed: v.failed, consoleErrors: v.consoleErrors, pageErrors: v.pageErrors, dialogs: v.dialogs};
}
const CLEAN = {offHost: [], failed: [], consoleErrors: [], pageErrors: [], dialogs: []};

/** Per figure in main: its title, whether its SVG draws data marks, and its text alternative. */
async function figures(page: Page) {
  return page.$$eval(
    "main figure",
    (els, marks) =>
      els.map((f) => ({
        title: f.querySelector("h2")?.textContent ?? "",
        marks: f.querySelectorAll(marks).length,
        description: f.querySelector(":scope > svg:last-of-type")?.getAttribute("aria-description") ?? ""
      })),
    MARKS
  );
}

/** Per data table in main: its title and its number of body rows (or -1 for an explicit "no data"). */
async function tables(page: Page) {
  return page.$$eval("main .cs-table", (els) =>
    els.map((t) => ({
      title: t.querySelector(".cs-table-title")?.textContent ?? "",
      rows: t.querySelector(".cs-empty") ? -1 : t.querySelectorAll("table tbody tr").length,
      csv: t.querySelector("button.cs-download") !== null
    }))
  );
}

/** A figure's identity for before/after comparisons: legend, text alternative and mark count. */
async function chartState(page: Page, index = 0) {
  return page.$$eval(
    "main figure",
    (els, [i, marks]) => {
      const f = els[i as number];
      return {
        legend: [...f.querySelectorAll("[class*=swatch]")].map((s) => s.textContent).join("|"),
        description: f.querySelector(":scope > svg:last-of-type")?.getAttribute("aria-description") ?? "",
        subtitle: f.querySelector("h3")?.textContent ?? "",
        marks: f.querySelectorAll(marks as string).length
      };
    },
    [index, MARKS] as const
  );
}

/** The label of the selected option of the select bound to ?key=. */
async function selected(page: Page, key: string) {
  return page.$eval(`[data-url-key="${key}"] select`, (s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? "");
}

async function choose(page: Page, key: string, label: string) {
  await page.selectOption(`[data-url-key="${key}"] select`, {label});
  await page.waitForTimeout(500);
}

const PAGES: [string, {figures: number; tables: number}][] = [
  ["/retention", {figures: 4, tables: 3}],
  ["/churn", {figures: 2, tables: 1}],
  ["/nps", {figures: 3, tables: 3}],
  ["/health", {figures: 7, tables: 3}],
  ["/adoption", {figures: 10, tables: 6}],
  ["/csm", {figures: 6, tables: 2}],
  ["/accounts", {figures: 3, tables: 4}],
  ["/explore", {figures: 2, tables: 0}], // no table until a query runs
  ["/data-quality", {figures: 1, tables: 3}],
  ["/definitions", {figures: 0, tables: 0}]
];

describe("analysis pages", () => {
  for (const [path, expected] of PAGES) {
    it(`${path} shows its charts (each drawing data, with a title and a text alternative) and tables with rows`, async () => {
      const v = await open(path, expected);
      const figs = await figures(v.page);
      expect(figs.length).toBeGreaterThanOrEqual(expected.figures);
      for (const f of figs) {
        expect(f.title, `a chart on ${path} has no title`).not.toBe("");
        expect(f.marks, `chart "${f.title}" on ${path} draws nothing`).toBeGreaterThan(0);
        expect(f.description, `chart "${f.title}" on ${path} has no text alternative`).not.toBe("");
      }
      const tabs = await tables(v.page);
      expect(tabs.length).toBeGreaterThanOrEqual(expected.tables);
      for (const t of tabs.filter((t) => t.rows > 0)) expect(t.csv, `table "${t.title}" on ${path} has no CSV download`).toBe(true);
      // Every table has rows, except lists that say they are empty (the sample rejects no row).
      const withRows = tabs.filter((t) => t.rows > 0).length;
      expect(withRows).toBeGreaterThanOrEqual(Math.max(0, expected.tables - (path === "/data-quality" ? 2 : 0)));
      expect(clean(v)).toEqual(CLEAN);
      await v.page.close();
    });
  }
});

describe("churn", () => {
  it("changing the dimension changes the chart and the URL; reloading the URL restores both", async () => {
    const v = await open("/churn", {figures: 2, tables: 1});
    expect(await selected(v.page, "dim")).toBe("Segment");
    const bySegment = await chartState(v.page);
    expect(bySegment.legend).toContain("Enterprise");

    await choose(v.page, "dim", "Industry");
    const byIndustry = await chartState(v.page);
    expect(byIndustry.legend).not.toEqual(bySegment.legend);
    expect(byIndustry.description).not.toEqual(bySegment.description);
    expect(byIndustry.legend).not.toContain("Enterprise");
    const url = new URL(v.page.url());
    expect(url.searchParams.get("dim")).toBe("industry");

    await choose(v.page, "dim", "Segment");
    expect((await chartState(v.page)).legend).toEqual(bySegment.legend);
    expect(new URL(v.page.url()).searchParams.get("dim")).toBeNull();
    await v.page.close();

    const again = await open(url.pathname + url.search, {figures: 2, tables: 1});
    expect(await selected(again.page, "dim")).toBe("Industry");
    expect(await chartState(again.page)).toEqual(byIndustry);
    expect(clean(again)).toEqual(CLEAN);
    await again.page.close();
  });

  it("the measure radio changes the chart and is kept in the URL", async () => {
    const v = await open("/churn", {figures: 2, tables: 1});
    const before = await chartState(v.page);
    await v.page.check(`[data-url-key="metric"] input[type=radio] >> nth=2`);
    await v.page.waitForTimeout(500);
    const after = await chartState(v.page);
    expect(after.description).not.toEqual(before.description);
    expect(new URL(v.page.url()).searchParams.get("metric")).toBe("grr");
    await v.page.close();
  });
});

describe("retention", () => {
  it("the segment filter and month range change the charts and the URL; reloading restores them", async () => {
    const v = await open("/retention", {figures: 4, tables: 3});
    const before = [await chartState(v.page, 0), await chartState(v.page, 2), await chartState(v.page, 3)];
    await choose(v.page, "seg", "Segment: SMB");
    const fromLabel = await v.page.$eval(`[data-url-key="from"] select`, (s: HTMLSelectElement) => s.options[s.options.length - 12].textContent!);
    await choose(v.page, "from", fromLabel);
    const after = [await chartState(v.page, 0), await chartState(v.page, 2), await chartState(v.page, 3)];
    for (let i = 0; i < before.length; ++i) {
      expect(after[i].description).not.toEqual(before[i].description);
      expect(after[i].subtitle).toContain("SMB");
    }
    expect(after[0].subtitle).toContain(fromLabel);
    const url = new URL(v.page.url());
    expect(url.searchParams.get("seg")).toBe("segment:SMB");
    expect(url.searchParams.get("from")).toMatch(/^\d{4}-\d{2}$/);
    await v.page.close();

    const again = await open(url.pathname + url.search, {figures: 4, tables: 3});
    expect(await selected(again.page, "seg")).toBe("Segment: SMB");
    expect(await selected(again.page, "from")).toBe(fromLabel);
    expect([await chartState(again.page, 0), await chartState(again.page, 2), await chartState(again.page, 3)]).toEqual(after);
    expect(clean(again)).toEqual(CLEAN);
    await again.page.close();
  });

  it("a link with an unknown segment falls back to all accounts", async () => {
    const v = await open("/retention?seg=segment:Nope&from=1999-01", {figures: 4, tables: 3});
    expect(await selected(v.page, "seg")).toBe("All accounts");
    expect(clean(v)).toEqual(CLEAN);
    await v.page.close();
  });
});

describe("accounts", () => {
  it("searching an account shows its history charts and tables, and the link keeps the search", async () => {
    const v = await open("/accounts", {figures: 3, tables: 4});
    // Pick an account from the list (not the first), then search for it by name.
    const name = await v.page.locator("main form table tbody tr").nth(3).locator("td").nth(1).textContent();
    expect(name).toBeTruthy();
    await v.page.fill(`[data-url-key="q"] input`, name!);
    await v.page.waitForFunction((n) => document.querySelector("h2.cs-account-name")?.textContent === n, name, {timeout: 30_000});
    await v.page.waitForSelector("#account-history figure svg", {timeout: 30_000});
    const history = await v.page.$$eval("#account-history figure", (els) => els.map((f) => f.querySelector("h3")?.textContent));
    expect(history).toEqual([name, name]);
    const mrr = await chartState(v.page, 0);
    expect(mrr.marks).toBeGreaterThan(0);
    expect(new URL(v.page.url()).searchParams.get("q")).toBe(name);

    const url = new URL(v.page.url());
    await v.page.close();
    const again = await open(url.pathname + url.search, {figures: 3, tables: 4});
    expect(await again.page.textContent("h2.cs-account-name")).toBe(name);
    expect(clean(again)).toEqual(CLEAN);
    await again.page.close();
  });

  it("a link to an account outside the opening list opens it from its history file alone, without the whole index", async () => {
    // A churned account (MRR 0) is not among the 500 largest by MRR the page opens with.
    const list = await open("/accounts?status=churned", {figures: 3, tables: 4});
    const row = list.page.locator("main form table tbody tr").first();
    const [name, id] = [await row.locator("td").nth(1).textContent(), await row.locator("td").nth(2).textContent()];
    await list.page.close();
    const requested: string[] = [];
    const v = await visit(browser, server.url, `/accounts?account=${encodeURIComponent(id!)}`, {
      before: async (page) => void page.on("request", (r) => requested.push(r.url()))
    });
    await v.page.waitForFunction((n) => document.querySelector("h2.cs-account-name")?.textContent === n, name, {timeout: 30_000});
    await v.page.waitForSelector("#account-history figure svg", {timeout: 30_000});
    expect(requested.filter((u) => u.includes("accounts_index"))).toEqual([]);
    expect(requested.filter((u) => u.includes("account-history-")).length).toBe(1);
    expect(clean(v)).toEqual(CLEAN);
    await v.page.close();
  });

  it("picking a row opens that account and keeps it in the URL", async () => {
    const v = await open("/accounts", {figures: 3, tables: 4});
    const row = v.page.locator("main form table tbody tr").nth(5);
    const name = await row.locator("td").nth(1).textContent();
    await row.locator("input").check();
    await v.page.waitForFunction((n) => document.querySelector("h2.cs-account-name")?.textContent === n, name, {timeout: 30_000});
    const id = new URL(v.page.url()).searchParams.get("account");
    expect(id).toMatch(/\S/);
    const url = new URL(v.page.url());
    await v.page.close();
    const again = await open(url.pathname + url.search, {figures: 3, tables: 4});
    expect(await again.page.textContent("h2.cs-account-name")).toBe(name);
    await again.page.close();
  });
});

describe("data quality", () => {
  it("shows each input table's rows read, accepted and rejected, and that they add up", async () => {
    const v = await open("/data-quality", {figures: 1, tables: 3});
    const rows = await v.page.$$eval("#quality-accounting table tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].slice(1).map((td) => td.textContent ?? ""))
    );
    expect(rows.map((r) => r[0])).toEqual(["Accounts", "Subscriptions", "NPS responses", "Usage", "Onboarding", "Support tickets", "CSM activities", "Outcomes", "Service Qualified Leads"]);
    const n = (s: string) => Number(s.replace(/[^0-9]/g, ""));
    for (const [, file, read, accepted, rejected, balanced] of rows) {
      expect(file).toMatch(/\.(csv|csv\.gz|parquet)$/);
      expect(n(read)).toBe(n(accepted) + n(rejected));
      expect(balanced).toMatch(/^✓/);
    }
    await v.page.close();
  });
});

describe("definitions", () => {
  it("lists every definition id of definitions.json", async () => {
    const dir = join(DIST, "_file", "data", "metrics");
    const file = readdirSync(dir).find((f) => /^definitions\.[0-9a-f]+\.json$/.test(f));
    expect(file).toBeTruthy();
    const ids = (JSON.parse(readFileSync(join(dir, file!), "utf8")) as {id: string}[]).map((d) => d.id);
    expect(ids.length).toBeGreaterThan(10);
    const v = await visit(browser, server.url, "/definitions");
    await v.page.waitForSelector("[data-definition]", {timeout: 30_000});
    const shown = await v.page.$$eval("[data-definition]", (els) => els.map((e) => e.getAttribute("data-definition")));
    expect(shown.sort()).toEqual([...ids].sort());
    expect(clean(v)).toEqual(CLEAN);
    await v.page.close();
  });
});

describe("explore", () => {
  it("runs an example query and shows the result; a bad query shows its error as text", async () => {
    const requested: string[] = [];
    const v = await open("/explore", {figures: 2, tables: 0});
    v.page.on("request", (r) => requested.push(r.url()));
    // Opening the page starts no engine and loads no account-month table: both wait for a query.
    const loaded = await v.page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    expect(loaded.filter((u) => /duckdb|account_months/.test(u))).toEqual([]);
    expect(await v.page.locator("main .cs-explore-idle").count()).toBe(1);
    await v.page.selectOption("main form select", {index: 3}); // "Top 20 accounts by MRR"
    await v.page.waitForFunction(() => document.querySelector("main .cs-table th[title=account_id]") !== null, null, {timeout: 30_000});
    expect(await v.page.locator("main .cs-table table tbody tr").count()).toBe(20);
    expect(requested.filter((u) => /duckdb-eh\.wasm/.test(u)).length).toBe(1);
    expect(requested.filter((u) => /account_months/.test(u)).length).toBe(1);
    expect(new URL(v.page.url()).searchParams.get("sql")).toContain("LIMIT 20");

    await v.page.fill("main textarea", "SELECT * FROM no_such_table");
    await v.page.click("main form.cs-sql button[type=submit]");
    await v.page.waitForSelector("main .cs-error", {timeout: 30_000});
    expect(await v.page.textContent("main .cs-error")).toContain("no_such_table");
    expect(v.pageErrors).toEqual([]);
    await v.page.close();
  });
});
