/** Custom pages: copied into Framework's root with the report language's title, listed for the sidebar. */
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {customSidebar, localizePage, syncCustomPages} from "../../loaders/custom/pages.js";

const PAGE = "---\ntitle:\n  en: Top accounts\n  ja: MRR上位顧客\ntoc: false\n---\n\n# Hello\n\n```js\nconst x = 1;\n```\n";

describe("localizePage", () => {
  it("sets the title in the report's language and keeps every line where it was", () => {
    for (const [locale, title] of [["en-US", "Top accounts"], ["ja-JP", "MRR上位顧客"]] as const) {
      const {text, title: titles} = localizePage("p.md", PAGE, locale);
      expect(titles).toEqual({en: "Top accounts", ja: "MRR上位顧客"});
      expect(text).toContain(`title: ${title}\n`);
      expect(text).toContain("toc: false\n");
      expect(text.split("\n").length).toBe(PAGE.split("\n").length);
      expect(text.split("\n").indexOf("const x = 1;")).toBe(PAGE.split("\n").indexOf("const x = 1;"));
    }
  });

  it("a plain title serves both languages; no title is one message naming the file", () => {
    expect(localizePage("p.md", "---\ntitle: Board KPIs\n---\n# x\n", "ja-JP").title).toEqual({en: "Board KPIs", ja: "Board KPIs"});
    expect(() => localizePage("custom/pages/p.md", "# no front matter\n", "en-US")).toThrow(/^custom\/pages\/p\.md: the page needs a title in its front matter/);
  });
});

describe("syncCustomPages", () => {
  it("mirrors custom/pages into the site's folder and lists the pages for the sidebar", async () => {
    const custom = mkdtempSync(join(tmpdir(), "cs-custom-pages-"));
    mkdirSync(join(custom, "pages", "board"), {recursive: true});
    writeFileSync(join(custom, "pages", "top.md"), PAGE);
    writeFileSync(join(custom, "pages", "board", "kpis.md"), "---\ntitle: Board KPIs\n---\n# KPIs\n");
    writeFileSync(join(custom, "pages", "logo.png"), Buffer.from([1, 2, 3]));
    const srcDir = join(custom, "out", "src-custom");
    const listPath = join(custom, "out", "custom-pages.json");
    mkdirSync(srcDir, {recursive: true});
    writeFileSync(join(srcDir, "stale.md"), "---\ntitle: gone\n---\n");

    const pages = await syncCustomPages(custom, "ja-JP", {srcDir, listPath});
    expect(pages).toEqual([
      {path: "/custom/board/kpis", title: {en: "Board KPIs", ja: "Board KPIs"}},
      {path: "/custom/top", title: {en: "Top accounts", ja: "MRR上位顧客"}}
    ]);
    expect(readFileSync(join(srcDir, "top.md"), "utf8")).toContain("title: MRR上位顧客\n");
    expect([...readFileSync(join(srcDir, "logo.png"))]).toEqual([1, 2, 3]);
    expect(existsSync(join(srcDir, "stale.md"))).toBe(false);
    expect(customSidebar(true, listPath)).toEqual([
      {name: "カスタム分析", open: true, pages: [{name: "Board KPIs", path: "/custom/board/kpis"}, {name: "MRR上位顧客", path: "/custom/top"}]}
    ]);
    expect(customSidebar(false, listPath)[0].pages[1].name).toBe("Top accounts");

    // No pages any more: no folder, no sidebar section.
    const empty = mkdtempSync(join(tmpdir(), "cs-custom-none-"));
    expect(await syncCustomPages(empty, "en-US", {srcDir, listPath})).toEqual([]);
    expect(existsSync(srcDir)).toBe(false);
    expect(customSidebar(false, listPath)).toEqual([]);
    for (const dir of [custom, empty]) rmSync(dir, {recursive: true, force: true});
  });
});
