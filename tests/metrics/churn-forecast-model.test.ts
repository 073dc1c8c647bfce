import {describe, expect, it} from "vitest";
import {cellRates, forecastSum, mulberry32, rateOf, seedOf, shrunkRate} from "../../loaders/metrics/churn-forecast-model.js";

describe("churn forecast model", () => {
  it("shrinks a cell's rate toward its band's, and the band's toward the overall rate", () => {
    // overall 13 / 400 = .0325; band red (10 + 200·.0325) / (100 + 200) = .055; cell (10 + 200·.055) / 300 = .07
    // band green (3 + 6.5) / 500 = .019; cell (3 + 200·.019) / 500 = .0136
    const rates = cellRates(
      new Map([
        ["red|SMB", {n: 100, c: 10}],
        ["green|SMB", {n: 300, c: 3}]
      ])
    );
    expect(rateOf(rates, "red|SMB")).toBeCloseTo(0.07, 12);
    expect(rateOf(rates, "green|SMB")).toBeCloseTo(0.0136, 12);
    // A segment never seen in a known band takes the band's rate; an unknown band the overall rate.
    expect(rateOf(rates, "red|Enterprise")).toBeCloseTo(0.055, 12);
    expect(rateOf(rates, "yellow|SMB")).toBeCloseTo(0.0325, 12);
    expect(shrunkRate({n: 0, c: 0}, 0.2)).toBe(0.2);
  });

  it("gives the exact expected churned MRR and the 10th–90th percentile interval of a tiny book", () => {
    // A: MRR 100, p .5; B: MRR 300, p .05. Totals: 0 (p .475), 100 (.475), 300 (.025), 400 (.025).
    // Expected .5·100 + .05·300 = 65. CDF: F(0) = .475 ≥ .1 → low 0; F(100) = .95 ≥ .9 → high 100.
    const f = forecastSum([{p: 0.5, amounts: [100]}, {p: 0.05, amounts: [300]}], seedOf("2024-06+1"));
    expect(f).toEqual({expected: 65, low: 0, high: 100});
  });

  it("simulates the sum's distribution: interval of a Poisson-binomial book matches its exact quantiles", () => {
    // 50 accounts of MRR 10, p .1: churns ~ Binomial(50, .1). Exact: P(≤2) = .112 (≥ .1 → low 20),
    // P(≤7) = .878, P(≤8) = .942 (≥ .9 → high 80). Expected 50.
    const f = forecastSum([{p: 0.1, amounts: new Array(50).fill(10)}], 7);
    expect(f.expected).toBeCloseTo(50, 9);
    expect(f.low).toBe(20);
    expect(f.high).toBe(80);
  });

  it("is deterministic: the same seed gives the same stream and the same interval", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const groups = [{p: 0.03, amounts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => v * 1000)}];
    expect(forecastSum(groups, seedOf("x"))).toEqual(forecastSum(groups, seedOf("x")));
  });
});
