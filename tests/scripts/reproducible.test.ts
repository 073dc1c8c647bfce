import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {pinLastModified, pinnedTime} from "../../scripts/reproducible.js";

describe("pinnedTime", () => {
  it("is the last second of the as-of month in UTC, or SOURCE_DATE_EPOCH when set", () => {
    expect(new Date(pinnedTime("2026-10", {})).toISOString()).toBe("2026-10-31T23:59:59.000Z");
    expect(new Date(pinnedTime("2024-02", {})).toISOString()).toBe("2024-02-29T23:59:59.000Z");
    expect(new Date(pinnedTime("2025-12", {})).toISOString()).toBe("2025-12-31T23:59:59.000Z");
    expect(pinnedTime("2026-10", {SOURCE_DATE_EPOCH: "1700000000"})).toBe(1_700_000_000_000);
  });
});

describe("pinLastModified", () => {
  it("rewrites every registered file's lastModified in HTML files, and nothing else", async () => {
    const dir = join(import.meta.dirname, "..", ".tmp", "pin");
    rmSync(dir, {recursive: true, force: true});
    mkdirSync(join(dir, "reports"), {recursive: true});
    const page = (t: number) =>
      `<script>registerFile("./a.arrow", {"name":"./a.arrow","lastModified":${t},"size":10});` +
      `registerFile("./b.json", {"name":"./b.json","lastModified":${t + 1},"size":3});</script>`;
    writeFileSync(join(dir, "index.html"), page(1795513532502));
    writeFileSync(join(dir, "reports", "2024-01.html"), page(1795513999999));
    writeFileSync(join(dir, "app.js"), `const x = {"lastModified":123};`);
    expect(await pinLastModified(dir, 42)).toBe(2);
    expect(readFileSync(join(dir, "index.html"), "utf8")).toBe(page(42).replace('"lastModified":43', '"lastModified":42'));
    expect(readFileSync(join(dir, "reports", "2024-01.html"), "utf8")).toContain('"lastModified":42,"size":3');
    expect(readFileSync(join(dir, "app.js"), "utf8")).toBe(`const x = {"lastModified":123};`);
    rmSync(dir, {recursive: true, force: true});
  });
});
