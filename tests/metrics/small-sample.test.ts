// The small-sample rule and interval formulas (loaders/metrics/small-sample.ts), against hand-computed values.
import {describe, expect, it} from "vitest";
import {compareWithIntervals, isSmallSample, wilson, wilsonSql} from "../../loaders/metrics/small-sample.js";
import {openDb} from "../../loaders/db.js";

describe("Wilson interval", () => {
  it("0 of 75: [0, 4.87%] (z = 1.96: centre = half = (3.8416/150) / (1 + 3.8416/75) = 0.024363)", () => {
    const [lo, hi] = wilson(0, 75)!;
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(0.048727, 5);
  });

  it("10 of 75: centre = (0.133333 + 0.025611) / 1.051221 = 0.151199; half = 1.864498 · √(0.0015407 + 0.0001707) = 0.077134", () => {
    const [lo, hi] = wilson(10, 75)!;
    expect(lo).toBeCloseTo(0.074065, 5);
    expect(hi).toBeCloseTo(0.228334, 5);
  });

  it("n = 0 has no interval; k = n stays inside [0, 1]", () => {
    expect(wilson(0, 0)).toBeNull();
    const [lo, hi] = wilson(5, 5)!;
    expect(hi).toBe(1);
    expect(lo).toBeCloseTo(0.565509, 5); // centre 0.782754 − half 0.217246
  });

  it("the SQL twin gives the same numbers as the TypeScript one", async () => {
    const db = await openDb();
    const ci = wilsonSql("k", "n");
    const rows = await db.all<{lo: number | null; hi: number | null}>(
      `SELECT ${ci.low} AS lo, ${ci.high} AS hi FROM (VALUES (0, 75, 1), (10, 75, 2), (5, 5, 3), (0, 0, 4)) t(k, n, i) ORDER BY i`
    );
    db.close();
    const ts = [wilson(0, 75), wilson(10, 75), wilson(5, 5), null];
    rows.forEach((r, i) => {
      if (ts[i] === null) expect(r).toEqual({lo: null, hi: null});
      else {
        expect(r.lo!).toBeCloseTo(ts[i]![0], 12);
        expect(r.hi!).toBeCloseTo(ts[i]![1], 12);
      }
    });
  });
});

describe("small-sample rule", () => {
  it("n below the minimum is small; n unknown is small; n at the minimum is not", () => {
    expect(isSmallSample(29, 30)).toBe(true);
    expect(isSmallSample(30, 30)).toBe(false);
    expect(isSmallSample(null, 30)).toBe(true);
  });

  it("a difference is real only when the intervals do not overlap; small samples never differ", () => {
    // 10 of 75 [7.4%, 22.8%] against 0 of 75 [0, 4.9%]: apart.
    expect(compareWithIntervals({value: 10 / 75, interval: wilson(10, 75)}, {value: 0, interval: wilson(0, 75)})).toBe("higher");
    expect(compareWithIntervals({value: 0, interval: wilson(0, 75)}, {value: 10 / 75, interval: wilson(10, 75)})).toBe("lower");
    // 3 of 75 [1.4%, 11.1%] against 0 of 75 [0, 4.9%]: overlap -> within normal variation.
    expect(compareWithIntervals({value: 3 / 75, interval: wilson(3, 75)}, {value: 0, interval: wilson(0, 75)})).toBe("same");
    expect(compareWithIntervals({value: 0.5, interval: [0.4, 0.6], small: true}, {value: 0.1, interval: [0.05, 0.15]})).toBe("same");
    // Census figures (no interval) compare exactly; a missing value gives no verdict.
    expect(compareWithIntervals({value: 1.02}, {value: 1.01})).toBe("higher");
    expect(compareWithIntervals({value: null}, {value: 1})).toBeNull();
  });
});
