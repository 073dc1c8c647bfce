/**
 * A vendoring patch that makes htl (the `html` and `svg` template tags of Inputs and of our
 * components) work under `style-src 'self'` and `script-src 'self'` without inline permission.
 * htl renders a template by parsing an HTML string in which an interpolated style object or event
 * handler is a placeholder attribute (`style="::3"`, `onclick="::4"`), then sets them through the
 * DOM. Chrome reports a violation as soon as such an attribute is parsed, even into an inert
 * <template>. The patch renames style and on* attributes to data-csp-* before parsing, lets the
 * walker treat data-csp-NAME as NAME (style objects and handlers are then set through the CSSOM and
 * as properties, as before), and applies literal style text through the CSSOM (style.cssText).
 * A literal inline handler (code in a string) cannot run under the policy and is dropped.
 */
import {readFile} from "node:fs/promises";
import type {Plugin} from "esbuild";

/** Browser code: rename style / on* attributes in the start tags of an HTML string. */
export const SAFE = String.raw`
function cspSafe(string) {
    let out = "", i = 0;
    const n = string.length;
    while (i < n) {
        const lt = string.indexOf("<", i);
        if (lt < 0) break;
        if (string.startsWith("<!--", lt)) {
            const end = string.indexOf("-->", lt + 4);
            const stop = end < 0 ? n : end + 3;
            out += string.slice(i, stop), i = stop;
            continue;
        }
        const m = /^<([a-zA-Z][^\s/>]*)/.exec(string.slice(lt, lt + 64));
        if (!m) { out += string.slice(i, lt + 1), i = lt + 1; continue; }
        out += string.slice(i, lt + m[0].length);
        let j = lt + m[0].length;
        for (;;) {
            const ws = /^[\s/]*/.exec(string.slice(j))[0];
            out += ws, j += ws.length;
            if (j >= n || string[j] === ">") break;
            const name = /^[^\s/>=]+/.exec(string.slice(j))[0];
            const lower = name.toLowerCase();
            out += lower === "style" || /^on[a-z]/.test(lower) ? "data-csp-" + name : name;
            j += name.length;
            const eq = /^\s*=\s*/.exec(string.slice(j));
            if (!eq) continue;
            out += eq[0], j += eq[0].length;
            const q = string[j];
            const end = q === '"' || q === "'" ? string.indexOf(q, j + 1) + 1 || n : j + /^[^\s>]*/.exec(string.slice(j))[0].length;
            out += string.slice(j, end), j = end;
        }
        i = j;
        const tag = m[1].toLowerCase();
        if (tag === "script" || tag === "style" || tag === "textarea" || tag === "title") {
            const close = string.toLowerCase().indexOf("</" + tag, j);
            const stop = close < 0 ? n : close;
            out += string.slice(i, stop), i = stop;
        }
    }
    return out + string.slice(i);
}
function cspStyles(root) {
    for (const el of root.querySelectorAll("*")) {
        for (const {name, value} of Array.from(el.attributes)) {
            if (!name.startsWith("data-csp-") || value.startsWith("::")) continue;
            if (name === "data-csp-style") el.style.cssText = value;
            el.removeAttribute(name);
        }
    }
    return root;
}
`;

const REPLACEMENTS: [string, string][] = [
  [
    `function renderHtml(string) {
    const template = document.createElement("template");
    template.innerHTML = string;
    return document.importNode(template.content, true);
}`,
    `${SAFE}
function renderHtml(string) {
    const template = document.createElement("template");
    template.innerHTML = cspSafe(string);
    return cspStyles(document.importNode(template.content, true));
}`
  ],
  [
    `    g.innerHTML = string;
    return g;`,
    `    g.innerHTML = cspSafe(string);
    return cspStyles(g);`
  ],
  [
    `const { name, value: currentValue } = attributes[i];`,
    `const { name: rawName, value: currentValue } = attributes[i];
                        const name = rawName.startsWith("data-csp-") ? rawName.slice(9) : rawName;`
  ],
  [`removeAttribute(element, name), --i, --n;`, `removeAttribute(element, rawName), --i, --n;`]
];

/** Applies the patch to htl's source; fails loudly if htl changed and a piece no longer matches. */
export function patchHtl(source: string): string {
  let out = source;
  for (const [from, to] of REPLACEMENTS) {
    if (!out.includes(from)) throw new Error(`htl changed: the CSP patch (scripts/vendor/htl-csp.ts) no longer matches "${from.slice(0, 60)}…"`);
    out = out.replaceAll(from, to);
  }
  return out;
}

/** esbuild plugin: patches htl wherever a vendored bundle loads it. */
export function htlCsp(): Plugin {
  return {
    name: "htl-csp",
    setup(b) {
      b.onLoad({filter: /[\\/]node_modules[\\/]htl[\\/]dist[\\/]index\.js$/}, async (args) => ({
        contents: patchHtl(await readFile(args.path, "utf8")),
        loader: "js"
      }));
    }
  };
}
