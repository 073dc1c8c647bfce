// `npm run build` on exports missing a required column: exit 1 with the ingest layer's one message,
// no stack trace, and the output directory left exactly as it was (never half-built).
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {spawnAsync} from "../helpers/spawn.js";

describe("npm run build with a fatal input error", () => {
  it("exits 1 with one message naming file, column and schema, and leaves the previous site untouched", async () => {
    const out = join(PROJECT_ROOT, "tests", ".tmp", "dist-fatal");
    rmSync(out, {recursive: true, force: true});
    mkdirSync(out, {recursive: true});
    writeFileSync(join(out, "index.html"), "<p>the previous site</p>");
    const result = await spawnAsync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--out", out], {
      cwd: PROJECT_ROOT,
      timeout: 120_000,
      env: {...process.env, CS_DATA_DIR: "tests/fixtures/ingest/missing-column"}
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: .*tests\/fixtures\/ingest\/missing-column\/subscriptions\.csv: missing required column "mrr"\. Expected columns: subscription_id, account_id \(required\), .* Found: .*\.$/
    );
    expect(readdirSync(out)).toEqual(["index.html"]);
    expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>the previous site</p>");
    rmSync(out, {recursive: true, force: true});
  }, 120_000);
});
