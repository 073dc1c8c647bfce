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

export async function pageCost(browser: Browser, base: string, path: string): Promise<PageCost> {
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
  await page.goto(base + path, {waitUntil: "networkidle"});
  const firstChartMs = await page
    .waitForFunction(() => (window as unknown as {__firstChart?: number}).__firstChart, null, {timeout: 30_000})
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => null);
  await context.close();
  return {path, bytes, requests, firstChartMs};
}
