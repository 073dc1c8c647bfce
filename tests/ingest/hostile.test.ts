/**
 * Hostile inputs (issue 14): one fixture per class, each asserting the exact outcome: the quarantined
 * rows and their reasons, or the one-line fatal message.
 */
import {execFile} from "node:child_process";
import {appendFileSync, cpSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_ROOT, resolveConfig} from "../../loaders/config.js";
import {metricContext} from "../../loaders/metrics/calendar.js";
import {openDb} from "../../loaders/db.js";
import {ingest} from "../../loaders/ingest/index.js";
import {column, expectAccounting, fatalMessage, fixture, ingestFixture, rejected} from "./helpers.js";

const row = (table: string, line: number, col: string | null, value: string | null, reason: string) => ({
  table,
  file: `${table}.csv`,
  line,
  column: col,
  value,
  reason
});
const RANGE = "outside the plausible dates 1990-01-01..2099-12-31 (config dateRange)";

describe("money and counts: a per-row bound keeps every sum exact", () => {
  it("amounts above 10^12 and counts above 10^9 are quarantined as out_of_range, with the value as written", async () => {
    const run = await ingestFixture("money-bound");
    expect(await rejected(run.db, "subscriptions")).toEqual([
      row("subscriptions", 2, "mrr", "10000000000000000", "out_of_range: mrr 10000000000000000 > 1000000000000 (the largest plausible amount per row)"),
      row("subscriptions", 3, "mrr", "9999999999999999.99", "out_of_range: mrr 9999999999999999.99 > 1000000000000 (the largest plausible amount per row)"),
      row("subscriptions", 4, "seats", "5000000000", "out_of_range: seats 5000000000 > 1000000000 (the largest plausible count)")
    ]);
    expect(await run.db.all(`SELECT subscription_id, mrr FROM subscriptions`)).toEqual([{subscription_id: "S4", mrr: 999999999999.99}]);
    await expectAccounting(run);
  });

  it("rows each within the bound but totalling above 10^14 stop the build with one message", async () => {
    expect(await fatalMessage("money-total")).toBe(
      "tests/fixtures/ingest/money-total/subscriptions.csv: the mrr column totals 1.010e+14, above 1e+14 (the largest total the report sums exactly); " +
        "check that amounts are monthly and in the reporting currency's main unit"
    );
  });
});

describe("dates outside the plausible range are quarantined", () => {
  it("years 1900, 0024, 2199, 2999 and 3000, in every table's date and timestamp columns", async () => {
    const run = await ingestFixture("implausible-date");
    expect(await rejected(run.db, "accounts")).toEqual([row("accounts", 2, "created_at", "1900-01-01", `out_of_range: created_at 1900-01-01 ${RANGE}`)]);
    expect(await rejected(run.db, "subscriptions")).toEqual([
      row("subscriptions", 2, "start_date", "2999-01-01", `out_of_range: start_date 2999-01-01 ${RANGE}`),
      row("subscriptions", 4, "start_date", "0024-07-01", `out_of_range: start_date 0024-07-01 ${RANGE}`),
      row("subscriptions", 5, "end_date", "3000-01-01", `out_of_range: end_date 3000-01-01 ${RANGE}`)
    ]);
    expect(await rejected(run.db, "support_tickets")).toEqual([
      row("support_tickets", 2, "created_at", "2199-01-05 09:00:00", `out_of_range: created_at 2199-01-05 09:00:00 ${RANGE}`)
    ]);
    expect(await column(run.db, "subscriptions", "subscription_id")).toEqual(["S2"]);
    await expectAccounting(run);
  });

  it("the range is configurable", async () => {
    const run = await ingestFixture("implausible-date", {dateRange: {from: "1800-01-01", to: "3000-12-31"}});
    expect(await run.db.all(`SELECT count(*) AS n FROM rejected_rows`)).toEqual([{n: 1}]); // only year 0024
    await expectAccounting(run);
  });
});

describe("time zones and time order", () => {
  it("offsets are converted to the report's zone (UTC); a response or resolution before the ticket, a completion before its start, are quarantined", async () => {
    const run = await ingestFixture("time-order");
    expect(await rejected(run.db, "support_tickets")).toEqual([
      row("support_tickets", 3, "first_response_at", "2024-02-01 10:00:00", "date_order: first_response_at 2024-02-01 10:00:00 is before created_at 2024-03-01 10:00:00"),
      row("support_tickets", 4, "resolved_at", "2024-02-28 10:00:00", "date_order: resolved_at 2024-02-28 10:00:00 is before created_at 2024-03-01 10:00:00"),
      // 00:30Z is 09:30 in Tokyo, before the ticket created at 10:00+09:00.
      row("support_tickets", 5, "first_response_at", "2024-03-01T00:30:00Z", "date_order: first_response_at 2024-03-01 00:30:00 is before created_at 2024-03-01 01:00:00")
    ]);
    // T1: created 10:00 Tokyo = 01:00 UTC, answered 01:30 UTC (30 minutes later), resolved 12:00 Tokyo = 03:00 UTC.
    expect(await run.db.all(`SELECT ticket_id, created_at, first_response_at, resolved_at FROM support_tickets`)).toEqual([
      {ticket_id: "T1", created_at: "2024-03-01 01:00:00", first_response_at: "2024-03-01 01:30:00", resolved_at: "2024-03-01 03:00:00"}
    ]);
    expect(await rejected(run.db, "onboarding")).toEqual([
      row("onboarding", 3, "completed_at", "2023-03-01", "date_order: completed_at 2023-03-01 is before started_at 2023-03-31")
    ]);
    await expectAccounting(run);
  });

  it("timeZone: Asia/Tokyo stages the same instants as Tokyo wall-clock times", async () => {
    const run = await ingestFixture("time-order", {timeZone: "Asia/Tokyo"});
    expect(await run.db.all(`SELECT ticket_id, created_at, first_response_at, resolved_at FROM support_tickets`)).toEqual([
      {ticket_id: "T1", created_at: "2024-03-01 10:00:00", first_response_at: "2024-03-01 10:30:00", resolved_at: "2024-03-01 12:00:00"}
    ]);
  });
});

/** Ingests the parquet-tz fixture in a child process whose machine zone is `tz`; returns the staged end dates. */
function endDatesUnder(tz: string, timeZone?: string): Promise<unknown> {
  return new Promise((done, fail) =>
    execFile(resolve(PROJECT_ROOT, "node_modules/.bin/tsx"), ["tests/ingest/tz-child.ts", ...(timeZone ? [timeZone] : [])], {cwd: PROJECT_ROOT, env: {...process.env, TZ: tz}}, (error, stdout) =>
      error ? fail(error) : done(JSON.parse(stdout))
    )
  );
}

describe("typed Parquet TIMESTAMPTZ does not depend on the machine's zone", () => {
  it("a 20:00 UTC end date is staged as 2024-03-31 under TZ=UTC and TZ=Asia/Tokyo alike; with timeZone Asia/Tokyo it is 2024-04-01 on both", {timeout: 120_000}, async () => {
    const utc = [{subscription_id: "S1", end_date: "2024-03-31"}, {subscription_id: "S2", end_date: null}];
    const tokyo = [{subscription_id: "S1", end_date: "2024-04-01"}, {subscription_id: "S2", end_date: null}];
    const runs = await Promise.all([endDatesUnder("UTC"), endDatesUnder("Asia/Tokyo"), endDatesUnder("UTC", "Asia/Tokyo"), endDatesUnder("Asia/Tokyo", "Asia/Tokyo")]);
    expect(runs).toEqual([utc, utc, tokyo, tokyo]);
  });
});

describe("input columns named like internal ones", () => {
  it("accounts columns plan, mrr and month are kept as text, and listing one as a segment is an error naming the clash", async () => {
    const run = await ingestFixture("reserved-columns");
    expect(await run.db.all(`SELECT account_id, plan, mrr, month, tier FROM accounts ORDER BY account_id`)).toEqual([
      {account_id: "A1", plan: "Gold", mrr: "1", month: "2023-01", tier: "T1"},
      {account_id: "A2", plan: "Silver", mrr: "2", month: "2023-03", tier: "T2"},
      {account_id: "A3", plan: "Bronze", mrr: "3", month: "2023-06", tier: "T1"}
    ]);
    const config = resolveConfig({dataDir: "tests/fixtures/ingest/reserved-columns", segments: ["segment", "mrr"]});
    await expect(metricContext(run.db, config)).rejects.toThrow(
      'config: "segments" lists "mrr", a name the report uses for its own column; ' +
        'rename that accounts column in the config (tables: {accounts: {columns: {"mrr": "mrr_tier"}}}) and list "mrr_tier" instead'
    );
    // Renamed by the mapping, as the message says, it is a segment like any other.
    const renamed = await ingestFixture("reserved-columns", {tables: {accounts: {columns: {mrr: "mrr_tier"}}}});
    const ctx = await metricContext(renamed.db, resolveConfig({dataDir: "tests/fixtures/ingest/reserved-columns", segments: ["segment", "mrr_tier"]}));
    expect(ctx.dimensions).toEqual(["segment", "mrr_tier"]);
  });
});

describe("weak spots", () => {
  it("a required table whose every row is rejected is fatal, with the reasons counted", async () => {
    expect(await fatalMessage("all-rejected")).toBe(
      "tests/fixtures/ingest/all-rejected/subscriptions.csv: every row was rejected (4 read: unknown_account 2, invalid_date 1, negative 1); " +
        'the required table "subscriptions" needs at least one valid row (see rejected_rows for each line)'
    );
  });

  it("a required table with a header but no rows is fatal", async () => {
    expect(await fatalMessage("required-header-only")).toBe(
      'tests/fixtures/ingest/required-header-only/subscriptions.csv: no data rows (only a header); the required table "subscriptions" needs at least one row'
    );
  });

  it("a truncated .csv.gz says so (not 'not a gzip file')", async () => {
    expect(await fatalMessage("gzip-truncated")).toBe(
      "tests/fixtures/ingest/gzip-truncated/subscriptions.csv.gz: the gzip data ends early (the file is truncated); export or download it again"
    );
  });

  it("ids are NFC-normalised: an NFD account_id matches its NFC account", async () => {
    const run = await ingestFixture("nfc-ids");
    expect(await run.db.all(`SELECT count(*) AS n FROM rejected_rows`)).toEqual([{n: 0}]);
    expect(await column(run.db, "subscriptions", "account_id")).toEqual(["\u00c11", "\u30ac2"]);
    await expectAccounting(run);
  });

  it("Shift_JIS bytes that are also valid UTF-8 are read as Shift_JIS, and the report says what it chose", async () => {
    const run = await ingestFixture("sjis-ambiguous");
    expect(await column(run.db, "accounts", "account_name")).toEqual(["\u82fa\u30ab-Cafe"]);
    const accounts = run.report.tables.find((t) => t.table === "accounts")!;
    expect({encoding: accounts.encoding, note: accounts.encodingNote}).toEqual({
      encoding: "shift_jis",
      note: "valid as UTF-8 and as Shift_JIS; read as Shift_JIS (ordinary Japanese characters: 75% as Shift_JIS, 0% as UTF-8)"
    });
    // A genuine UTF-8 Japanese export stays UTF-8 (its bytes are not valid Shift_JIS: no note).
    const ja = await ingestFixture("utf-8-ja");
    expect(ja.report.tables.find((t) => t.table === "accounts")).toMatchObject({encoding: "utf-8", encodingNote: null});
  });

  it("a record longer than DuckDB's default line limit (2 MB) is read whole: the read is sized from the longest record", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hostile-long-"));
    try {
      cpSync(fixture("valid"), dir, {recursive: true});
      const name = "長".repeat(1_000_000); // 3,000,000 bytes
      appendFileSync(join(dir, "accounts.csv"), `A9,"${name}",SMB,Retail,Kansai,,2023-05-01,,\n`);
      const db = await openDb();
      try {
        await ingest(db, resolveConfig({dataDir: dir}));
        expect(await db.all(`SELECT account_id, length(account_name) AS n FROM accounts WHERE account_id = 'A9'`)).toEqual([{account_id: "A9", n: 1_000_000}]);
      } finally {
        db.close();
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
