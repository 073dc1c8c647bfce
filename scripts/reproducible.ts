/**
 * Framework writes each data file's modification time into every page that uses it
 * (`registerFile(…, {lastModified: …})`); files a data loader generates are written at build time, so
 * two builds of the same inputs would differ. The build pins that field to one instant: the
 * SOURCE_DATE_EPOCH convention when set, else the end of the data's as-of month.
 */
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** Milliseconds since the epoch for the pinned modification time. */
export function pinnedTime(asOf: string, env: Record<string, string | undefined> = process.env): number {
  if (env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH)) return Number(env.SOURCE_DATE_EPOCH) * 1000;
  const [y, m] = asOf.split("-").map(Number);
  return Date.UTC(y, m, 1) - 1000; // the last second of the as-of month, UTC
}

/** The pinned time for the site data in `dir` (its manifest.json's as-of month), for the files the build copies into src/. */
export async function siteDataTime(dir: string): Promise<Date> {
  const {asOf} = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as {asOf: string};
  return new Date(pinnedTime(asOf));
}

/** Rewrites every `"lastModified":<ms>` in the HTML files under `dir`; returns how many files changed. */
export async function pinLastModified(dir: string, ms: number): Promise<number> {
  let changed = 0;
  for (const name of (await readdir(dir, {recursive: true})) as string[]) {
    if (!name.endsWith(".html")) continue;
    const path = join(dir, name);
    const before = await readFile(path, "utf8");
    const after = before.replace(/"lastModified":\d+/g, `"lastModified":${ms}`);
    if (after !== before) {
      await writeFile(path, after);
      ++changed;
    }
  }
  return changed;
}
