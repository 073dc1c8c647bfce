/** The staged tables' shape and content, and what the data-quality page reads. */
import {describe, expect, it} from "vitest";
import {resolveConfig} from "../../loaders/config.js";
import {openDb} from "../../loaders/db.js";
import {createStagedTables, ingest, qualitySummary} from "../../loaders/ingest/index.js";
import {SCHEMA, SQL_TYPES} from "../../loaders/ingest/schema.js";
import {expectAccounting, fixture, ingestFixture} from "./helpers.js";

describe("createStagedTables", () => {
  it("creates the 8 contract tables empty, with the schema's columns and types, plus the quarantine and accounting tables", async () => {
    const db = await openDb();
    await createStagedTables(db, ["tier", "account_name"]);
    for (const spec of Object.values(SCHEMA)) {
      const expected = spec.columns.map((c) => ({name: c.name, type: SQL_TYPES[c.type]}));
      if (spec.name === "accounts") expected.push({name: "tier", type: "VARCHAR"}); // a contract name is not added twice
      expect(await db.columns(`SELECT * FROM "${spec.name}"`)).toEqual(expected);
      expect(await db.all(`SELECT count(*) AS n FROM "${spec.name}"`)).toEqual([{n: 0}]);
    }
    expect(await db.columns("SELECT * FROM rejected_rows")).toEqual([
      {name: "table", type: "VARCHAR"},
      {name: "file", type: "VARCHAR"},
      {name: "line", type: "BIGINT"},
      {name: "column", type: "VARCHAR"},
      {name: "value", type: "VARCHAR"},
      {name: "reason", type: "VARCHAR"}
    ]);
    expect(await db.columns("SELECT * FROM ingest_stats")).toEqual([
      {name: "table", type: "VARCHAR"},
      {name: "file", type: "VARCHAR"},
      {name: "rows_read", type: "BIGINT"},
      {name: "rows_accepted", type: "BIGINT"},
      {name: "rows_rejected", type: "BIGINT"}
    ]);
  });
});

describe("ingest of a valid data directory", async () => {
  const run = await ingestFixture("valid");
  const {db} = run;

  it("stages every row; ingest_stats accounts for every file", async () => {
    expect(run.report.tables.map((t) => [t.table, t.file, t.rowsRead, t.rowsAccepted, t.rowsRejected])).toEqual([
      ["accounts", "accounts.csv", 3, 3, 0],
      ["subscriptions", "subscriptions.csv", 4, 4, 0],
      ["nps_responses", "nps_responses.csv", 3, 3, 0],
      ["usage", "usage.csv", 4, 4, 0],
      ["onboarding", "onboarding.csv", 3, 3, 0],
      ["support_tickets", "support_tickets.csv", 2, 2, 0],
      ["csm_activities", "csm_activities.csv", 2, 2, 0],
      ["outcomes", "outcomes.csv", 4, 4, 0],
      ["leads", null, 0, 0, 0]
    ]);
    await expectAccounting(run);
  });

  it("staged tables have the schema's types, accounts its extra columns as VARCHAR (names lower-cased, trimmed)", async () => {
    for (const spec of Object.values(SCHEMA)) {
      const expected = spec.columns.map((c) => ({name: c.name, type: SQL_TYPES[c.type]}));
      if (spec.name === "accounts") expected.push({name: "tier", type: "VARCHAR"}, {name: "partner", type: "VARCHAR"});
      expect(await db.columns(`SELECT * FROM "${spec.name}"`)).toEqual(expected);
    }
    expect(await db.all(`SELECT account_id, created_at, tier, partner FROM accounts`)).toEqual([
      {account_id: "A1", created_at: "2023-01-15", tier: "Gold", partner: null},
      {account_id: "A2", created_at: "2023-03-01", tier: "Silver", partner: "Yes"}, // a timestamp truncated to its date
      {account_id: "A3", created_at: null, tier: "Bronze", partner: "No"}
    ]);
  });

  it("subscriptions: money as DECIMAL(18,2), optional id and seats may be empty", async () => {
    expect(await db.all(`SELECT subscription_id, start_date, end_date, mrr, seats FROM subscriptions`)).toEqual([
      {subscription_id: "S1", start_date: "2023-02-01", end_date: null, mrr: 100000, seats: 10},
      {subscription_id: "S2", start_date: "2023-03-01", end_date: "2024-03-01", mrr: 20000.5, seats: 3},
      {subscription_id: null, start_date: "2023-07-01", end_date: null, mrr: 50000, seats: null},
      {subscription_id: "S4", start_date: "2023-09-01", end_date: null, mrr: 12000, seats: 0}
    ]);
  });

  it("nps: anonymous responses and responses without id are kept", async () => {
    expect(await db.all(`SELECT response_id, account_id, score, comment FROM nps_responses`)).toEqual([
      {response_id: "R1", account_id: "A1", score: 9, comment: "Great"},
      {response_id: "R2", account_id: null, score: 0, comment: null},
      {response_id: null, account_id: "A2", score: 10, comment: "Fast, friendly support"}
    ]);
  });

  it("usage: daily rows (under the `date` alias) become one row per account and month", async () => {
    expect(await db.all(`SELECT * FROM usage`)).toEqual([
      {account_id: "A1", month: "2024-01-01", active_users: 7, seats: 10, key_events: 13},
      {account_id: "A1", month: "2024-02-01", active_users: 6, seats: null, key_events: null},
      {account_id: "A2", month: "2024-01-01", active_users: 1, seats: 3, key_events: 2}
    ]);
  });

  it("onboarding: required defaults to true when empty; booleans read case-insensitively", async () => {
    expect(await db.all(`SELECT milestone, completed_at, required FROM onboarding`)).toEqual([
      {milestone: "kickoff", completed_at: "2023-02-05", required: true},
      {milestone: "integration", completed_at: null, required: false},
      {milestone: "kickoff", completed_at: "2023-03-03", required: true}
    ]);
  });

  it("support tickets: timestamps as TIMESTAMP (date-only is midnight)", async () => {
    expect(await db.all(`SELECT ticket_id, created_at, first_response_at, resolved_at, csat FROM support_tickets`)).toEqual([
      {ticket_id: "T1", created_at: "2024-01-05 09:00:00", first_response_at: "2024-01-05 09:30:00", resolved_at: "2024-01-06 12:00:00", csat: 5},
      {ticket_id: "T2", created_at: "2024-01-07 00:00:00", first_response_at: null, resolved_at: null, csat: null}
    ]);
  });

  it("csm activities and outcomes (months staged as their first day)", async () => {
    expect(await db.all(`SELECT * FROM csm_activities`)).toEqual([
      {account_id: "A1", date: "2024-01-10", type: "qbr", csm: "Sato"},
      {account_id: "A2", date: "2024-01-11", type: "call", csm: null}
    ]);
    expect(await db.all(`SELECT * FROM outcomes`)).toEqual([
      {account_id: "A1", month: "2024-01-01", metric: "leads", value: 120},
      {account_id: "A1", month: "2024-02-01", metric: "hours_saved", value: 35.5},
      {account_id: "A2", month: "2024-03-01", metric: "leads", value: 80}, // "2024-03": a month
      {account_id: "A2", month: "2024-04-01", metric: "leads", value: 90} // a day: staged as its month
    ]);
  });
});

describe("qualitySummary", () => {
  it("per table: accounting, rejections by reason code, first rejected rows by line", async () => {
    const {db} = await ingestFixture("types");
    const summary = await qualitySummary(db);
    expect(summary.map((s) => s.table)).toEqual(Object.keys(SCHEMA));
    expect(summary.find((s) => s.table === "outcomes")).toEqual({
      table: "outcomes",
      file: "outcomes.csv",
      rowsRead: 3,
      rowsAccepted: 1,
      rowsRejected: 2,
      rejectedByReason: {invalid_number: 1, missing_value: 1},
      encoding: "utf-8",
      encodingNote: null,
      firstRejected: [
        {line: 2, column: "value", value: "1,234", reason: 'invalid_number: "1,234" is not a plain decimal number (like 1234.5)'},
        {line: 4, column: "metric", value: null, reason: "missing_value: metric is required"}
      ]
    });
    expect(summary.find((s) => s.table === "csm_activities")).toEqual({
      table: "csm_activities",
      file: null,
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      rejectedByReason: {},
      encoding: null,
      encodingNote: null,
      firstRejected: []
    });
    const limited = await qualitySummary(db, {limit: 2});
    expect(limited.find((s) => s.table === "support_tickets")!.firstRejected.map((r) => r.line)).toEqual([3, 4]);
  });
});

describe("ingest leaves only its tables", () => {
  it("no temp tables remain; ingesting again into the same database replaces, not appends", async () => {
    const run = await ingestFixture("duplicate-id");
    expect(await run.db.all(`SELECT table_name FROM duckdb_tables() WHERE temporary`)).toEqual([]);
    await ingest(run.db, resolveConfig({dataDir: fixture("valid")}));
    expect(await run.db.all(`SELECT count(*) AS n FROM rejected_rows`)).toEqual([{n: 0}]);
    expect(await run.db.all(`SELECT count(*) AS n FROM subscriptions`)).toEqual([{n: 4}]);
    expect(await run.db.all(`SELECT count(*) AS n FROM ingest_stats`)).toEqual([{n: 9}]);
  });
});
