/** File formats and column mapping: .csv.gz, .parquet, and a billing tool's export read through a config mapping. */
import {describe, expect, it} from "vitest";
import {ConfigError} from "../../loaders/config.js";
import {column, expectAccounting, fatalMessage, ingestFixture, rejected} from "./helpers.js";

describe("file formats", () => {
  it(".csv.gz is read like .csv (UTF-8 or Shift_JIS inside), lines counted in the uncompressed text", async () => {
    const run = await ingestFixture("gzip");
    expect(await rejected(run.db, "subscriptions")).toEqual([
      {table: "subscriptions", file: "subscriptions.csv.gz", line: 4, column: "seats", value: "-5", reason: "negative: seats -5 < 0"}
    ]);
    expect(await run.db.all(`SELECT subscription_id, plan FROM subscriptions`)).toEqual([
      {subscription_id: "S1", plan: "プロ"},
      {subscription_id: "S2", plan: "ベーシック"}
    ]);
    expect(await run.db.all(`SELECT * FROM nps_responses`)).toEqual(await (await ingestFixture("utf-8-ja")).db.all(`SELECT * FROM nps_responses`));
    expect(await rejected(run.db, "nps_responses")).toEqual([
      {table: "nps_responses", file: "nps_responses.csv.gz", line: 5, column: "score", value: "11", reason: "out_of_range: score 11 not in 0..10"}
    ]);
    await expectAccounting(run);
  });

  it(".parquet: typed columns go through the same rules; line = row number + 1; file names match case-insensitively", async () => {
    const run = await ingestFixture("parquet");
    expect(await run.db.all(`SELECT * FROM subscriptions`)).toEqual([
      {subscription_id: "S1", account_id: "A1", product: "CMS", plan: "Pro", start_date: "2023-02-01", end_date: null, mrr: 100000, seats: 10},
      {subscription_id: "S3", account_id: "A3", product: "MA", plan: "Pro", start_date: "2023-07-01", end_date: null, mrr: 50000, seats: null}
    ]);
    expect(await rejected(run.db, "subscriptions")).toEqual([
      {table: "subscriptions", file: "subscriptions.parquet", line: 2, column: "account_id", value: "A9", reason: 'unknown_account: account_id "A9" not in accounts'}
    ]);
    // Usage.PARQUET: timestamps in the `Date` alias column, summed/maxed to the month.
    expect(await run.db.all(`SELECT * FROM usage`)).toEqual([{account_id: "A1", month: "2024-01-01", active_users: 7, seats: null, key_events: 150}]);
    expect(await rejected(run.db, "usage")).toEqual([
      {table: "usage", file: "Usage.PARQUET", line: 3, column: "active_users", value: "-1", reason: "negative: active_users -1 < 0"}
    ]);
    await expectAccounting(run);
  });
});

describe("mapped export", () => {
  const BILLING = {
    subscriptions: {
      columns: {
        "invoice line": "subscription_id",
        "Customer ID": "account_id",
        "Product Name": "product",
        "Plan Name": "plan",
        Start: "start_date",
        End: "end_date",
        "Monthly Amount": "mrr",
        Licenses: "seats"
      },
      dateFormat: "%Y/%m/%d"
    }
  };

  it("a billing tool's export ingests with only a config change", async () => {
    const mapped = await ingestFixture("billing-export", {tables: BILLING});
    const plain = await ingestFixture("bom"); // the same subscriptions under the contract's names
    const rows = `SELECT * EXCLUDE (subscription_id) FROM subscriptions`;
    expect(await mapped.db.all(rows)).toEqual(await plain.db.all(rows));
    expect(await column(mapped.db, "subscriptions", "subscription_id")).toEqual(["INV-1", "INV-2", "INV-3"]);
    expect(await mapped.db.all(`SELECT count(*) AS n FROM rejected_rows`)).toEqual([{n: 0}]);
    // Unmapped extra columns (Currency) are not staged outside accounts.
    expect((await mapped.db.columns("SELECT * FROM subscriptions")).map((c) => c.name)).toEqual([
      "subscription_id", "account_id", "product", "plan", "start_date", "end_date", "mrr", "seats"
    ]);
    await expectAccounting(mapped);
  });

  it("a date that matches neither the configured format nor ISO names both", async () => {
    const run = await ingestFixture("bad-date", {tables: {subscriptions: {dateFormat: "%d.%m.%Y"}}});
    expect(await rejected(run.db, "subscriptions")).toEqual([
      {table: "subscriptions", file: "subscriptions.csv", line: 3, column: "start_date", value: "2024-13-01", reason: 'invalid_date: "2024-13-01" is not a date (YYYY-MM-DD or %d.%m.%Y)'}
    ]);
  });

  it("a mapping that gives a column twice is fatal", async () => {
    expect(await fatalMessage("bom", {tables: {subscriptions: {columns: {plan: "product"}}}})).toBe(
      'tests/fixtures/ingest/bom/subscriptions.csv: columns "product" and "plan" both give column "product". ' +
        "Expected columns: subscription_id, account_id (required), product, plan, start_date (required), end_date, mrr (required), seats. " +
        "Found: subscription_id, account_id, product, plan, start_date, end_date, mrr, seats."
    );
  });

  it("a dateFormat DuckDB cannot use is a ConfigError naming the key", async () => {
    const err = await ingestFixture("bad-date", {tables: {subscriptions: {dateFormat: "%Q"}}}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/^config: "tables\.subscriptions\.dateFormat" is not a valid strptime format: /);
  });
});
