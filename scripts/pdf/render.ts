/**
 * Renders report pages of the built site to A4 PDFs with Debian's Chromium (the browser the e2e
 * tests use). The page is laid out in print media at the printable width, so its charts are drawn
 * for the page they land on; Chromium prints SVG charts as vectors and text as text (selectable).
 */
import {existsSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";
import {InputError} from "../../loaders/ingest/errors.js";
import {footerTemplate, headerTemplate} from "./templates.js";

/** A4 with 12 mm side margins and room for the header and footer. */
export const MARGIN = {top: "16mm", bottom: "16mm", left: "12mm", right: "12mm"};
/** The printable width, 210 − 2 · 12 mm, in CSS pixels (96 per inch). */
export const PRINT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);

export const CHROMIUM_PATH = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const missingBrowser = (path: string) =>
  `Chromium was not found at ${path}: npm run pdf prints with it; install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to its executable`;

/** Launches Chromium, or says in one line how to install it. */
export async function launchBrowser(path = CHROMIUM_PATH()): Promise<Browser> {
  if (!existsSync(path)) throw new InputError(missingBrowser(path));
  try {
    return await chromium.launch({
      executablePath: path,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
    });
  } catch (e) {
    throw new InputError(`Chromium at ${path} did not start (${String((e as Error).message).split("\n")[0]}); reinstall it (sudo apt-get install chromium) or set CHROMIUM_PATH`);
  }
}

export interface Rendered {
  pdf: Buffer;
  locale: string;
  company: string;
  title: string;
}

/** Opens `url` (a report page), waits until it has drawn everything, and prints it. */
export async function renderPdf(browser: Browser, url: string): Promise<Rendered> {
  const page = await browser.newPage({viewport: {width: PRINT_WIDTH_PX, height: 1100}});
  try {
    await page.emulateMedia({media: "print"});
    const origin = new URL(url).origin;
    // The site loads nothing from elsewhere; if anything tried, it must not reach the network.
    await page.route("**/*", (route) => (new URL(route.request().url()).origin === origin || /^(data|blob):/.test(route.request().url()) ? route.continue() : route.abort()));
    const response = await page.goto(url, {waitUntil: "networkidle"});
    if (!response || !response.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
    await page.waitForSelector("#observablehq-main h1", {timeout: 60_000});
    // Drawn: no cell still loading or pending, and the fonts in place.
    await page.waitForFunction(() => !document.querySelector(".observablehq--loading, .observablehq--running"), null, {timeout: 60_000});
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // A chart drawn by resize() appears on a frame after its cell settles, later on a loaded machine:
    // wait until the page is the same two frames apart (at most 40 frames), so both renders see it.
    // A string, not a function: the TypeScript runner would wrap a named inner function in a helper
    // that the page does not have.
    await page.evaluate(`(async () => {
      let last = "";
      for (let i = 0; i < 20; ++i) {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const now = document.getElementById("observablehq-main")?.innerHTML ?? "";
        if (now === last) return;
        last = now;
      }
    })()`);
    const texts = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      title: document.querySelector("#observablehq-main h1")?.textContent?.trim() ?? "",
      // The site's title follows the page's in document.title ("Monthly report — Oct 2026 | Acme").
      company: document.title.split(" | ").at(-1)?.trim() ?? ""
    }));
    const locale = texts.lang === "ja" ? "ja-JP" : "en-US";
    // Links to the site's own pages would point at this temporary server (a port that changes every
    // run, useless to the reader, and different bytes each time): on paper they are plain text.
    await page.evaluate(() => {
      for (const a of document.querySelectorAll<HTMLAnchorElement>("a[href]")) if (new URL(a.href).origin === location.origin) a.removeAttribute("href");
    });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: MARGIN,
      displayHeaderFooter: true,
      headerTemplate: headerTemplate({company: texts.company, title: texts.title, locale}),
      footerTemplate: footerTemplate({company: texts.company, title: texts.title, locale}),
      tagged: true,
      outline: false
    });
    return {pdf, locale, company: texts.company, title: texts.title};
  } finally {
    await page.close();
  }
}
