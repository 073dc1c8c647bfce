import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {csmPortfolio} from "../../loaders/metrics/csm-portfolio.js";
import {health} from "../../loaders/metrics/health.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

/**
 * 2023-01 .. 2024-01. In January 2024: C1 (Kim) expands 100 -> 150, C2 (Kim) churns from 200,
 * C3 (Lee) contracts 300 -> 250, C4 (no CSM, new in 2023-06) stays at 50.
 * Health in January from usage alone (10 seats): C1 90 green, C3 50 yellow, C4 unscored.
 */
const fixture: Fixture = {
  accounts: [
    {account_id: "C1", csm: "Kim"},
    {account_id: "C2", csm: "Kim"},
    {account_id: "C3", csm: "Lee"},
    {account_id: "C4"}
  ],
  subscriptions: [
    {account_id: "C1", start_date: "2023-01-01", mrr: 100, seats: 10},
    {account_id: "C1", start_date: "2024-01-01", mrr: 50},
    {account_id: "C2", start_date: "2023-01-01", end_date: "2024-01-15", mrr: 200, seats: 10},
    {account_id: "C3", start_date: "2023-01-01", end_date: "2024-01-15", mrr: 300, seats: 10},
    {account_id: "C3", start_date: "2024-01-01", mrr: 250, seats: 10},
    {account_id: "C4", start_date: "2023-06-01", mrr: 50, seats: 10}
  ],
  usage: [
    {account_id: "C1", month: "2024-01-01", active_users: 9},
    {account_id: "C3", month: "2024-01-01", active_users: 5}
  ]
};

describe("csm_portfolio", () => {
  it("gives each CSM's accounts, MRR, health mix, churn and NRR", async () => {
    const {db} = await buildFamilies(fixture, [accountMonths, health, csmPortfolio], {asOf: "2024-01"});
    expect(await db.all(`SELECT * FROM csm_portfolio WHERE month = '2024-01'`)).toEqual([
      {
        month: "2024-01", csm: "all", accounts: 3, mrr: 450, green: 1, yellow: 1, red: 0, unscored: 1, green_share: 0.5,
        accounts_start: 4, accounts_churned: 1, logo_churn_rate: 0.25, mrr_start: 650, mrr_churned: 200,
        mrr_contraction: 50, mrr_expansion: 50, nrr: 450 / 650,
        // accounts paying in 2023-01: C1, C2, C3 (600) -> now 150 + 0 + 250
        nrr_t12m: 400 / 600
      },
      {
        month: "2024-01", csm: "(none)", accounts: 1, mrr: 50, green: 0, yellow: 0, red: 0, unscored: 1, green_share: null,
        accounts_start: 1, accounts_churned: 0, logo_churn_rate: 0, mrr_start: 50, mrr_churned: 0,
        mrr_contraction: 0, mrr_expansion: 0, nrr: 1, nrr_t12m: null
      },
      {
        month: "2024-01", csm: "Kim", accounts: 1, mrr: 150, green: 1, yellow: 0, red: 0, unscored: 0, green_share: 1,
        accounts_start: 2, accounts_churned: 1, logo_churn_rate: 0.5, mrr_start: 300, mrr_churned: 200,
        mrr_contraction: 0, mrr_expansion: 50, nrr: 0.5, nrr_t12m: 0.5
      },
      {
        month: "2024-01", csm: "Lee", accounts: 1, mrr: 250, green: 0, yellow: 1, red: 0, unscored: 0, green_share: 0,
        accounts_start: 1, accounts_churned: 0, logo_churn_rate: 0, mrr_start: 300, mrr_churned: 0,
        mrr_contraction: 50, mrr_expansion: 0, nrr: 250 / 300, nrr_t12m: 250 / 300
      }
    ]);
    // The first month has no M-1: rates empty.
    expect(await db.all(`SELECT accounts, accounts_start, logo_churn_rate, nrr FROM csm_portfolio WHERE month = '2023-01' AND csm = 'all'`)).toEqual([
      {accounts: 3, accounts_start: 0, logo_churn_rate: null, nrr: null}
    ]);
    db.close();
  });
});
