// The protected build (`protect: true`): built once from the sample into a temporary directory.
// No account name and no MRR figure appears in any file of it (every file searched, decompressed
// where compressed), while the ordinary build (dist/) does carry them, so the search can find what it
// looks for; in the browser, under the shipped CSP, a wrong passphrase gets a clear message and
// the page stays whole, the right one shows the report, other pages open without asking again, and
// CSV downloads and printing carry the figures.
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync} from "node:fs";
import {join, relative} from "node:path";
import {gunzipSync} from "node:zlib";
import JSZip from "jszip";
import {tableFromIPC} from "apache-arrow";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {DIST, launch, serve, visit} from "./harness.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TMP = join(ROOT, "tests", ".tmp");
const OUT = join(TMP, "dist-protected");
const PASSPHRASE = "correct horse battery staple";

/** Every file under `root` with its bytes, and the members of gzip and zip files as files of their own. */
async function contents(root: string): Promise<[string, Buffer][]> {
  const out: [string, Buffer][] = [];
  const add = async (name: string, bytes: Buffer): Promise<void> => {
    out.push([name, bytes]);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) await add(`${name}!gunzip`, gunzipSync(bytes));
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      const zip = await JSZip.loadAsync(bytes);
      for (const entry of Object.values(zip.files)) if (!entry.dir) await add(`${name}!${entry.name}`, await entry.async("nodebuffer"));
    }
  };
  for (const name of (readdirSync(root, {recursive: true}) as string[]).sort()) {
    const path = join(root, name);
    if (statSync(path).isFile()) await add(name, readFileSync(path));
  }
  return out;
}

/** The byte patterns of a figure: its decimal text and, for data files, its binary encodings. */
function numberPatterns(v: number): {text: Buffer[]; binary: Buffer[]} {
  const i32 = Buffer.alloc(4), f32 = Buffer.alloc(4), f64 = Buffer.alloc(8), i64 = Buffer.alloc(8);
  f64.writeDoubleLE(v);
  const binary = [f64];
  if (Number.isInteger(v)) {
    i64.writeBigInt64LE(BigInt(v));
    binary.push(i64);
    if (Math.abs(v) < 2 ** 31) i32.writeInt32LE(v), binary.push(i32);
  }
  if (Math.fround(v) === v) f32.writeFloatLE(v), binary.push(f32);
  return {text: [Buffer.from(String(v))], binary};
}

/**
 * Account names and MRR figures found in the files under `root`. Decimal text is searched in every
 * file; binary encodings (4-byte patterns recur by chance in megabytes of code) in every file but
 * the vendored libraries, which are built from node_modules, not from the data.
 */
async function leaks(root: string, names: string[], figures: number[]): Promise<{names: string[]; figures: string[]}> {
  const files = await contents(root);
  const library = (name: string) => /^(_npm|_observablehq)[/\\]/.test(name);
  const found = {names: new Set<string>(), figures: new Set<string>()};
  for (const [file, bytes] of files) {
    for (const name of names) if (bytes.includes(Buffer.from(name, "utf8"))) found.names.add(`${name} in ${file}`);
    for (const v of figures) {
      const {text, binary} = numberPatterns(v);
      const hit = text.some((p) => bytes.includes(p)) || (!library(file) && binary.some((p) => bytes.includes(p)));
      if (hit) found.figures.add(`${v} in ${file}`);
    }
  }
  return {names: [...found.names], figures: [...found.figures]};
}

function accountNames(): string[] {
  const [header, ...lines] = readFileSync(join(ROOT, "data", "sample", "accounts.csv"), "utf8").replace(/^\ufeff/, "").trim().split(/\r?\n/);
  const col = header.split(",").indexOf("account_name");
  // The sample's names contain no quoted commas (checked: every line has the header's field count).
  return lines.map((l) => l.split(",")).filter((f) => f.length === header.split(",").length).map((f) => f[col]);
}

/** MRR figures of the metric tables: the largest account MRRs and every month's total (5+ digits). */
function mrrFigures(): number[] {
  const file = readdirSync(join(DIST, "_file", "data", "metrics")).find((f) => /^account_months\.[0-9a-f]{8}\.arrow$/.test(f))!;
  const table = tableFromIPC(readFileSync(join(DIST, "_file", "data", "metrics", file)));
  const months = table.getChild("month")!.toArray() as string[];
  const mrr = Array.from(table.getChild("mrr")!.toArray() as ArrayLike<number>, Number);
  const totals = new Map<string, number>();
  months.forEach((m, i) => totals.set(String(m), (totals.get(String(m)) ?? 0) + mrr[i]));
  const largest = [...new Set(mrr)].filter((v) => v >= 10_000).sort((a, b) => b - a).slice(0, 150);
  return [...new Set([...largest, ...[...totals.values()].filter((v) => v >= 10_000)])];
}

let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  rmSync(OUT, {recursive: true, force: true});
  mkdirSync(TMP, {recursive: true});
  const config = join(TMP, "protect.config.ts");
  writeFileSync(config, `import base from "../../report.config.js";\nexport default {...base, protect: true};\n`);
  execFileSync("npx", ["tsx", "scripts/build.ts", "--out", relative(ROOT, OUT)], {
    cwd: ROOT,
    stdio: "pipe",
    env: {...process.env, CS_CONFIG: config, CS_PASSPHRASE: PASSPHRASE}
  });
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
    const plain = await leaks(DIST, names, figures);
    const foundNames = new Set(plain.names.map((s) => s.split(" in ")[0]));
    const foundFigures = new Set(plain.figures.map((s) => s.split(" in ")[0]));
    expect(foundNames.size / names.length).toBeGreaterThan(0.9);
    expect(foundFigures.size / figures.length).toBeGreaterThan(0.9);
    expect(await leaks(OUT, names, figures)).toEqual({names: [], figures: []});
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
    await page.waitForFunction(() => !document.querySelector("#observablehq-main observablehq-loading"), null, {timeout: 30_000});
    const text = await page.textContent("#observablehq-main");
    expect(accountNames().some((n) => text!.includes(n))).toBe(true);
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
    await page.goto(server.url + "/explore", {waitUntil: "networkidle"});
    expect(await page.locator(".cs-lock").count()).toBe(0);
    await page.waitForSelector("form table tbody tr", {timeout: 60_000});
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
