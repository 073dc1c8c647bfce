/**
 * Publishes the monthly digests (loaders/site/datasets/digest.ts) as reports/YYYY-MM.digest.txt and
 * .digest.md in the built site, for e-mail and chat (issue 17). Copied by the build rather than
 * emitted by Framework, because Framework reads any reports/*.md path as the [month].md page.
 * A protected build ships its data only encrypted, so it publishes none (the page's copy button
 * still works: it reads the encrypted copy among the data files).
 */
import {copyFile, mkdir, readdir} from "node:fs/promises";
import {join} from "node:path";

const DIGEST = /^digest-(\d{4}-\d{2})\.(txt|md)$/;

/** Copies every digest-YYYY-MM.{txt,md} of `metricsDir` into `site`/reports; returns how many. */
export async function publishDigests(metricsDir: string, site: string, {protect}: {protect: boolean}): Promise<number> {
  if (protect) return 0;
  const names = (await readdir(metricsDir)).filter((n) => DIGEST.test(n)).sort();
  await mkdir(join(site, "reports"), {recursive: true});
  for (const name of names) {
    const [, month, ext] = DIGEST.exec(name)!;
    await copyFile(join(metricsDir, name), join(site, "reports", `${month}.digest.${ext}`));
  }
  return names.length;
}
