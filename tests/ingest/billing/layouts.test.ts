// Each recognised export layout (loaders/ingest/billing/layouts.ts) read with no mapping written, from
// a fixture built from the tool's public column specification; exact MRR per account per month.
import {describe, expect, it} from "vitest";
import {resolveConfig} from "../../../loaders/config.js";
import {openDb} from "../../../loaders/db.js";
import {ingest} from "../../../loaders/ingest/index.js";
import {detectLayout} from "../../../loaders/ingest/billing/layouts.js";
import {billingFixture, months, mrrByAccount, pipelineOn} from "./helpers.js";

describe("recognised billing export layouts", () => {
  it("Stripe subscriptions export (subscriptions.csv): statuses, trial, coupon, cancel at period end", async () => {
    const run = await pipelineOn("stripe", {currency: "USD", asOf: "2025-03"});
    expect(await mrrByAccount(run.db)).toEqual({
      cus_A: months("2025-01", "2025-03", 60), // 20.00 × 3
      cus_B: months("2025-02", "2025-03", 100), // 1200.00 a year, past_due counts
      cus_C: {"2025-01": 0, "2025-02": 50, "2025-03": 50}, // trial until 2025-02-15
      cus_D: {"2025-01": 30}, // ended 2025-02-10
      cus_E: months("2025-01", "2025-02", 40), // cancel at period end: current period ends 2025-03-15
      // cus_F incomplete: no MRR
      cus_G: {"2025-01": 90, "2025-02": 90, "2025-03": 100} // 10% off until 2025-03-01
    });
    expect(await run.db.all(`SELECT account_name FROM accounts WHERE account_id = 'cus_A'`)).toEqual([{account_name: "Acme Inc"}]);
    run.db.close();
  });

  it("Baremetrics CSV import template: cents, interval count; segments joined from accounts.csv when given", async () => {
    const run = await pipelineOn("baremetrics", {currency: "USD", asOf: "2025-03"});
    expect(await mrrByAccount(run.db)).toEqual({
      customer_1: months("2025-01", "2025-02", 50), // 5000 cents, canceled 2025-03-15
      customer_2: months("2025-01", "2025-03", 200), // 120000 cents a year × quantity 2 ÷ 12
      customer_3: months("2025-02", "2025-03", 21.67) // 1000 cents every 2 weeks: 10 × 52/12 ÷ 2 = 21.666…
    });
    expect(await run.db.all(`SELECT account_id, account_name, segment FROM accounts ORDER BY 1`)).toEqual([
      {account_id: "customer_1", account_name: "Allison Barkley (CRM)", segment: "SMB"},
      {account_id: "customer_2", account_name: "Bruno Díaz", segment: "unknown"},
      {account_id: "customer_3", account_name: "Chen Wei", segment: "unknown"}
    ]);
    run.db.close();
  });

  it("ChartMogul invoice line items: amount over the service period, one-time lines left out", async () => {
    const run = await pipelineOn("chartmogul", {currency: "EUR", asOf: "2025-03"});
    expect(await mrrByAccount(run.db)).toEqual({
      cus_1: {"2025-01": 50, "2025-02": 60, "2025-03": 60}, // monthly invoices 5000, 6000, 6000 cents
      cus_2: months("2025-01", "2025-03", 100), // 120000 cents for 2025-01-15 .. 2026-01-15 (12 months)
      cus_3: months("2025-02", "2025-03", 30) // 9000 cents for 3 months; its one-time line is not MRR
    });
    expect(await run.db.all(`SELECT month, seats FROM account_months WHERE account_id = 'cus_1' ORDER BY month`)).toEqual([
      {month: "2025-01", seats: 5},
      {month: "2025-02", seats: 6},
      {month: "2025-03", seats: 6}
    ]);
    run.db.close();
  });

  it("board 案件一覧 (Shift_JIS): 請求間隔, inclusive 契約終了日, 自動契約更新, 失注 and 一括請求 left out", async () => {
    const run = await pipelineOn("board", {currency: "JPY", asOf: "2025-03"});
    expect(await mrrByAccount(run.db)).toEqual({
      株式会社さくらメディア: months("2025-01", "2025-03", 50000), // 毎月 50000; the 一括請求 300000 is not MRR
      東邦精工株式会社: months("2025-01", "2025-03", 100000), // 12ヶ月(毎年) 1200000 ÷ 12; auto-renewing past 2025/01/31
      ネクストラーニング株式会社: {"2025-01": 10000, "2025-02": 40000, "2025-03": 30000} // 隔月 20000 ÷ 2 until 2025/02/28; 3ヶ月 90000 ÷ 3 from February
    });
    expect(await run.db.all(`SELECT rows_read, rows_accepted, rows_rejected FROM ingest_stats WHERE "table" = 'billing_lines'`)).toEqual([
      {rows_read: 6, rows_accepted: 6, rows_rejected: 0}
    ]);
    run.db.close();
  });

  it("a config preset forces a layout, and a column mapping reads any other export", async () => {
    const forced = await pipelineOn("board", {currency: "JPY", asOf: "2025-03", billing: {preset: "board"}});
    expect(Object.keys(await mrrByAccount(forced.db))).toHaveLength(3);
    forced.db.close();
    const mapped = await pipelineOn("mapped", {
      currency: "EUR",
      asOf: "2025-02",
      billing: {columns: {Kunde: "account_id", Firma: "account_name", Betrag: "amount", Währung: "currency", Beginn: "start_date", Intervall: "interval"}}
    });
    // "jährlich" is not an interval word: quarantined, not guessed.
    expect(await mrrByAccount(mapped.db)).toEqual({K2: {"2025-02": 30}});
    expect(await mapped.db.all(`SELECT line, "column", reason FROM rejected_rows`)).toEqual([
      {line: 2, column: "interval", reason: 'unknown_interval: interval "jährlich" is not an interval (day, week, month, quarter, year)'}
    ]);
    mapped.db.close();
  });

  it("a forced preset whose columns the file lacks stops with one message naming them", async () => {
    const db = await openDb();
    await expect(ingest(db, resolveConfig({dataDir: billingFixture("stripe"), billing: {preset: "baremetrics"}}))).rejects.toThrow(
      /subscriptions\.csv: read as Baremetrics CSV import, but missing required columns "account_id", "start_date"\. Expected columns: .*customer_oid \(account_id\).* Found: id, Customer ID/
    );
    db.close();
  });

  it("an export of which no line counts stops with one message saying why (here: USD lines, JPY report, no fx_rates)", async () => {
    const db = await openDb();
    await expect(ingest(db, resolveConfig({dataDir: billingFixture("stripe"), currency: "JPY"}))).rejects.toThrow(
      "subscriptions.csv: no billing line counts towards MRR (read as Stripe subscriptions export; 6 lines quarantined, first line 2: missing_fx_rate: no fx_rates rate for USD in 2025-01"
    );
    db.close();
  });

  it("recognises each layout from its header and leaves a contract subscriptions header alone", () => {
    expect(detectLayout(["plan_oid", "plan_amount", "plan_interval", "customer_oid", "subscription_started_at"])?.preset).toBe("baremetrics");
    expect(detectLayout(["id", "Customer ID", "Status", "Cancel At Period End", "Current Period End (UTC)"])?.preset).toBe("stripe");
    expect(detectLayout(["customer_external_id", "amount_in_cents", "service_period_start"])?.preset).toBe("chartmogul");
    expect(detectLayout(["案件番号", "顧客名", "請求間隔", "契約開始日"])?.preset).toBe("board");
    expect(detectLayout(["account_id", "amount", "interval", "start_date"])?.preset).toBe("billing_lines");
    expect(detectLayout(["subscription_id", "account_id", "start_date", "end_date", "amount"])).toBeNull();
    expect(detectLayout(["subscription_id", "account_id", "start_date", "end_date", "mrr", "amount", "interval"])).toBeNull();
    expect(detectLayout(["Invoice Line", "Customer ID", "Start", "End", "Monthly Amount"])).toBeNull();
  });
});
