/** The line scan behind line numbers: where each record starts, what is skipped, what is malformed. */
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {maxLineSize, scanCsv, scanCsvChunks} from "../../loaders/ingest/records.js";

const dir = mkdtempSync(join(tmpdir(), "records-test-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** Scans `text`; returns the header, the copy DuckDB reads (each record prefixed with its line) and the malformed records. */
function scan(text: string) {
  const out = join(dir, "copy.csv");
  const result = scanCsv(Buffer.from(text), out, "test.csv");
  return result && {...result, copy: readFileSync(out, "utf8")};
}

describe("scanCsv", () => {
  it("prefixes each record with the line it starts on, counting newlines inside quotes", () => {
    expect(scan('id,text\n1,"a\nb"\n2,c\n')).toEqual({header: ["id", "text"], delimiter: ",", written: 2, longest: 9, malformed: [], copy: '2,1,"a\nb"\n4,2,c\n'});
  });

  it("reports the copy's longest record in bytes, which sizes DuckDB's read of it", () => {
    const long = "é".repeat(1_500_000); // 3,000,000 bytes
    const r = scan(`id,text\n1,a\n2,"${long}"\n`);
    expect(r?.longest).toBe("3,2,".length + 3_000_002);
    expect(maxLineSize(r!)).toBe(3_000_007);
    expect(maxLineSize(scan("id\n1\n")!)).toBe(2_000_000);
  });

  it("LF, CRLF and lone CR each end a line, inside quotes too", () => {
    const r = scan('id,text\r\n1,"a\r\nb"\r2,"c\rd"\n3,e');
    expect(r?.copy).toBe('2,1,"a\r\nb"\n4,2,"c\rd"\n6,3,e\n');
  });

  it("skips blank lines and all-empty rows without counting them; leading blank lines before the header too", () => {
    const r = scan("\n  \nid,text\n\n1,a\n , \n,\n2,b\n\n");
    expect(r?.header).toEqual(["id", "text"]);
    expect(r?.copy).toBe("5,1,a\n8,2,b\n");
    expect(r?.malformed).toEqual([]);
  });

  it("unquotes header cells and keeps them untrimmed", () => {
    expect(scan('"Customer ID", "Plan, Name" ,"say ""hi"""\n')?.header).toEqual(["Customer ID", ' "Plan', ' Name" ', 'say "hi"']);
  });

  it("a quote inside an unquoted field is text", () => {
    expect(scan('id,text\n1,ab"c\n')?.copy).toBe('2,1,ab"c\n');
  });

  it("sniffs ; tab and | from the header line", () => {
    expect(scan("a;b\n1;2\n")?.delimiter).toBe(";");
    expect(scan("a\tb\n1\t2\n")?.delimiter).toBe("\t");
    expect(scan("a|b\n1|2\n")?.delimiter).toBe("|");
    expect(scan('"a,b";c;d\n')?.delimiter).toBe(";");
    expect(scan("account_id\nA1\n")?.delimiter).toBe(",");
  });

  it("returns null for a file with no header", () => {
    expect(scan("")).toBeNull();
    expect(scan("\r\n \r\n")).toBeNull();
  });

  it("quarantines malformed records with their start line and text", () => {
    const r = scan('id,text\n1\n2,"x"y\n3,c,d\n4,ok\n5,"never\nclosed\n');
    expect(r?.copy).toBe("5,4,ok\n");
    expect(r?.malformed).toEqual([
      {line: 2, text: "1", reason: "malformed_row: 1 fields, expected 2"},
      {line: 3, text: '2,"x"y', reason: "malformed_row: text after a closing quote"},
      {line: 4, text: "3,c,d", reason: "malformed_row: 3 fields, expected 2"},
      {line: 6, text: '5,"never\nclosed\n', reason: "malformed_row: the quote opened on line 6 is never closed"}
    ]);
  });

  it("an unreadable header is fatal", () => {
    expect(() => scan('"id,text\n1,a\n')).toThrow('test.csv: the header line cannot be read (the quote opened on line 1 is never closed)');
  });
});

describe("scanCsvChunks", () => {
  const scanWith = (bytes: Buffer, cuts: number[]) => {
    const out = join(dir, "chunks.csv");
    const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const chunks = [0, ...points].map((from, k) => bytes.subarray(from, k < points.length ? points[k] : bytes.length));
    const result = scanCsvChunks(chunks, out, "test.csv");
    return result && {...result, copy: readFileSync(out, "utf8")};
  };
  // Pieces that exercise every state a chunk's end can cut: quotes, "" escapes, CR, CRLF, lone LF,
  // delimiters, blank lines, multi-byte characters and a quote never closed.
  const piece = fc.constantFrom("a", "bb", ",", ";", '"', '""', "\n", "\r", "\r\n", " ", "カ", "x".repeat(40), '"q\nq"', "\n\n");

  it("gives the whole-file scan's result however the bytes are cut", () => {
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 60}), fc.array(fc.nat(), {maxLength: 8}), (pieces, cuts) => {
        // The scan starts once it has 64 KiB (to sniff the delimiter): a long first row gets it there,
        // and the cuts fall in what follows.
        const head = `id,text\n0,${"y".repeat(70_000)}\n`;
        const bytes = Buffer.from(head + pieces.join(""));
        const tail = bytes.length - head.length + 1;
        expect(scanWith(bytes, cuts.map((c) => head.length + (c % tail)))).toEqual(scan(bytes.toString("utf8")));
      }),
      {numRuns: 500, seed: 16}
    );
  });

  it("a record spanning many chunks (a quote never closed) is read once it ends", () => {
    const text = `id,text\n1,"${"x".repeat(200_000)}\n2,b\n`;
    const bytes = Buffer.from(text);
    const cuts = Array.from({length: 50}, (_, k) => 7 + k * 4099);
    const r = scanWith(bytes, cuts);
    expect(r).toEqual(scan(text));
    expect(r?.malformed.map((m) => [m.line, m.reason])).toEqual([[2, "malformed_row: the quote opened on line 2 is never closed"]]);
  });
});
