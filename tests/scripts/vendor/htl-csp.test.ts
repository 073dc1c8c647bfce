import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {patchHtl, SAFE} from "../../../scripts/vendor/htl-csp.js";

const cspSafe = new Function(`${SAFE}; return cspSafe;`)() as (s: string) => string;

describe("cspSafe (htl patch, runs in the browser)", () => {
  it("renames style and on* attributes of start tags, and nothing else", () => {
    expect(cspSafe(`<p style="::0" onclick=::1 class=a>style="x" onclick</p>`)).toBe(`<p data-csp-style="::0" data-csp-onclick=::1 class=a>style="x" onclick</p>`);
    expect(cspSafe(`<td title='a > style=b' STYLE='color: red' data-on="x">`)).toBe(`<td title='a > style=b' data-csp-STYLE='color: red' data-on="x">`);
    expect(cspSafe(`<!-- <p style=x> --><textarea><b style=x></textarea><svg><g onmouseover="::2"/></svg>`)).toBe(
      `<!-- <p style=x> --><textarea><b style=x></textarea><svg><g data-csp-onmouseover="::2"/></svg>`
    );
    expect(cspSafe(`a < b and <input disabled style=x>`)).toBe(`a < b and <input disabled data-csp-style=x>`);
  });
});

describe("patchHtl", () => {
  it("applies to the installed htl, and fails loudly on a source it does not match", () => {
    const source = readFileSync(join(import.meta.dirname, "..", "..", "..", "node_modules", "htl", "dist", "index.js"), "utf8");
    const patched = patchHtl(source);
    expect(patched).toContain("template.innerHTML = cspSafe(string)");
    expect(patched).toContain("g.innerHTML = cspSafe(string)");
    expect(patched).toContain("removeAttribute(element, rawName)");
    expect(() => patchHtl("export const html = 1;")).toThrow(/htl changed/);
  });
});
