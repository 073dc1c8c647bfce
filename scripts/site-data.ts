/**
 * The site data for one build: reused from the content-hash cache (build-cache.ts) when inputs,
 * config and metric code are unchanged, else ingested and computed (pipeline) and stored. Prints one
 * line: "metrics: reused (cache key …)" or "metrics: computed (…)".
 *
 * Run directly (`tsx scripts/site-data.ts`), it recomputes in a fresh process: `npm run dev` does
 * that when an input, the config or a loader changes, so edited loader code is what runs.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {loadConfig, type ReportConfig} from "../loaders/config.js";
import {runPipeline} from "../loaders/pipeline.js";
import {exportSiteData, type Manifest} from "../loaders/site/export.js";
import {SITE_DATA_DIR} from "../loaders/site/paths.js";
import {publishSiteFiles} from "./metric-files.js";
import {CACHE_DIR, cacheKey, restore, shortKey, store} from "./build-cache.js";
import {reportError} from "./cli-errors.js";

export interface SiteDataOptions {
  /** true: always compute, and store nothing (--no-cache). Protected builds never use the cache. */
  noCache?: boolean;
  log?: (line: string) => void;
  /** Where the site data goes and where the cache lives (tests use temporary folders). */
  siteDataDir?: string;
  cacheDir?: string;
}

export async function siteData(config: ReportConfig, {noCache = false, log = console.log, siteDataDir = SITE_DATA_DIR, cacheDir = CACHE_DIR}: SiteDataOptions = {}): Promise<Manifest> {
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  // Protected builds skip the cache: an entry would be a second plaintext copy of the site data.
  const key = noCache || config.protect ? null : (await cacheKey(config)).key;
  if (key) {
    const hit = await restore(key, siteDataDir, cacheDir);
    if (hit) {
      log(`metrics: reused (cache key ${shortKey(key)}): ${hit.summary}, ${seconds()}`);
      return JSON.parse(await readFile(join(siteDataDir, "manifest.json"), "utf8")) as Manifest;
    }
  }
  const result = await runPipeline(config);
  let manifest: Manifest;
  try {
    manifest = await exportSiteData(result, siteDataDir);
  } finally {
    result.db.close();
  }
  const rejected = result.ingest.tables.reduce((n, t) => n + t.rowsRejected, 0);
  const summary = `as of ${manifest.asOf} (${manifest.months.length} months), ${manifest.tables.length} tables, ${rejected} rejected rows`;
  if (key) await store(key, siteDataDir, {summary}, {cacheDir});
  const why = key ? `cache key ${shortKey(key)}` : config.protect ? "cache off: protected build" : "cache off";
  log(`metrics: computed (${why}): ${summary}, ${seconds()}`);
  return manifest;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  loadConfig()
    .then((config) => siteData(config, {noCache: process.argv.includes("--no-cache")}))
    // The files the preview serves, at the real time (the preview notices a change by it); the book's
    // size may have changed: the Accounts page's shard list follows it (issue 16).
    .then(() => publishSiteFiles({pin: false}))
    .then(
      () => process.exit(0),
      (error) => {
        reportError(error);
        process.exit(1);
      }
    );
}
