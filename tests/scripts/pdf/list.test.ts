// reports/pdfs.json (scripts/pdf/list.ts): every report PDF in the directory, sorted; nothing else.
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {writePdfList} from "../../../scripts/pdf/list.js";

describe("writePdfList", () => {
  it("lists the month and quarter PDFs, not other files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cs-pdfs-"));
    for (const f of ["2026-10.pdf", "2026-09.pdf", "2026-Q3.pdf", "2026-10.html", "notes.pdf", "2026-10.digest.txt"]) writeFileSync(join(dir, f), "");
    expect(await writePdfList(dir)).toEqual(["2026-09.pdf", "2026-10.pdf", "2026-Q3.pdf"]);
    expect(readFileSync(join(dir, "pdfs.json"), "utf8")).toBe('["2026-09.pdf","2026-10.pdf","2026-Q3.pdf"]\n');
  });

  it("an empty directory gives the empty list the build ships", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cs-pdfs-"));
    await writePdfList(dir);
    expect(readFileSync(join(dir, "pdfs.json"), "utf8")).toBe("[]\n");
  });
});
