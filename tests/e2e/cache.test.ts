// issue 16: a rebuild with unchanged inputs, config and metric code reuses the computed metrics
// (scripts/build-cache.ts) and gives a byte-identical site; changing one input file invalidates the
// cache and changes the site. Three builds of a copy of the sample, with their own cache folder.
import {execFile} from "node:child_process";
import {promisify} from "node:util";
import {createHash} from "node:crypto";
import {cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {afterAll, describe, expect, it} from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const TMP = join(ROOT, "tests", ".tmp", "cache");

function digest(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of (readdirSync(root, {recursive: true}) as string[]).sort()) {
    const path = join(root, name);
    if (statSync(path).isFile()) out[name] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return out;
}

// Asynchronous, so vitest's worker stays responsive through builds of several minutes.
async function build(out: string): Promise<string> {
  const started = Date.now();
  const {stdout} = await promisify(execFile)("npx", ["tsx", "scripts/build.ts", "--out", relative(ROOT, join(TMP, out))], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    env: {...process.env, CS_CONFIG: join(TMP, "cache.config.ts"), CS_CACHE_DIR: join(TMP, "store")}
  });
  // The figures for the report (not asserted: timing belongs to npm run bench).
  console.log(`${out}: ${((Date.now() - started) / 1000).toFixed(0)} s; ${stdout.split("\n").find((l) => l.startsWith("metrics:"))}`);
  return stdout;
}

afterAll(() => rmSync(TMP, {recursive: true, force: true}));

describe("build cache", () => {
  it("a cached rebuild is byte-identical to a cold one; changing one input file invalidates it", async () => {
    rmSync(TMP, {recursive: true, force: true});
    mkdirSync(TMP, {recursive: true});
    cpSync(join(ROOT, "data", "sample"), join(TMP, "data"), {recursive: true});
    writeFileSync(join(TMP, "cache.config.ts"), `import base from "../../../report.config.js";\nexport default {...base, dataDir: ${JSON.stringify(join(TMP, "data"))}};\n`);

    const cold = await build("dist-cold");
    const key = /metrics: computed \(cache key ([0-9a-f]{12})\)/.exec(cold)?.[1];
    expect(key, cold).toBeDefined();
    expect(readdirSync(join(TMP, "store"))).toHaveLength(1);

    const warm = await build("dist-warm");
    expect(warm).toContain(`metrics: reused (cache key ${key})`);
    const coldFiles = digest(join(TMP, "dist-cold"));
    expect(Object.keys(coldFiles).length).toBeGreaterThan(10);
    expect(digest(join(TMP, "dist-warm"))).toEqual(coldFiles);

    // One NPS response fewer: one line of one file.
    const nps = join(TMP, "data", "nps_responses.csv");
    const lines = readFileSync(nps, "utf8").trimEnd().split("\n");
    writeFileSync(nps, `${lines.slice(0, -1).join("\n")}\n`);
    const changed = await build("dist-changed");
    const newKey = /metrics: computed \(cache key ([0-9a-f]{12})\)/.exec(changed)?.[1];
    expect(newKey, changed).toBeDefined();
    expect(newKey).not.toBe(key);
    const changedFiles = digest(join(TMP, "dist-changed"));
    const differing = Object.keys(changedFiles).filter((f) => changedFiles[f] !== coldFiles[f]);
    expect(differing.length).toBeGreaterThan(0);
    const entries = readdirSync(join(TMP, "store")).map((e) => e.slice(0, 12));
    expect(entries.sort()).toEqual([key!, newKey!].sort());
  }, 2_400_000);
});
