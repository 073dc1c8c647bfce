/**
 * Custom pages: every Markdown page in custom/pages/ (config.customDir) joins the site. Framework's
 * root is src/, so the build copies the folder into src/custom/ (generated, git-ignored, replaced on
 * every build) with the title in the report's language, and lists the pages for the sidebar.
 *
 * A page's front matter gives its title in both languages: `title: {en: "Top accounts", ja: "MRR上位顧客"}`
 * (a plain `title: Top accounts` serves both). Pages import the site's helpers by root-relative path
 * (`/components/table.js`) and read tables as FileAttachment("/data/metrics/<table>.arrow").
 */
import {existsSync, readFileSync, statSync} from "node:fs";
import {mkdir, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {dirname, join} from "node:path";
import matter from "gray-matter";
import {ConfigError, PROJECT_ROOT, type Locale} from "../config.js";
import {displayPath} from "../ingest/errors.js";
import {BUILD_DIR} from "../site/paths.js";

/** Where the pages are copied to (under Framework's root) and where their sidebar entries go. */
export const CUSTOM_SRC_DIR = join(PROJECT_ROOT, "src", "custom");
export const CUSTOM_PAGES_PATH = join(BUILD_DIR, "custom-pages.json");

export interface CustomPage {
  /** Site path, e.g. "/custom/top-accounts". */
  path: string;
  title: {en: string; ja: string};
}

const lineCount = (s: string) => s.split("\n").length;

/** The page's titles from its front matter; throws naming the file when there is none. */
export function pageTitles(file: string, data: Record<string, unknown>): {en: string; ja: string} {
  const t = data.title;
  if (typeof t === "string" && t.trim()) return {en: t.trim(), ja: t.trim()};
  if (t && typeof t === "object" && !Array.isArray(t)) {
    const {en, ja} = t as Record<string, unknown>;
    if (typeof en === "string" && en.trim()) return {en: en.trim(), ja: typeof ja === "string" && ja.trim() ? ja.trim() : en.trim()};
  }
  throw new ConfigError(`${displayPath(file)}: the page needs a title in its front matter, e.g.\n---\ntitle:\n  en: Top accounts\n  ja: MRR上位顧客\n---`);
}

/**
 * The page with its front matter's title set to the report language's one (Framework reads a string).
 * The front matter keeps its line count, so line numbers in Framework's messages are the file's.
 */
export function localizePage(file: string, text: string, locale: Locale): {text: string; title: {en: string; ja: string}} {
  const parsed = matter(text, {});
  const title = pageTitles(file, parsed.data);
  const head = matter.stringify("", {...parsed.data, title: locale === "ja-JP" ? title.ja : title.en}).replace(/\n+$/, "");
  const originalHead = text.slice(0, text.length - parsed.content.length);
  const pad = Math.max(0, lineCount(originalHead) - lineCount(head));
  const padded = head.replace(/---$/, `${"# generated from the page's front matter\n".repeat(pad)}---`);
  return {text: padded + parsed.content, title};
}

/**
 * Makes src/custom/ a copy of custom/pages/ (pages localized, other files such as images as they are;
 * files only rewritten when they change, so a running preview reloads only what changed) and writes
 * the sidebar list; returns the pages, by path. No custom/pages folder: no custom pages.
 */
export async function syncCustomPages(
  customDir: string,
  locale: Locale,
  {srcDir = CUSTOM_SRC_DIR, listPath = CUSTOM_PAGES_PATH}: {srcDir?: string; listPath?: string} = {}
): Promise<CustomPage[]> {
  const from = join(customDir, "pages");
  const pages: CustomPage[] = [];
  const files = new Map<string, Buffer | string>();
  if (existsSync(from)) {
    for (const name of ((await readdir(from, {recursive: true})) as string[]).sort()) {
      const path = join(from, name);
      if (name.split(/[\\/]/).some((part) => part.startsWith(".")) || !statSync(path).isFile()) continue;
      if (name.endsWith(".md")) {
        const {text, title} = localizePage(path, (await readFile(path, "utf8")).replace(/\r\n?/g, "\n"), locale);
        files.set(name, text);
        pages.push({path: `/custom/${name.slice(0, -".md".length).replaceAll("\\", "/")}`.replace(/\/index$/, "/"), title});
      } else files.set(name, await readFile(path));
    }
  }
  // Every page is read and checked before src/custom/ is touched.
  if (existsSync(srcDir)) {
    for (const name of (await readdir(srcDir, {recursive: true})) as string[]) {
      const path = join(srcDir, name);
      if (statSync(path).isFile() && !files.has(name)) await rm(path);
    }
  }
  for (const [name, content] of files) {
    const dest = join(srcDir, name);
    if (existsSync(dest) && Buffer.from(content).equals(await readFile(dest))) continue;
    await mkdir(dirname(dest), {recursive: true});
    await writeFile(dest, content);
  }
  if (!files.size) await rm(srcDir, {recursive: true, force: true});
  await mkdir(dirname(listPath), {recursive: true});
  await writeFile(listPath, JSON.stringify(pages, null, 1));
  return pages;
}

/** The sidebar section of the custom pages (for observablehq.config.ts); none when there are none. */
export function customSidebar(ja: boolean, listPath = CUSTOM_PAGES_PATH): {name: string; open: boolean; pages: {name: string; path: string}[]}[] {
  if (!existsSync(listPath)) return [];
  const pages = JSON.parse(readFileSync(listPath, "utf8")) as CustomPage[];
  if (!pages.length) return [];
  return [{name: ja ? "カスタム分析" : "Custom analyses", open: true, pages: pages.map((p) => ({name: ja ? p.title.ja : p.title.en, path: p.path}))}];
}
