/**
 * Makes the built pages work under a strict Content-Security-Policy (headers.ts): no inline script,
 * no inline style. Framework writes three inline scripts into every page (the page's module, the
 * config's `head`, the sidebar); this moves every inline <script> and <style> of every page into a
 * content-hashed file next to the page (same directory, so the relative imports of a module script
 * resolve as before), renames static style="" attributes to data-csp-style (applied through the
 * CSSOM by the runtime script) and injects that runtime script (client/csp-styles.js) first in
 * every page's <head>. Generic: it works on whatever pages the site has. A page with something no
 * policy-compatible rewrite exists for (an inline event handler, a javascript: URL) fails the build.
 */
import {createHash} from "node:crypto";
import {readdir, readFile, writeFile, mkdir} from "node:fs/promises";
import {dirname, join, posix, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {attr, escapeAttr, hasAttr, scanHtml, splice, type Edit} from "./html.js";

const CLIENT = join(dirname(fileURLToPath(import.meta.url)), "client");
/** Where build-injected assets go (underscore: not a page). */
export const ASSET_DIR = "_csp";

export function contentHash(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 8);
}

/** Every .html file under `dir`, as paths relative to it (forward slashes). */
export async function htmlPages(dir: string): Promise<string[]> {
  return ((await readdir(dir, {recursive: true})) as string[])
    .map((f) => f.split(sep).join("/"))
    .filter((f) => f.endsWith(".html"))
    .sort();
}

/** `./x` or `../../x`: the URL of site path `target` from the page at site path `page`. */
export function relativeUrl(page: string, target: string): string {
  const rel = posix.relative(posix.dirname(page), target);
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** Writes `data` as `<dir>/<name>.<hash><ext>` (once) and returns the file name. */
export async function writeHashed(dir: string, name: string, ext: string, data: string | Uint8Array): Promise<string> {
  const file = `${name}.${contentHash(data)}${ext}`;
  await mkdir(dir, {recursive: true});
  await writeFile(join(dir, file), data);
  return file;
}

const JS_TYPES = /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i;

export class CspError extends Error {}

/**
 * Rewrites one page. `write(ext, text)` stores an external file next to the page and returns its
 * relative URL. Returns the new HTML.
 */
export async function externalizePage(
  html: string,
  page: string,
  write: (ext: string, text: string) => Promise<string>,
  head: {scripts?: string[]; styles?: string[]} = {}
): Promise<string> {
  const {tags, scripts, styles} = scanHtml(html);
  const edits: Edit[] = [];
  for (const {tag, text, end} of scripts) {
    if (hasAttr(tag, "src")) continue;
    const type = (attr(tag, "type") ?? "").trim();
    if (!JS_TYPES.test(type)) continue; // a data block (JSON, …) is not executed: CSP does not apply
    if (!text.trim()) {
      edits.push({start: tag.start, end, text: ""});
      continue;
    }
    const url = await write(".js", text);
    // async/defer mean nothing on an inline classic script but would change an external one.
    const kept = tag.attributes.filter((a) => type === "module" || (a.name !== "async" && a.name !== "defer"));
    const attrs = kept.map((a) => html.slice(a.start, a.end)).join(" ");
    edits.push({start: tag.start, end, text: `<script${attrs ? " " + attrs : ""} src="${escapeAttr(url)}"></script>`});
  }
  for (const {tag, text, end} of styles) {
    const media = attr(tag, "media");
    const url = await write(".css", text);
    edits.push({start: tag.start, end, text: `<link rel="stylesheet" href="${escapeAttr(url)}"${media ? ` media="${escapeAttr(media)}"` : ""}>`});
  }
  const rawStarts = new Set([...scripts, ...styles].map((r) => r.tag.start));
  for (const tag of tags) {
    for (const a of tag.attributes) {
      if (a.name === "style" && !rawStarts.has(tag.start)) {
        edits.push({start: a.start, end: a.start + a.name.length, text: "data-csp-style"});
      } else if (/^on[a-z]/.test(a.name)) {
        throw new CspError(`${page}: <${tag.name} ${a.name}=…> is an inline event handler, which the site's Content-Security-Policy blocks; attach the handler from a script instead`);
      } else if (["href", "src", "action", "formaction"].includes(a.name) && /^\s*javascript:/i.test(a.value ?? "")) {
        throw new CspError(`${page}: <${tag.name} ${a.name}="javascript:…"> is blocked by the site's Content-Security-Policy; use a script instead`);
      }
    }
  }
  const {scripts: addScripts = [], styles: addStyles = []} = head;
  if (addScripts.length || addStyles.length) {
    const headTag = tags.find((t) => t.name === "head");
    if (!headTag) throw new CspError(`${page}: no <head> to add the site's scripts to`);
    const text =
      addStyles.map((href) => `\n<link rel="stylesheet" type="text/css" href="${escapeAttr(href)}">`).join("") +
      addScripts.map((src) => `\n<script src="${escapeAttr(src)}"></script>`).join("");
    edits.push({start: headTag.end, end: headTag.end, text});
  }
  return splice(html, edits);
}

/**
 * Rewrites every page under `dir`; `inject` lists site paths of stylesheets and classic scripts to
 * load first in every <head> (the scripts after csp-styles.js). Returns how many pages and files.
 */
export async function externalizeInline(
  dir: string,
  inject: {scripts?: string[]; styles?: string[]} = {}
): Promise<{pages: number; files: number}> {
  const runtime = await readFile(join(CLIENT, "csp-styles.js"), "utf8");
  const runtimePath = `${ASSET_DIR}/${await writeHashed(join(dir, ASSET_DIR), "csp-styles", ".js", runtime)}`;
  const written = new Set<string>([runtimePath]);
  const pages = await htmlPages(dir);
  for (const page of pages) {
    const pageDir = posix.dirname(page);
    const write = async (ext: string, text: string) => {
      const name = await writeHashed(join(dir, pageDir), "_inline", ext, text);
      written.add(posix.join(pageDir, name));
      return `./${name}`;
    };
    const path = join(dir, page);
    const html = await readFile(path, "utf8");
    const scripts = [runtimePath, ...(inject.scripts ?? [])].map((p) => relativeUrl(page, p));
    const styles = (inject.styles ?? []).map((p) => relativeUrl(page, p));
    await writeFile(path, await externalizePage(html, page, write, {scripts, styles}));
  }
  return {pages: pages.length, files: written.size};
}

