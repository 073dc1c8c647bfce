// `npm run pdf` on the built site (issue 17): a 2–10 page A4 PDF of the latest month whose text holds
// the KPI values the page shows, deterministic; the page's "PDF" link once it exists; the copy-digest
// button; and the one-line errors. It works on a copy of dist/ (tests/.tmp/dist-pdf), since the
// determinism test compares dist/ with a fresh build. The Japanese PDF is checked on the ja site that
// tests/e2e/layout.test.ts builds (tests/.tmp/dist-ja), when that build is there.
import {execFile} from "node:child_process";
import {cpSync, existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {join} from "node:path";
import {promisify} from "node:util";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DIST, launch, serve, visit} from "./harness.js";

const run = promisify(execFile);
const ROOT = join(DIST, "..");
const COPY = join(ROOT, "tests", ".tmp", "dist-pdf");
const JA_DIST = join(ROOT, "tests", ".tmp", "dist-ja");

/** The monthly report pages of a built site, oldest first. */
const months = (dist: string) =>
  readdirSync(join(dist, "reports")).filter((n) => /^\d{4}-\d{2}\.html$/.test(n)).map((n) => n.slice(0, 7)).sort();

async function pdf(args: string[], env: Record<string, string> = {}) {
  try {
    const {stdout, stderr} = await run("npx", ["tsx", "scripts/pdf.ts", ...args], {cwd: ROOT, env: {...process.env, ...env}});
    return {code: 0, stdout, stderr};
  } catch (e) {
    const err = e as {code: number; stdout: string; stderr: string};
    return {code: err.code, stdout: err.stdout, stderr: err.stderr};
  }
}

const pdfinfo = async (file: string) => (await run("pdfinfo", [file])).stdout;
const pdftotext = async (file: string) => (await run("pdftotext", ["-layout", file, "-"], {maxBuffer: 20e6})).stdout;
const pages = (info: string) => Number(/^Pages:\s+(\d+)/m.exec(info)![1]);

let browser: Browser;
let server: {url: string; close: () => Promise<void>};
let month: string;

beforeAll(async () => {
  rmSync(COPY, {recursive: true, force: true});
  cpSync(DIST, COPY, {recursive: true});
  month = months(COPY).at(-1)!;
  browser = await launch();
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
  rmSync(COPY, {recursive: true, force: true});
});

describe("npm run pdf", () => {
  it("before any PDF: the list is empty and the page shows no PDF link (and requests nothing that 404s)", async () => {
    expect(readFileSync(join(COPY, "reports", "pdfs.json"), "utf8")).toBe("[]\n");
    server = await serve(COPY);
    const v = await visit(browser, server.url, `/reports/${month}`);
    await v.page.waitForSelector(".cs-copy-digest");
    expect(await v.page.locator(".cs-pdf-link").isHidden()).toBe(true);
    expect(v.failed).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    await v.page.close();
  });

  it("renders the latest month: 2–10 A4 pages whose text holds every KPI value the page shows", async () => {
    const r = await pdf(["--dist", COPY]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = join(COPY, "reports", `${month}.pdf`);
    expect(r.stdout).toContain(`${month}.pdf`);
    const info = await pdfinfo(file);
    expect(pages(info)).toBeGreaterThanOrEqual(2);
    expect(pages(info)).toBeLessThanOrEqual(10);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)/);
    const text = (await pdftotext(file)).replace(/\s+/g, " ");
    const v = await visit(browser, server.url, `/reports/${month}`);
    await v.page.waitForSelector(".cs-report .cs-kpi .cs-kpi-value");
    const values = await v.page.locator(".cs-report .cs-kpi .cs-kpi-value").allTextContents();
    await v.page.close();
    expect(values).toHaveLength(8);
    for (const value of values) expect(text).toContain(value.trim());
    // Header and footer: the company (site title), the month, "Page N of M".
    expect(text).toContain("Customer Success Report");
    expect(text).toContain(`Page 1 of ${pages(info)}`);
    // Charts are vector: the PDF embeds no raster image for them.
    expect((await run("pdfimages", ["-list", file])).stdout.split("\n").filter((l) => /^\s*\d+\s+\d+\s+image/.test(l))).toEqual([]);
  });

  it("lists the PDF in reports/pdfs.json, and the page then links it", async () => {
    expect(JSON.parse(readFileSync(join(COPY, "reports", "pdfs.json"), "utf8"))).toEqual([`${month}.pdf`]);
    for (const path of [`/reports/${month}`, "/"]) {
      const v = await visit(browser, server.url, path);
      const link = v.page.locator(".cs-pdf-link");
      await link.waitFor({state: "visible"});
      const href = await link.getAttribute("href");
      const response = await v.page.request.get(new URL(href!, v.page.url()).href);
      expect(response.status()).toBe(200);
      expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
      expect(v.failed).toEqual([]);
      await v.page.close();
    }
  });

  it("the same site gives the same PDF bytes", async () => {
    const file = join(COPY, "reports", `${month}.pdf`);
    const first = readFileSync(file);
    expect((await pdf(["--dist", COPY, "--month", month])).code).toBe(0);
    expect(readFileSync(file).equals(first)).toBe(true);
  });

  it("--month renders that month and keeps the earlier PDF listed", async () => {
    const earlier = months(COPY).at(-2)!;
    expect((await pdf(["--dist", COPY, "--month", earlier])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(COPY, "reports", "pdfs.json"), "utf8"))).toEqual([`${earlier}.pdf`, `${month}.pdf`]);
    expect(pages(await pdfinfo(join(COPY, "reports", `${earlier}.pdf`)))).toBeGreaterThanOrEqual(2);
  });

  it("user errors are one line, no stack trace: no build, a month not built, no browser", async () => {
    const none = await pdf(["--dist", join(ROOT, "tests", ".tmp", "no-such-dist")]);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe("error: tests/.tmp/no-such-dist has no built site: run npm run build first (npm run pdf renders the built report)");
    const notBuilt = await pdf(["--dist", COPY, "--month", "1999-01"]);
    expect(notBuilt.stderr.trim()).toMatch(/^error: there is no report for 1999-01 in tests\/\.tmp\/dist-pdf: the months built are \d{4}-\d{2} to \d{4}-\d{2}$/);
    const noBrowser = await pdf(["--dist", COPY], {CHROMIUM_PATH: "/nonexistent/chromium"});
    expect(noBrowser.code).toBe(1);
    expect(noBrowser.stderr.trim()).toBe(
      "error: Chromium was not found at /nonexistent/chromium: npm run pdf prints with it; install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to its executable"
    );
  });
});

describe("digest on the site", () => {
  it("is published at /reports/YYYY-MM.digest.txt and .md, and the copy button copies the text, saying so", async () => {
    const txt = readFileSync(join(COPY, "reports", `${month}.digest.txt`), "utf8");
    expect(txt).toContain(`Report: /reports/${month}`);
    expect(readFileSync(join(COPY, "reports", `${month}.digest.md`), "utf8")).toMatch(/^\| MRR \| month end \|/m);
    const v = await visit(browser, server.url, `/reports/${month}`);
    await v.page.context().grantPermissions(["clipboard-read", "clipboard-write"], {origin: server.url});
    const button = v.page.locator(".cs-copy-digest");
    await button.click();
    await v.page.locator(".cs-copy-status", {hasText: "Copied"}).waitFor({state: "visible"});
    expect(await v.page.evaluate(() => navigator.clipboard.readText())).toBe(txt);
    expect(v.consoleErrors).toEqual([]);
    await v.page.close();
  });
});

describe.runIf(existsSync(join(JA_DIST, "index.html")))("Japanese PDF (the ja site of layout.test.ts)", () => {
  it("is 2–10 pages with Japanese headers, footers (\"1 / N ページ\"), KPI labels and summary", async () => {
    const ja = join(ROOT, "tests", ".tmp", "dist-pdf-ja");
    rmSync(ja, {recursive: true, force: true});
    cpSync(JA_DIST, ja, {recursive: true});
    try {
      const r = await pdf(["--dist", ja]);
      expect(r.code).toBe(0);
      const last = months(ja).at(-1)!;
      const file = join(ja, "reports", `${last}.pdf`);
      const n = pages(await pdfinfo(file));
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(10);
      const text = (await pdftotext(file)).replace(/\s+/g, " ");
      for (const s of ["CS月次レポート", "月次レポート", `1 / ${n}ページ`, "売上継続率（NRR）", "サマリー"]) expect(text).toContain(s);
    } finally {
      rmSync(ja, {recursive: true, force: true});
    }
  });
});
