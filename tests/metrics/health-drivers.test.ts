import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {health} from "../../loaders/metrics/health.js";
import {healthConfig, healthFixture} from "../fixtures/kpi/health.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

/**
 * X: usage 80 in January (8 of 10 seats; no key events) and nothing else -> score 80, all of it usage.
 * February: usage 50 (5 of 10) and an NPS of 6 (60) appears: weights .35 and .15 re-weighted to .7 and .3
 * -> usage 35 points, NPS 18 points, score 53. Changes: usage 35 − 80 = −45, NPS 18 − 0 = +18, score −27.
 * Y: new in February, usage 100 only -> 100 points, no change (not scored in January).
 * No activities, tickets, onboarding or outcomes were exported: those components are missing everywhere.
 */
const fixture: Fixture = {
  accounts: [{account_id: "X"}, {account_id: "Y"}],
  subscriptions: [
    {account_id: "X", product: "CMS", start_date: "2024-01-01", mrr: 100, seats: 10},
    {account_id: "Y", product: "CMS", start_date: "2024-02-01", mrr: 50, seats: 10}
  ],
  usage: [
    {account_id: "X", month: "2024-01-01", active_users: 8},
    {account_id: "X", month: "2024-02-01", active_users: 5},
    {account_id: "Y", month: "2024-02-01", active_users: 10}
  ],
  nps_responses: [{account_id: "X", responded_at: "2024-02-10", score: 6}]
};

const none = {engagement_points: null, support_points: null, onboarding_points: null, outcomes_points: null};

describe("health_drivers", () => {
  it("splits each score into points per component and each month's change, a component appearing included", async () => {
    const {db} = await buildFamilies(fixture, [accountMonths, health], {asOf: "2024-02"});
    const rows = await db.all(`SELECT * FROM health_drivers ORDER BY month, account_id`);
    const noChange = {usage_change: null, engagement_change: null, support_change: null, nps_change: null, onboarding_change: null, outcomes_change: null};
    expect(rows).toEqual([
      {month: "2024-01", account_id: "X", score: 80, score_change: null, usage_points: 80, nps_points: null, ...none, ...noChange},
      {
        month: "2024-02", account_id: "X", score: 53, score_change: -27, usage_points: 35, nps_points: 18, ...none,
        usage_change: -45, engagement_change: 0, support_change: 0, nps_change: 18, onboarding_change: 0, outcomes_change: 0
      },
      {month: "2024-02", account_id: "Y", score: 100, score_change: null, usage_points: 100, nps_points: null, ...none, ...noChange}
    ]);
    db.close();
  });

  it("decomposes the change of the book's average score by component", async () => {
    const {db} = await buildFamilies(fixture, [accountMonths, health], {asOf: "2024-02"});
    expect(await db.all(`SELECT month, accounts, avg_score, avg_score_change, usage_points, nps_points, usage_change, nps_change, support_change FROM health_book_drivers`)).toEqual([
      {month: "2024-01", accounts: 1, avg_score: 80, avg_score_change: null, usage_points: 80, nps_points: 0, usage_change: null, nps_change: null, support_change: null},
      // mean score (53 + 100) / 2 = 76.5, −3.5 = usage ((35 + 100) / 2 − 80 = −12.5) + NPS ((18 + 0) / 2 − 0 = +9)
      {month: "2024-02", accounts: 2, avg_score: 76.5, avg_score_change: -3.5, usage_points: 67.5, nps_points: 9, usage_change: -12.5, nps_change: 9, support_change: 0}
    ]);
    db.close();
  });

  it("uses the MRR-weighted effective weights of a multi-product account, so the points add up to its score", async () => {
    const {db} = await buildFamilies(healthFixture, [accountMonths, health], {...healthConfig, segments: ["segment"]});
    // A in June: CMS 2/3 (default weights) and MA 1/3 (usage .5, nps 0), all six components present:
    // e_usage = 2/3·.35 + 1/3·.5 = .4, e_nps = 2/3·.15 = .1, others as configured (.15, .15, .1, .1).
    // usage .4·46.667 = 18.667, engagement .15·75 = 11.25, support .15·50 = 7.5, nps .1·90 = 9,
    // onboarding .1·50 = 5, outcomes .1·55 = 5.5; sum 56.917 = the score.
    const [a] = await db.all<Record<string, number>>(
      `SELECT score, usage_points, engagement_points, support_points, nps_points, onboarding_points, outcomes_points
       FROM health_drivers WHERE month = '2024-06' AND account_id = 'A'`
    );
    expect(a).toEqual({score: 56.92, usage_points: 18.67, engagement_points: 11.25, support_points: 7.5, nps_points: 9, onboarding_points: 5, outcomes_points: 5.5});
    db.close();
  });
});
