// A child process run without blocking the test worker: vitest's worker answers its runner over RPC
// with a fixed 60 s timeout, and spawnSync holds the event loop for the whole child (a build under a
// loaded CI machine takes longer), which fails the run with "Timeout calling onTaskUpdate".
import {spawn, type SpawnOptions} from "node:child_process";

export interface Spawned {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function spawnAsync(command: string, args: string[], options: SpawnOptions = {}): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {...options, stdio: ["ignore", "pipe", "pipe"]});
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr!.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", reject);
    child.on("close", (status) => resolve({status, stdout, stderr}));
  });
}
