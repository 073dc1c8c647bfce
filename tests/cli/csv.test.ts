import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {openDb} from "../../loaders/db.js";
import {csvField, queryToCsv, writeTableCsv} from "../../loaders/output/csv.js";

describe("csvField", () => {
  it("quotes only fields with a comma, a quote or a line break (RFC 4180)", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\r")).toBe('"cr\r"');
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField("日本語")).toBe("日本語");
  });
});

describe("queryToCsv / writeTableCsv", () => {
  it("writes decimals with their scale, doubles in shortest form, NULL as empty, in table order", async () => {
    const db = await openDb();
    await db.run(`
      CREATE TABLE t AS SELECT * FROM (VALUES
        ('2024-02', 1234.5::DECIMAL(18,2), 0.031::DOUBLE, 3::BIGINT, true, DATE '2024-02-29', 'x,y'),
        ('2024-01', 0.1::DECIMAL(18,2) + 0.2::DECIMAL(18,2), 1 / 3, NULL, false, NULL, NULL),
        ('2023-12', -5::DECIMAL(18,2), 0.00001::DOUBLE, -7::BIGINT, NULL, NULL, '=1+1')
      ) v(month, mrr, rate, n, flag, day, label)`);
    const {csv, rows} = await queryToCsv(db, `SELECT * FROM t`);
    expect(rows).toBe(3);
    expect(csv).toBe(
      "month,mrr,rate,n,flag,day,label\n" +
        '2024-02,1234.50,0.031,3,true,2024-02-29,"x,y"\n' +
        "2024-01,0.30,0.3333333333333333,,false,,\n" +
        "2023-12,-5.00,0.00001,-7,,,=1+1\n"
    );
    const dir = mkdtempSync(join(tmpdir(), "csv-test-"));
    expect(await writeTableCsv(db, "t", join(dir, "t.csv"), {neutralizeFormulas: true})).toBe(3);
    // Text cells that a spreadsheet would evaluate get an apostrophe; negative numbers are untouched.
    expect(readFileSync(join(dir, "t.csv"), "utf8").split("\n")[3]).toBe("2023-12,-5.00,0.00001,-7,,,'=1+1");
    db.close();
  });

  it("writes a header even for an empty table", async () => {
    const db = await openDb();
    await db.run(`CREATE TABLE e (period VARCHAR, nps DOUBLE)`);
    expect(await queryToCsv(db, `SELECT * FROM e`)).toEqual({csv: "period,nps\n", rows: 0});
    db.close();
  });
});
