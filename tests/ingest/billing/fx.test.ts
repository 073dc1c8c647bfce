// Mixed currencies (tests/fixtures/billing/mixed: JPY report, USD/EUR/KWD/JPY lines, fx_rates): MRR is
// converted at each month's rate, FX movement has its own bridge line, and the bridge identity holds.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {PipelineResult} from "../../../loaders/pipeline.js";
import {mrrByAccount, pipelineOn} from "./helpers.js";

describe("multi-currency billing lines and the FX bridge line (mixed fixture)", () => {
  let run: PipelineResult;
  beforeAll(async () => {
    run = await pipelineOn("mixed", {currency: "JPY"});
  });
  afterAll(() => run.db.close());

  it("converts each month at that month's rate (USD 150/150/160/155, EUR 160/165/165/170, KWD 490/490/490/500)", async () => {
    expect(run.ctx.asOf).toBe("2025-04");
    expect(await mrrByAccount(run.db)).toEqual({
      X1: {"2025-01": 15000, "2025-02": 15000, "2025-03": 16000, "2025-04": 15500}, // 10000 cents = 100 USD
      X2: {"2025-01": 32000, "2025-02": 33000, "2025-03": 41250, "2025-04": 42500}, // 200 EUR, + 50 EUR from March
      X3: {"2025-01": 30000, "2025-02": 30000}, // JPY, ends 2025-03-01
      X4: {"2025-02": 4900, "2025-03": 4900, "2025-04": 5000}, // 120000 fils = 120.000 KWD a year = 10 KWD a month
      X5: {"2025-04": 5000} // JPY amount_minor: exponent 0
    });
  });

  it("shows exchange-rate movement on its own line, never as expansion or contraction", async () => {
    const rows = await run.db.all(`SELECT month, mrr_start, "new", expansion, contraction, churn, reactivation, fx, mrr_end FROM mrr_movements`);
    expect(rows).toEqual([
      {month: "2025-01", mrr_start: 0, new: 77000, expansion: 0, contraction: 0, churn: 0, reactivation: 0, fx: 0, mrr_end: 77000},
      // X2: 200 EUR × (165 − 160) = 1000 of FX; X4 new 4900.
      {month: "2025-02", mrr_start: 77000, new: 4900, expansion: 0, contraction: 0, churn: 0, reactivation: 0, fx: 1000, mrr_end: 82900},
      // X1: 100 USD × (160 − 150) = 1000 FX; X2 adds 50 EUR at 165 = 8250 expansion; X3 churns 30000.
      {month: "2025-03", mrr_start: 82900, new: 0, expansion: 8250, contraction: 0, churn: 30000, reactivation: 0, fx: 1000, mrr_end: 62150},
      // FX: X1 100 × (155 − 160) = −500, X2 250 × (170 − 165) = 1250, X4 10 × (500 − 490) = 100; X5 new 5000.
      {month: "2025-04", mrr_start: 62150, new: 5000, expansion: 0, contraction: 0, churn: 0, reactivation: 0, fx: 850, mrr_end: 68000}
    ]);
  });

  it("holds the bridge identity every month: start + new + expansion + reactivation − contraction − churn + fx = end", async () => {
    const [{unbalanced, months}] = await run.db.all<{unbalanced: number; months: number}>(
      `SELECT count(*) FILTER (WHERE mrr_end <> mrr_start + "new" + expansion + reactivation - contraction - churn + fx) AS unbalanced, count(*) AS months FROM mrr_movements`
    );
    expect({unbalanced, months}).toEqual({unbalanced: 0, months: 4});
    const perAccount = await run.db.all(`SELECT count(*) AS n FROM account_movements WHERE mrr <> mrr_prev + fx + CASE WHEN movement IN ('new', 'reactivation', 'expansion') THEN amount WHEN movement IS NULL THEN 0 ELSE -amount END`);
    expect(perAccount).toEqual([{n: 0}]);
  });

  it("keeps the FX part out of each account's movement", async () => {
    const rows = await run.db.all(`SELECT month, account_id, movement, amount, fx FROM account_movements WHERE account_id IN ('X1', 'X2') AND month > '2025-01' ORDER BY account_id, month`);
    expect(rows).toEqual([
      {month: "2025-02", account_id: "X1", movement: null, amount: 0, fx: 0},
      {month: "2025-03", account_id: "X1", movement: null, amount: 0, fx: 1000},
      {month: "2025-04", account_id: "X1", movement: null, amount: 0, fx: -500},
      {month: "2025-02", account_id: "X2", movement: null, amount: 0, fx: 1000},
      {month: "2025-03", account_id: "X2", movement: "expansion", amount: 8250, fx: 0},
      {month: "2025-04", account_id: "X2", movement: null, amount: 0, fx: 1250}
    ]);
  });

  it("keeps FX out of contraction and expansion in churn, GRR and NRR too", async () => {
    const rows = await run.db.all(
      `SELECT month, mrr_start, mrr_churned, mrr_contraction, grr, nrr FROM churn WHERE dimension = 'all' AND month >= '2025-02' ORDER BY month`
    );
    expect(rows).toEqual([
      // X2's +1000 is FX: no expansion, NRR 1.
      {month: "2025-02", mrr_start: 77000, mrr_churned: 0, mrr_contraction: 0, grr: 1, nrr: 1},
      // X3 churns 30000; X2 expands 8250 (at March's rate); X1's +1000 is FX.
      {month: "2025-03", mrr_start: 82900, mrr_churned: 30000, mrr_contraction: 0, grr: 52900 / 82900, nrr: 61150 / 82900},
      // X1's −500 is FX, not contraction.
      {month: "2025-04", mrr_start: 62150, mrr_churned: 0, mrr_contraction: 0, grr: 1, nrr: 1}
    ]);
    // Per product: X2's MA add-on is new to the MA segment; its CMS line moved only by FX.
    const cms = await run.db.all(`SELECT mrr_contraction, nrr FROM churn WHERE dimension = 'product' AND segment = 'CMS' AND month = '2025-04'`);
    expect(cms).toEqual([{mrr_contraction: 0, nrr: 1}]);
  });

  it("reads fx_rates with its row accounting", async () => {
    expect(await run.db.all(`SELECT rows_read, rows_accepted, rows_rejected FROM ingest_stats WHERE "table" = 'fx_rates'`)).toEqual([
      {rows_read: 12, rows_accepted: 12, rows_rejected: 0}
    ]);
  });
});

describe("fx_rates rules", () => {
  it("keeps one rate per month and currency, quarantining repeats and unknown codes with their line", async () => {
    const run = await pipelineOn("fx-duplicate", {currency: "JPY"});
    expect(await run.db.all(`SELECT line, "column", value, reason FROM rejected_rows WHERE "table" = 'fx_rates' ORDER BY line`)).toEqual([
      {line: 14, column: "month", value: "2025-03", reason: "duplicate_id: USD 2025-03 already on line 4"},
      {line: 15, column: "currency", value: "ABC", reason: 'unknown_currency: currency "ABC" is not an ISO 4217 currency code'}
    ]);
    expect(await run.db.all(`SELECT rows_read, rows_accepted, rows_rejected FROM ingest_stats WHERE "table" = 'fx_rates'`)).toEqual([
      {rows_read: 14, rows_accepted: 12, rows_rejected: 2}
    ]);
    // The first rate is the one used: X1's March MRR is 100 USD × 160.
    expect(await run.db.all(`SELECT mrr FROM account_months WHERE account_id = 'X1' AND month = '2025-03'`)).toEqual([{mrr: 16000}]);
    run.db.close();
  });
});
