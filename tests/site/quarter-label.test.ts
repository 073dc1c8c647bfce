// The quarterly review's label (src/components/quarter-label.js): a partial quarter names its months.
import {describe, expect, it} from "vitest";
import {quarterLabel} from "../../src/components/quarter-label.js";

describe("quarterLabel", () => {
  it("a full quarter is its name", () => {
    expect(quarterLabel({quarter: "2026-Q3", months: ["2026-07", "2026-08", "2026-09"], partial: false})).toBe("Q3 2026");
    expect(quarterLabel({quarter: "2026-Q3", months: ["2026-07", "2026-08", "2026-09"], partial: false}, {locale: "ja-JP"})).toBe("2026年第3四半期");
  });

  it("a partial quarter says which months it covers, in both languages", () => {
    const q4 = {quarter: "2026-Q4", months: ["2026-10", "2026-11"], partial: true};
    expect(quarterLabel(q4)).toBe("Q4 2026, partial: Oct – Nov");
    expect(quarterLabel(q4, {locale: "ja-JP"})).toBe("2026年第4四半期（途中: 10月〜11月）");
    const one = {quarter: "2026-Q4", months: ["2026-10"], partial: true};
    expect(quarterLabel(one)).toBe("Q4 2026, partial: Oct only");
    expect(quarterLabel(one, {locale: "ja-JP"})).toBe("2026年第4四半期（途中: 10月のみ）");
    // The data can also start inside a quarter.
    expect(quarterLabel({quarter: "2025-Q3", months: ["2025-08", "2025-09"], partial: true})).toBe("Q3 2025, partial: Aug – Sep");
  });
});
