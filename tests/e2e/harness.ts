/**
 * Browser-test harness: serves dist/ from 127.0.0.1 (Framework's clean URLs: /x -> /x.html) and
 * drives Debian's Chromium through playwright-core. Every page visit records requests to other
 * hosts, failed requests, console errors and page errors, so tests can assert there are none.
 */
import {createReadStream, existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";

export const DIST = join(import.meta.dirname, "..", "..", "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".arrow": "application/vnd.apache.arrow.file",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".zip": "application/zip"
};

/** Resolves a URL path to a file in `root` as a static host would (clean URLs, index.html). */
export function resolveStatic(root: string, pathname: string): string | null {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  for (const candidate of [clean, `${clean}.html`, join(clean, "index.html")]) {
    const file = join(root, candidate);
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/**
 * The rules of a Netlify / Cloudflare Pages `_headers` file: [path pattern, headers]. A pattern is
 * an exact path or has `*` splats (any characters).
 */
export function parseHeadersFile(text: string): [RegExp, Record<string, string>][] {
  const rules: [RegExp, Record<string, string>][] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim().split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
      rules.push([new RegExp(`^${pattern}$`), {}]);
    } else {
      const at = line.indexOf(":");
      if (rules.length && at > 0) rules.at(-1)![1][line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

/**
 * Serves `root` on 127.0.0.1. With `headers`, every response also carries the headers that
 * root/_headers (the file the build ships for Netlify / Cloudflare Pages) gives its path.
 */
export async function serve(root = DIST, {headers = false}: {headers?: boolean} = {}): Promise<{url: string; close: () => Promise<void>}> {
  const rules = headers ? parseHeadersFile(readFileSync(join(root, "_headers"), "utf8")) : [];
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    const file = resolveStatic(root, pathname);
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    const extra = Object.assign({}, ...rules.filter(([re]) => re.test(pathname)).map(([, h]) => h));
    res.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream", ...extra});
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve()))};
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
  });
}

export interface Visit {
  page: Page;
  /** Requests to any host but the local server. */
  offHost: string[];
  failed: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

/** Opens `path` in a fresh page, recording everything a test must assert did not happen. */
export async function visit(
  browser: Browser,
  base: string,
  path: string,
  {before, viewport = {width: 1280, height: 900}}: {before?: (page: Page) => Promise<void>; viewport?: {width: number; height: number}} = {}
): Promise<Visit> {
  const page = await browser.newPage({viewport});
  await before?.(page);
  const v: Visit = {page, offHost: [], failed: [], consoleErrors: [], pageErrors: [], dialogs: []};
  const origin = new URL(base).origin;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin === origin) return route.continue();
    v.offHost.push(url);
    return route.abort();
  });
  page.on("requestfailed", (r) => v.failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) v.failed.push(`${r.url()} HTTP ${r.status()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") v.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => v.pageErrors.push(String(e)));
  page.on("dialog", (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(base + path, {waitUntil: "networkidle"});
  return v;
}

/** Every page of the built site, as URL paths (clean URLs). */
export function sitePages(root = DIST): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.name.startsWith("_")) continue;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.name.endsWith(".html")) out.push(`/${prefix}${entry.name.replace(/(index)?\.html$/, "")}`);
    }
  };
  walk(root, "");
  return out.sort();
}
