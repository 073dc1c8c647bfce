// The built site must load nothing from another host: no script, stylesheet, font, import, worker
// or wasm source may be an absolute http(s) URL. Links in prose (<a href>) are fine.
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {extname, join} from "node:path";
import {describe, expect, it} from "vitest";
import {DIST} from "./harness.js";

const PATTERNS: Record<string, RegExp[]> = {
  ".html": [
    /<script[^>]*\ssrc=["']?(https?:)?\/\/[^"'\s>]*/gi,
    /<link[^>]*\shref=["']?(https?:)?\/\/[^>]*>/gi,
    /<(img|iframe|source|video|audio|embed)[^>]*\ssrc=["']?(https?:)?\/\/[^"'\s>]*/gi,
    /@import\s+(url\()?["']?https?:\/\//gi,
    /url\(\s*["']?https?:\/\//gi
  ],
  ".js": [
    /\bimport\s*\(\s*["'`]https?:\/\//g,
    /\bfrom\s*["']https?:\/\//g,
    /\bimport\s+["']https?:\/\//g,
    /new\s+(Shared)?Worker\(\s*["'`]https?:/g,
    /importScripts\(\s*["'`]https?:/g,
    /(instantiateStreaming|compileStreaming)\(\s*fetch\(\s*["'`]https?:/g
  ],
  ".css": [/@import\s+(url\()?["']?https?:\/\//g, /url\(\s*["']?https?:\/\//g]
};

/** Lists every reference in `root` that would make a browser fetch from another host. */
export function externalReferences(root: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(root, {recursive: true}) as string[]) {
    const patterns = PATTERNS[extname(name)];
    if (!patterns) continue;
    const text = readFileSync(join(root, name), "utf8");
    for (const re of patterns) {
      for (const m of text.matchAll(re)) {
        // <link rel=canonical/alternate href=...> loads nothing; only resource links count.
        if (/^<link/i.test(m[0]) && !/rel=["']?(stylesheet|preload|modulepreload|icon|preconnect|dns-prefetch|manifest)/i.test(m[0])) continue;
        found.push(`${name}: ${m[0].slice(0, 120)}`);
      }
    }
  }
  return found;
}

describe("built site references no other host", () => {
  it("finds no external script, stylesheet, font, import, worker or wasm source in dist/", () => {
    expect(readdirSync(DIST)).toContain("index.html");
    expect(externalReferences(DIST)).toEqual([]);
  });

  it("the scanner itself catches each kind of external reference", () => {
    const dir = join(import.meta.dirname, "..", ".tmp", "scan-fixture");
    mkdirSync(dir, {recursive: true});
    writeFileSync(join(dir, "a.html"), `<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//fonts.example/css"><a href="https://ok.example">prose link</a>`);
    writeFileSync(join(dir, "b.js"), `import x from "https://cdn.example/m.js"; new Worker("https://w.example/w.js");`);
    writeFileSync(join(dir, "c.css"), `@font-face{src:url(https://fonts.example/f.woff2)}`);
    expect(externalReferences(dir).map((s) => s.split(":")[0]).sort()).toEqual(["a.html", "a.html", "b.js", "b.js", "c.css"]);
  });
});
