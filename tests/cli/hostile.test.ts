/**
 * `npm run metrics` on hostile inputs and settings (issue 14): each problem ends in one line on
 * stderr naming the path or setting, exit code 1 (2 for usage), no stack trace, nothing written.
 */
import {execFile} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {fsProblem} from "../../loaders/ingest/fs-errors.js";

const TSX = resolve(PROJECT_ROOT, "node_modules/.bin/tsx");
const VALID = resolve(PROJECT_ROOT, "tests/fixtures/ingest/valid");
const root = mkdtempSync(join(tmpdir(), "cs-hostile-cli-"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function cli(args: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((done) => {
    execFile(TSX, ["scripts/metrics.ts", ...args], {cwd: PROJECT_ROOT, env: {...process.env, INIT_CWD: PROJECT_ROOT}}, (error, stdout, stderr) =>
      done({code: error ? ((error as {code?: number}).code ?? 1) : 0, stdout, stderr, ms: performance.now() - started})
    );
  });
}

/** A copy of the valid fixture with `usage.csv` replaced by `make(path)`. */
function dataWithUsage(name: string, make: (path: string) => void): string {
  const dir = join(root, name);
  cpSync(VALID, dir, {recursive: true});
  rmSync(join(dir, "usage.csv"));
  make(join(dir, "usage.csv"));
  return dir;
}

const config = (name: string, text: string) => {
  const path = join(root, `${name}.config.ts`);
  writeFileSync(path, text);
  return path;
};

const oneLine = (run: Run) => {
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\s+at .+:\d+:\d+/);
};

const CASES: Record<string, () => string[]> = {
  dangling: () => ["--data", dataWithUsage("dangling", (p) => symlinkSync(join(root, "nowhere.csv"), p)), "--out", join(root, "out-dangling")],
  loop: () => ["--data", dataWithUsage("loop", (p) => symlinkSync(p, p)), "--out", join(root, "out-loop")],
  directory: () => ["--data", dataWithUsage("directory", (p) => mkdirSync(p)), "--out", join(root, "out-directory")],
  outFile: () => {
    writeFileSync(join(root, "out-file"), "not a directory");
    return ["--data", VALID, "--out", join(root, "out-file")];
  },
  asOf: () => ["--data", VALID, "--out", join(root, "out-asof"), "--as-of", "2999-12"],
  syntax: () => ["--data", VALID, "--out", join(root, "out-syntax"), "--config", config("syntax", 'export default {\n  segments: ["segment",\n};\n')],
  segment: () => ["--data", VALID, "--out", join(root, "out-segment"), "--config", config("segment", 'export default {segments: ["segment", "regoin"]};\n')],
  memory: () => ["--data", VALID, "--out", join(root, "out-memory"), "--config", config("memory", 'export default {memoryLimit: "1MB"};\n')]
};

const runs: Record<string, Run> = {};
beforeAll(async () => {
  const entries = Object.entries(CASES).map(([name, args]) => [name, args()] as const);
  // In parallel: each is a separate process, and most stop before any work.
  const results = await Promise.all(entries.map(([, args]) => cli(args)));
  entries.forEach(([name], i) => (runs[name] = results[i]));
}, 300_000);

describe("file-system problems: one line naming the path and what to do", () => {
  it("a dangling symlink", () => {
    oneLine(runs.dangling);
    expect(runs.dangling.code).toBe(1);
    expect(runs.dangling.stderr).toBe(
      `error: ${join(root, "dangling", "usage.csv")}: is a symbolic link to a file that does not exist (a dangling link); point it at the export or replace it with the file\n`
    );
  });

  it("a symlink loop", () => {
    oneLine(runs.loop);
    expect(runs.loop.stderr).toBe(`error: ${join(root, "loop", "usage.csv")}: symbolic link loop (the link points back to itself); replace it with the file\n`);
  });

  it("a directory named usage.csv", () => {
    oneLine(runs.directory);
    expect(runs.directory.stderr).toBe(`error: ${join(root, "directory", "usage.csv")}: is a directory, not a file; put the export file there instead\n`);
  });

  it("--out pointing at an existing file fails before any work (nothing computed)", () => {
    oneLine(runs.outFile);
    expect(runs.outFile.code).toBe(1);
    expect(runs.outFile.stdout).toBe("");
    expect(runs.outFile.stderr).toBe(`error: ${join(root, "out-file")}: --out is an existing file, not a directory; choose a directory\n`);
  });

  it("permission denied and other codes map to one line (unit: the test runs as root, which chmod cannot stop)", () => {
    const err = (code: string) => Object.assign(new Error(code), {code});
    expect(fsProblem(err("EACCES"), "/data/usage.csv")).toBe("/data/usage.csv: permission denied; allow read access (e.g. chmod u+r) or run as a user who has it");
    expect(fsProblem(err("EACCES"), "/out", {writing: true})).toBe("/out: permission denied; allow write access (e.g. chmod u+w) or run as a user who has it");
    expect(fsProblem(err("ENOSPC"), "/out", {writing: true})).toBe("/out: no space left on the device; free some space");
    expect(fsProblem(new Error("plain"), "/x")).toBeNull();
  });
});

describe("settings: one line naming the setting", () => {
  it("--as-of far outside the plausible dates", () => {
    oneLine(runs.asOf);
    expect(runs.asOf.code).toBe(1);
    expect(runs.asOf.stderr).toBe('error: config: "--as-of" 2999-12 is outside the plausible dates 1990-01-01..2099-12-31 (dateRange); choose a month inside it\n');
  });

  it("a config file with a syntax error", () => {
    oneLine(runs.syntax);
    expect(runs.syntax.code).toBe(1);
    expect(runs.syntax.stderr).toMatch(/^error: config: .*syntax\.config\.ts cannot be loaded: .+ \(line 3, column \d+\)\n$/);
  });

  it("a misspelt segment", () => {
    oneLine(runs.segment);
    expect(runs.segment.stderr).toBe(
      'error: config: "segments" lists "regoin", which is not a column of accounts (text columns: segment, industry, region, csm, tier, partner)\n'
    );
  });

  it("a memoryLimit too small for the data names memoryLimit", () => {
    oneLine(runs.memory);
    expect(runs.memory.code).toBe(1);
    expect(runs.memory.stderr).toMatch(/^error: DuckDB ran out of memory within memoryLimit "1MB" \(.+\); raise memoryLimit in the config \(e\.g\. "2MB"\) or free memory on this machine\n$/);
  });
});
