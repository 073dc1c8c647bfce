import {describe, expect, it} from "vitest";
import {historyWindow, isoDate, isoTimestamp, monthStart, offsetOf, parseMonth} from "../../scripts/sample/calendar.js";
import {rng} from "../../scripts/sample/random.js";
import {csvField} from "../../scripts/sample/write.js";

describe("rng", () => {
  it("repeats for the same keys and differs for others", () => {
    const draw = (...keys: number[]) => {
      const r = rng(...keys);
      return Array.from({length: 5}, () => r.next());
    };
    expect(draw(42, 1, 3)).toEqual(draw(42, 1, 3));
    expect(draw(42, 1, 3)).not.toEqual(draw(42, 2, 3));
    expect(draw(42, 1, 3)).not.toEqual(draw(43, 1, 3));
    // Seeds above 2^32 are not truncated.
    expect(draw(2 ** 40 + 5)).not.toEqual(draw(5));
  });

  it("draws with the advertised distributions", () => {
    const r = rng(1);
    const n = 20_000;
    let sum = 0, sumSq = 0, poisson = 0, inRange = true;
    const counts = {a: 0, b: 0};
    for (let i = 0; i < n; ++i) {
      const u = r.next();
      if (u < 0 || u >= 1) inRange = false;
      const z = r.normal(10, 2);
      sum += z;
      sumSq += z * z;
      poisson += r.poisson(1.5);
      ++counts[r.weighted({a: 3, b: 1})];
      const k = r.int(1, 6);
      if (k < 1 || k > 6 || !Number.isInteger(k)) inRange = false;
    }
    expect(inRange).toBe(true);
    expect(sum / n).toBeCloseTo(10, 1);
    expect(Math.sqrt(sumSq / n - (sum / n) ** 2)).toBeCloseTo(2, 1);
    expect(poisson / n).toBeCloseTo(1.5, 1);
    expect(counts.a / n).toBeCloseTo(0.75, 1);
  });
});

describe("calendar", () => {
  it("counts months and days without a clock", () => {
    const win = historyWindow({end: "2026-10", months: 36});
    expect(isoDate(win.startDay)).toBe("2023-11-01");
    expect(isoDate(win.lastDay)).toBe("2026-10-31");
    expect(isoDate(monthStart(win, 4))).toBe("2024-03-01");
    expect(offsetOf(win, win.lastDay)).toBe(35);
    expect(isoTimestamp(win.startDay * 86_400 + 3661)).toBe("2023-11-01 01:01:01");
    expect(() => parseMonth("2026-13")).toThrow(/YYYY-MM/);
  });
});

describe("csvField", () => {
  it("quotes by RFC 4180 and leaves other values bare", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(104166.67)).toBe("104166.67");
    expect(csvField(true)).toBe("true");
    expect(csvField("株式会社さくらメディア")).toBe("株式会社さくらメディア");
    expect(csvField("Harbor & Pine Co., Ltd.")).toBe('"Harbor & Pine Co., Ltd."');
    expect(csvField('The "drag and drop" editor')).toBe('"The ""drag and drop"" editor"');
    expect(csvField("a\nb")).toBe('"a\nb"');
  });
});
