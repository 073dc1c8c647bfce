import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {contentHash, externalizeInline, externalizePage, relativeUrl} from "../../../scripts/postbuild/csp.js";
import {scanHtml} from "../../../scripts/postbuild/html.js";

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8">
<script>document.documentElement.lang = "ja";</script>
<script type="module">
import {define} from "../_observablehq/client.js";
define({id: "1", body: async () => (await import("../_import/x.js")).x});
</script>
<script type="application/json" id="data">{"a": 1}</script>
<style>.x{color:red}</style>
</head><body><p style="color: blue">a</p><script defer>{sidebar()}</script></body></html>`;

describe("externalizePage", () => {
  it("moves every inline script and style to a file and keeps data blocks, order and attributes", async () => {
    const files: Record<string, string> = {};
    const write = async (ext: string, text: string) => {
      const name = `_inline.${contentHash(text)}${ext}`;
      files[name] = text;
      return `./${name}`;
    };
    const out = await externalizePage(PAGE, "reports/2024-01.html", write, {scripts: ["../_csp/rt.js"]});
    const {scripts, styles, tags} = scanHtml(out);
    expect(styles).toEqual([]);
    expect(scripts.filter((s) => !s.tag.attributes.some((a) => a.name === "src")).map((s) => s.text)).toEqual(['{"a": 1}']);
    expect(out).toMatch(/<head>\n<script src="\.\.\/_csp\/rt\.js"><\/script><meta charset="utf-8">/);
    // the module keeps type=module and its text (relative imports resolve the same next to the page)
    const module = scripts.find((s) => s.tag.attributes.some((a) => a.value === "module"))!;
    const src = module.tag.attributes.find((a) => a.name === "src")!.value!;
    expect(files[src.slice(2)]).toContain(`import("../_import/x.js")`);
    // a classic inline script loses `defer` (it would change when the now external script runs)
    const sidebar = scripts.at(-1)!;
    expect(sidebar.tag.attributes.map((a) => a.name)).toEqual(["src"]);
    expect(out).toContain(`<link rel="stylesheet" href="./_inline.${contentHash(".x{color:red}")}.css">`);
    expect(tags.find((t) => t.name === "p")!.attributes.map((a) => [a.name, a.value])).toEqual([["data-csp-style", "color: blue"]]);
  });

  it("refuses inline event handlers and javascript: URLs, naming the page", async () => {
    const write = async () => "./x.js";
    await expect(externalizePage(`<a onclick="go()">x</a>`, "a.html", write)).rejects.toThrow(/a\.html: <a onclick=…> is an inline event handler/);
    await expect(externalizePage(`<a href="javascript:go()">x</a>`, "b.html", write)).rejects.toThrow(/b\.html: <a href="javascript:…">/);
  });
});

describe("externalizeInline", () => {
  it("rewrites every page of a site, writing content-hashed files next to each page, byte-stable", async () => {
    const dir = join(import.meta.dirname, "..", "..", ".tmp", "csp-site");
    const run = async () => {
      rmSync(dir, {recursive: true, force: true});
      mkdirSync(join(dir, "reports"), {recursive: true});
      writeFileSync(join(dir, "index.html"), PAGE.replaceAll("../", "./"));
      writeFileSync(join(dir, "reports", "2024-01.html"), PAGE);
      await externalizeInline(dir);
      return Object.fromEntries((readdirSync(dir, {recursive: true}) as string[]).sort().map((f) => [f, f.includes(".") ? readFileSync(join(dir, f), "utf8") : ""]));
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(Object.keys(first).filter((f) => f.startsWith("reports/_inline.")).length).toBe(4); // lang, module, sidebar, style
    expect(first["index.html"]).toMatch(/<script src="\.\/_csp\/csp-styles\.[0-9a-f]{8}\.js"><\/script>/);
    expect(first["reports/2024-01.html"]).toMatch(/<script src="\.\.\/_csp\/csp-styles\.[0-9a-f]{8}\.js"><\/script>/);
  });

  it("relativeUrl gives the URL of a site path from a page", () => {
    expect(relativeUrl("index.html", "_csp/a.js")).toBe("./_csp/a.js");
    expect(relativeUrl("reports/2024-01.html", "_csp/a.js")).toBe("../_csp/a.js");
  });
});
