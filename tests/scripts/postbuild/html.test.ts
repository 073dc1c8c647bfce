import {describe, expect, it} from "vitest";
import {attr, scanHtml, splice} from "../../../scripts/postbuild/html.js";

describe("scanHtml", () => {
  it("finds scripts and styles with their text and offsets, skipping comments and raw text", () => {
    const html = `<head><!-- <script>not one</script> --><script type="module">import "./a.js"; if (a<b) x("</p>");</script>
<style media=print>p{color:red}</style><title><script></title></head><body><textarea><style></textarea><p style='a:b' data-x=1 hidden>t</p></body>`;
    const {scripts, styles, tags} = scanHtml(html);
    expect(scripts.map((s) => s.text)).toEqual([`import "./a.js"; if (a<b) x("</p>");`]);
    expect(attr(scripts[0].tag, "type")).toBe("module");
    expect(html.slice(scripts[0].tag.start, scripts[0].end)).toMatch(/^<script type="module">.*<\/script>$/);
    expect(styles.map((s) => [s.text, attr(s.tag, "media")])).toEqual([["p{color:red}", "print"]]);
    const p = tags.find((t) => t.name === "p")!;
    expect(p.attributes.map((a) => [a.name, a.value])).toEqual([["style", "a:b"], ["data-x", "1"], ["hidden", null]]);
    expect(html.slice(p.attributes[0].start, p.attributes[0].end)).toBe("style='a:b'");
    expect(tags.filter((t) => t.name === "script")).toHaveLength(1); // the ones in the comment and <title> are text
  });

  it("splice applies edits in order and refuses overlaps", () => {
    expect(splice("abcdef", [{start: 4, end: 5, text: "E"}, {start: 0, end: 1, text: "A"}])).toBe("AbcdEf");
    expect(() => splice("abc", [{start: 0, end: 2, text: ""}, {start: 1, end: 3, text: ""}])).toThrow(/overlapping/);
  });
});
