/**
 * `npm run dev`: follows the custom folder while Framework previews the site. A changed .sql file
 * recomputes the metrics and re-exports the site data into src/data/metrics/, and open pages update; a changed page is copied into src/custom/ (Framework reloads
 * it); a page added, removed or retitled touches the Framework config so the sidebar follows. A
 * broken file prints its one message and the preview keeps the last good data.
 */
import {existsSync, watch} from "node:fs";
import {readFile, utimes} from "node:fs/promises";
import {join} from "node:path";
import {ConfigError, PROJECT_ROOT, type ReportConfig} from "../loaders/config.js";
import {CUSTOM_PAGES_PATH, syncCustomPages} from "../loaders/custom/pages.js";
import {InputError} from "../loaders/ingest/index.js";
import {runPipeline} from "../loaders/pipeline.js";
import {exportSiteData} from "../loaders/site/export.js";
import {publishSiteFiles} from "./metric-files.js";

const FRAMEWORK_CONFIG = join(PROJECT_ROOT, "observablehq.config.ts");

const touch = (path: string) => utimes(path, new Date(), new Date());
const readList = async () => (existsSync(CUSTOM_PAGES_PATH) ? readFile(CUSTOM_PAGES_PATH, "utf8") : "");

/** Rebuilds what the changed files (paths relative to the custom folder) feed. */
export async function refreshCustom(config: ReportConfig, changed: string[], log = console.log): Promise<void> {
  try {
    if (changed.some((name) => name.endsWith(".sql"))) {
      const result = await runPipeline(config);
      try {
        await exportSiteData(result);
      } finally {
        result.db.close();
      }
      log(`custom: metrics recomputed (${result.ctx.custom?.map((c) => c.table).join(", ") || "no custom tables"})`);
      // Said first: the preview updates the open page as soon as the files land.
      await publishSiteFiles({pin: false});
    }
    if (changed.some((name) => !name.endsWith(".sql"))) {
      const before = await readList();
      await syncCustomPages(config.customDir, config.locale);
      if ((await readList()) !== before) await touch(FRAMEWORK_CONFIG);
      log("custom: pages updated");
    }
  } catch (error) {
    if (error instanceof InputError || error instanceof ConfigError) log(`error: ${error.message} (the preview keeps the last good version)`);
    else log(`error: ${error instanceof Error ? error.stack : error}`);
  }
}

/** Watches config.customDir (recursively) until the returned function is called. */
export function watchCustom(config: ReportConfig, log = console.log): () => void {
  if (!existsSync(config.customDir)) {
    log(`custom: ${config.customDir} does not exist; restart npm run dev after creating it`);
    return () => {};
  }
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const watcher = watch(config.customDir, {recursive: true}, (_event, name) => {
    if (!name || name.split(/[\\/]/).some((part) => part.startsWith("."))) return;
    pending.add(String(name));
    clearTimeout(timer);
    // Editors write a file in several steps; one refresh per burst, one at a time.
    timer = setTimeout(() => {
      const changed = [...pending];
      pending = new Set();
      running = running.then(() => refreshCustom(config, changed, log));
    }, 200);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
