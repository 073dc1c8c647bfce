// Every page of the built site loads with no request off the local server, no failed request, no
// console error and no page error; the Explore page shows its chart and its SQL result.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {launch, serve, sitePages, visit} from "./harness.js";

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

describe("every page", () => {
  const pages = sitePages();
  it("the site has pages", () => expect(pages).toContain("/"));
  for (const path of pages) {
    it(`${path} loads cleanly`, async () => {
      const v = await visit(browser, server.url, path);
      await v.page.waitForTimeout(300);
      expect({offHost: v.offHost, failed: v.failed, consoleErrors: v.consoleErrors, pageErrors: v.pageErrors}).toEqual({
        offHost: [],
        failed: [],
        consoleErrors: [],
        pageErrors: []
      });
      await v.page.close();
    });
  }
});

describe("explore", () => {
  it("draws the chart and the SQL result with DuckDB-wasm", async () => {
    const v = await visit(browser, server.url, "/explore");
    await v.page.waitForSelector("figure svg, svg[class*=plot]", {timeout: 30_000});
    // The engine starts when the reader runs the query.
    await v.page.click("main form.cs-sql button[type=submit]");
    await v.page.waitForSelector("form table tbody tr", {timeout: 60_000});
    const rows = await v.page.locator("form table tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    const firstMonth = await v.page.locator("form table tbody tr td").nth(1).textContent();
    expect(firstMonth).toMatch(/^\d{4}-\d{2}$/);
    await v.page.close();
  });
});
