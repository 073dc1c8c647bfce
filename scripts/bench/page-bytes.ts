/**
 * `tsx scripts/bench/page-bytes.ts --dist DIR [--account ID] [--out FILE]`: what each page of a built
 * site makes a reader's browser load, cold cache: bytes (Chrome's encoded length of every response)
 * and requests, after scrolling to the bottom so the sections that load when seen load too. Explore is
 * measured as opened (its engine and table load only when a query runs); /accounts as opened and with
 * ?account=ID (default: the first account of the top list). Prints and writes JSON {path: {bytes, requests}}.
 */
import {writeFileSync} from "node:fs";
import {parseArgs} from "node:util";
import type {Browser} from "playwright-core";
import {launch, serve, sitePages} from "../../tests/e2e/harness.js";

const {values} = parseArgs({options: {dist: {type: "string"}, account: {type: "string"}, out: {type: "string"}}});

async function cost(browser: Browser, base: string, path: string): Promise<{bytes: number; requests: number}> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", {cacheDisabled: true});
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (e: {encodedDataLength: number}) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  await page.goto(base + path, {waitUntil: "networkidle", timeout: 120_000});
  for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  await context.close();
  return {bytes, requests};
}

const server = await serve(values.dist!);
const browser = await launch();
const out: Record<string, {bytes: number; requests: number}> = {};
try {
  const pages = sitePages(values.dist!).filter((p) => !/^\/reports\/\d{4}-\d{2}$/.test(p) || p.endsWith("-01"));
  if (values.account) pages.push(`/accounts?account=${encodeURIComponent(values.account)}`);
  for (const path of pages) {
    out[path] = await cost(browser, server.url, path);
    console.error(`${path}\t${(out[path].bytes / 1e6).toFixed(3)} MB\t${out[path].requests} requests`);
  }
} finally {
  await browser.close();
  await server.close();
}
if (values.out) writeFileSync(values.out, JSON.stringify(out, null, 1) + "\n");
console.log(JSON.stringify(out));
