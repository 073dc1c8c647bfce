/**
 * Bad rows: each goes to rejected_rows with file, line, column, value and reason, while every valid
 * row of the same file is staged.
 */
import {describe, expect, it} from "vitest";
import {column, expectAccounting, ingestFixture, rejected} from "./helpers.js";

const sub = (line: number, col: string | null, value: string | null, reason: string) => ({
  table: "subscriptions",
  file: "subscriptions.csv",
  line,
  column: col,
  value,
  reason
});

describe("quarantine: one bad row among valid rows", () => {
  it("bad date", async () => {
    const run = await ingestFixture("bad-date");
    expect(await rejected(run.db, "subscriptions")).toEqual([
      sub(3, "start_date", "2024-13-01", 'invalid_date: "2024-13-01" is not a date (YYYY-MM-DD)')
    ]);
    expect(await column(run.db, "subscriptions", "subscription_id")).toEqual(["S1", "S3"]);
    await expectAccounting(run);
  });

  it("negative MRR", async () => {
    const run = await ingestFixture("negative-mrr");
    expect(await rejected(run.db, "subscriptions")).toEqual([sub(3, "mrr", "-100", "negative: mrr -100 < 0")]);
    expect(await column(run.db, "subscriptions", "subscription_id")).toEqual(["S1", "S3"]);
    await expectAccounting(run);
  });

  it("unknown account", async () => {
    const run = await ingestFixture("unknown-account");
    expect(await rejected(run.db, "subscriptions")).toEqual([
      sub(3, "account_id", "A999", 'unknown_account: account_id "A999" not in accounts')
    ]);
    expect(await column(run.db, "subscriptions", "subscription_id")).toEqual(["S1", "S3"]);
    await expectAccounting(run);
  });

  it("duplicate id: the first occurrence is kept", async () => {
    const run = await ingestFixture("duplicate-id");
    expect(await rejected(run.db, "subscriptions")).toEqual([
      sub(4, "subscription_id", "S1", 'duplicate_id: subscription_id "S1" already on line 2')
    ]);
    expect(await run.db.all(`SELECT subscription_id, account_id FROM subscriptions`)).toEqual([
      {subscription_id: "S1", account_id: "A1"},
      {subscription_id: "S2", account_id: "A2"}
    ]);
    await expectAccounting(run);
  });

  it("end date before start date", async () => {
    const run = await ingestFixture("end-before-start");
    expect(await rejected(run.db, "subscriptions")).toEqual([
      sub(3, "end_date", "2024-01-01", "date_order: end_date 2024-01-01 is not after start_date 2024-02-01")
    ]);
    expect(await column(run.db, "subscriptions", "subscription_id")).toEqual(["S1", "S3"]);
    await expectAccounting(run);
  });

  it("score 11", async () => {
    const run = await ingestFixture("score-11");
    expect(await rejected(run.db, "nps_responses")).toEqual([
      {table: "nps_responses", file: "nps_responses.csv", line: 3, column: "score", value: "11", reason: "out_of_range: score 11 not in 0..10"}
    ]);
    expect(await run.db.all(`SELECT response_id, score FROM nps_responses`)).toEqual([
      {response_id: "R1", score: 9},
      {response_id: "R3", score: 10}
    ]);
    await expectAccounting(run);
  });

  it("a rejected account is unknown to the other tables", async () => {
    const run = await ingestFixture("rejected-account");
    expect(await rejected(run.db, "accounts")).toEqual([
      {table: "accounts", file: "accounts.csv", line: 3, column: "created_at", value: "2023-02-30", reason: 'invalid_date: "2023-02-30" is not a date (YYYY-MM-DD)'}
    ]);
    expect(await rejected(run.db, "subscriptions")).toEqual([sub(3, "account_id", "A2", 'unknown_account: account_id "A2" not in accounts')]);
    expect(await column(run.db, "accounts", "account_id")).toEqual(["A1", "A3"]);
    expect(await column(run.db, "subscriptions", "subscription_id")).toEqual(["S1", "S3"]);
    await expectAccounting(run);
  });

  it("every type's reason, one per row (the first failing check in column order; duplicates last)", async () => {
    const run = await ingestFixture("types");
    const tickets = (line: number, col: string, value: string | null, reason: string) => ({
      table: "support_tickets",
      file: "support_tickets.csv",
      line,
      column: col,
      value,
      reason
    });
    expect(await rejected(run.db, "support_tickets")).toEqual([
      tickets(3, "created_at", "yesterday", 'invalid_timestamp: "yesterday" is not a timestamp (YYYY-MM-DD HH:MM:SS)'),
      tickets(4, "csat", "0", "out_of_range: csat 0 not in 1..5"),
      tickets(5, "account_id", null, "missing_value: account_id is required"),
      tickets(6, "csat", "4.5", 'invalid_integer: "4.5" is not a whole number'),
      tickets(7, "ticket_id", "T1", 'duplicate_id: ticket_id "T1" already on line 2')
    ]);
    expect(await run.db.all(`SELECT ticket_id, created_at, csat FROM support_tickets`)).toEqual([
      {ticket_id: "T1", created_at: "2024-01-05 09:00:00", csat: 5}
    ]);
    expect(await rejected(run.db, "onboarding")).toEqual([
      {
        table: "onboarding",
        file: "onboarding.csv",
        line: 2,
        column: "required",
        value: "maybe",
        reason: 'invalid_boolean: "maybe" is not a boolean (true/false, yes/no, 1/0)'
      }
    ]);
    expect(await run.db.all(`SELECT account_id, required FROM onboarding`)).toEqual([{account_id: "A2", required: false}]);
    expect(await rejected(run.db, "outcomes")).toEqual([
      {
        table: "outcomes",
        file: "outcomes.csv",
        line: 2,
        column: "value",
        value: "1,234",
        reason: 'invalid_number: "1,234" is not a plain decimal number (like 1234.5)'
      },
      {table: "outcomes", file: "outcomes.csv", line: 4, column: "metric", value: null, reason: "missing_value: metric is required"}
    ]);
    // Outcome values may be negative (only money has a minimum).
    expect(await run.db.all(`SELECT account_id, value FROM outcomes`)).toEqual([{account_id: "A2", value: -3.5}]);
    expect(run.report.tables.find((t) => t.table === "support_tickets")!.rejectedByReason).toEqual({
      duplicate_id: 1,
      invalid_integer: 1,
      invalid_timestamp: 1,
      missing_value: 1,
      out_of_range: 1
    });
    await expectAccounting(run);
  });

  it("malformed records: wrong field count, text after a closing quote, a quote never closed", async () => {
    const run = await ingestFixture("malformed");
    const row = (line: number, value: string, reason: string) => ({table: "csm_activities", file: "csm_activities.csv", line, column: null, value, reason});
    expect(await rejected(run.db, "csm_activities")).toEqual([
      row(3, "A2,2024-01-11,call", "malformed_row: 3 fields, expected 4"),
      row(4, 'A3,2024-01-12,"email"x,Sato', "malformed_row: text after a closing quote"),
      row(5, "A1,2024-01-13,meeting,Sato,extra", "malformed_row: 5 fields, expected 4"),
      // An unclosed quote swallows the rest of the file into one record: the reason says where it opened.
      row(7, 'A3,2024-01-15,"call,Sato\nA1,2024-01-16,qbr,Sato\n', "malformed_row: the quote opened on line 7 is never closed")
    ]);
    expect(await run.db.all(`SELECT account_id, date, type FROM csm_activities`)).toEqual([
      {account_id: "A1", date: "2024-01-10", type: "qbr"},
      {account_id: "A2", date: "2024-01-14", type: "training"}
    ]);
    await expectAccounting(run);
  });
});
