// The host configurations in deploy/ state the same headers as the build's _headers file.
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {CSP, headersFile, SECURITY_HEADERS} from "../../../scripts/postbuild/headers.js";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const deploy = (f: string) => readFileSync(join(ROOT, "deploy", f), "utf8");

describe("host headers", () => {
  it("_headers: the security headers on /*, and an exact Content-Type rule per .wasm and .arrow file", async () => {
    const dir = join(ROOT, "tests", ".tmp", "headers-site");
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(join(dir, "_file", "data"), {recursive: true});
    writeFileSync(join(dir, "_file", "data", "a.1234abcd.arrow"), "");
    writeFileSync(join(dir, "engine.wasm"), "");
    writeFileSync(join(dir, "index.html"), "");
    const text = await headersFile(dir);
    expect(text).toContain(`/*\n  Content-Security-Policy: ${CSP}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`);
    expect(text).toContain("/_file/data/a.1234abcd.arrow\n  Content-Type: application/vnd.apache.arrow.file\n");
    expect(text).toContain("/engine.wasm\n  Content-Type: application/wasm\n");
  });

  it("the nginx snippet, the CloudFront policy and deploy/README.md carry the same policy", () => {
    const nginx = deploy("nginx.conf");
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(nginx).toContain(`add_header ${name} "${value}" always;`);
    expect(nginx).toMatch(/default_type application\/wasm;/);
    expect(nginx).toMatch(/default_type application\/vnd\.apache\.arrow\.file;/);
    const policy = JSON.parse(deploy("cloudfront-headers-policy.json")).SecurityHeadersConfig;
    expect(policy.ContentSecurityPolicy.ContentSecurityPolicy).toBe(CSP);
    expect(policy.ReferrerPolicy.ReferrerPolicy).toBe("no-referrer");
    expect(deploy("README.md")).toContain(`Content-Security-Policy: ${CSP}`);
  });

  it("the CloudFront function maps clean URLs to the files Framework writes", () => {
    const handler = new Function(`${deploy("cloudfront-clean-urls.js")}; return handler;`)() as (e: {request: {uri: string}}) => {uri: string};
    const uri = (u: string) => handler({request: {uri: u}}).uri;
    expect([uri("/"), uri("/retention"), uri("/reports/"), uri("/reports/2024-01"), uri("/_file/data/x.1234abcd.arrow")]).toEqual([
      "/index.html",
      "/retention.html",
      "/reports/index.html",
      "/reports/2024-01.html",
      "/_file/data/x.1234abcd.arrow"
    ]);
  });
});
