// `npm run build` with a broken custom metric (syntax error, unknown table, cycle): exit 1 with one
// message naming the file and line, no stack trace, and the previous site left exactly as it was.
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT} from "../../loaders/config.js";
import {spawnAsync} from "../helpers/spawn.js";

const DEF = "-- A metric\n-- What it counts.\n";
const TMP = join(PROJECT_ROOT, "tests", ".tmp", "custom-fatal");

async function build(name: string, files: Record<string, string>) {
  const custom = join(TMP, name, "custom");
  mkdirSync(join(custom, "metrics"), {recursive: true});
  for (const [file, sql] of Object.entries(files)) writeFileSync(join(custom, "metrics", file), sql);
  const config = join(TMP, name, "report.config.ts");
  writeFileSync(config, `export default ${JSON.stringify({customDir: custom})};\n`);
  const out = join(TMP, name, "dist");
  mkdirSync(out, {recursive: true});
  writeFileSync(join(out, "index.html"), "<p>the previous site</p>");
  const result = await spawnAsync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), ["scripts/build.ts", "--out", out], {
    cwd: PROJECT_ROOT,
    timeout: 180_000,
    env: {...process.env, CS_CONFIG: config}
  });
  expect(readdirSync(out)).toEqual(["index.html"]);
  expect(readFileSync(join(out, "index.html"), "utf8")).toBe("<p>the previous site</p>");
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe("npm run build with a broken custom metric", () => {
  rmSync(TMP, {recursive: true, force: true});

  it("syntax error: the file, line and column", async () => {
    expect(await build("syntax", {"top.sql": `${DEF}SELECT month,\n  sum(mrr) AS\nFROM account_months GROUP BY month`})).toMatch(
      /^error: tests\/\.tmp\/custom-fatal\/syntax\/custom\/metrics\/top\.sql:5:6: SQL parser error: syntax error at or near "account_months"$/
    );
  }, 180_000);

  it("unknown table: the file and line", async () => {
    expect(await build("unknown", {"top.sql": `${DEF}SELECT *\nFROM account_month`})).toMatch(
      /^error: tests\/\.tmp\/custom-fatal\/unknown\/custom\/metrics\/top\.sql:4: unknown table "account_month"\. A custom metric reads .*account_months.*$/
    );
  }, 180_000);

  it("a cycle: both files and lines", async () => {
    expect(await build("cycle", {"a.sql": `${DEF}SELECT * FROM b`, "b.sql": `${DEF}SELECT * FROM a`})).toMatch(
      /^error: tests\/\.tmp\/custom-fatal\/cycle\/custom\/metrics\/a\.sql:3: custom metrics read each other in a cycle: a\.sql reads b \(line 3\), b\.sql reads a \(line 3\)$/
    );
  }, 180_000);
});
