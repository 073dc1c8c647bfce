/**
 * scripts/cli/launch.mjs: runs a TypeScript script from an esbuild bundle and rebuilds the bundle
 * when a source it was built from changes (never runs stale code); the config file still loads as TypeScript.
 */
import {execFile} from "node:child_process";
import {mkdirSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../../loaders/config.js";

const DIR = resolve(PROJECT_ROOT, "tests/.tmp/launch");
const run = (entry: string, args: string[] = [], env: Record<string, string> = {}) =>
  new Promise<{code: number; stdout: string; stderr: string}>((done) =>
    execFile("node", ["scripts/cli/launch.mjs", entry, ...args], {cwd: PROJECT_ROOT, env: {...process.env, ...env}}, (error, stdout, stderr) =>
      done({code: error ? ((error as {code?: number}).code ?? 1) : 0, stdout, stderr})
    )
  );

afterAll(() => rmSync(DIR, {recursive: true, force: true}));

describe("scripts/cli/launch.mjs", () => {
  it("runs the script with its arguments, and rebuilds when an imported source changes", async () => {
    mkdirSync(DIR, {recursive: true});
    writeFileSync(join(DIR, "dep.ts"), `export const word: string = "first";\n`);
    writeFileSync(join(DIR, "main.ts"), `import {word} from "./dep.js";\nconsole.log(word, process.argv.slice(2).join(" "));\n`);
    expect((await run("tests/.tmp/launch/main.ts", ["a", "b"])).stdout).toBe("first a b\n");
    writeFileSync(join(DIR, "dep.ts"), `export const word: string = "second";\n`);
    // Same-second writes: make the edit unambiguously newer than the bundle.
    const later = new Date(Date.now() + 5000);
    utimesSync(join(DIR, "dep.ts"), later, later);
    expect((await run("tests/.tmp/launch/main.ts", ["c"])).stdout).toBe("second c\n");
  }, 60_000);

  it("runs the metrics CLI: the TypeScript config loads and errors keep their exit codes", async () => {
    const help = await run("scripts/metrics.ts", ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run metrics -- --data DIR --out OUT/);
    const bad = await run("scripts/metrics.ts", ["--data", "data/sample", "--out", join(DIR, "out"), "--tables", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unknown table "nope" for --tables; valid tables: account_months, /);
    const config = await run("scripts/metrics.ts", ["--data", "data/sample", "--out", join(DIR, "out"), "--config", "tests/fixtures/metrics/report.config.ts", "--tables", "nope"]);
    expect(config.stderr).toMatch(/^error: unknown table "nope"/);
  }, 120_000);
});
