/**
 * data/README.md documents every table and column of the contract, and its examples are real
 * rows of the committed sample (so they cannot drift from it).
 */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {TABLE_NAMES} from "../../loaders/config.js";
import {SCHEMA} from "../../loaders/ingest/schema.js";

const DATA = resolve(import.meta.dirname, "../../data");
const readme = readFileSync(resolve(DATA, "README.md"), "utf8");

/** The text of the `### table` section. */
function section(table: string): string {
  const start = readme.indexOf(`\n### ${table}\n`);
  if (start < 0) return "";
  const end = readme.slice(start + 1).search(/\n##+ /);
  return end < 0 ? readme.slice(start) : readme.slice(start, start + 1 + end);
}

describe("data/README.md", () => {
  it("documents every table and column of the contract", () => {
    for (const t of TABLE_NAMES) {
      const text = section(t);
      expect(text, t).not.toBe("");
      for (const c of SCHEMA[t].columns) expect(text, `${t}.${c.name}`).toMatch(new RegExp(`^\\| \`${c.name}\``, "m"));
    }
  });

  it("shows example rows that are rows of data/sample", () => {
    let checked = 0;
    for (const t of TABLE_NAMES) {
      const rows = new Set(readFileSync(resolve(DATA, "sample", `${t}.csv`), "utf8").split("\n"));
      const header = SCHEMA[t].columns.map((c) => c.name).join(",");
      for (const block of section(t).matchAll(/```csv\n([\s\S]*?)```/g)) {
        for (const line of block[1].trimEnd().split("\n")) {
          if (line === header) continue;
          expect(rows.has(line), `${t}: ${line}`).toBe(true);
          ++checked;
        }
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("ends with the metric definitions section and its generator markers", () => {
    // An optional paragraph (where custom metrics are defined) may introduce the generated part.
    expect(readme).toMatch(/## Metric definitions\n\n(?:.+\n)*\n?<!-- definitions:start -->\n[\s\S]*<!-- definitions:end -->\n$/);
  });
});
