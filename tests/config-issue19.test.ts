/** Config sections of issue 19: touch, kpiTree, attribution (defaults and one clear message per bad value). */
import {describe, expect, it} from "vitest";
import {resolveConfig} from "../loaders/config.js";

describe("resolveConfig: touch, kpiTree, attribution", () => {
  it("has defaults", () => {
    const c = resolveConfig({});
    expect(c.touch).toEqual({highMrr: 500_000, lowMrr: 100_000, pooledCsms: []});
    expect(c.kpiTree).toEqual({targets: {}});
    expect(c.attribution).toEqual({minAccounts: 30});
  });

  it("merges partial sections", () => {
    const c = resolveConfig({touch: {highMrr: 800_000}, kpiTree: {targets: {nrr: 1.05, churn: 0.06}}, attribution: {minAccounts: 10}});
    expect(c.touch).toEqual({highMrr: 800_000, lowMrr: 100_000, pooledCsms: []});
    expect(c.kpiTree.targets).toEqual({nrr: 1.05, churn: 0.06});
    expect(c.attribution.minAccounts).toBe(10);
  });

  it.each([
    [{touch: {highMrr: -1}}, 'config: "touch.highMrr" must be an amount of 0 or more, got -1'],
    [{touch: {lowMrr: 10, highMrr: 5}}, 'config: "touch" must be lowMrr <= highMrr, got {"lowMrr":10,"highMrr":5}'],
    [{touch: {pooledCsms: "Digital"}}, 'config: "touch.pooledCsms" must be a list of CSM names, got "Digital"'],
    [{touch: {high: 1}}, 'config: unknown key "touch.high" (expected one of: highMrr, lowMrr, pooledCsms)'],
    [{kpiTree: {targets: {mrr: 1}}}, 'config: unknown key "kpiTree.targets.mrr" (expected one of: nrr, grr, expansion, churn, contraction)'],
    [{kpiTree: {targets: {nrr: "105%"}}}, 'config: "kpiTree.targets.nrr" must be a number from 0 to 10, got "105%"'],
    [{attribution: {minAccounts: 0}}, 'config: "attribution.minAccounts" must be a positive integer, got 0']
  ])("%j", (user, message) => {
    expect(() => resolveConfig(user)).toThrow(message);
  });
});
