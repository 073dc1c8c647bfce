/** Reading a CSV whole or a chunk at a time gives the same encoding, note, copy and errors. */
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import iconv from "iconv-lite";
import {afterAll, describe, expect, it} from "vitest";
import type {Encoding} from "../../loaders/config.js";
import {scanCsvFile} from "../../loaders/ingest/scan-file.js";

const dir = mkdtempSync(join(tmpdir(), "scan-file-test-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The outcome of one read: the result and the copy, or the error message. */
function read(path: string, encoding: Encoding, stream: boolean, chunkBytes = 4096) {
  const out = join(dir, stream ? "streamed.csv" : "whole.csv");
  try {
    const r = scanCsvFile(path, out, {gzip: false, encoding, file: "f.csv", ...(stream ? {streamBytes: 0, chunkBytes} : {})});
    return {...r, copy: readFileSync(out, "utf8")};
  } catch (e) {
    return {error: (e as Error).message};
  }
}

const FIXTURES = join("tests/fixtures/ingest");
const csvFiles = readdirSync(FIXTURES, {withFileTypes: true})
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(FIXTURES, d.name)).filter((f) => f.endsWith(".csv")).map((f) => join(FIXTURES, d.name, f)));

describe("scanCsvFile", () => {
  it("streams every ingest fixture CSV to the same outcome as the whole-file read, under each encoding setting", () => {
    expect(csvFiles.length).toBeGreaterThan(40);
    for (const path of csvFiles) {
      for (const encoding of ["auto", "utf-8", "shift_jis"] as Encoding[]) {
        expect({path, encoding, ...read(path, encoding, true, 5)}).toEqual({path, encoding, ...read(path, encoding, false)});
      }
    }
  });

  /** A file of `rows` ASCII rows, then `tail`: its non-ASCII bytes come chunks after the start. */
  const late = (name: string, tail: Buffer, rows = 20_000) => {
    const path = join(dir, name);
    const head = Buffer.from(`id,name\n${Array.from({length: rows}, (_, i) => `${i},n${i}\n`).join("")}`);
    writeFileSync(path, Buffer.concat([head, tail]));
    return path;
  };

  it("a Shift_JIS character far into the file makes it Shift_JIS, decoded across chunk ends", () => {
    const path = late("sjis-late.csv", iconv.encode("x,株式会社テスト\ny,ｶﾅ漢字\n", "cp932"));
    const streamed = read(path, "auto", true, 1000);
    expect(streamed).toEqual(read(path, "auto", false));
    expect(streamed).toMatchObject({encoding: "shift_jis"});
    expect((streamed as {copy: string}).copy.endsWith("20002,x,株式会社テスト\n20003,y,ｶﾅ漢字\n")).toBe(true);
  });

  it("UTF-8 characters cut by a chunk's end stay UTF-8; forced UTF-8 on Shift_JIS bytes and undecodable bytes are one message", () => {
    const utf8 = late("utf8-late.csv", Buffer.from("x,株式会社テスト😀\n"));
    for (const chunk of [1000, 1001, 1002, 1003]) expect(read(utf8, "auto", true, chunk)).toEqual(read(utf8, "auto", false));
    const sjis = late("sjis-forced.csv", iconv.encode("x,株式会社\n", "cp932"));
    expect(read(sjis, "utf-8", true)).toEqual({error: expect.stringContaining('not valid UTF-8 text (the config sets encoding "utf-8"')});
    expect(read(sjis, "utf-8", true)).toEqual(read(sjis, "utf-8", false));
    const junk = late("junk.csv", Buffer.from([0x78, 0x2c, 0x81, 0x7f, 0x0a]));
    expect(read(junk, "auto", true)).toEqual({error: "f.csv: not a CSV file (the text is neither UTF-8 nor Shift_JIS)"});
    expect(read(junk, "auto", false)).toEqual(read(junk, "auto", true));
  });
});
