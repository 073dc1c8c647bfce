/**
 * The HTTP headers the built site is meant to be served with, in one place: the Content-Security-
 * Policy every page works under (tests/e2e/csp.test.ts serves dist/ with exactly these), and the
 * `_headers` file written into dist/ for Netlify and Cloudflare Pages. deploy/nginx.conf and
 * deploy/README.md repeat the same values for other hosts (a unit test keeps them equal).
 */
import {readdir, writeFile} from "node:fs/promises";
import {join} from "node:path";

/** One policy for every page, Explore included (its DuckDB worker is a same-origin script file). */
export const CSP = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the Explore page compile DuckDB's WebAssembly; no JavaScript eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'"
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer"
};

/** Content types a host may not know (nosniff makes a wrong type fatal for scripts and wasm). */
export const CONTENT_TYPES: Record<string, string> = {
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.file"
};

/**
 * The `_headers` file: the security headers on every path, and an exact-path rule with the content
 * type for each .wasm and .arrow file of this build (these hosts match one splat per rule, so
 * "every .arrow file" cannot be one pattern; the names are content-hashed, so the rules are exact).
 */
export async function headersFile(dir: string): Promise<string> {
  const lines = ["# Netlify / Cloudflare Pages response headers, written by `npm run build` (scripts/postbuild/headers.ts).", "/*"];
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) lines.push(`  ${name}: ${value}`);
  const files = ((await readdir(dir, {recursive: true})) as string[]).map((f) => f.split("\\").join("/")).sort();
  for (const file of files) {
    const type = Object.entries(CONTENT_TYPES).find(([ext]) => file.endsWith(ext))?.[1];
    if (type) lines.push(`/${file}`, `  Content-Type: ${type}`);
  }
  return lines.join("\n") + "\n";
}

export async function writeHeadersFile(dir: string): Promise<void> {
  await writeFile(join(dir, "_headers"), await headersFile(dir));
}
