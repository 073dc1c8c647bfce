/**
 * `npm run dev` (issue 16): recomputes the site data when an input file, the config or a loader
 * changes; the recompute puts the new metric files in src/data/metrics/, and Framework's preview
 * reloads the open pages that read them.
 *
 * The recompute runs in a fresh process (scripts/site-data.ts) so an edited loader or config module
 * is what runs (this process has the old ones imported); it goes through the cache, so undoing an
 * edit is instant. A failing recompute prints its one message and the preview keeps the last good
 * data. (custom/ is followed by dev-custom.ts.)
 */
import {spawn} from "node:child_process";
import {existsSync, watch, type FSWatcher} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {PROJECT_ROOT, type ReportConfig} from "../loaders/config.js";

const TSX = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

/** The files and folders whose change means the metrics must be recomputed. */
export function watchedPaths(config: ReportConfig, env: Record<string, string | undefined> = process.env): {dir: string; recursive: boolean; only?: string}[] {
  const configPath = env.CS_CONFIG ? resolve(env.CS_CONFIG) : join(PROJECT_ROOT, "report.config.ts");
  return [
    {dir: config.dataDir, recursive: true},
    {dir: join(PROJECT_ROOT, "loaders"), recursive: true},
    // The config file's folder, filtered to the file: editors replace a file rather than write it.
    {dir: dirname(configPath), recursive: false, only: basename(configPath)}
  ];
}

/** Recomputes the site data in a child process; resolves true when it succeeded. */
export function recompute(log = console.log): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn(TSX, ["scripts/site-data.ts"], {cwd: PROJECT_ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"]});
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    child.on("error", (e) => (log(`error: ${e.message}`), done(false)));
    child.on("exit", (code) => {
      const out = text.trim();
      if (code === 0) log(`dev: ${out}`);
      else log(`${out} (the preview keeps the last good data)`);
      done(code === 0);
    });
  });
}

/** Watches the inputs, the config and loaders/ until the returned function is called. */
export function watchInputs(config: ReportConfig, log = console.log): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const changed = new Set<string>();
  const watchers: FSWatcher[] = [];
  for (const {dir, recursive, only} of watchedPaths(config)) {
    if (!existsSync(dir)) continue;
    watchers.push(
      watch(dir, {recursive}, (_event, name) => {
        if (!name || (only && name !== only) || String(name).split(/[\\/]/).some((p) => p.startsWith("."))) return;
        changed.add(join(dir, String(name)));
        clearTimeout(timer);
        // One recompute per burst of writes, one at a time.
        timer = setTimeout(() => {
          const files = [...changed].map((f) => f.replace(`${PROJECT_ROOT}/`, ""));
          changed.clear();
          running = running.then(async () => {
            log(`dev: ${files.slice(0, 3).join(", ")}${files.length > 3 ? ` and ${files.length - 3} more` : ""} changed; recomputing the metrics`);
            await recompute(log);
          });
        }, 300);
      })
    );
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}
