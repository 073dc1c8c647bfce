import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {definitionsMarkdown, END, replaceDefinitions, START} from "../../loaders/docs/definitions-markdown.js";
import type {MetricFamily} from "../../loaders/metrics/family.js";
import {FAMILIES} from "../../loaders/metrics/index.js";
import {QBR_DEFINITIONS} from "../../loaders/site/qbr/definitions.js";

const family: MetricFamily = {
  name: "demo",
  tables: ["t"],
  definitions: [
    {id: "x", table: "t", name: {en: "X rate", ja: "X率"}, formula: "a | b", text: {en: "A over B.", ja: "AをBで割る。"}}
  ],
  build: async () => {}
};

describe("definitionsMarkdown", () => {
  it("renders one table per output table, escaping pipes", () => {
    expect(definitionsMarkdown([family])).toContain(
      "### t\n\n| metric | formula | definition | 日本語 |\n|---|---|---|---|\n| **X rate** (`x`) | a \\| b | A over B. | X率: AをBで割る。 |"
    );
  });

  it("replaces only the text between the markers", () => {
    expect(replaceDefinitions(`a\n${START}\nold\n${END}\nz`, "new")).toBe(`a\n${START}\nnew\n${END}\nz`);
    expect(() => replaceDefinitions("no markers", "x")).toThrow(/must contain/);
  });
});

describe("data/README.md", () => {
  it("carries every metric definition, as `npm run docs` renders them", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "data", "README.md"), "utf8");
    expect(replaceDefinitions(readme, definitionsMarkdown([...FAMILIES, {definitions: QBR_DEFINITIONS}]))).toBe(readme);
  });

  it("every output table has at least one definition, and ids are unique", () => {
    const ids = [...FAMILIES.flatMap((f) => f.definitions.map((d) => d.id)), ...QBR_DEFINITIONS.map((d) => d.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of FAMILIES) {
      for (const table of f.tables) expect(f.definitions.map((d) => d.table), `${f.name}: ${table}`).toContain(table);
    }
  });
});
