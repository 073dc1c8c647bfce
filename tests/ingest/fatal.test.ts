/** Fatal input problems: each stops ingest with one InputError naming the file, the column, the expected and the found columns. */
import {describe, expect, it} from "vitest";
import {fatalMessage} from "./helpers.js";

const SUBSCRIPTIONS_EXPECTED =
  "Expected columns: subscription_id, account_id (required), product, plan, start_date (required), end_date, mrr (required), seats.";

describe("fatal input errors", () => {
  it("missing required column: names file, column, expected and found columns", async () => {
    expect(await fatalMessage("missing-column")).toBe(
      `tests/fixtures/ingest/missing-column/subscriptions.csv: missing required column "mrr". ${SUBSCRIPTIONS_EXPECTED} ` +
        "Found: subscription_id, account_id, start_date, end_date, amount."
    );
  });

  it("several missing columns are named in one message", async () => {
    expect(await fatalMessage("billing-export")).toBe(
      `tests/fixtures/ingest/billing-export/subscriptions.csv: missing required columns "account_id", "start_date", "mrr". ${SUBSCRIPTIONS_EXPECTED} ` +
        "Found: Invoice Line, Customer ID, Product Name, Plan Name, Start, End, Monthly Amount, Licenses, Currency."
    );
  });

  it("a config mapping whose source column is absent says so", async () => {
    const message = await fatalMessage("missing-column", {tables: {subscriptions: {columns: {"Monthly Amount": "mrr"}}}});
    expect(message).toBe(
      `tests/fixtures/ingest/missing-column/subscriptions.csv: missing required column "mrr" ` +
        `(the config maps "Monthly Amount" to "mrr" but the file has no column "Monthly Amount"). ${SUBSCRIPTIONS_EXPECTED} ` +
        "Found: subscription_id, account_id, start_date, end_date, amount."
    );
  });

  it("missing required table", async () => {
    expect(await fatalMessage("missing-table")).toBe(
      'tests/fixtures/ingest/missing-table: missing required table "subscriptions" (expected subscriptions.csv, subscriptions.csv.gz, subscriptions.parquet or a folder subscriptions/ of such files)'
    );
  });

  it("missing data directory", async () => {
    expect(await fatalMessage("no-such-dir")).toBe("tests/fixtures/ingest/no-such-dir: data directory not found");
  });

  it("two files for one table (csv and parquet) names both", async () => {
    expect(await fatalMessage("two-files")).toBe(
      'tests/fixtures/ingest/two-files: table "subscriptions" has 2 files (subscriptions.csv and subscriptions.parquet); keep only one'
    );
  });

  it("empty file (0 bytes)", async () => {
    expect(await fatalMessage("empty-file")).toBe(
      `tests/fixtures/ingest/empty-file/subscriptions.csv: empty file (no header line). ${SUBSCRIPTIONS_EXPECTED}`
    );
  });

  it("file of blank lines only", async () => {
    expect(await fatalMessage("blank-file")).toBe(
      `tests/fixtures/ingest/blank-file/subscriptions.csv: empty file (no header line). ${SUBSCRIPTIONS_EXPECTED}`
    );
  });

  it("binary file renamed .csv (a PNG)", async () => {
    expect(await fatalMessage("not-csv-png")).toBe("tests/fixtures/ingest/not-csv-png/subscriptions.csv: not a CSV file (it looks like a PNG image)");
  });

  it("an Excel workbook renamed .csv", async () => {
    expect(await fatalMessage("not-csv-xlsx")).toBe(
      "tests/fixtures/ingest/not-csv-xlsx/usage.csv: not a CSV file (it looks like a ZIP archive, e.g. an Excel .xlsx workbook)"
    );
  });

  it("text without delimiter structure", async () => {
    expect(await fatalMessage("not-csv-text")).toBe(
      'tests/fixtures/ingest/not-csv-text/subscriptions.csv: not a CSV file (no delimiter , ; tab or | in the first line "Quarterly subscription review"). ' +
        SUBSCRIPTIONS_EXPECTED
    );
  });

  it("Shift_JIS file forced to utf-8 by config", async () => {
    expect(await fatalMessage("shift-jis", {encoding: "utf-8"})).toBe(
      'tests/fixtures/ingest/shift-jis/accounts.csv: not valid UTF-8 text (the config sets encoding "utf-8"; for Shift_JIS exports set "shift_jis" or "auto")'
    );
  });
});
