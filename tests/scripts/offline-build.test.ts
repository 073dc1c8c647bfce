// The site build never reaches the network: with the npm cache vendored, a page importing a module
// that was not vendored fails the build at once, naming the module and how to add it (no hang on a
// CDN request), and a page using only vendored modules builds.
import {existsSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {vendorNpm} from "../../scripts/vendor-npm.js";
import {spawnAsync} from "../helpers/spawn.js";

const FRAMEWORK = join(PROJECT_ROOT, "node_modules", "@observablehq", "framework", "dist", "bin", "observable.js");
const GUARD = join(PROJECT_ROOT, "scripts", "offline-guard.mjs");

async function site(name: string, page: string): Promise<string> {
  const dir = join(PROJECT_ROOT, "tests", ".tmp", name);
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(join(dir, "src"), {recursive: true});
  writeFileSync(join(dir, "observablehq.config.js"), `export default {root: "src", globalStylesheets: [], search: false};\n`);
  writeFileSync(join(dir, "src", "index.md"), page);
  await vendorNpm({cacheDir: join(dir, "src", ".observablehq", "cache", "_npm"), log: () => {}});
  return dir;
}

async function build(dir: string) {
  return await spawnAsync(process.execPath, ["--import", GUARD, FRAMEWORK, "build"], {
    cwd: dir,
    timeout: 120_000,
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}
  });
}

describe("offline build", () => {
  it("fails at once on a module that was not vendored, saying which and how to add it", async () => {
    const dir = await site("offline-unvendored", "```js\nimport leftPad from \"npm:left-pad\";\ndisplay(leftPad(\"1\", 3));\n```\n");
    // A hang on a CDN request would run into the child's timeout (status null), not exit 3.
    const result = await build(dir);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('error: offline build: the npm module "left-pad" is not vendored for offline builds.');
    expect(result.stderr).toContain("npm install --save-exact left-pad");
    expect(result.stderr).toContain("VENDORED in\n  scripts/vendor-npm.ts");
    rmSync(dir, {recursive: true, force: true});
  }, 120_000);

  it("builds a page that uses only vendored modules (Plot, d3, Inputs) with no network", async () => {
    const dir = await site("offline-vendored", "```js\ndisplay(Plot.barY([1, 2], {x: (d) => d, y: (d) => d}).plot());\ndisplay(Inputs.table([{a: d3.sum([1, 2])}]));\n```\n");
    const result = await build(dir);
    expect(result.stderr).not.toContain("offline build");
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, "dist", "index.html"))).toBe(true);
    rmSync(dir, {recursive: true, force: true});
  }, 120_000);
});
