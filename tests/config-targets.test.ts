// Targets state their period (loaders/config.ts resolveTargets): a target must match what its tile
// compares it with, and the message names the key and the period expected. Also minSampleSize.
import {describe, expect, it} from "vitest";
import {ConfigError, resolveConfig, TARGET_PERIODS} from "../loaders/config.js";

const error = (user: unknown) => {
  try {
    resolveConfig(user);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("resolveConfig did not throw");
};

describe("targets and their periods", () => {
  it("resolves {value, period} to the value; bare numbers only where the period is fixed", () => {
    const c = resolveConfig({
      targets: {
        mrr: 1_000_000,
        nrr: {value: 1.05, period: "trailing-12-months"},
        grr: {value: 0.92, period: "trailing-12-months"},
        logo_churn_rate: {value: 0.015, period: "monthly"},
        nps: 30,
        health_green_share: {value: 0.6, period: "month-end"}
      }
    });
    expect(c.targets).toEqual({mrr: 1_000_000, nrr: 1.05, grr: 0.92, logo_churn_rate: 0.015, nps: 30, health_green_share: 0.6});
    expect(TARGET_PERIODS.nrr).toBe("trailing-12-months");
    expect(TARGET_PERIODS.logo_churn_rate).toBe("monthly");
  });

  it.each([
    [{targets: {nrr: 1.05}}, 'config: "targets.nrr" must state its period: {value: 1.05, period: "trailing-12-months"} (the nrr tile compares trailing-12-months values)'],
    [{targets: {logo_churn_rate: 0.015}}, 'config: "targets.logo_churn_rate" must state its period: {value: 0.015, period: "monthly"} (the logo_churn_rate tile compares monthly values)'],
    [
      {targets: {grr: {value: 0.92, period: "monthly"}}},
      'config: "targets.grr.period" is "monthly", but the grr tile compares trailing-12-months values: set period: "trailing-12-months" and a trailing-12-months target'
    ],
    [
      {targets: {revenue_churn_rate: {value: 0.1, period: "annual"}}},
      'config: "targets.revenue_churn_rate.period" is "annual", but the revenue_churn_rate tile compares monthly values: set period: "monthly" and a monthly target'
    ],
    [{targets: {nrr: {value: 1.05}}}, 'config: "targets.nrr.period" is undefined, but the nrr tile compares trailing-12-months values: set period: "trailing-12-months" and a trailing-12-months target'],
    [{targets: {nrr: {value: "1", period: "trailing-12-months"}}}, 'config: "targets.nrr.value" must be a number, got "1"'],
    [{targets: {nrr: {value: 1, period: "trailing-12-months", basis: "x"}}}, 'config: unknown key "targets.nrr.basis" (expected one of: value, period)'],
    [{targets: {mrr: Infinity}}, 'config: "targets.mrr" must be a number, got null'],
    [{minSampleSize: 0}, 'config: "minSampleSize" must be a positive integer, got 0']
  ])("%j", (user, message) => {
    expect(error(user)).toBe(message);
  });

  it("minSampleSize defaults to 30", () => {
    expect(resolveConfig({}).minSampleSize).toBe(30);
  });
});
