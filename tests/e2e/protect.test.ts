// The protected build (`protect: true`): built once from the sample into a temporary directory.
// No account name and no MRR figure appears in any file of it (every file searched, decompressed
// where compressed), while the ordinary build (dist/) does carry them, so the search can find what it
// looks for; in the browser, under the shipped CSP, a wrong passphrase gets a clear message and
// the page stays whole, the right one shows the report, other pages open without asking again, and
// CSV downloads and printing carry the figures.
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync} from "node:fs";
import {join, relative} from "node:path";
import {accountNames, contents, leaks, mrrFigures} from "./leaks.js";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {spawnAsync} from "../helpers/spawn.js";
import {DIST, launch, serve, visit} from "./harness.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TMP = join(ROOT, "tests", ".tmp");
const OUT = join(TMP, "dist-protected");
const PASSPHRASE = "correct horse battery staple";

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  rmSync(OUT, {recursive: true, force: true});
  mkdirSync(TMP, {recursive: true});
  const config = join(TMP, "protect.config.ts");
  writeFileSync(config, `import base from "../../report.config.js";\nexport default {...base, protect: true};\n`);
  const build = await spawnAsync("npx", ["tsx", "scripts/build.ts", "--out", relative(ROOT, OUT)], {
    cwd: ROOT,
    env: {...process.env, CS_CONFIG: config, CS_PASSPHRASE: PASSPHRASE}
  });
  if (build.status !== 0) throw new Error(`the protected build failed: ${build.stderr}`);
  server = await serve(OUT, {headers: true});
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a protected build carries no customer data in the clear", () => {
  it("no account name and no MRR figure in any file (the ordinary build carries them)", async () => {
    const names = accountNames();
    const figures = mrrFigures();
    expect(names.length).toBeGreaterThan(50);
    expect(figures.length).toBeGreaterThan(50);
    // The search finds what it looks for: the ordinary build carries nearly all of them.
    const plain = await leaks(DIST, names, figures, {short: true});
    expect(new Set(plain.names.map((s) => s.split(" in ")[0])).size / names.length).toBeGreaterThan(0.9);
    expect(new Set(plain.figures.map((s) => s.split(" in ")[0])).size / figures.length).toBeGreaterThan(0.9);
    const skipped: string[] = [];
    expect(await leaks(OUT, names, figures, {skipped})).toEqual({names: [], figures: []});
    // Only the DuckDB engine's .wasm file (one variant, "eh"), copied byte for byte from node_modules, is not searched.
    expect(skipped).toEqual([expect.stringMatching(/duckdb-eh\.wasm$/)]);
    // Every data file is ciphertext (starts with the format's magic), not only free of these strings.
    // (data/: the metric files; generated/account-history/: the Accounts page's history shards.)
    const data = ["data", "generated"].flatMap((d) => (readdirSync(join(OUT, "_file", d), {recursive: true}) as string[]).map((f) => join(d, f)));
    const clear = data.filter((f) => f.includes(".") && !readFileSync(join(OUT, "_file", f)).subarray(0, 8).equals(Buffer.from("CSRPENC1")));
    expect(data.length).toBeGreaterThan(50);
    expect(data.filter((f) => f.includes("account-history-")).length).toBeGreaterThan(0);
    expect(clear).toEqual([]);
    // The passphrase itself is written nowhere.
    expect((await contents(OUT)).filter(([, b]) => b.includes(Buffer.from(PASSPHRASE))).map(([f]) => f)).toEqual([]);
  });
});

async function open(path: string): Promise<{page: Page; violations: () => Promise<string[]>; errors: string[]}> {
  const v = await visit(browser, server.url, path, {
    before: async (page) => {
      await page.addInitScript(() => {
        const seen: string[] = ((window as unknown as {__violations: string[]}).__violations = []);
        document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.sourceFile}`));
      });
    }
  });
  return {page: v.page, violations: () => v.page.evaluate(() => (window as unknown as {__violations: string[]}).__violations), errors: v.pageErrors};
}

async function unlock(page: Page, passphrase: string): Promise<string> {
  await page.fill(".cs-lock input", passphrase);
  await page.click(".cs-lock button");
  await page.waitForFunction(() => !document.querySelector(".cs-lock") || document.querySelector(".cs-lock-status")?.getAttribute("data-kind") === "error", null, {timeout: 60_000});
  return (await page.locator(".cs-lock-status").count()) ? (await page.textContent(".cs-lock-status"))! : "";
}

describe("unlocking in the browser, under the shipped CSP", () => {
  it("a wrong passphrase gets a clear message and the page stays whole; the right one shows the report", async () => {
    const {page, violations, errors} = await open("/");
    await page.waitForSelector(".cs-lock input");
    expect(await page.textContent(".cs-lock h1")).toBe("This report is protected");
    expect(await unlock(page, "not the passphrase at all")).toMatch(/does not unlock this report/);
    expect(await page.locator(".cs-lock input").isEnabled()).toBe(true);
    expect(await page.locator("#observablehq-main .observablehq--error").count()).toBe(0);

    const started = Date.now();
    expect(await unlock(page, PASSPHRASE)).toBe("");
    console.log(`unlock (PBKDF2 + check) took ${Date.now() - started} ms in Chromium here`);
    // Cells render as their decrypted data arrives, not all at once: wait for an account name to
    // appear (under a loaded CI machine the loading markers can be gone before the tables fill).
    const names = accountNames();
    await page
      .waitForFunction((ns) => ns.some((n) => document.querySelector("#observablehq-main")?.textContent?.includes(n)), names, {timeout: 60_000})
      .catch(() => undefined);
    const text = await page.textContent("#observablehq-main");
    expect(names.some((n) => text!.includes(n))).toBe(true);
    expect(await page.locator("#observablehq-main svg").count()).toBeGreaterThan(3);

    // CSV download of the first table carries the decrypted figures.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".cs-download").first().click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\n").length).toBeGreaterThan(2);

    // Print (the A4 report) carries them too.
    const pdf = await page.pdf({format: "A4"});
    const pdfPath = join(TMP, "protected-report.pdf");
    writeFileSync(pdfPath, pdf);
    const printed = execFileSync("pdftotext", [pdfPath, "-"], {encoding: "utf8"});
    expect(accountNames().some((n) => printed.includes(n))).toBe(true);
    expect(printed).not.toMatch(/This report is protected/);

    expect(await violations()).toEqual([]);

    // Another page in the same session opens without asking again, Explore's DuckDB included.
    // (Explore loads DuckDB's 35 MB engine: wait for its result, not for the network to settle.)
    await page.goto(server.url + "/explore", {waitUntil: "domcontentloaded"});
    expect(await page.locator(".cs-lock").count()).toBe(0);
    // (DuckDB starts when a query runs.)
    await page.click("main form.cs-sql button[type=submit]");
    await page.waitForSelector("form table tbody tr", {timeout: 120_000});
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
