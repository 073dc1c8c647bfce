// Same inputs and config, same output bytes: a second build of this commit must equal dist/ file
// for file (Framework's content hashes make any difference show up in names as well as bytes).
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {spawnAsync} from "../helpers/spawn.js";
import {DIST} from "./harness.js";

function digest(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of (readdirSync(root, {recursive: true}) as string[]).sort()) {
    const path = join(root, name);
    if (statSync(path).isFile()) out[name] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return out;
}

describe("deterministic build", () => {
  it("a second build is byte-identical to dist/", async () => {
    const second = join(import.meta.dirname, "..", ".tmp", "dist-second");
    rmSync(second, {recursive: true, force: true});
    const before = digest(DIST);
    // --no-cache: the pipeline runs again too (a cached rebuild is tests/e2e/cache.test.ts).
    // Spawned asynchronously: a build blocking the test worker longer than vitest's 60 s RPC timeout fails the run.
    const build = await spawnAsync("npx", ["tsx", "scripts/build.ts", "--out", second, "--no-cache"], {cwd: join(DIST, "..")});
    expect(build.status, build.stderr).toBe(0);
    const after = digest(second);
    expect(Object.keys(after).length).toBeGreaterThan(10);
    expect(after).toEqual(before);
    rmSync(second, {recursive: true, force: true});
  }, 900_000);
});
