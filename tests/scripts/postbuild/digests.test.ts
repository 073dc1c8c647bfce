// The build publishes the monthly digests at reports/YYYY-MM.digest.{txt,md} (scripts/postbuild/digests.ts),
// byte for byte as written with the site data, and none in a protected build.
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {publishDigests} from "../../../scripts/postbuild/digests.js";

function dirs() {
  const root = mkdtempSync(join(tmpdir(), "cs-digests-"));
  const metrics = join(root, "metrics");
  const site = join(root, "site");
  mkdirSync(metrics);
  mkdirSync(site);
  for (const [name, text] of [["digest-2026-09.txt", "Sep\n"], ["digest-2026-09.md", "## Sep\n"], ["digest-latest.txt", "latest\n"], ["report-2026-09.json", "{}"]]) {
    writeFileSync(join(metrics, name), text);
  }
  return {metrics, site};
}

describe("publishDigests", () => {
  it("copies each month's digests into reports/, not the latest alias or other files", async () => {
    const {metrics, site} = dirs();
    expect(await publishDigests(metrics, site, {protect: false})).toBe(2);
    expect(readdirSync(join(site, "reports")).sort()).toEqual(["2026-09.digest.md", "2026-09.digest.txt"]);
    expect(readFileSync(join(site, "reports", "2026-09.digest.txt"), "utf8")).toBe("Sep\n");
  });

  it("a protected build publishes none (its data is only shipped encrypted)", async () => {
    const {metrics, site} = dirs();
    expect(await publishDigests(metrics, site, {protect: true})).toBe(0);
    expect(readdirSync(site)).toEqual([]);
  });
});
