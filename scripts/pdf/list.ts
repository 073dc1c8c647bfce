/**
 * reports/pdfs.json: the PDFs that exist in reports/ (file names, sorted), which the report pages
 * fetch to decide whether to show their "PDF" link. The build ships it empty; `npm run pdf`
 * rewrites it from the directory, so PDFs of earlier runs stay listed and a deleted one is not.
 */
import {readdirSync} from "node:fs";
import {writeFile} from "node:fs/promises";
import {join} from "node:path";

export const PDF_NAME = /^\d{4}-(\d{2}|Q[1-4])\.pdf$/;

export async function writePdfList(reportsDir: string): Promise<string[]> {
  const list = readdirSync(reportsDir).filter((n) => PDF_NAME.test(n)).sort();
  await writeFile(join(reportsDir, "pdfs.json"), JSON.stringify(list) + "\n");
  return list;
}
