/**
 * `npm run pdf` (after `npm run build`): the latest monthly report, one month (--month YYYY-MM) or
 * every report (--all: each month and each quarterly review the site has) as A4 PDFs next to their
 * pages (dist/reports/2026-10.pdf), then reports/pdfs.json, the list the report pages read to show
 * their "PDF" link. A user error (no build, a protected build, no browser, a month not built) is one
 * line, no stack trace.
 */
import {writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {PROJECT_ROOT} from "../loaders/config.js";
import {displayPath} from "../loaders/ingest/errors.js";
import {reportError} from "./cli-errors.js";
import {parsePdfArgs} from "./pdf/args.js";
import {writePdfList} from "./pdf/list.js";
import {launchBrowser, renderPdf} from "./pdf/render.js";
import {serveSite} from "./pdf/serve.js";
import {periodDate, pinPdfDates} from "./pdf/stable.js";
import {availableReports, checkBuiltSite, selectTargets} from "./pdf/targets.js";

async function main(): Promise<number> {
  const args = parsePdfArgs(process.argv.slice(2));
  const dist = resolve(PROJECT_ROOT, args.dist);
  const reportsDir = checkBuiltSite(dist);
  const targets = selectTargets(availableReports(reportsDir), args.selection, dist);
  const browser = await launchBrowser();
  const server = await serveSite(dist);
  try {
    for (const target of targets) {
      const started = performance.now();
      const rendered = await renderPdf(browser, `${server.url}/reports/${target.path}`);
      const out = join(reportsDir, `${target.path}.pdf`);
      await writeFile(out, pinPdfDates(rendered.pdf, periodDate(target.name)));
      console.log(`pdf: ${displayPath(out)} (${rendered.locale}, ${Math.round(rendered.pdf.length / 1024)} kB, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await server.close();
    await browser.close();
  }
  const list = await writePdfList(reportsDir);
  console.log(`pdf: ${displayPath(join(reportsDir, "pdfs.json"))} lists ${list.length} PDF${list.length === 1 ? "" : "s"}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    reportError(error);
    process.exit(1);
  }
);
