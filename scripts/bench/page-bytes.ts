/**
 * `tsx scripts/bench/page-bytes.ts --dist DIR [--account ID] [--out FILE]`: what each page of a built
 * site makes a reader's browser load, cold cache: bytes (Chrome's encoded length of every response)
 * and requests, after scrolling to the bottom so the sections that load when seen load too. Explore is
 * measured as opened (its engine and table load only when a query runs); /accounts as opened and with
 * ?account=ID. Prints and writes JSON {path: {bytes, requests}}. `npm run bench` measures the same.
 */
import {writeFileSync} from "node:fs";
import {parseArgs} from "node:util";
import {launch, serve, sitePages} from "../../tests/e2e/harness.js";
import {benchPages, pageCost} from "./browser.js";

const {values} = parseArgs({options: {dist: {type: "string"}, account: {type: "string"}, out: {type: "string"}}});

const server = await serve(values.dist!);
const browser = await launch();
const out: Record<string, {bytes: number; requests: number}> = {};
try {
  const pages = benchPages(sitePages(values.dist!));
  if (values.account) pages.push(`/accounts?account=${encodeURIComponent(values.account)}`);
  for (const path of pages) {
    const {bytes, requests} = await pageCost(browser, server.url, path, {scroll: true});
    out[path] = {bytes, requests};
    console.error(`${path}\t${(bytes / 1e6).toFixed(3)} MB\t${requests} requests`);
  }
} finally {
  await browser.close();
  await server.close();
}
if (values.out) writeFileSync(values.out, JSON.stringify(out, null, 1) + "\n");
console.log(JSON.stringify(out));
