// `npm run build --out FILE` (issue 14): refused at once, before the pipeline runs, in one line.
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {spawnAsync} from "../helpers/spawn.js";

describe("npm run build with --out pointing at a file", () => {
  it("exits 1 with one line naming --out, before computing anything", async () => {
    const dir = join(PROJECT_ROOT, "tests", ".tmp", "build-out");
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(dir, {recursive: true});
    const out = join(dir, "dist.txt");
    writeFileSync(out, "a file, not a site");
    const result = await spawnAsync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--out", out], {
      cwd: PROJECT_ROOT,
      timeout: 120_000
    });
    expect(result.stderr).toBe(`error: tests/.tmp/build-out/dist.txt: --out is an existing file, not a directory; choose a directory\n`);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(/^metrics:/m);
    expect(readFileSync(out, "utf8")).toBe("a file, not a site");
    rmSync(dir, {recursive: true, force: true});
  }, 120_000);
});
