import {describe, expect, it} from "vitest";
import {DEFAULT_CONFIG, resolveConfig} from "../loaders/config.js";
import {healthProfiles} from "../loaders/metrics/health.js";

describe("config: health", () => {
  it("defaults to the global weights and bands with no per-product overrides", () => {
    expect(resolveConfig({}).health).toEqual(DEFAULT_CONFIG.health);
    expect(DEFAULT_CONFIG.health).toMatchObject({productWeights: {}, productBands: {}, bands: {red: 40, yellow: 70}});
  });

  it("merges partial weights and bands over the defaults", () => {
    const h = resolveConfig({health: {weights: {usage: 0.5}, bands: {yellow: 75}}}).health;
    expect(h.weights).toEqual({usage: 0.5, engagement: 0.15, support: 0.15, nps: 0.15, onboarding: 0.1, outcomes: 0.1});
    expect(h.bands).toEqual({red: 40, yellow: 75});
  });

  it("resolves each product line's profile: its overrides merged over the global weights and bands", () => {
    const h = resolveConfig({
      health: {weights: {nps: 0.2}, bands: {red: 30}, productWeights: {MA: {usage: 0.6, nps: 0}}, productBands: {CMS: {yellow: 60}}}
    }).health;
    expect(healthProfiles(h)).toEqual([
      {
        product: "CMS",
        weights: {usage: 0.35, engagement: 0.15, support: 0.15, nps: 0.2, onboarding: 0.1, outcomes: 0.1},
        bands: {red: 30, yellow: 60}
      },
      {
        product: "MA",
        weights: {usage: 0.6, engagement: 0.15, support: 0.15, nps: 0, onboarding: 0.1, outcomes: 0.1},
        bands: {red: 30, yellow: 70}
      }
    ]);
  });

  it.each([
    [{health: {colour: 1}}, 'unknown key "health.colour"'],
    [{health: {weights: {speed: 1}}}, 'unknown key "health.weights.speed"'],
    [{health: {weights: {usage: -1}}}, '"health.weights.usage" must be a number from 0 to 100'],
    [{health: {weights: {usage: 0, engagement: 0, support: 0, nps: 0, onboarding: 0, outcomes: 0}}}, '"health.weights" must be at least one weight above 0'],
    [{health: {productWeights: []}}, '"health.productWeights" must be an object keyed by product line'],
    [{health: {productWeights: {MA: {usage: "high"}}}}, '"health.productWeights.MA.usage" must be a number from 0 to 100'],
    [{health: {productWeights: {MA: {reach: 1}}}}, 'unknown key "health.productWeights.MA.reach"'],
    [
      {health: {weights: {usage: 1, engagement: 0, support: 0, nps: 0, onboarding: 0, outcomes: 0}, productWeights: {MA: {usage: 0}}}},
      '"health.productWeights.MA" must be weights leaving at least one above 0'
    ],
    [{health: {bands: {red: 70, yellow: 40}}}, '"health.bands" must be red < yellow'],
    [{health: {bands: {red: 120}}}, '"health.bands.red" must be a number from 0 to 100'],
    [{health: {bands: {green: 90}}}, 'unknown key "health.bands.green"'],
    // The product's yellow (35) falls below the global red (40) it inherits.
    [{health: {productBands: {MA: {yellow: 35}}}}, '"health.productBands.MA" must be red < yellow'],
    [{health: {productBands: {MA: {yellow: "x"}}}}, '"health.productBands.MA.yellow" must be a number from 0 to 100']
  ])("rejects %j naming the key", (user, message) => {
    expect(() => resolveConfig(user)).toThrow(message);
  });
});
