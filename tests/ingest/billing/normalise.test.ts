// Every normalisation rule of loaders/ingest/billing/normalise.ts on a hand-computed fixture
// (tests/fixtures/billing/rules: report currency USD, as-of 2025-06, one account per rule).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {PipelineResult} from "../../../loaders/pipeline.js";
import {months, mrrByAccount, pipelineOn} from "./helpers.js";

describe("billing lines normalised to monthly MRR (rules fixture)", () => {
  let run: PipelineResult;
  beforeAll(async () => {
    run = await pipelineOn("rules", {currency: "USD", asOf: "2025-06"});
  });
  afterAll(() => run.db.close());

  it("gives the hand-computed MRR of every account in every month", async () => {
    expect(await mrrByAccount(run.db)).toEqual({
      C01: months("2025-01", "2025-06", 300), // 100.00 × quantity 3, monthly
      C02: months("2025-02", "2025-06", 100), // 120000 cents = 1200.00 a year ÷ 12, from 2025-02-10
      C03: months("2025-01", "2025-06", 30), // 90 a quarter ÷ 3 ("quarterly")
      C04: months("2025-01", "2025-06", 52), // 12 a week × 52/12 (currency "usd" is USD)
      C05: months("2025-01", "2025-06", 36.5), // 1.20 a day × 365/12
      C06: months("2025-01", "2025-06", 25), // 50 every 2 months ÷ 2
      C07: {...months("2025-01", "2025-03", 150), ...months("2025-04", "2025-06", 200)}, // 25% off until 2025-04-01 (exclusive)
      C08: {...months("2025-01", "2025-02", 150), ...months("2025-03", "2025-06", 200)}, // 100 × 2 − 50 off for 2 periods from 2025-01-01
      C09: {...months("2025-01", "2025-02", 0), ...months("2025-03", "2025-06", 80)}, // trial until 2025-03-15: 0 at the end of Jan and Feb
      C10: months("2025-01", "2025-06", 40), // past_due counts
      // C11 incomplete, C15 one-time and C16 unpaid: no MRR, no row.
      C12: months("2025-01", "2025-03", 60), // cancel at period end 2025-04-20: not counted at the end of April
      C13: months("2025-01", "2025-02", 70), // canceled 2025-03-10
      C14: months("2025-01", "2025-06", 10) // cancel at period end, no current_period_end: next boundary 2025-07-05 after as-of
    });
  });

  it("quarantines bad lines with file, line, column and reason, and accounts for every row", async () => {
    const rows = await run.db.all(`SELECT file, line, "column", value, reason FROM rejected_rows WHERE "table" = 'billing_lines' ORDER BY line`);
    expect(rows).toEqual([
      {file: "billing_lines.csv", line: 18, column: "interval", value: "fortnight", reason: 'unknown_interval: interval "fortnight" is not an interval (day, week, month, quarter, year)'},
      {file: "billing_lines.csv", line: 19, column: "quantity", value: "-2", reason: "negative: quantity -2 < 0"},
      {file: "billing_lines.csv", line: 20, column: "currency", value: "XYZ", reason: 'unknown_currency: currency "XYZ" is not an ISO 4217 currency code'},
      {file: "billing_lines.csv", line: 21, column: "currency", value: "EUR", reason: "missing_fx_rate: no fx_rates rate for EUR in 2025-01 (the line has MRR that month; add the rate to fx_rates)"},
      {
        file: "billing_lines.csv",
        line: 22,
        column: "status",
        value: "zombie",
        reason: 'unknown_status: status "zombie" is not a known status (active, past_due, trialing, canceled, incomplete, incomplete_expired, unpaid, paused)'
      }
    ]);
    const stats = await run.db.all(`SELECT "table", file, rows_read, rows_accepted, rows_rejected FROM ingest_stats WHERE "table" IN ('billing_lines', 'fx_rates')`);
    expect(stats).toEqual([
      {table: "billing_lines", file: "billing_lines.csv", rows_read: 21, rows_accepted: 16, rows_rejected: 5},
      {table: "fx_rates", file: null, rows_read: 0, rows_accepted: 0, rows_rejected: 0}
    ]);
  });

  it("derives the accounts from the export (no accounts.csv), segments unknown", async () => {
    const rows = await run.db.all(`SELECT account_id, account_name, segment, industry, region FROM accounts WHERE account_id IN ('C01', 'C09') ORDER BY 1`);
    expect(rows).toEqual([
      {account_id: "C01", account_name: "Monthly Co", segment: "unknown", industry: "unknown", region: "unknown"},
      {account_id: "C09", account_name: "Trial Co", segment: "unknown", industry: "unknown", region: "unknown"}
    ]);
  });

  it("makes trial conversions new MRR, not expansion", async () => {
    const rows = await run.db.all(`SELECT month, movement, amount FROM account_movements WHERE account_id = 'C09' AND movement IS NOT NULL`);
    expect(rows).toEqual([{month: "2025-03", movement: "new", amount: 80}]);
  });

  it("explains each line-month in billing_reconciliation", async () => {
    const rows = await run.db.all(
      `SELECT month, subscription_id, amount, currency, "interval", interval_count, quantity, discount, discount_applied, in_trial, period_amount, local_mrr, rate, mrr
       FROM billing_reconciliation WHERE account_id = 'C08' AND month IN ('2025-02', '2025-03') ORDER BY month`
    );
    expect(rows).toEqual([
      {month: "2025-02", subscription_id: "R8", amount: 100, currency: "USD", interval: "month", interval_count: 1, quantity: 2, discount: "50 USD off until 2025-03-01", discount_applied: true, in_trial: false, period_amount: 150, local_mrr: 150, rate: 1, mrr: 150},
      {month: "2025-03", subscription_id: "R8", amount: 100, currency: "USD", interval: "month", interval_count: 1, quantity: 2, discount: "50 USD off until 2025-03-01", discount_applied: false, in_trial: false, period_amount: 200, local_mrr: 200, rate: 1, mrr: 200}
    ]);
  });
});
