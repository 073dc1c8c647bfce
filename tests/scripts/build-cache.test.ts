// The cache key changes exactly when something that could change a number changes, and an entry
// round-trips byte for byte (scripts/build-cache.ts).
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {DEFAULT_CONFIG, type ReportConfig} from "../../loaders/config.js";
import {cacheKey, canonicalJson, restore, store, treeHash} from "../../scripts/build-cache.js";

let dir: string;
let config: ReportConfig;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cs-cache-"));
  mkdirSync(join(dir, "data", "usage", "month=2024-01"), {recursive: true});
  writeFileSync(join(dir, "data", "accounts.csv"), "account_id,name\nA1,Acme\n");
  writeFileSync(join(dir, "data", "usage", "month=2024-01", "part-0.csv"), "account_id,active_users\nA1,3\n");
  mkdirSync(join(dir, "custom"));
  config = {...DEFAULT_CONFIG, dataDir: join(dir, "data"), customDir: join(dir, "custom")};
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

describe("cacheKey", () => {
  it("is stable for the same inputs and config", async () => {
    const a = await cacheKey(config);
    const b = await cacheKey({...config});
    expect(b).toEqual(a);
    expect(a.key).toMatch(/^[0-9a-f]{16}$/);
  });

  it("changes with one byte of one input file, in a partition too, and only the inputs part changes", async () => {
    const before = await cacheKey(config);
    writeFileSync(join(dir, "data", "usage", "month=2024-01", "part-0.csv"), "account_id,active_users\nA1,4\n");
    const after = await cacheKey(config);
    expect(after.key).not.toBe(before.key);
    expect(after.parts.inputs).not.toBe(before.parts.inputs);
    expect(after.parts.config).toBe(before.parts.config);
    expect(after.parts.code).toBe(before.parts.code);
  });

  it("changes when a file is renamed, added or removed, or a custom metric changes", async () => {
    const keys = [(await cacheKey(config)).key];
    renameSync(join(dir, "data", "usage", "month=2024-01"), join(dir, "data", "usage", "month=2024-02"));
    keys.push((await cacheKey(config)).key);
    writeFileSync(join(dir, "data", "nps.csv"), "account_id,score\n");
    keys.push((await cacheKey(config)).key);
    rmSync(join(dir, "data", "nps.csv"));
    expect((await cacheKey(config)).key).toBe(keys[1]);
    writeFileSync(join(dir, "custom", "x.sql"), "SELECT 1");
    keys.push((await cacheKey(config)).key);
    expect(new Set(keys).size).toBe(4);
  });

  it("changes with the resolved config but not with its key order", async () => {
    const base = await cacheKey(config);
    expect((await cacheKey({...config, grossMargin: 0.7})).key).not.toBe(base.key);
    const reordered = Object.fromEntries(Object.entries(config).reverse()) as unknown as ReportConfig;
    expect((await cacheKey(reordered)).key).toBe(base.key);
  });

  it("changes with the metric code", async () => {
    const root = join(dir, "project");
    mkdirSync(join(root, "loaders"), {recursive: true});
    mkdirSync(join(root, "scripts"));
    writeFileSync(join(root, "scripts", "build-cache.ts"), "// v1");
    writeFileSync(join(root, "loaders", "m.ts"), "export const x = 1;");
    const a = await cacheKey(config, {root});
    writeFileSync(join(root, "loaders", "m.ts"), "export const x = 2;");
    const b = await cacheKey(config, {root});
    expect(b.parts.code).not.toBe(a.parts.code);
    expect(b.parts.inputs).toBe(a.parts.inputs);
  });
});

describe("canonicalJson and treeHash", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({b: 1, a: {d: [2, 1], c: null}})).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
  });
  it("hashes a missing folder to a fixed value, distinct from an empty one", async () => {
    mkdirSync(join(dir, "empty"));
    expect(await treeHash(join(dir, "nope"))).toBe(await treeHash(join(dir, "nope2")));
    expect(await treeHash(join(dir, "empty"))).not.toBe(await treeHash(join(dir, "nope")));
  });
});

describe("store and restore", () => {
  it("round-trips the site data byte for byte, misses an unknown key, and keeps the newest entries", async () => {
    const site = join(dir, "site");
    const cache = join(dir, "cache");
    mkdirSync(join(site, "metrics"), {recursive: true});
    writeFileSync(join(site, "metrics", "mrr.arrow"), Buffer.from([0, 1, 2, 255]));
    writeFileSync(join(site, "manifest.json"), '{"asOf":"2024-01"}');
    await store("k1", site, {summary: "as of 2024-01"}, {cacheDir: cache, keep: 2});

    rmSync(site, {recursive: true});
    mkdirSync(site);
    writeFileSync(join(site, "stale.json"), "old");
    expect(await restore("nope", site, cache)).toBeNull();
    expect(await restore("k1", site, cache)).toEqual({summary: "as of 2024-01"});
    expect(readdirSync(site).sort()).toEqual(["manifest.json", "metrics"]);
    expect([...readFileSync(join(site, "metrics", "mrr.arrow"))]).toEqual([0, 1, 2, 255]);

    await new Promise((r) => setTimeout(r, 20));
    await store("k2", site, {summary: "2"}, {cacheDir: cache, keep: 2});
    await new Promise((r) => setTimeout(r, 20));
    await store("k3", site, {summary: "3"}, {cacheDir: cache, keep: 2});
    expect(readdirSync(cache).sort()).toEqual(["k2", "k3"]);
  });
});
