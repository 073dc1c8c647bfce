// deploy/nginx.conf, run: real nginx serves dist/ with the snippet inside a server block; pages load
// under its headers with no policy violation and draw, clean URLs resolve, .wasm and .arrow get
// their content types and _headers is not served. Needs nginx (CI installs it: .ci/run); skipped,
// and saying so, where it is absent.
import {spawn, type ChildProcess} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createServer} from "node:net";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {CSP} from "../../scripts/postbuild/headers.js";
import {DIST, launch, visit} from "./harness.js";

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const have = existsSync(NGINX);
const DIR = join(import.meta.dirname, "..", ".tmp", "nginx");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as {port: number};
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let nginx: ChildProcess | undefined;
let base = "";
let browser: Browser;

beforeAll(async () => {
  if (!have) return;
  rmSync(DIR, {recursive: true, force: true});
  mkdirSync(DIR, {recursive: true});
  const port = await freePort();
  const snippet = readFileSync(join(import.meta.dirname, "..", "..", "deploy", "nginx.conf"), "utf8").replace(/^root .*;$/m, `root ${DIST};`);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${join(DIR, t)};`).join("\n  ");
  writeFileSync(
    join(DIR, "nginx.conf"),
    `daemon off;\npid ${join(DIR, "nginx.pid")};\nerror_log ${join(DIR, "error.log")};\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  ${temp}\n  server {\n    listen 127.0.0.1:${port};\n${snippet}\n  }\n}\n`
  );
  nginx = spawn(NGINX, ["-p", DIR, "-c", join(DIR, "nginx.conf")], {stdio: "pipe"});
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; ++i) {
    try {
      await fetch(base + "/");
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  nginx?.kill();
});

describe.skipIf(!have)(`deploy/nginx.conf on nginx (${NGINX})`, () => {
  it("sends the headers, maps clean URLs, types .wasm and .arrow, hides _headers", async () => {
    const res = await fetch(base + "/retention");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect((await fetch(base + "/reports/")).status).toBe(200);
    const headers = readFileSync(join(DIST, "_headers"), "utf8");
    const wasm = await fetch(base + headers.match(/^\/\S+\.wasm$/m)![0]);
    expect([wasm.status, wasm.headers.get("content-type"), wasm.headers.get("content-security-policy")]).toEqual([200, "application/wasm", CSP]);
    const arrow = await fetch(base + headers.match(/^\/\S+\.arrow$/m)![0]);
    expect([arrow.status, arrow.headers.get("content-type")]).toEqual([200, "application/vnd.apache.arrow.file"]);
    expect((await fetch(base + "/_headers")).status).toBe(404);
  });

  for (const path of ["/", "/reports/", "/accounts", "/explore"]) {
    it(`${path} loads with no violation and draws`, async () => {
      const v = await visit(browser, base, path, {
        before: async (page) => {
          await page.addInitScript(() => {
            const seen: string[] = ((window as unknown as {__violations: string[]}).__violations = []);
            document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.effectiveDirective} ${e.sourceFile}`));
          });
        }
      });
      await v.page.waitForFunction(() => !document.querySelector("#observablehq-main observablehq-loading"), null, {timeout: 30_000});
      if (path === "/explore") {
        // Explore starts DuckDB-wasm only when a query runs.
        await v.page.click("main form.cs-sql button[type=submit]");
        await v.page.waitForSelector("form table tbody tr", {timeout: 60_000});
      }
      expect(await v.page.evaluate(() => (window as unknown as {__violations: string[]}).__violations)).toEqual([]);
      expect({pageErrors: v.pageErrors, consoleErrors: v.consoleErrors, failed: v.failed}).toEqual({pageErrors: [], consoleErrors: [], failed: []});
      expect(await v.page.locator("#observablehq-main svg, #observablehq-main table").count()).toBeGreaterThan(0);
      await v.page.close();
    });
  }
});
