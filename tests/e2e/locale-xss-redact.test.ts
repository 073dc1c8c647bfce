// Two extra builds, in beforeAll:
//  (a) a ja-JP site of the hostile fixture (tests/fixtures/site/xss/): Japanese labels and yen
//      formats; an account named <img src=x onerror=alert(1)> and NPS comments holding
//      <script>alert(1)</script> render as text wherever they appear, no dialog ever fires, and a
//      downloaded CSV neutralises the account named =HYPERLINK(...);
//  (b) the sample book with redact: true: no account name of data/sample/accounts.csv appears in any
//      file of the built site.
import {execFile} from "node:child_process";
import {mkdirSync, readdirSync, readFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {promisify} from "node:util";
import JSZip from "jszip";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDb} from "../../loaders/db.js";
import {launch, serve, sitePages, visit, type Visit} from "./harness.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const XSS_DIST = join(ROOT, "tests", ".tmp", "dist-xss");
const REDACT_DIST = join(ROOT, "tests", ".tmp", "dist-redact");
const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(1)</script>";
const FORMULA = '=HYPERLINK("http://example.com","x")';

async function build(name: string, out: string): Promise<void> {
  mkdirSync(dirname(out), {recursive: true}); // the build renames its output into place
  await promisify(execFile)("npx", ["tsx", "scripts/build.ts", "--out", out], {
    cwd: ROOT,
    env: {...process.env, CS_CONFIG: join("tests", "fixtures", "site", `${name}.config.ts`)},
    maxBuffer: 64 * 1024 * 1024
  });
}

let browser: Browser;
let xss: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  await build("xss", XSS_DIST);
  xss = await serve(XSS_DIST);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await xss?.close();
});

const CLEAN = {offHost: [], failed: [], consoleErrors: [], pageErrors: [], dialogs: []};
const clean = (v: Visit) => ({offHost: v.offHost, failed: v.failed, consoleErrors: v.consoleErrors, pageErrors: v.pageErrors, dialogs: v.dialogs});

/** Nothing from the inputs became markup: no <img src=x>, no script carrying alert, no onerror handler. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], [onerror]').length,
    script: [...document.querySelectorAll("script")].filter((s) => s.textContent?.includes("alert(1)")).length
  }));
}

describe("ja-JP build of hostile inputs", () => {
  it("the monthly report is in Japanese with yen formats", async () => {
    const v = await visit(browser, xss.url, "/");
    await v.page.waitForSelector(".cs-report .cs-kpi");
    const seen = await v.page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelector(".cs-report h1")?.textContent,
      labels: [...document.querySelectorAll(".cs-kpi-label")].map((e) => e.textContent),
      mrr: document.querySelector('.cs-kpi[data-kpi="mrr"] .cs-kpi-value')?.textContent,
      headings: [...document.querySelectorAll(".cs-report h2, .cs-report h3")].map((e) => e.textContent),
      body: document.body.innerText
    }));
    expect(seen.lang).toBe("ja");
    expect(seen.h1).toBe("月次レポート（2025年3月）");
    expect(seen.labels).toEqual([
      "MRR（月次経常収益）",
      "売上継続率（NRR）",
      "売上継続率（GRR）",
      "カスタマーチャーン",
      "レベニューチャーン",
      "NPS",
      "ヘルススコア（緑の割合）",
      "オンボーディング完了率"
    ]);
    expect(seen.mrr).toMatch(/^¥[\d,.]+(万|億)$/);
    // NRR and GRR are trailing-12-month figures, and their tiles say so in Japanese.
    expect(await v.page.evaluate(() => [...document.querySelectorAll('.cs-kpi[data-kpi="nrr"] .cs-kpi-period, .cs-kpi[data-kpi="grr"] .cs-kpi-period')].map((e) => e.textContent))).toEqual([
      "過去12か月",
      "過去12か月"
    ]);
    expect(seen.headings).toEqual(expect.arrayContaining(["サマリー", "主要KPI", "解約リスクの高い顧客", "2025年3月のMRRの増減内訳"]));
    expect(seen.body).toMatch(/前月比/);
    expect(seen.body).toMatch(/¥\d{1,3}(,\d{3})+/); // full amounts in the tables
    expect(seen.body).toMatch(/MRRは前月比[\d.]+%[増減]の¥[\d,.]+万/); // the summary sentence
    expect(seen.body).not.toMatch(/\b(Summary|Key metrics|At-risk accounts|Download CSV)\b/);
    expect(clean(v)).toEqual(CLEAN);
    await v.page.close();
  });

  it("account names render as text in the movers and at-risk tables", async () => {
    const v = await visit(browser, xss.url, "/");
    await v.page.waitForSelector(".cs-at-risk table tbody tr");
    const cells = await v.page.evaluate(() => ({
      movers: [...document.querySelectorAll(".cs-movers table tbody td:first-child")].map((td) => td.textContent),
      atRisk: [...document.querySelectorAll(".cs-at-risk table tbody td:first-child")].map((td) => td.textContent)
    }));
    expect(cells.movers).toContain(IMG); // contraction
    expect(cells.movers).toContain(FORMULA); // churn
    expect(cells.atRisk).toContain(IMG); // red health
    expect(await injected(v.page)).toEqual({img: 0, script: 0});
    expect(v.dialogs).toEqual([]);
    await v.page.close();
  });

  it("a downloaded CSV neutralises the =HYPERLINK(...) account name", async () => {
    const v = await visit(browser, xss.url, "/");
    await v.page.waitForSelector(".cs-movers table");
    const [download] = await Promise.all([v.page.waitForEvent("download"), v.page.locator(".cs-movers .cs-download").first().click()]);
    expect(download.suggestedFilename()).toBe("churn-2025-03.csv");
    const text = readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
    expect(text.split("\r\n")[0]).toBe("顧客ID,顧客,セグメント,前月MRR,当月MRR,増減");
    expect(text).toContain(`X003,"'=HYPERLINK(""http://example.com"",""x"")",SMB,90000,0,-90000`);
    await v.page.close();
  });

  it("NPS comments and account names render as text on the NPS and accounts pages", async () => {
    for (const [path, strings] of [
      ["/nps", [SCRIPT, FORMULA]],
      ["/accounts", [IMG]]
    ] as const) {
      const v = await visit(browser, xss.url, path);
      await v.page.waitForSelector("table tbody tr", {timeout: 30_000});
      await v.page.waitForTimeout(300);
      const text = await v.page.evaluate(() => document.body.innerText);
      for (const s of strings) expect(text, `${path} shows ${s}`).toContain(s);
      expect(await injected(v.page)).toEqual({img: 0, script: 0});
      expect(clean(v), path).toEqual(CLEAN);
      await v.page.close();
    }
  });

  it("no page of the site fires a dialog or injects markup", async () => {
    const pages = sitePages(XSS_DIST);
    expect(pages.length).toBeGreaterThan(15);
    const check = async (path: string) => {
      const v = await visit(browser, xss.url, path);
      await v.page.waitForTimeout(200);
      const seen = {dialogs: v.dialogs, pageErrors: v.pageErrors, injected: await injected(v.page)};
      await v.page.close();
      return seen;
    };
    // Four pages at a time (each visit waits for the network to settle).
    for (let i = 0; i < pages.length; i += 4) {
      const batch = pages.slice(i, i + 4);
      const seen = await Promise.all(batch.map(check));
      batch.forEach((path, j) => expect(seen[j], path).toEqual({dialogs: [], pageErrors: [], injected: {img: 0, script: 0}}));
    }
  });
});

describe("redact: true", () => {
  beforeAll(() => build("redact", REDACT_DIST));

  /** Every file of a directory as UTF-8 text, with the members of any zip archive. */
  async function* texts(dir: string): AsyncGenerator<[string, string]> {
    for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name);
      const bytes = readFileSync(path);
      yield [path, bytes.toString("utf8")];
      if (entry.name.endsWith(".zip")) {
        const zip = await JSZip.loadAsync(bytes);
        for (const member of Object.values(zip.files)) {
          if (!member.dir) yield [`${path}:${member.name}`, await member.async("string")];
        }
      }
    }
  }

  /**
   * The names that occur in `text`: one pass over the text, indexing names by their first two
   * characters (as fast as a single search, for any number of names; the site is tens of MB).
   */
  function occurrences(text: string, names: string[]): string[] {
    const byPrefix = new Map<number, string[]>();
    for (const n of names) {
      const key = n.charCodeAt(0) * 65536 + (n.length > 1 ? n.charCodeAt(1) : 0);
      byPrefix.set(key, [...(byPrefix.get(key) ?? []), n]);
    }
    const found = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      const group = byPrefix.get(text.charCodeAt(i) * 65536 + (text.charCodeAt(i + 1) || 0));
      if (group) for (const n of group) if (text.startsWith(n, i)) found.add(n);
    }
    return [...found];
  }

  it("no account name of the input appears in any file of the site", async () => {
    const db = await openDb();
    const rows = await db.all<{name: string}>(
      `SELECT DISTINCT trim(account_name) AS name FROM read_csv(?, header = true, all_varchar = true) WHERE trim(account_name) <> ''`,
      [join(ROOT, "data", "sample", "accounts.csv")]
    );
    db.close();
    const names = rows.map((r) => r.name);
    expect(names.length).toBeGreaterThan(100);
    const leaks: string[] = [];
    let files = 0;
    for await (const [path, text] of texts(REDACT_DIST)) {
      files++;
      for (const name of occurrences(text, names)) leaks.push(`${name} in ${path}`);
    }
    expect(files).toBeGreaterThan(20);
    expect(leaks.slice(0, 20)).toEqual([]);
  });

  it("the report shows pseudonyms instead", () => {
    const dir = join(REDACT_DIST, "_file", "data", "metrics");
    const file = readdirSync(dir).find((f) => /^report-latest\.[0-9a-f]+\.json$/.test(f))!;
    const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
    const names = [...report.views.all.movers.churn, ...report.views.all.atRisk.accounts].map((a: {account_name: string}) => a.account_name);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^Account [0-9A-F]{6}$/);
  });
});
