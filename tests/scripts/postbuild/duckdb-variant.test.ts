import {mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {dropUnusedDuckdbVariant} from "../../../scripts/postbuild/duckdb-variant.js";

describe("dropUnusedDuckdbVariant", () => {
  let dir: string;
  afterEach(() => rmSync(dir, {recursive: true, force: true}));

  it("removes the mvp engine and worker, keeps the eh ones and everything else", async () => {
    dir = mkdtempSync(join(tmpdir(), "cs-variant-"));
    const pkg = join(dir, "_npm", "@duckdb", "duckdb-wasm@1.29.0", "dist");
    mkdirSync(pkg, {recursive: true});
    for (const f of ["duckdb-mvp.wasm", "duckdb-eh.wasm", "duckdb-browser-mvp.worker.c85d2c10.js", "duckdb-browser-eh.worker.32845a78.js", "duckdb-browser.mjs"]) writeFileSync(join(pkg, f), "x");
    // A file of the same name outside the DuckDB package is not ours to remove.
    mkdirSync(join(dir, "_file"), {recursive: true});
    writeFileSync(join(dir, "_file", "duckdb-mvp.wasm"), "x");
    expect(await dropUnusedDuckdbVariant(dir)).toEqual([
      join("_npm", "@duckdb", "duckdb-wasm@1.29.0", "dist", "duckdb-browser-mvp.worker.c85d2c10.js"),
      join("_npm", "@duckdb", "duckdb-wasm@1.29.0", "dist", "duckdb-mvp.wasm")
    ]);
    expect(readdirSync(pkg).sort()).toEqual(["duckdb-browser-eh.worker.32845a78.js", "duckdb-browser.mjs", "duckdb-eh.wasm"]);
    expect(readdirSync(join(dir, "_file"))).toEqual(["duckdb-mvp.wasm"]);
  });

  it("does nothing to a site without npm modules", async () => {
    dir = mkdtempSync(join(tmpdir(), "cs-variant-"));
    expect(await dropUnusedDuckdbVariant(dir)).toEqual([]);
  });
});
