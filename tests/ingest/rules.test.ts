/** How a cell's text parses into each staged type (NULL = rejected with the type's reason). */
import {describe, expect, it} from "vitest";
import {openDb} from "../../loaders/db.js";
import {parsedSql, textSql} from "../../loaders/ingest/rules.js";
import type {ColumnType} from "../../loaders/ingest/schema.js";

const db = await openDb();
async function parse(type: ColumnType, values: string[], dateFormat?: string, monthly = false): Promise<unknown[]> {
  const col = {name: "x", type, monthly};
  const sql = parsedSql(col, textSql(col, "v"), dateFormat);
  return Promise.all(values.map(async (v) => (await db.all<{p: unknown}>(`SELECT ${sql} AS p FROM (SELECT ?::VARCHAR AS v)`, [v]))[0].p));
}

describe("parsing cells", () => {
  it("dates: ISO; timestamps give their day in the report's zone (UTC here: -05:00 at 23:30 is the next day); anything else is rejected", async () => {
    expect(
      await parse("date", ["2024-01-05", " 2024-1-5 ", "2024-01-05 10:00:00", "2024-01-05T23:30:00-05:00", "2024-01-05T10:00Z", "2024-13-01", "2024-02-30", "2024/01/05", "05.01.2024", "2024-01-05x", "20240105"])
    ).toEqual(["2024-01-05", "2024-01-05", "2024-01-05", "2024-01-06", "2024-01-05", null, null, null, null, null, null]);
  });

  it("dates with a configured format also accept ISO", async () => {
    expect(await parse("date", ["2024/01/05", "2024-01-06", "05/01/2024"], "%Y/%m/%d")).toEqual(["2024-01-05", "2024-01-06", null]);
  });

  it("month columns: YYYY-MM or any day of the month, staged as the first day", async () => {
    expect(await parse("date", ["2024-03", "2024-3", "2024-03-15", "2024-03-15 10:00", "2024-13", "2024"], undefined, true)).toEqual([
      "2024-03-01", "2024-03-01", "2024-03-01", "2024-03-01", null, null
    ]);
  });

  it("timestamps: without a zone, the time as written; with one (Z, UTC, +09, +0900, +09:00), converted to the report's zone (UTC here)", async () => {
    expect(
      await parse("timestamp", ["2024-01-05", "2024-01-05 09:30", "2024-01-05T23:30:00+09:00", "2024-01-05 10:00:00Z", "2024-01-05 10:00 UTC", "2024-01-05 10:00:00 +0900", "2024-01-05T10:00:00.5+09", "2024-01-05 25:00", "2024-01-05T10:00+25:00", "yesterday"])
    ).toEqual([
      "2024-01-05 00:00:00",
      "2024-01-05 09:30:00",
      "2024-01-05 14:30:00",
      "2024-01-05 10:00:00",
      "2024-01-05 10:00:00",
      "2024-01-05 01:00:00",
      "2024-01-05 01:00:00.5",
      null,
      null,
      null
    ]);
  });

  it("timestamps in the report's zone Asia/Tokyo: an offset converts, a plain time stays as written", async () => {
    const tokyo = await openDb();
    await tokyo.run("SET TimeZone = 'Asia/Tokyo'");
    const col = {name: "x", type: "timestamp" as const};
    const sql = parsedSql(col, textSql(col, "v"), undefined);
    const rows = await tokyo.all<{p: string}>(`SELECT ${sql} AS p FROM (VALUES ('2024-03-01T10:00:00+09:00'), ('2024-03-01T01:00:00Z'), ('2024-03-01 10:00:00')) t(v)`);
    expect(rows.map((r) => r.p)).toEqual(["2024-03-01 10:00:00", "2024-03-01 10:00:00", "2024-03-01 10:00:00"]);
    tokyo.close();
  });

  it("integers: whole numbers only (12.0 is whole)", async () => {
    expect(await parse("integer", ["12", " -3 ", "+4", "12.0", "1.5", "1e3", "1,000", "ten"])).toEqual([12, -3, 4, 12, null, null, null, null]);
  });

  it("money: plain decimals, rounded to cents; no thousands separators, exponents or currency signs", async () => {
    expect(await parse("money", ["100", "20000.50", "12.555", "-100", ".5", "1,234", "1e3", "¥100", "$5"])).toEqual([100, 20000.5, 12.56, -100, 0.5, null, null, null, null]);
  });

  it("booleans: true/false, yes/no, y/n, t/f, 1/0 in any case", async () => {
    expect(await parse("boolean", ["TRUE", "false", "Yes", "NO", "y", "N", "t", "F", "1", "0", "maybe"])).toEqual([
      true, false, true, false, true, false, true, false, true, false, null
    ]);
  });

  it("ids are trimmed of spaces, ideographic spaces included", async () => {
    const col = {name: "account_id", type: "string" as const, referencesAccounts: true};
    const sql = parsedSql(col, textSql(col, "v"), undefined);
    const values = [" A1", "A2 ", "\u3000A3\u3000", "A 4", "  ", "\u3000"];
    const out = await Promise.all(values.map(async (v) => (await db.all<{p: unknown}>(`SELECT ${sql} AS p FROM (SELECT ?::VARCHAR AS v)`, [v]))[0].p));
    expect(out).toEqual(["A1", "A2", "A3", "A 4", null, null]);
  });

  it("empty and blank cells are NULL; free text is kept as written", async () => {
    expect(await parse("string", ["", "   ", "\u3000", "  padded  ", "=1+1", "line\nbreak"])).toEqual([null, null, null, "  padded  ", "=1+1", "line\nbreak"]);
  });
});
