/**
 * `npm run dev` in a copy of the project (tests/e2e/custom-dev.test.ts, dev-inputs.test.ts): the
 * copy's files can be edited while the preview runs, and the project's own stay untouched.
 */
import {spawn} from "node:child_process";
import {cpSync, mkdtempSync, rmSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {PROJECT_ROOT} from "../../loaders/config.js";

const SKIP = new Set(["node_modules", "dist", ".cs-build", ".git", "tests", "bench/out", "src/.observablehq", "src/custom"]);

export interface DevCopy {
  /** The copy's root directory. */
  root: string;
  /** The preview's URL, ending in "/". */
  base: string;
  /** Everything the dev process printed so far (stdout and stderr). */
  output(): string;
  /** Stops the preview server and removes the copy. */
  stop(): void;
}

export async function startDevCopy(prefix: string): Promise<DevCopy> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(PROJECT_ROOT, root, {recursive: true, filter: (src) => !SKIP.has(relative(PROJECT_ROOT, src))});
  symlinkSync(join(PROJECT_ROOT, "node_modules"), join(root, "node_modules"));
  // Its own process group, so the test can stop the preview server it started (and only that).
  const dev = spawn(join(root, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--dev"], {cwd: root, detached: true, env: {...process.env, BROWSER: "none"}});
  let output = "";
  dev.stdout!.on("data", (d) => (output += d));
  dev.stderr!.on("data", (d) => (output += d));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0];
      if (url) clearInterval(timer), resolve(url);
      if (dev.exitCode !== null) clearInterval(timer), reject(new Error(output));
    }, 250);
  });
  return {
    root,
    base,
    output: () => output,
    stop: () => {
      if (dev.pid) process.kill(-dev.pid, "SIGTERM");
      rmSync(root, {recursive: true, force: true});
    }
  };
}
