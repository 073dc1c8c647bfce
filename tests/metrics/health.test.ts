import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {health} from "../../loaders/metrics/health.js";
import {healthConfig, healthFixture} from "../fixtures/kpi/health.js";
import {buildFamilies} from "../helpers/staged.js";

const COLUMNS = `month, account_id, score, band, usage, engagement, support, nps, onboarding, outcomes, missing_components, product, weights`;

describe("health", () => {
  it("scores every component by its rule, re-weights missing ones, and applies per-product weights and bands", async () => {
    const {db} = await buildFamilies(healthFixture, [accountMonths, health], {...healthConfig, segments: ["segment"]});
    expect(await db.all(`SELECT ${COLUMNS} FROM health WHERE month = '2024-06'`)).toEqual([
      // Lines CMS 100 and MA 50, rolled up by MRR. CMS (default weights, all six present, sum 1):
      // .35·46.667 + .15·75 + .15·50 + .15·90 + .1·50 + .1·55 = 59.083. MA (usage .5, nps 0; sum 1):
      // .5·46.667 + .15·75 + .15·50 + .1·50 + .1·55 = 52.583. (100·59.083 + 50·52.583) / 150 = 56.917
      {
        month: "2024-06", account_id: "A", score: 56.92, band: "yellow",
        usage: 46.67, engagement: 75, support: 50, nps: 90, onboarding: 50, outcomes: 55,
        missing_components: null, product: "CMS", weights: "default"
      },
      // MA 300 (usage .5, nps 0): (.5·45 + .15·0 + .15·80 + .1·100) / (.5 + .15 + .15 + .1) = 44.5 / .9 = 49.444;
      // CMS 100 (default): (.35·45 + .15·80 + .1·100) / .75 = 50.333. (300·49.444 + 100·50.333) / 400 = 49.667;
      // main line MA's bands: yellow from 40 to 50
      {
        month: "2024-06", account_id: "B", score: 49.67, band: "yellow",
        usage: 45, engagement: 0, support: 80, nps: null, onboarding: 100, outcomes: null,
        missing_components: "nps,outcomes", product: "MA", weights: "MA"
      },
      // (.35·83.333 + .15·0 + .15·100 + .15·95) / .8 = 58.417 / .8 = 73.021
      {
        month: "2024-06", account_id: "C", score: 73.02, band: "green",
        usage: 83.33, engagement: 0, support: 100, nps: 95, onboarding: null, outcomes: null,
        missing_components: "onboarding,outcomes", product: "CMS", weights: "default"
      },
      // CMS: (.35·0 + .15·100 + .15·100 + .1·100) / .75 = 40 / .75 = 53.333: a usage of 0 is scored, not missing;
      // MA: (.5·0 + .15·100 + .15·100 + .1·100) / .9 = 44.444; MRR 100 each -> (53.333 + 44.444) / 2 = 48.889
      {
        month: "2024-06", account_id: "E", score: 48.89, band: "yellow",
        usage: 0, engagement: 100, support: 100, nps: null, onboarding: null, outcomes: 100,
        missing_components: "nps,onboarding", product: "CMS", weights: "default"
      },
      // (.35·10 + .15·0 + .15·100) / .65 = 18.5 / .65 = 28.462
      {
        month: "2024-06", account_id: "F", score: 28.46, band: "red",
        usage: 10, engagement: 0, support: 100, nps: null, onboarding: null, outcomes: null,
        missing_components: "nps,onboarding,outcomes", product: "CMS", weights: "default"
      }
    ]);
    // D (zero-MRR trial) is never scored.
    expect(await db.all(`SELECT count(*) AS n FROM health WHERE account_id = 'D'`)).toEqual([{n: 0}]);
    db.close();
  });

  it("uses the window and as-of rules of each month", async () => {
    const {db} = await buildFamilies(healthFixture, [accountMonths, health], {...healthConfig, segments: ["segment"]});
    const rows = await db.all(`SELECT ${COLUMNS} FROM health WHERE month IN ('2024-01', '2024-03') AND account_id IN ('A', 'B')`);
    expect(rows).toEqual([
      // A in January: onboarding 1 of 2 done (01-20); no activity yet (0), no ticket (100), no NPS yet.
      // (.15·0 + .15·100 + .1·50) / .4 = 50
      {
        month: "2024-01", account_id: "A", score: 50, band: "yellow",
        usage: null, engagement: 0, support: 100, nps: null, onboarding: 50, outcomes: null,
        missing_components: "nps,outcomes,usage", product: "CMS", weights: "default"
      },
      // B in January: NPS 8 from 2023-06-30 (215 days old) counts but weighs 0 for MA; onboarding 0 of 2.
      // MA 300: (.15·0 + .15·100 + 0·80 + .1·0) / .4 = 37.5; CMS 100: (.15·0 + .15·100 + .15·80 + .1·0) / .55 = 49.091;
      // (300·37.5 + 100·49.091) / 400 = 40.398 -> yellow (MA red = 40)
      {
        month: "2024-01", account_id: "B", score: 40.4, band: "yellow",
        usage: null, engagement: 0, support: 100, nps: 80, onboarding: 0, outcomes: null,
        missing_components: "outcomes,usage", product: "MA", weights: "MA"
      },
      // A in March: the 03-31 call (25); NPS 3 from February (30); outcomes lack an earlier window.
      // CMS: (.15·25 + .15·100 + .15·30 + .1·50) / .55 = 28.25 / .55 = 51.364; MA (nps 0): 23.75 / .4 = 59.375;
      // (100·51.364 + 50·59.375) / 150 = 54.034 (in January both lines score 50: the MA weights only drop NPS)
      {
        month: "2024-03", account_id: "A", score: 54.03, band: "yellow",
        usage: null, engagement: 25, support: 100, nps: 30, onboarding: 50, outcomes: null,
        missing_components: "outcomes,usage", product: "CMS", weights: "default"
      },
      // B in March: meeting (25); t4 open at month end and its breach dated 03-31 (100 - 10 - 10 = 80);
      // both milestones done. MA: (.15·25 + .15·80 + .1·100) / .4 = 25.75 / .4 = 64.375; CMS:
      // (.15·25 + .15·80 + .15·80 + .1·100) / .55 = 68.636; (300·64.375 + 100·68.636) / 400 = 65.44 -> green (MA yellow = 50)
      {
        month: "2024-03", account_id: "B", score: 65.44, band: "green",
        usage: null, engagement: 25, support: 80, nps: 80, onboarding: 100, outcomes: null,
        missing_components: "outcomes,usage", product: "MA", weights: "MA"
      }
    ]);
    db.close();
  });

  it("uses the global weights and bands when no product line is configured", async () => {
    const {db} = await buildFamilies(healthFixture, [accountMonths, health], {asOf: "2024-06", segments: ["segment"]});
    // B with the default weights: (.35·45 + .15·0 + .15·80 + .1·100) / .75 = 37.75 / .75 = 50.333
    expect(await db.all(`SELECT score, band, nps, weights FROM health WHERE month = '2024-06' AND account_id = 'B'`)).toEqual([
      {score: 50.33, band: "yellow", nps: null, weights: "default"}
    ]);
    db.close();
  });

  it("flags components with no input at all as missing, and leaves the score empty when none is present", async () => {
    const {db} = await buildFamilies(
      {
        accounts: [{account_id: "X", segment: "SMB"}, {account_id: "Y", segment: "SMB"}],
        subscriptions: [
          {account_id: "X", product: "CMS", start_date: "2024-01-01", mrr: 10, seats: 4},
          {account_id: "Y", product: "CMS", start_date: "2024-01-01", mrr: 10, seats: 4}
        ],
        usage: [{account_id: "Y", month: "2024-02-01", active_users: 1}]
      },
      [accountMonths, health],
      {health: {bands: {red: 30, yellow: 60}}}
    );
    expect(await db.all(`SELECT ${COLUMNS} FROM health`)).toEqual([
      {
        month: "2024-01", account_id: "X", score: null, band: null,
        usage: null, engagement: null, support: null, nps: null, onboarding: null, outcomes: null,
        missing_components: "engagement,nps,onboarding,outcomes,support,usage", product: "CMS", weights: "default"
      },
      {
        month: "2024-01", account_id: "Y", score: null, band: null,
        usage: null, engagement: null, support: null, nps: null, onboarding: null, outcomes: null,
        missing_components: "engagement,nps,onboarding,outcomes,support,usage", product: "CMS", weights: "default"
      },
      {
        month: "2024-02", account_id: "X", score: null, band: null,
        usage: null, engagement: null, support: null, nps: null, onboarding: null, outcomes: null,
        missing_components: "engagement,nps,onboarding,outcomes,support,usage", product: "CMS", weights: "default"
      },
      // Usage alone: 100 · 1/4 = 25 -> red under bands {red: 30, yellow: 60}
      {
        month: "2024-02", account_id: "Y", score: 25, band: "red",
        usage: 25, engagement: null, support: null, nps: null, onboarding: null, outcomes: null,
        missing_components: "engagement,nps,onboarding,outcomes,support", product: "CMS", weights: "default"
      }
    ]);
    db.close();
  });

  it("summarises the band mix per month and segment", async () => {
    const {db} = await buildFamilies(healthFixture, [accountMonths, health], {...healthConfig, segments: ["segment"]});
    expect(await db.all(`SELECT * FROM health_mix WHERE month = '2024-06'`)).toEqual([
      // (56.92 + 49.67 + 73.02 + 48.89 + 28.46) / 5 = 51.392
      {month: "2024-06", dimension: "all", segment: "all", accounts: 5, scored: 5, green: 1, yellow: 3, red: 1, green_share: 0.2, avg_score: 51.39},
      {month: "2024-06", dimension: "segment", segment: "Enterprise", accounts: 1, scored: 1, green: 0, yellow: 1, red: 0, green_share: 0, avg_score: 49.67},
      {month: "2024-06", dimension: "segment", segment: "Mid-Market", accounts: 1, scored: 1, green: 0, yellow: 1, red: 0, green_share: 0, avg_score: 48.89},
      // (56.92 + 73.02 + 28.46) / 3 = 52.8
      {month: "2024-06", dimension: "segment", segment: "SMB", accounts: 3, scored: 3, green: 1, yellow: 1, red: 1, green_share: 1 / 3, avg_score: 52.8}
    ]);
    db.close();
  });

  it("writes a definition, in both languages, for the score and every component", () => {
    const ids = health.definitions.map((d) => d.id);
    expect(ids).toEqual(["health_score", "health_usage", "health_engagement", "health_support", "health_nps", "health_onboarding", "health_outcomes", "health_mix", "health_products", "health_drivers", "health_book_drivers"]);
    for (const d of health.definitions) {
      expect(health.tables).toContain(d.table);
      expect(d.name.en && d.name.ja && d.text.en && d.text.ja && d.formula).toBeTruthy();
    }
  });
});
