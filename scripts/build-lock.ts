/**
 * One build at a time per checkout: builds share .cs-build/ and Framework's cache. mkdir is atomic,
 * so the lock is a directory holding the owner's pid; a lock whose process is gone is taken over.
 */
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {setTimeout as sleep} from "node:timers/promises";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function acquireBuildLock(buildDir: string, {timeoutMs = 15 * 60_000} = {}): Promise<() => void> {
  const dir = join(buildDir, "lock");
  mkdirSync(buildDir, {recursive: true});
  const deadline = Date.now() + timeoutMs;
  for (let waited = false; ; waited = true) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, "pid"), String(process.pid));
      const release = () => rmSync(dir, {recursive: true, force: true});
      process.once("exit", release);
      return release;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(dir, "pid"), "utf8"));
      } catch {
        // the owner is between mkdir and writing its pid
      }
      if (Number.isInteger(owner) && !alive(owner)) {
        rmSync(dir, {recursive: true, force: true});
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another build holds ${dir} (pid ${owner}); gave up waiting`);
      if (!waited) console.log(`waiting for another build (pid ${owner}) to finish…`);
      await sleep(500);
    }
  }
}
