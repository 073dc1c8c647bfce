import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {expansion} from "../../loaders/metrics/expansion.js";
import {buildFamilies} from "../helpers/staged.js";

describe("expansion", () => {
  it("splits product-level increases into upsell (line already paid at M-1) and cross-sell (new line)", async () => {
    const {db} = await buildFamilies(
      {
        accounts: [
          {account_id: "X1", segment: "SMB"},
          {account_id: "X2", segment: "SMB"},
          {account_id: "X3", segment: "Enterprise"},
          {account_id: "X4", segment: "SMB"},
          {account_id: "X5", segment: "SMB"}
        ],
        subscriptions: [
          // X1, March: CMS 100 -> 120 (add-on line: upsell 20); MA was a 0-MRR trial in February -> paid MA
          // 50 is cross-sell (a line not paid for at M-1).
          {account_id: "X1", product: "CMS", start_date: "2024-01-01", mrr: 100},
          {account_id: "X1", product: "CMS", start_date: "2024-03-01", mrr: 20},
          {account_id: "X1", product: "MA", start_date: "2024-02-01", end_date: "2024-03-15", mrr: 0},
          {account_id: "X1", product: "MA", start_date: "2024-03-01", mrr: 50},
          // X2, March: CMS 200 -> 150 (not upsell) and MA 30 added (cross-sell, though total MRR fell).
          {account_id: "X2", product: "CMS", start_date: "2024-01-01", end_date: "2024-03-31", mrr: 200},
          {account_id: "X2", product: "CMS", start_date: "2024-03-01", mrr: 150},
          {account_id: "X2", product: "MA", start_date: "2024-03-01", mrr: 30},
          // X3, March: MA 100 -> 200 (upsell 100); CMS unchanged.
          {account_id: "X3", product: "CMS", start_date: "2024-01-01", mrr: 500},
          {account_id: "X3", product: "MA", start_date: "2024-01-01", mrr: 100},
          {account_id: "X3", product: "MA", start_date: "2024-03-01", mrr: 100},
          // X4: new customer in March: neither.
          {account_id: "X4", product: "CMS", start_date: "2024-03-01", mrr: 80},
          // X5: paid in January only, back in March on MA: a reactivation, not cross-sell.
          {account_id: "X5", product: "CMS", start_date: "2024-01-01", end_date: "2024-02-15", mrr: 60},
          {account_id: "X5", product: "MA", start_date: "2024-03-01", mrr: 40}
        ]
      },
      [accountMonths, expansion],
      {asOf: "2024-04", segments: ["segment"]}
    );
    const row = (month: string, segment: string, accounts: number, mrrStart: number, up: number, upMrr: number, cross: number, crossMrr: number) => ({
      month, dimension: segment === "all" ? "all" : "segment", segment, accounts_start: accounts, mrr_start: mrrStart,
      upsell_accounts: up, upsell_mrr: upMrr, upsell_rate: up / accounts, upsell_mrr_rate: upMrr / mrrStart,
      cross_sell_accounts: cross, cross_sell_mrr: crossMrr, cross_sell_rate: cross / accounts, cross_sell_mrr_rate: crossMrr / mrrStart
    });
    expect(await db.all(`SELECT * FROM expansion WHERE month = '2024-03'`)).toEqual([
      // base: X1 100 (+ MA trial 0), X2 200, X3 600
      row("2024-03", "all", 3, 900, 2, 120, 2, 80),
      row("2024-03", "Enterprise", 1, 600, 1, 100, 0, 0),
      row("2024-03", "SMB", 2, 300, 1, 20, 2, 80)
    ]);
    // February: X5 churned, X1's trial adds nothing; April: nothing changes.
    expect(await db.all(`SELECT month, accounts_start, mrr_start, upsell_accounts, cross_sell_accounts, upsell_rate FROM expansion WHERE dimension = 'all'`)).toEqual([
      {month: "2024-02", accounts_start: 4, mrr_start: 960, upsell_accounts: 0, cross_sell_accounts: 0, upsell_rate: 0},
      {month: "2024-03", accounts_start: 3, mrr_start: 900, upsell_accounts: 2, cross_sell_accounts: 2, upsell_rate: 2 / 3},
      {month: "2024-04", accounts_start: 5, mrr_start: 1170, upsell_accounts: 0, cross_sell_accounts: 0, upsell_rate: 0}
    ]);
    db.close();
  });
});
