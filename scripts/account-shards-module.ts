/**
 * Writes src/generated/account-shards.js: the Accounts page's list of account-history shard files.
 * Framework includes a file in dist/ only when a page names it in a literal FileAttachment, and the
 * number of shards follows the size of the book (loaders/site/datasets/account-history.ts), so the
 * build writes the list for this book before Framework runs. Only the file of the account a reader
 * opens is fetched.
 */
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import {PROJECT_ROOT} from "../loaders/config.js";
import {historyFileName} from "../loaders/site/datasets/account-history.js";
import {SITE_DATA_DIR} from "../loaders/site/paths.js";

export const ACCOUNT_SHARDS_MODULE = join(PROJECT_ROOT, "src", "generated", "account-shards.js");

/** The module's text for `shards` files (from src/generated/ the data is at ../data/metrics/). */
export function accountShardsModule(shards: number): string {
  const files = Array.from({length: shards}, (_, i) => `  FileAttachment("../data/metrics/${historyFileName(i, shards)}")`);
  return [
    "// Written by the build (scripts/account-shards-module.ts) for this book: do not edit.",
    'import {FileAttachment} from "observablehq:stdlib";',
    "",
    `/** The ${shards} account-history shard files, by shard number (accounts_index.shard). */`,
    `export const SHARDS = [\n${files.join(",\n")}\n];`,
    ""
  ].join("\n");
}

/** Writes the module for the shard count the build computed (accounts_summary.json). */
export async function writeAccountShardsModule(dir = join(SITE_DATA_DIR, "metrics"), path = ACCOUNT_SHARDS_MODULE): Promise<number> {
  const {shards} = JSON.parse(await readFile(join(dir, "accounts_summary.json"), "utf8")) as {shards: number};
  await mkdir(dirname(path), {recursive: true});
  await writeFile(path, accountShardsModule(shards));
  return shards;
}
