/**
 * The monthly digests (issue 17): digest-YYYY-MM.txt and .md for every month, and digest-latest.*,
 * from the report-YYYY-MM.json files the report dataset has just written into the same directory
 * (so the digest states exactly what the page shows). The build publishes them at
 * /reports/YYYY-MM.digest.txt and .md (scripts/postbuild/digests.ts) and the report page's copy
 * button reads them from the data archive.
 */
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {SiteDataset} from "../dataset.js";
import {digestMarkdown, digestOf, digestText} from "../report/digest.js";
import type {MonthlyReport} from "../report/types.js";

export const digest: SiteDataset = {
  name: "digest",
  async write(_db, ctx, dir) {
    const files = (await readdir(dir)).filter((n) => /^report-\d{4}-\d{2}\.json$/.test(n)).sort();
    for (const file of files) {
      const report = JSON.parse(await readFile(join(dir, file), "utf8")) as MonthlyReport;
      const d = digestOf(report, {title: ctx.config.title, path: `/reports/${report.month}`});
      const names = report.latest ? [report.month, "latest"] : [report.month];
      for (const name of names) {
        await writeFile(join(dir, `digest-${name}.txt`), digestText(d));
        await writeFile(join(dir, `digest-${name}.md`), digestMarkdown(d));
      }
    }
  }
};
