// The quarter calendar (loaders/site/qbr/quarters.ts): quarter of a month, its months, shifting, and
// which quarters are partial.
import {describe, expect, it} from "vitest";
import {addQuarters, quarterMonths, quarterOf, quartersOf} from "../../../loaders/site/qbr/quarters.js";

describe("quarter calendar", () => {
  it("maps months to calendar quarters", () => {
    expect(["2026-01", "2026-03", "2026-04", "2026-09", "2026-10", "2026-12"].map(quarterOf)).toEqual([
      "2026-Q1", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026-Q4"
    ]);
    expect(quarterMonths("2026-Q4")).toEqual(["2026-10", "2026-11", "2026-12"]);
  });

  it("shifts across years both ways", () => {
    expect(addQuarters("2026-Q4", 1)).toBe("2027-Q1");
    expect(addQuarters("2026-Q1", -1)).toBe("2025-Q4");
    expect(addQuarters("2026-Q3", -4)).toBe("2025-Q3");
  });

  it("lists every quarter with data; one the data starts or ends inside is partial", () => {
    expect(quartersOf(["2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"])).toEqual([
      {quarter: "2025-Q3", months: ["2025-08", "2025-09"], partial: true},
      {quarter: "2025-Q4", months: ["2025-10", "2025-11", "2025-12"], partial: false},
      {quarter: "2026-Q1", months: ["2026-01", "2026-02", "2026-03"], partial: false},
      {quarter: "2026-Q2", months: ["2026-04", "2026-05"], partial: true}
    ]);
    expect(quartersOf([])).toEqual([]);
  });
});
