import {describe, expect, it} from "vitest";
import {FAMILIES} from "../../loaders/metrics/index.js";
import type {MetricFamily} from "../../loaders/metrics/family.js";
import {selectFamilies, unknownTablesMessage} from "../../loaders/metrics/select.js";

const names = (tables: string[]) => selectFamilies(FAMILIES, tables).map((f) => f.name);

describe("selectFamilies", () => {
  it("builds a table's family and what it reads, nothing else", () => {
    expect(names(["mrr_movements"])).toEqual(["account-months", "movements"]);
    expect(names(["account_months"])).toEqual(["account-months"]);
    expect(names(["health_validity"])).toEqual(["account-months", "health", "health-validity"]);
  });

  it("adds the family that extends a table built (intervals adds churn's and nps's interval columns)", () => {
    expect(names(["nps"])).toEqual(["nps", "intervals"]);
    expect(names(["churn"])).toEqual(["account-months", "segments", "churn", "intervals"]);
    expect(names(["retention_t12m"])).toEqual(["account-months", "segments", "revenue-retention", "intervals"]);
  });

  it("builds the acceptance workload's four tables from seven families, in registry order", () => {
    expect(names(["nps", "retention_cohorts", "churn", "mrr_movements"])).toEqual([
      "account-months", "movements", "segments", "churn", "retention", "nps", "intervals"
    ]);
  });

  it("builds nothing for the ingest quarantine alone", () => {
    expect(names(["rejected_rows"])).toEqual([]);
  });

  it("refuses a family with no declared dependencies", () => {
    const stray: MetricFamily = {name: "stray", tables: ["stray_table"], definitions: [], build: async () => {}};
    expect(() => selectFamilies([...FAMILIES, stray], ["stray_table"])).toThrow(/"stray" has no entry in loaders\/metrics\/dependencies.ts/);
  });
});

describe("unknownTablesMessage", () => {
  it("names every unknown table and lists the valid ones", () => {
    expect(unknownTablesMessage(["churn", "chrun", "x"], ["churn", "nps"])).toBe(
      'unknown tables "chrun", "x" for --tables; valid tables: churn, nps'
    );
    expect(unknownTablesMessage(["nps"], ["churn", "nps"])).toBeNull();
  });
});
