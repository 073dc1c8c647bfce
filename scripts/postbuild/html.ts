/**
 * A small HTML tokenizer for post-processing built pages: finds <script> and <style> elements and
 * the attributes of every start tag, with their offsets, so edits can be spliced in without
 * re-serializing (everything else stays byte for byte). Comments and raw-text elements (script,
 * style, textarea, title) are skipped as a browser would, so a "<script>" in a comment or in text is
 * not taken for an element.
 */

export interface Attribute {
  name: string; // lower case
  value: string | null; // null for a bare attribute
  start: number; // offset of the attribute's first character
  end: number; // offset just after it
}

export interface Tag {
  name: string; // lower case
  start: number; // offset of "<"
  end: number; // offset just after ">"
  attributes: Attribute[];
}

export interface RawElement {
  tag: Tag;
  /** The element's text (script or style source). */
  text: string;
  /** Offset just after the end tag. */
  end: number;
}

export interface Scan {
  tags: Tag[];
  scripts: RawElement[];
  styles: RawElement[];
}

const RAW = new Set(["script", "style", "textarea", "title"]);

function parseTag(html: string, start: number): Tag | null {
  const m = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(start, start + 64));
  if (!m) return null;
  const attributes: Attribute[] = [];
  let i = start + m[0].length;
  const n = html.length;
  for (;;) {
    while (i < n && /[\s/]/.test(html[i])) ++i;
    if (i >= n) return null;
    if (html[i] === ">") return {name: m[1].toLowerCase(), start, end: i + 1, attributes};
    const from = i;
    while (i < n && !/[\s/>=]/.test(html[i])) ++i;
    const name = html.slice(from, i).toLowerCase();
    let j = i;
    while (j < n && /\s/.test(html[j])) ++j;
    let value: string | null = null;
    if (html[j] === "=") {
      ++j;
      while (j < n && /\s/.test(html[j])) ++j;
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        if (close < 0) return null;
        value = html.slice(j + 1, close);
        i = close + 1;
      } else {
        const k = j;
        while (j < n && !/[\s>]/.test(html[j])) ++j;
        value = html.slice(k, j);
        i = j;
      }
    }
    attributes.push({name, value, start: from, end: i});
  }
}

export function scanHtml(html: string): Scan {
  const out: Scan = {tags: [], scripts: [], styles: []};
  let i = 0;
  while ((i = html.indexOf("<", i)) >= 0) {
    if (html.startsWith("<!--", i)) {
      const close = html.indexOf("-->", i + 4);
      i = close < 0 ? html.length : close + 3;
      continue;
    }
    const tag = parseTag(html, i);
    if (!tag) {
      ++i;
      continue;
    }
    out.tags.push(tag);
    i = tag.end;
    if (RAW.has(tag.name)) {
      const closeRe = new RegExp(`</${tag.name}[\\s/>]`, "ig");
      closeRe.lastIndex = i;
      const close = closeRe.exec(html);
      const textEnd = close ? close.index : html.length;
      const end = close ? html.indexOf(">", close.index) + 1 : html.length;
      if (tag.name === "script") out.scripts.push({tag, text: html.slice(i, textEnd), end});
      if (tag.name === "style") out.styles.push({tag, text: html.slice(i, textEnd), end});
      i = end;
    }
  }
  return out;
}

export function attr(tag: Tag, name: string): string | null | undefined {
  return tag.attributes.find((a) => a.name === name)?.value;
}

export function hasAttr(tag: Tag, name: string): boolean {
  return tag.attributes.some((a) => a.name === name);
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits to `html`. */
export function splice(html: string, edits: Edit[]): string {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < at) throw new Error("overlapping HTML edits");
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + html.slice(at);
}

/** HTML attribute value escaping (for values we write). */
export function escapeAttr(s: string): string {
  return s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}
