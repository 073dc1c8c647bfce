// CSV downloads (src/components/csv.js): RFC 4180 quoting, formulas neutralised in text cells only.
import {describe, expect, it} from "vitest";
// @ts-expect-error plain JS module of the site (no types)
import {csvField, toCsv} from "../../src/components/csv.js";

describe("toCsv", () => {
  it("quotes per RFC 4180 with CRLF line ends", () => {
    expect(toCsv([{a: "x,y", b: 'say "hi"', c: "line\nbreak", d: null, e: 3.5}], ["a", "b", "c", "d", "e"])).toBe(
      'a,b,c,d,e\r\n"x,y","say ""hi""","line\nbreak",,3.5\r\n'
    );
  });

  it("neutralises text starting with = + - @ tab or CR; numbers stay numbers", () => {
    const row = {f: '=HYPERLINK("http://example.com","x")', p: "+1", m: "-1", at: "@SUM(A1)", tab: "\tx", cr: "\rx", n: -5, ok: "a=b"};
    expect(toCsv([row]).split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://example.com"",""x"")",'+1,'-1,'@SUM(A1),'\tx,"'\rx",-5,a=b`);
    expect(csvField(-1200)).toBe("-1200");
    expect(csvField("−1200")).toBe("−1200"); // a typographic minus is not a formula
  });

  it("writes headings from the header map, and the keys of the first row by default", () => {
    expect(toCsv([{a: 1, b: 2}], ["b", "a"], {b: "=B"})).toBe("'=B,a\r\n2,1\r\n");
    expect(toCsv([{a: 1}])).toBe("a\r\n1\r\n");
    expect(toCsv([], ["a"])).toBe("a\r\n");
  });
});
