/** Packs SITE_DATA_DIR/metrics into a zip on a stream, with fixed timestamps (byte-stable builds). */
import {existsSync} from "node:fs";
import {readdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import JSZip from "jszip";
import {SITE_DATA_DIR} from "./paths.js";

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

export async function writeArchive(out: NodeJS.WritableStream, dir = join(SITE_DATA_DIR, "metrics")): Promise<void> {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: run \`npm run build\` (or \`npm run dev\`), which computes the metrics first`);
  const zip = new JSZip();
  for (const name of (await readdir(dir, {recursive: true})).sort()) {
    const path = join(dir, name);
    // The account-history shards ship as plain files (scripts/account-shards-module.ts).
    if (name.includes(".") && !name.startsWith("account-history-")) zip.file(name, await readFile(path), {date: FIXED_DATE, binary: true});
  }
  const bytes = await zip.generateAsync({type: "nodebuffer", compression: "STORE"});
  out.write(bytes);
}
