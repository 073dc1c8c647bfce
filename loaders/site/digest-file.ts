/**
 * What src/reports/[month].digest.{txt,md}.ts print: the digest the build wrote for that month
 * (datasets/digest.ts), so /reports/YYYY-MM.digest.txt is the same file the page's copy button reads.
 */
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {SITE_DATA_DIR} from "./paths.js";

export async function writeDigestFile(ext: "txt" | "md", args = process.argv.slice(2), out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const {values} = parseArgs({args, options: {month: {type: "string"}}, strict: false});
  const month = String(values.month ?? "");
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`a digest needs --month=YYYY-MM (got ${JSON.stringify(month)})`);
  out.write(await readFile(join(SITE_DATA_DIR, "metrics", `digest-${month}.${ext}`)));
}
