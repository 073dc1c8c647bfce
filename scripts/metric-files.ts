/**
 * Puts the metric files the build computed (SITE_DATA_DIR/metrics) in src/data/metrics/, where pages
 * read them as plain files: FileAttachment("data/metrics/<table>.arrow"). Framework copies a plain
 * file it is asked for; from an archive it re-reads the whole archive for every member it extracts,
 * which at 100,000 accounts (a 107 MB archive, ~60 members) cost the build about a minute.
 *
 * Not copied: the account-history shards (scripts/account-shards-module.ts puts them next to their
 * module) and the digests' Markdown (published from the site data into reports/ by the build; in
 * src/ Framework would take a .md file for a page).
 */
import {copyFile, mkdir, readdir, rm, utimes} from "node:fs/promises";
import {join} from "node:path";
import {PROJECT_ROOT} from "../loaders/config.js";
import {SITE_DATA_DIR} from "../loaders/site/paths.js";
import {writeAccountShardsModule} from "./account-shards-module.js";
import {siteDataTime} from "./reproducible.js";

export const METRIC_FILES_DIR = join(PROJECT_ROOT, "src", "data", "metrics");

export interface PublishOptions {
  /** The computed metric files (default SITE_DATA_DIR/metrics) and where they go. */
  dir?: string;
  target?: string;
  /**
   * Give the files the build's pinned modification time (Framework writes it into the pages, so two
   * builds of the same data are the same bytes). `npm run dev` leaves the real time: its preview
   * notices a changed file by its time.
   */
  pin?: boolean;
}

/** Copies the metric files pages read; returns how many. */
export async function publishMetricFiles({dir = join(SITE_DATA_DIR, "metrics"), target = METRIC_FILES_DIR, pin = true}: PublishOptions = {}): Promise<number> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith("account-history-") && !name.endsWith(".md")).sort();
  await rm(target, {recursive: true, force: true});
  await mkdir(target, {recursive: true});
  const time = await siteDataTime(dir);
  for (const name of names) {
    await copyFile(join(dir, name), join(target, name));
    if (pin) await utimes(join(target, name), time, time);
  }
  return names.length;
}

/**
 * Everything the build puts in src/ from the site data: the metric files, and the Accounts page's
 * shard files with the module listing them (their number follows the size of the book).
 */
export async function publishSiteFiles({pin = true}: {pin?: boolean} = {}): Promise<void> {
  await publishMetricFiles({pin});
  await writeAccountShardsModule(undefined, undefined, {pin});
}
