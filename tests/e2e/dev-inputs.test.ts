/**
 * issue 16: `npm run dev` (in a copy of the project) recomputes the metrics when an input file
 * changes and the open page shows the new numbers; a broken input prints its one message and the
 * preview keeps the last good data.
 */
import {appendFileSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {startDevCopy, type DevCopy} from "./dev-copy.js";
import {launch} from "./harness.js";

describe("npm run dev follows the inputs", () => {
  let dev: DevCopy;
  let browser: Browser;

  beforeAll(async () => {
    dev = await startDevCopy("cs-dev-inputs-");
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    dev?.stop();
  });

  it("an edited input file updates the open page; a broken one keeps the last good data", async () => {
    expect(dev.output()).toMatch(/metrics: computed \(cache key [0-9a-f]{12}\)/);
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const rejected = () => page.locator('.card:has(h2:text-is("Rows rejected")) .cs-big').textContent();
    await page.goto(`${dev.base}data-quality`);
    await expect.poll(rejected, {timeout: 120_000}).toBe("0");

    // One NPS response with a score of 11: quarantined, so the page's rejected count becomes 1.
    const nps = join(dev.root, "data", "sample", "nps_responses.csv");
    const good = readFileSync(nps, "utf8");
    appendFileSync(nps, `${good.endsWith("\n") ? "" : "\n"}R9999999,A000002,2024-02-22,11,too high,relationship\n`);
    await expect.poll(rejected, {timeout: 400_000, interval: 1000}).toBe("1");
    expect(dev.output()).toMatch(/dev: data\/sample\/nps_responses\.csv changed; recomputing the metrics/);

    // A file without its required column: one message, and the page keeps the last good numbers.
    writeFileSync(nps, good.replace(",score,", ",points,"));
    await expect.poll(() => dev.output(), {timeout: 400_000, interval: 500}).toMatch(/error: .*nps_responses\.csv: missing required column "score".*\(the preview keeps the last good data\)/);
    expect(await rejected()).toBe("1");
  }, 900_000);
});
