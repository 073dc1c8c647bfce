// Which reports `npm run pdf` renders (scripts/pdf/targets.ts), found in the built site: monthly
// pages and, when the site has them, quarterly reviews; and the refusals (no build, protected build,
// a month not built), one line each.
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {InputError} from "../../../loaders/ingest/errors.js";
import {availableReports, checkBuiltSite, selectTargets} from "../../../scripts/pdf/targets.js";

function site(files: string[]): string {
  const dist = mkdtempSync(join(tmpdir(), "cs-pdf-"));
  for (const f of files) {
    mkdirSync(join(dist, f, ".."), {recursive: true});
    writeFileSync(join(dist, f), "");
  }
  return dist;
}

const built = ["index.html", "reports/index.html", "reports/2026-08.html", "reports/2026-09.html", "reports/2026-10.html", "reports/pdfs.json", "reports/2026-10.digest.txt"];

describe("pdf targets", () => {
  it("finds the months, oldest first, then the quarters; ignores other files", () => {
    const dist = site([...built, "reports/q/2026-Q3.html", "reports/q/2026-Q2.html", "reports/2026-10.pdf", "reports/2026-Q1.html"]);
    expect(availableReports(checkBuiltSite(dist))).toEqual([
      {name: "2026-08", kind: "month", path: "2026-08"},
      {name: "2026-09", kind: "month", path: "2026-09"},
      {name: "2026-10", kind: "month", path: "2026-10"},
      {name: "2026-Q2", kind: "quarter", path: "q/2026-Q2"},
      {name: "2026-Q3", kind: "quarter", path: "q/2026-Q3"}
    ]);
  });

  it("latest: the last month; --month: that month; --all: every report", () => {
    const dist = site([...built, "reports/q/2026-Q3.html"]);
    const available = availableReports(join(dist, "reports"));
    expect(selectTargets(available, {kind: "latest"}, dist)).toEqual([{name: "2026-10", kind: "month", path: "2026-10"}]);
    expect(selectTargets(available, {kind: "month", month: "2026-09"}, dist)).toEqual([{name: "2026-09", kind: "month", path: "2026-09"}]);
    expect(selectTargets(available, {kind: "all"}, dist).map((t) => t.name)).toEqual(["2026-08", "2026-09", "2026-10", "2026-Q3"]);
  });

  it("a month not built names the months that are", () => {
    const dist = site(built);
    expect(() => selectTargets(availableReports(join(dist, "reports")), {kind: "month", month: "2025-01"}, dist)).toThrow(
      new InputError(`there is no report for 2025-01 in ${dist}: the months built are 2026-08 to 2026-10`)
    );
  });

  it("no build: run npm run build first", () => {
    const empty = mkdtempSync(join(tmpdir(), "cs-pdf-"));
    expect(() => checkBuiltSite(join(empty, "dist"))).toThrow(/has no built site: run npm run build first/);
    expect(() => checkBuiltSite(site(["index.html"]))).toThrow(/has no reports\/ pages: run npm run build first/);
    const noMonths = site(["index.html", "reports/index.html"]);
    expect(() => selectTargets(availableReports(join(noMonths, "reports")), {kind: "latest"}, noMonths)).toThrow(/no monthly report pages/);
  });

  it("a protected build is refused: the PDF needs the unprotected build", () => {
    const dist = site([...built, "_protect/unlock.js"]);
    expect(() => checkBuiltSite(dist)).toThrow(/is a protected build \(protect: true\).*needs the unprotected build/);
  });
});
