/**
 * Writes src/generated/account-shards.js, the Accounts page's list of account-history shard files,
 * and puts the shard files next to it (src/generated/account-history/). Framework includes a file in
 * dist/ only when a page names it in a literal FileAttachment, and the number of shards follows the
 * size of the book (loaders/site/datasets/account-history.ts), so the build writes the list for this
 * book before Framework runs. Only the file of the account a reader opens is fetched.
 *
 * The shards are plain files, as the other metric files are (scripts/metric-files.ts).
 */
import {copyFile, mkdir, readFile, rm, utimes, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {PROJECT_ROOT} from "../loaders/config.js";
import {historyFileName} from "../loaders/site/datasets/account-history.js";
import {SITE_DATA_DIR} from "../loaders/site/paths.js";
import {siteDataTime} from "./reproducible.js";

export const ACCOUNT_SHARDS_MODULE = join(PROJECT_ROOT, "src", "generated", "account-shards.js");
/** The shard files' folder, relative to the module. */
const SHARD_FOLDER = "account-history";

/** The module's text for `shards` files (in ./account-history/ next to the module). */
export function accountShardsModule(shards: number): string {
  const files = Array.from({length: shards}, (_, i) => `  FileAttachment("./${SHARD_FOLDER}/${historyFileName(i, shards)}")`);
  return [
    "// Written by the build (scripts/account-shards-module.ts) for this book: do not edit.",
    'import {FileAttachment} from "observablehq:stdlib";',
    "",
    `/** The ${shards} account-history shard files, by shard number (accounts_index.shard). */`,
    `export const SHARDS = [\n${files.join(",\n")}\n];`,
    ""
  ].join("\n");
}

/** Writes the module and copies the shard files, for the shard count the build computed (accounts_summary.json). */
export async function writeAccountShardsModule(dir = join(SITE_DATA_DIR, "metrics"), path = ACCOUNT_SHARDS_MODULE, {pin = true} = {}): Promise<number> {
  const {shards} = JSON.parse(await readFile(join(dir, "accounts_summary.json"), "utf8")) as {shards: number};
  const folder = join(dirname(path), SHARD_FOLDER);
  await rm(folder, {recursive: true, force: true});
  await mkdir(folder, {recursive: true});
  // Framework writes a file's modification time into the module that attaches it: pinned as the
  // pages' are (reproducible.ts), so two builds of the same data are the same bytes. Not in
  // `npm run dev`, whose preview notices a changed file by its time (metric-files.ts).
  const time = await siteDataTime(dir);
  for (let i = 0; i < shards; ++i) {
    const target = join(folder, historyFileName(i, shards));
    await copyFile(join(dir, historyFileName(i, shards)), target);
    if (pin) await utimes(target, time, time);
  }
  await writeFile(path, accountShardsModule(shards));
  return shards;
}
