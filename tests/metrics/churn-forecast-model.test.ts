import {describe, expect, it} from "vitest";
import {cellRates, forecastSum, gammaMeanOne, mulberry32, rateOf, seedOf, shrunkRate} from "../../loaders/metrics/churn-forecast-model.js";

describe("churn forecast model", () => {
  it("shrinks a cell's rate toward its band's, the band's toward the overall rate, and keeps every level's total", () => {
    // overall 13 / 500 = .026.
    // Bands, shrunk: red (10 + 200·.026) / (200 + 200) = .038; green (3 + 5.2) / (300 + 200) = .0164.
    //   Σ n·rate = 200·.038 + 300·.0164 = 12.52 but 13 churned: both × 13 / 12.52 → red .0394569, green .0170288.
    // Cells of red, shrunk toward .0394569: SMB (10 + 7.891374) / 300 = .0596379, Ent (0 + 7.891374) / 300 = .0263046;
    //   Σ n·rate = 8.59425 vs red's 200·.0394569 = 7.891374: both × .9182156 → SMB .0547605, Ent .0241533.
    // green|SMB is green's only cell, so it takes green's rate.
    const rates = cellRates(
      new Map([
        ["red|SMB", {n: 100, c: 10}],
        ["red|Ent", {n: 100, c: 0}],
        ["green|SMB", {n: 300, c: 3}]
      ])
    );
    expect(rateOf(rates, "red")).toBeCloseTo(0.0394568690, 9);
    expect(rateOf(rates, "green")).toBeCloseTo(0.0170287540, 9);
    expect(rateOf(rates, "red|SMB")).toBeCloseTo(0.0547604626, 9);
    expect(rateOf(rates, "red|Ent")).toBeCloseTo(0.0241532755, 9);
    expect(rateOf(rates, "green|SMB")).toBeCloseTo(0.0170287540, 9);
    // Balance: the cells' expected churns add up to the 13 observed (shrinkage moves risk, loses none).
    expect(100 * rateOf(rates, "red|SMB") + 100 * rateOf(rates, "red|Ent") + 300 * rateOf(rates, "green|SMB")).toBeCloseTo(13, 9);
    // A segment never seen in a known band takes the band's rate; an unknown band the overall rate.
    expect(rateOf(rates, "red|Mid")).toBeCloseTo(0.0394568690, 9);
    expect(rateOf(rates, "yellow|SMB")).toBeCloseTo(0.026, 12);
    expect(shrunkRate({n: 0, c: 0}, 0.2)).toBe(0.2);
  });

  it("draws the rates' common factor with mean 1 and variance 1 / events", () => {
    for (const shape of [0.5, 4, 30]) {
      const rng = mulberry32(shape * 1000);
      const xs = Array.from({length: 40000}, () => gammaMeanOne(rng, shape));
      const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
      const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
      // 40,000 draws: the mean's standard error is √(1/shape / 40000) ≤ .0071, so 3.5 SE ≤ .025.
      expect(Math.abs(mean - 1)).toBeLessThan(0.025);
      expect(variance * shape).toBeGreaterThan(0.9);
      expect(variance * shape).toBeLessThan(1.1);
    }
  });

  it("widens the interval by the rates' uncertainty: churns ~ Poisson–Gamma, variance m + m² / events", () => {
    // 2,000 accounts of MRR 1 at p .01: m = 20 churns expected. Accounts alone: variance ≈ 20·.99 = 19.8
    // (SD 4.45, 10th–90th about 14..26). With the rates calibrated on 20 events: variance 20 + 400 / 20 = 40
    // (SD 6.3), about a negative binomial with r = 20, p = .5: exact 10th and 90th percentiles 12 and 28
    // (CDF .1077 at 12, .9033 at 28). 4,000 draws estimate a CDF to ± .005, and the exact CDF crosses .9
    // only .003 above 28, so the simulated quantiles are checked to ±1 of the exact ones, and the
    // widened interval must be strictly wider than the accounts-only one (exact 14..26) on both sides.
    const groups = [{p: 0.01, amounts: new Array(2000).fill(1)}];
    const plain = forecastSum(groups, seedOf("plain"));
    const wide = forecastSum(groups, seedOf("wide"), 4000, 20);
    expect(plain.expected).toBeCloseTo(20, 9);
    expect(wide.expected).toBeCloseTo(20, 9);
    expect(Math.abs(plain.low - 14)).toBeLessThanOrEqual(1);
    expect(Math.abs(plain.high - 26)).toBeLessThanOrEqual(1);
    expect(Math.abs(wide.low - 12)).toBeLessThanOrEqual(1);
    expect(Math.abs(wide.high - 28)).toBeLessThanOrEqual(1);
    expect(wide.low).toBeLessThan(plain.low);
    expect(wide.high).toBeGreaterThan(plain.high);
    // Without events the factor is 1: the same stream as before the rates' uncertainty existed.
    expect(forecastSum(groups, 9, 4000, 0)).toEqual(forecastSum(groups, 9));
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

  it("draws exactly what the plain closure-based simulation draws (the inlined generator changes no number)", () => {
    // The simulation as first written: mulberry32 as a closure, the geometric skip as a for loop.
    const reference = (groups: {p: number; amounts: number[]}[], seed: number, draws: number, events: number) => {
      const rng = mulberry32(seed);
      const totals = new Float64Array(draws);
      for (let d = 0; d < draws; ++d) {
        const factor = events > 0 ? gammaMeanOne(rng, events) : 1;
        let total = 0;
        for (const g of groups) {
          const p = Math.min(1, g.p * factor);
          if (p <= 0) continue;
          if (p >= 1) {
            for (const a of g.amounts) total += a;
            continue;
          }
          const logq = Math.log1p(-p);
          for (let i = Math.floor(Math.log(1 - rng()) / logq); i < g.amounts.length; i += 1 + Math.floor(Math.log(1 - rng()) / logq)) total += g.amounts[i];
        }
        totals[d] = total;
      }
      totals.sort();
      return [totals[399], totals[3599]];
    };
    const r = mulberry32(5);
    const groups = [0.01, 0.2, 0, 1, 0.6, 0.003].map((p) => ({p, amounts: Array.from({length: 40 + Math.floor(r() * 200)}, () => Math.round(r() * 1e5) / 100)}));
    for (const [seed, events] of [[1, 0], [seedOf("2025-01+q"), 12.5], [99, 0.7]]) {
      const f = forecastSum(groups, seed, 4000, events);
      expect([f.low, f.high]).toEqual(reference(groups, seed, 4000, events));
    }
  });
});
