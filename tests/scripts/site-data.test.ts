// scripts/site-data.ts: the build's metrics step computes once, then reuses the cache entry byte for
// byte; a changed input computes again; a protected build neither reads nor writes the cache.
import {createHash} from "node:crypto";
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT, resolveConfig} from "../../loaders/config.js";
import {siteData} from "../../scripts/site-data.js";

const dir = mkdtempSync(join(tmpdir(), "cs-site-data-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function digest(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of (readdirSync(root, {recursive: true}) as string[]).sort()) {
    const path = join(root, name);
    if (statSync(path).isFile()) out[name] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return out;
}

describe("siteData", () => {
  it("computes, then reuses; a changed input computes again; protect never touches the cache", async () => {
    const data = join(dir, "data");
    cpSync(join(PROJECT_ROOT, "tests", "fixtures", "ingest", "crlf"), data, {recursive: true});
    const config = resolveConfig({dataDir: data, customDir: join(dir, "no-custom")});
    const siteDataDir = join(dir, "site");
    const cacheDir = join(dir, "cache");
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);

    await siteData(config, {log, siteDataDir, cacheDir});
    const key = /^metrics: computed \(cache key ([0-9a-f]{12})\)/.exec(lines[0])?.[1];
    expect(key, lines[0]).toBeDefined();
    const cold = digest(siteDataDir);
    expect(Object.keys(cold)).toContain("metrics/manifest.json");

    rmSync(siteDataDir, {recursive: true});
    const manifest = await siteData(config, {log, siteDataDir, cacheDir});
    expect(lines[1]).toMatch(new RegExp(`^metrics: reused \\(cache key ${key}\\): as of ${manifest.asOf} \\(\\d+ months\\), \\d+ tables, \\d+ rejected rows`));
    expect(digest(siteDataDir)).toEqual(cold);

    const subs = join(data, "subscriptions.csv");
    writeFileSync(subs, readFileSync(subs, "utf8").replace("100000", "100001"));
    await siteData(config, {log, siteDataDir, cacheDir});
    expect(lines[2]).toMatch(/^metrics: computed \(cache key [0-9a-f]{12}\)/);
    expect(lines[2]).not.toContain(key);
    expect(digest(siteDataDir)).not.toEqual(cold);
    expect(readdirSync(cacheDir)).toHaveLength(2);

    const before = digest(cacheDir);
    await siteData({...config, protect: true}, {log, siteDataDir, cacheDir});
    expect(lines[3]).toMatch(/^metrics: computed \(cache off: protected build\)/);
    expect(digest(cacheDir)).toEqual(before);
    expect(existsSync(join(siteDataDir, "manifest.json"))).toBe(true);
  }, 120_000);
});
