/**
 * The build's content-hash cache of computed site data (issue 16): when the inputs, the config and
 * the metric code are unchanged, `npm run build` copies the site data it computed last time instead
 * of ingesting and computing again, and only Framework runs.
 *
 * The key hashes three parts, so any change that could change a number is a miss:
 *  - inputs: every file under the data directory and the custom folder (custom metrics' SQL), by
 *    relative name and content hash: a renamed, added, removed or edited file changes it;
 *  - config: the resolved config object as canonical JSON (sorted keys; env overrides included);
 *  - code: every file under loaders/ (ingest, metrics, site export), this module and
 *    package-lock.json (the DuckDB version).
 * An entry is the SITE_DATA_DIR tree as exportSiteData wrote it plus a small summary; it is stored
 * under a temporary name and renamed, so a killed build never leaves a half entry. The newest
 * KEEP entries are kept. Protected builds (protect: true) do not use the cache: an entry is the
 * site data in plaintext, and a protected build should not leave a second copy of it behind.
 */
import {createHash} from "node:crypto";
import {createReadStream, existsSync, readdirSync, statSync} from "node:fs";
import {cp, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile} from "node:fs/promises";
import {join, relative, sep} from "node:path";
import {PROJECT_ROOT, type ReportConfig} from "../loaders/config.js";
import {BUILD_DIR} from "../loaders/site/paths.js";

/** Where entries live (gitignored with the rest of .cs-build/); CS_CACHE_DIR moves it (tests). */
export const CACHE_DIR = process.env.CS_CACHE_DIR ? process.env.CS_CACHE_DIR : join(BUILD_DIR, "cache");
/** Entries kept: the current one and a few earlier (switching between two configs stays warm). */
export const KEEP = 3;

/** What the build prints for a reused entry (the pipeline's summary line, stored with the entry). */
export interface CacheSummary {
  summary: string;
}

export interface CacheKey {
  key: string;
  parts: {inputs: string; config: string; code: string};
}

/** JSON with object keys sorted at every level, so equal objects give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v
  );
}

async function fileHash(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Hash of every file under `dir` (recursively, following links), by name relative to `dir` and content; "" part for a missing dir. */
export async function treeHash(dir: string, {skip = () => false}: {skip?: (rel: string) => boolean} = {}): Promise<string> {
  const hash = createHash("sha256");
  if (!existsSync(dir)) return hash.update("missing").digest("hex");
  const names = (readdirSync(dir, {recursive: true}) as string[]).map((n) => n.split(sep).join("/")).sort();
  for (const name of names) {
    if (skip(name)) continue;
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    hash.update(`${name}\0${await fileHash(path)}\n`);
  }
  return hash.digest("hex");
}

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

/** The cache key of a build with this config (reads every input file once). */
export async function cacheKey(config: ReportConfig, {root = PROJECT_ROOT}: {root?: string} = {}): Promise<CacheKey> {
  const inputs = sha(`data ${await treeHash(config.dataDir)}\ncustom ${await treeHash(config.customDir)}`);
  const code = sha(
    [
      `loaders ${await treeHash(join(root, "loaders"))}`,
      `cache ${await fileHash(join(root, "scripts", "build-cache.ts"))}`,
      `lock ${existsSync(join(root, "package-lock.json")) ? await fileHash(join(root, "package-lock.json")) : "none"}`
    ].join("\n")
  );
  const parts = {inputs, config: sha(canonicalJson(config)), code};
  return {key: sha(`${parts.inputs}\n${parts.config}\n${parts.code}`).slice(0, 16), parts};
}

/** Copies a cached entry into `siteDataDir`; returns its summary, or null on a miss. */
export async function restore(key: string, siteDataDir: string, cacheDir = CACHE_DIR): Promise<CacheSummary | null> {
  const entry = join(cacheDir, key);
  const meta = join(entry, "cache-entry.json");
  if (!existsSync(meta)) return null;
  const summary = JSON.parse(await readFile(meta, "utf8")) as CacheSummary;
  await rm(siteDataDir, {recursive: true, force: true});
  await cp(join(entry, "site-data"), siteDataDir, {recursive: true});
  const now = new Date();
  await utimes(entry, now, now); // most recently used: pruned last
  return summary;
}

/** Stores `siteDataDir` as the entry for `key` (atomically), then prunes to the newest `keep` entries. */
export async function store(key: string, siteDataDir: string, summary: CacheSummary, {cacheDir = CACHE_DIR, keep = KEEP} = {}): Promise<void> {
  await mkdir(cacheDir, {recursive: true});
  const tmp = join(cacheDir, `.tmp-${key}-${process.pid}`);
  await rm(tmp, {recursive: true, force: true});
  await cp(siteDataDir, join(tmp, "site-data"), {recursive: true});
  await writeFile(join(tmp, "cache-entry.json"), JSON.stringify(summary));
  await rm(join(cacheDir, key), {recursive: true, force: true});
  await rename(tmp, join(cacheDir, key));
  await prune(cacheDir, keep);
}

async function prune(cacheDir: string, keep: number): Promise<void> {
  const entries = await Promise.all(
    (await readdir(cacheDir)).filter((n) => !n.startsWith(".")).map(async (name) => ({name, mtime: (await stat(join(cacheDir, name))).mtimeMs}))
  );
  entries.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
  for (const {name} of entries.slice(keep)) await rm(join(cacheDir, name), {recursive: true, force: true});
}

/** The key's short form for messages. */
export const shortKey = (key: string) => key.slice(0, 12);

/** For messages: where the cache lives, relative to the project. */
export const cacheDirLabel = (cacheDir = CACHE_DIR) => relative(PROJECT_ROOT, cacheDir) || cacheDir;
