/**
 * Runs a command and samples the resident memory of its whole process tree (the command and every
 * descendant: tsx, Framework, data loaders) from /proc, so "peak memory" counts what the machine
 * actually had to hold at once.
 */
import {spawn} from "node:child_process";
import {readdirSync, readFileSync} from "node:fs";

const PAGE = 4096;

function children(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // the process exited between listing and reading
  }
  return out;
}

function rss(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * PAGE;
  } catch {
    return 0;
  }
}

export function treeRss(root: number): number {
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss(pid);
    stack.push(...children(pid));
  }
  return total;
}

export interface Measured {
  ms: number;
  peakRssBytes: number;
  code: number;
  stdout: string;
  stderr: string;
}

export function measure(command: string, args: string[], {env = {}, cwd}: {env?: Record<string, string>; cwd?: string} = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {cwd, env: {...process.env, ...env}, stdio: ["ignore", "pipe", "pipe"]});
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 50);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ms: performance.now() - started, peakRssBytes: peak, code: code ?? 1, stdout, stderr});
    });
  });
}
