import {describe, expect, it} from "vitest";
import {auc, scoreWith, weightsFrom} from "../../loaders/metrics/health-weights.js";

describe("suggested health weights", () => {
  it("turns coefficients into weights: −β for components that lower churn, 0 otherwise, summing to 1", () => {
    // β = (−3, 1, −1, 0, 0, 0) → raw (3, 0, 1, 0, 0, 0) / 4
    expect(weightsFrom([-3, 1, -1, 0, 0, 0])).toEqual([0.75, 0, 0.25, 0, 0, 0]);
  });

  it("scores with the suggested weights by the same re-weighting rule as the health score", () => {
    // (.75·40 + .25·80) / (.75 + .25) with the missing second component re-weighted away = 50
    expect(scoreWith([0.75, 0, 0.25, 0, 0, 0], [40, null, 80, null, null, null])).toBe(50);
    expect(scoreWith([0, 1, 0, 0, 0, 0], [40, null, 80, null, null, null])).toBe(null);
  });

  it("computes the AUC as P(churner scores lower) with ties counting half", () => {
    // churners 10, 50; non-churners 50, 90: pairs (10<50 1, 10<90 1, 50=50 ½, 50<90 1) = 3.5 / 4
    const rows = [
      {score: 10, churned: true},
      {score: 50, churned: true},
      {score: 50, churned: false},
      {score: 90, churned: false},
      {score: null, churned: true}
    ];
    expect(auc(rows)).toBe(0.875);
    expect(auc([{score: 1, churned: true}])).toBe(null);
  });
});
