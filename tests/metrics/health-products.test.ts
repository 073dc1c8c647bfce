import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {health} from "../../loaders/metrics/health.js";
import {healthConfig, healthFixture} from "../fixtures/kpi/health.js";
import {buildFamilies} from "../helpers/staged.js";

describe("health_products", () => {
  it("scores each product line with its own weights and bands, and rolls the account score up by MRR", async () => {
    const {db} = await buildFamilies(healthFixture, [accountMonths, health], {...healthConfig, segments: ["segment"]});
    const rows = await db.all(`SELECT * FROM health_products WHERE month = '2024-06' AND account_id IN ('A', 'B', 'C')`);
    expect(rows).toEqual([
      // A (components usage 46.667, engagement 75, support 50, nps 90, onboarding 50, outcomes 55):
      // CMS default weights = 59.083 (yellow, 40/70); MA (usage .5, nps 0) = 52.583 -> green under MA's yellow = 50
      {month: "2024-06", account_id: "A", product: "CMS", mrr: 100, mrr_share: 100 / 150, score: 59.08, band: "yellow", weights: "default"},
      {month: "2024-06", account_id: "A", product: "MA", mrr: 50, mrr_share: 50 / 150, score: 52.58, band: "green", weights: "MA"},
      // B: CMS 50.333, MA 49.444 (yellow under MA's bands)
      {month: "2024-06", account_id: "B", product: "CMS", mrr: 100, mrr_share: 0.25, score: 50.33, band: "yellow", weights: "default"},
      {month: "2024-06", account_id: "B", product: "MA", mrr: 300, mrr_share: 0.75, score: 49.44, band: "yellow", weights: "MA"},
      // C: one line, its score is the account's
      {month: "2024-06", account_id: "C", product: "CMS", mrr: 80, mrr_share: 1, score: 73.02, band: "green", weights: "default"}
    ]);
    // The account score is the MRR-weighted mean of the unrounded product scores: A (100·59.083 + 50·52.583) / 150.
    expect(await db.all(`SELECT account_id, score FROM health WHERE month = '2024-06' AND account_id IN ('A', 'B') ORDER BY 1`)).toEqual([
      {account_id: "A", score: 56.92},
      {account_id: "B", score: 49.67}
    ]);
    db.close();
  });

  it("leaves out zero-MRR lines and gives a line without any weighted component no score and no share", async () => {
    const {db} = await buildFamilies(
      {
        accounts: [{account_id: "X"}],
        subscriptions: [
          {account_id: "X", product: "CMS", start_date: "2024-01-01", mrr: 100, seats: 10},
          {account_id: "X", product: "MA", start_date: "2024-01-01", mrr: 300},
          {account_id: "X", product: "Free", start_date: "2024-01-01", mrr: 0}
        ],
        // usage 100·5/10 = 50, the only component present; MA weighs usage 0 -> no MA score
        usage: [{account_id: "X", month: "2024-01-01", active_users: 5}]
      },
      [accountMonths, health],
      {asOf: "2024-01", health: {productWeights: {MA: {usage: 0}}}}
    );
    expect(await db.all(`SELECT product, mrr, mrr_share, score FROM health_products`)).toEqual([
      {product: "CMS", mrr: 100, mrr_share: 1, score: 50},
      {product: "MA", mrr: 300, mrr_share: null, score: null}
    ]);
    expect(await db.all(`SELECT score, product, weights FROM health`)).toEqual([{score: 50, product: "MA", weights: "MA"}]);
    db.close();
  });
});
