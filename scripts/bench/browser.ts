/**
 * What a reader's browser pays for a page, cold cache: bytes transferred (Chrome's own encoded
 * length of every response) and the time from navigation start to the first chart in the DOM.
 */
import type {Browser} from "playwright-core";

export interface PageCost {
  path: string;
  bytes: number;
  requests: number;
  firstChartMs: number | null;
}

// Runs in the page before any script: notes when the first chart (a Plot SVG) enters main.
const OBSERVE_FIRST_CHART = `
  new MutationObserver((_, observer) => {
    if (document.querySelector("main svg[class*='plot'], main figure svg")) {
      window.__firstChart = performance.now();
      observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
`;

/**
 * `scroll`: after load, scroll to the bottom so sections that load when seen load too (for the
 * page-bytes figures; the first-chart time is measured without it).
 */
export async function pageCost(browser: Browser, base: string, path: string, {scroll = false} = {}): Promise<PageCost> {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}}); // fresh: cold cache
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
  await page.addInitScript(OBSERVE_FIRST_CHART);
  await page.goto(base + path, {waitUntil: "networkidle", timeout: 120_000});
  if (scroll) {
    for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(500);
  }
  const firstChartMs = await page
    .waitForFunction(() => (window as unknown as {__firstChart?: number}).__firstChart, null, {timeout: 30_000})
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => null);
  await context.close();
  return {path, bytes, requests, firstChartMs};
}

/** The pages whose bytes the benchmark compares across book sizes: every page, one monthly report a year. */
export function benchPages(pages: string[]): string[] {
  return pages.filter((p) => !/^\/reports\/\d{4}-\d{2}$/.test(p) || p.endsWith("-01"));
}
