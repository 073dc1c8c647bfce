/**
 * Which pages `npm run pdf` renders, discovered from the built site itself (not the build's
 * manifest, which describes the last build whatever its --out): the monthly reports
 * reports/YYYY-MM.html and the quarterly reviews reports/q/YYYY-Qn.html, when the site has them.
 */
import {existsSync, readdirSync, statSync} from "node:fs";
import {join} from "node:path";
import {displayPath, InputError} from "../../loaders/ingest/errors.js";
import {PROTECT_DIR} from "../postbuild/protect.js";
import type {PdfSelection} from "./args.js";

export interface PdfTarget {
  /** "2026-10" or "2026-Q3". */
  name: string;
  kind: "month" | "quarter";
  /** Under reports/: the page is /reports/<path>, the PDF reports/<path>.pdf ("2026-10", "q/2026-Q3"). */
  path: string;
}

const MONTH = /^(\d{4}-\d{2})\.html$/;
const QUARTER = /^(\d{4}-Q[1-4])\.html$/;

/** Checks that `dist` is a finished, unprotected build; returns its reports directory. */
export function checkBuiltSite(dist: string): string {
  const shown = displayPath(dist);
  if (!existsSync(join(dist, "index.html"))) throw new InputError(`${shown} has no built site: run npm run build first (npm run pdf renders the built report)`);
  if (existsSync(join(dist, PROTECT_DIR))) {
    throw new InputError(`${shown} is a protected build (protect: true): its data is encrypted, so npm run pdf needs the unprotected build; build once without protect, run npm run pdf, and share the PDFs as securely as the site`);
  }
  const reports = join(dist, "reports");
  if (!existsSync(reports) || !statSync(reports).isDirectory()) throw new InputError(`${shown} has no reports/ pages: run npm run build first`);
  return reports;
}

/** The reports of the built site, oldest first: months, then quarters. */
export function availableReports(reportsDir: string): PdfTarget[] {
  const names = readdirSync(reportsDir).sort();
  // Quarterly reviews live in reports/q/: Framework routes any reports/<x> to the [month] page.
  const quarterDir = join(reportsDir, "q");
  const quarters = existsSync(quarterDir) && statSync(quarterDir).isDirectory() ? readdirSync(quarterDir).sort() : [];
  return [
    ...names.flatMap((n) => (MONTH.test(n) ? [{name: MONTH.exec(n)![1], kind: "month" as const, path: MONTH.exec(n)![1]}] : [])),
    ...quarters.flatMap((n) => (QUARTER.test(n) ? [{name: QUARTER.exec(n)![1], kind: "quarter" as const, path: `q/${QUARTER.exec(n)![1]}`}] : []))
  ];
}

/** The selected reports: the latest month, one month (which must exist), or every report. */
export function selectTargets(available: PdfTarget[], selection: PdfSelection, dist: string): PdfTarget[] {
  const months = available.filter((t) => t.kind === "month");
  if (!months.length) throw new InputError(`${displayPath(dist)} has no monthly report pages (reports/YYYY-MM.html): run npm run build first`);
  if (selection.kind === "all") return available;
  if (selection.kind === "latest") return [months.at(-1)!];
  const found = months.find((t) => t.name === selection.month);
  if (!found) throw new InputError(`there is no report for ${selection.month} in ${displayPath(dist)}: the months built are ${months[0].name} to ${months.at(-1)!.name}`);
  return [found];
}
