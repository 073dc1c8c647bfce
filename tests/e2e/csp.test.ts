// The site under the Content-Security-Policy it ships (dist/_headers, scripts/postbuild/headers.ts):
// every page loads with no policy violation and draws its charts or tables, Explore included; no
// page carries an inline script or style, and every script and stylesheet is a file in dist/.
import {existsSync, readFileSync} from "node:fs";
import {join, posix} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {CSP} from "../../scripts/postbuild/headers.js";
import {scanHtml} from "../../scripts/postbuild/html.js";
import {htmlPages} from "../../scripts/postbuild/csp.js";
import {DIST, launch, parseHeadersFile, serve, sitePages, visit} from "./harness.js";

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  server = await serve(DIST, {headers: true});
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Records every CSP violation the page reports (installed before any page script runs). */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as {__violations: string[]}).__violations = []);
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`)
    );
  });
}

/**
 * Lets the page draw: scrolls to the end (Framework draws some cells only once they are visible)
 * and waits for the cells above to finish.
 */
async function settled(page: Page): Promise<void> {
  for (let i = 0; i < 3; ++i) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(500);
  }
  await page.waitForFunction(() => !document.querySelector("#observablehq-main observablehq-loading"), null, {timeout: 60_000}).catch(() => {});
  await page.waitForTimeout(300);
}

describe("the shipped headers", () => {
  it("dist/_headers gives every path the policy, nosniff and no-referrer, and wasm/arrow their types", () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, "_headers"), "utf8"));
    const all = rules.find(([re]) => re.test("/any/page"))![1];
    expect(all).toEqual({"content-security-policy": CSP, "x-content-type-options": "nosniff", "referrer-policy": "no-referrer"});
    const typeOf = (path: string) => Object.assign({}, ...rules.filter(([re]) => re.test(path)).map(([, h]) => h))["content-type"];
    const wasm = readFileSync(join(DIST, "_headers"), "utf8").match(/^\/\S+\.wasm$/m)![0];
    const arrow = readFileSync(join(DIST, "_headers"), "utf8").match(/^\/\S+\.arrow$/m)![0];
    expect(existsSync(join(DIST, wasm))).toBe(true);
    expect(typeOf(wasm)).toBe("application/wasm");
    expect(typeOf(arrow)).toBe("application/vnd.apache.arrow.file");
  });
});

describe("no inline script or style in dist/", () => {
  it("every page's scripts and stylesheets are files in dist/, content-hashed", async () => {
    const problems: string[] = [];
    for (const page of await htmlPages(DIST)) {
      const html = readFileSync(join(DIST, page), "utf8");
      const {tags, scripts, styles} = scanHtml(html);
      for (const s of scripts) if (!s.tag.attributes.some((a) => a.name === "src")) problems.push(`${page}: inline <script>`);
      for (const _ of styles) problems.push(`${page}: <style>`);
      for (const t of tags) {
        if (t.attributes.some((a) => a.name === "style")) problems.push(`${page}: style="" on <${t.name}>`);
        const ref = t.name === "script" ? t.attributes.find((a) => a.name === "src")?.value : t.name === "link" ? t.attributes.find((a) => a.name === "href")?.value : null;
        if (!ref) continue;
        const file = posix.join(posix.dirname(page), ref);
        if (!existsSync(join(DIST, file))) problems.push(`${page}: ${ref} is not in dist/`);
        // (The favicon is a content-hashed file too.)
        else if (!/(^|[./])[0-9a-f]{8}\.(js|css|svg)$/.test(ref)) problems.push(`${page}: ${ref} is not content-hashed`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("every page under the policy", () => {
  const pages = sitePages();
  for (const path of pages) {
    it(`${path}: no violation, every cell drawn`, async () => {
      const v = await visit(browser, server.url, path, {before: recordViolations});
      await settled(v.page);
      if (path === "/explore") {
        // Explore starts DuckDB-wasm only when a query runs.
        await v.page.click("main form.cs-sql button[type=submit]");
        await v.page.waitForSelector("form table tbody tr", {timeout: 60_000});
      }
      const violations = await v.page.evaluate(() => (window as unknown as {__violations: string[]}).__violations);
      const drawn = await v.page.evaluate(() => ({
        charts: document.querySelectorAll("#observablehq-main svg[class^=plot], #observablehq-main figure svg").length,
        // (Definitions draws a definition list, the KPI tree an outline: no chart or table.)
        tables: document.querySelectorAll("#observablehq-main table, #observablehq-main dl, #observablehq-main .cs-kpi-tree").length,
        errors: [...document.querySelectorAll("#observablehq-main .observablehq--error")].map((e) => e.textContent)
      }));
      expect({violations, consoleErrors: v.consoleErrors, pageErrors: v.pageErrors, failed: v.failed, errors: drawn.errors}).toEqual({
        violations: [],
        consoleErrors: [],
        pageErrors: [],
        failed: [],
        errors: []
      });
      expect(drawn.charts + drawn.tables, `${path} draws no chart or table`).toBeGreaterThan(0);
      await v.page.close();
    });
  }
});
