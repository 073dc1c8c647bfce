// Issue 12: every page reads well at phone and desktop width, in English and Japanese.
// The sample book is built a second time as a ja-JP site (tests/fixtures/site/ja.config.ts, into
// tests/.tmp/dist-ja); each page is opened at 390px and 1440px in both languages and scrolled through
// (its lazy sections load), then:
//  - the document never scrolls sideways (wide tables scroll inside their own frame);
//  - no negative zero is shown ("−0", "-0.0");
//  - no stored code is shown as is: no snake_case word outside Explore, Definitions and Data quality,
//    and no table cell reading a bare stored code (training, urgent, relationship …);
//  - no request fails (the favicon included), nothing goes off the host, no page error.
// And the many-series rule on a real page: /churn by industry (more industries than the palette
// holds) draws one highlighted industry and the total in colour, the other industries in grey.
import {execFile} from "node:child_process";
import {mkdirSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {promisify} from "node:util";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DIST, launch, serve, sitePages, visit} from "./harness.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const JA_DIST = join(ROOT, "tests", ".tmp", "dist-ja");
const WIDTHS = [390, 1440];
/** Pages where stored names are the subject (SQL columns, table names, formulas). */
const CODE_PAGES = new Set(["/explore", "/definitions", "/data-quality"]);
/** Codes stored in the sample's exports that a reader must only ever see through a label. */
const STORED_CODES = new Set([
  "kickoff", "setup", "integration", "training", "go_live", "relationship", "support", "onboarding",
  "low", "normal", "high", "urgent", "call", "email", "meeting", "qbr", "usage", "engagement", "nps", "outcomes"
]);

let browser: Browser;
const servers: Record<string, Awaited<ReturnType<typeof serve>>> = {};

beforeAll(async () => {
  mkdirSync(dirname(JA_DIST), {recursive: true});
  await promisify(execFile)("npx", ["tsx", "scripts/build.ts", "--out", JA_DIST], {
    cwd: ROOT,
    env: {...process.env, CS_CONFIG: join("tests", "fixtures", "site", "ja.config.ts")},
    maxBuffer: 64 * 1024 * 1024
  });
  servers.en = await serve(DIST);
  servers.ja = await serve(JA_DIST);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  for (const s of Object.values(servers)) await s.close();
});

/** Every page but the month archive's many months: the first and the latest month stand for them (one component). */
function pagesOf(root: string): string[] {
  const all = sitePages(root);
  const months = all.filter((p) => /^\/reports\/\d{4}-\d{2}$/.test(p)).sort();
  return all.filter((p) => !/^\/reports\/\d{4}-\d{2}$/.test(p)).concat(months.length ? [months[0], months.at(-1)!] : []);
}

/** Scrolls to the bottom a screen at a time, so lazily loaded sections render, and back to the top. */
async function scrollThrough(page: Page): Promise<void> {
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 800) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function audit(page: Page) {
  return page.evaluate((codes) => {
    const doc = document.documentElement;
    const text = document.body.innerText;
    return {
      sideways: doc.scrollWidth - doc.clientWidth,
      negativeZero: [...text.matchAll(/(?:^|[^\d.,])([-−]0(?:[.,]0+)?)(?![\d.,])/g)].map((m) => m[1]),
      snake: [...new Set([...text.matchAll(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g)].map((m) => m[0]))],
      bareCodes: [...new Set([...document.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "").filter((s) => codes.includes(s)))]
    };
  }, [...STORED_CODES]);
}

for (const locale of ["en", "ja"] as const) {
  describe(`${locale}: every page at phone and desktop width`, () => {
    const root = locale === "en" ? DIST : JA_DIST;
    // The ja site is built in beforeAll; list its pages from the en build (same data, same pages).
    for (const path of pagesOf(DIST)) {
      for (const width of WIDTHS) {
        it(`${path} at ${width}px`, async () => {
          const v = await visit(browser, servers[locale].url, path, {viewport: {width, height: 900}});
          await scrollThrough(v.page);
          const seen = await audit(v.page);
          expect(seen.sideways, "the document scrolls sideways").toBe(0);
          expect(seen.negativeZero).toEqual([]);
          expect(seen.bareCodes).toEqual([]);
          if (!CODE_PAGES.has(path)) expect(seen.snake).toEqual([]);
          expect({offHost: v.offHost, failed: v.failed, pageErrors: v.pageErrors}).toEqual({offHost: [], failed: [], pageErrors: []});
          await v.page.close();
        });
      }
    }
    it("ships a favicon", async () => {
      const v = await visit(browser, servers[locale].url, "/");
      const href = await v.page.evaluate(() => (document.querySelector('link[rel="icon"]') as HTMLLinkElement | null)?.href ?? null);
      expect(href).toMatch(/favicon\.[0-9a-f]+\.svg$/);
      const res = await v.page.request.get(href!);
      expect(res.status()).toBe(200);
      await v.page.close();
      expect(root).toBeTruthy();
    });
  });
}

describe("many-series rule on /churn by industry", () => {
  it("highlights one industry (from the URL) and greys the others", async () => {
    const v = await visit(browser, servers.en.url, "/churn?dim=industry&hl=%E8%A3%BD%E9%80%A0%E6%A5%AD", {viewport: {width: 1440, height: 900}});
    await v.page.waitForSelector(".cs-series-controls select");
    const seen = await v.page.evaluate(() => {
      const card = document.querySelector(".cs-series-controls")!.closest(".card")!;
      const strokes = [...card.querySelectorAll("svg g[aria-label=line] path")].map((p) => (p.getAttribute("stroke") ?? p.parentElement?.getAttribute("stroke") ?? "").toLowerCase());
      const legend = [...card.querySelectorAll("figure > div span, [class$=-swatch]")].map((e) => e.textContent?.trim()).filter(Boolean);
      return {strokes, legend, selected: (card.querySelector(".cs-series-controls select") as HTMLSelectElement).selectedOptions[0]?.textContent};
    });
    const grey = seen.strokes.filter((s) => s === "#b8b8b8");
    const coloured = seen.strokes.filter((s) => s !== "#b8b8b8");
    expect(seen.selected).toBe("製造業");
    expect(grey.length).toBeGreaterThanOrEqual(8); // more industries than the palette's colours
    expect(coloured.length).toBe(2); // the highlighted industry and the total
    expect(new Set(coloured).size).toBe(2);
    expect(seen.legend.join(" ")).toContain("製造業");
    await v.page.close();
  });
});
