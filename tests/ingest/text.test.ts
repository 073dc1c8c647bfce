/** Text encodings and line structure: Shift_JIS, BOM, embedded newlines, CRLF, other delimiters, formula-looking text. */
import {readFileSync} from "node:fs";
import {isUtf8} from "node:buffer";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {column, expectAccounting, fixture, ingestFixture, rejected} from "./helpers.js";

const TABLES = ["accounts", "subscriptions", "nps_responses", "usage", "onboarding", "support_tickets", "csm_activities", "outcomes", "rejected_rows", "ingest_stats"];
const dump = async (db: Db) => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await db.all(`SELECT * FROM "${t}"`)])));

describe("encodings", () => {
  it("the Shift_JIS and UTF-8 versions of one Japanese export ingest to identical tables", async () => {
    expect(isUtf8(readFileSync(join(fixture("shift-jis"), "accounts.csv")))).toBe(false);
    const sjis = await ingestFixture("shift-jis");
    const utf8 = await ingestFixture("utf-8-ja");
    expect(await dump(sjis.db)).toEqual(await dump(utf8.db));
    expect(await sjis.db.all(`SELECT account_id, account_name, segment FROM accounts`)).toEqual([
      {account_id: "J1", account_name: "㈱山田製作所", segment: "エンタープライズ"},
      {account_id: "J2", account_name: "株式会社ベータ, 大阪支店", segment: "中小企業"},
      {account_id: "J3", account_name: "ガンマ①～テック", segment: "中堅企業"}
    ]);
    // CRLF file, a comment over two lines (CRLF kept inside the value), then a bad row on line 5.
    expect(await column(sjis.db, "nps_responses", "comment")).toEqual(["とても使いやすい。\r\nサポートも迅速です。", "価格が高い～"]);
    expect(await rejected(sjis.db, "nps_responses")).toEqual([
      {table: "nps_responses", file: "nps_responses.csv", line: 5, column: "score", value: "11", reason: "out_of_range: score 11 not in 0..10"}
    ]);
    await expectAccounting(sjis);
  });

  it("Shift_JIS set in config (per table) reads the same", async () => {
    const forced = await ingestFixture("shift-jis", {tables: {accounts: {encoding: "shift_jis"}}});
    expect(await column(forced.db, "accounts", "account_name")).toEqual(["㈱山田製作所", "株式会社ベータ, 大阪支店", "ガンマ①～テック"]);
  });

  it("a UTF-8 BOM is stripped: the first header matches", async () => {
    const run = await ingestFixture("bom");
    expect(await column(run.db, "accounts", "account_id")).toEqual(["A1", "A2", "A3"]);
    expect(await run.db.columns("SELECT * FROM accounts")).toHaveLength(7);
    await expectAccounting(run);
  });
});

describe("line structure", () => {
  it("embedded newlines: values kept, lines counted from where each record starts; blank lines skipped", async () => {
    const run = await ingestFixture("embedded-newline");
    expect(await run.db.all(`SELECT response_id, comment FROM nps_responses`)).toEqual([
      {response_id: "R1", comment: "Line one\nline two, with a comma\nline three"},
      {response_id: "R3", comment: 'He said "hi"'},
      {response_id: "R4", comment: "after a blank line"}
    ]);
    // R1 spans lines 2-4, so R2 (score 11) starts on line 5.
    expect(await rejected(run.db, "nps_responses")).toEqual([
      {table: "nps_responses", file: "nps_responses.csv", line: 5, column: "score", value: "11", reason: "out_of_range: score 11 not in 0..10"}
    ]);
    expect(run.report.tables.find((t) => t.table === "nps_responses")).toMatchObject({rowsRead: 4, rowsAccepted: 3, rowsRejected: 1});
    await expectAccounting(run);
  });

  it("CRLF line ends, with a CRLF inside a quoted value", async () => {
    const run = await ingestFixture("crlf");
    expect(await run.db.all(`SELECT response_id, comment, survey FROM nps_responses`)).toEqual([
      {response_id: "R1", comment: "first line\r\nsecond line", survey: "relationship"},
      {response_id: "R3", comment: "ok", survey: "relationship"}
    ]);
    expect(await rejected(run.db, "nps_responses")).toEqual([
      {table: "nps_responses", file: "nps_responses.csv", line: 4, column: "responded_at", value: "2024-01-32", reason: 'invalid_date: "2024-01-32" is not a date (YYYY-MM-DD)'}
    ]);
    await expectAccounting(run);
  });

  it("semicolon- and tab-delimited files are read", async () => {
    const run = await ingestFixture("semicolon-tab");
    expect(await column(run.db, "accounts", "account_name")).toEqual(["Acme", "Beta", "Gamma"]);
    expect(await column(run.db, "subscriptions", "mrr")).toEqual([100000, 20000, 50000]);
    await expectAccounting(run);
  });

  it("a header-only file is a table with no rows", async () => {
    const run = await ingestFixture("header-only");
    expect(run.report.tables.find((t) => t.table === "nps_responses")).toEqual({
      table: "nps_responses",
      file: "nps_responses.csv",
      rowsRead: 0,
      rowsAccepted: 0,
      rowsRejected: 0,
      rejectedByReason: {},
      encoding: "utf-8",
      encodingNote: null
    });
    await expectAccounting(run);
  });
});

describe("text is data", () => {
  it("formula-looking and markup text is ingested byte for byte", async () => {
    const run = await ingestFixture("formula-text");
    expect(await run.db.all(`SELECT account_name, csm FROM accounts`)).toEqual([
      {account_name: '=HYPERLINK("http://x","y")', csm: "Sato"},
      {account_name: "+cmd|' /C calc'!A0", csm: "Suzuki"},
      {account_name: "-1+2", csm: "@SUM(A1:A9)"}
    ]);
    expect(await column(run.db, "nps_responses", "comment")).toEqual(["=1+1", "<script>alert(1)</script>"]);
    expect(await run.db.all(`SELECT count(*) AS n FROM rejected_rows`)).toEqual([{n: 0}]);
    await expectAccounting(run);
  });
});
