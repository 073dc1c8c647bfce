import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {openDb, type Db} from "../../loaders/db.js";
import {csvField, writeTableCsv} from "../../loaders/output/csv.js";
import {queryToCsv} from "../helpers/csv-reference.js";

const dir = mkdtempSync(join(tmpdir(), "csv-test-"));
let n = 0;
/** The table as the CLI writes it now (DuckDB COPY). */
async function written(db: Db, table: string, neutralizeFormulas = false): Promise<{csv: string; rows: number}> {
  const path = join(dir, `${table}-${n++}.csv`);
  const rows = await writeTableCsv(db, table, path, {neutralizeFormulas});
  return {csv: readFileSync(path, "utf8"), rows};
}

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

describe("writeTableCsv (DuckDB COPY)", () => {
  it("writes decimals with their scale, doubles in shortest form, NULL as empty, in table order", async () => {
    const db = await openDb();
    await db.run(`
      CREATE TABLE t AS SELECT * FROM (VALUES
        ('2024-02', 1234.5::DECIMAL(18,2), 0.031::DOUBLE, 3::BIGINT, true, DATE '2024-02-29', 'x,y'),
        ('2024-01', 0.1::DECIMAL(18,2) + 0.2::DECIMAL(18,2), 1 / 3, NULL, false, NULL, NULL),
        ('2023-12', -5::DECIMAL(18,2), 0.00001::DOUBLE, -7::BIGINT, NULL, NULL, '=1+1')
      ) v(month, mrr, rate, n, flag, day, label)`);
    const expected =
      "month,mrr,rate,n,flag,day,label\n" +
      '2024-02,1234.50,0.031,3,true,2024-02-29,"x,y"\n' +
      "2024-01,0.30,0.3333333333333333,,false,,\n" +
      "2023-12,-5.00,0.00001,-7,,,=1+1\n";
    expect(await written(db, "t")).toEqual({csv: expected, rows: 3});
    // Text cells that a spreadsheet would evaluate get an apostrophe; negative numbers are untouched.
    expect((await written(db, "t", true)).csv.split("\n")[3]).toBe("2023-12,-5.00,0.00001,-7,,,'=1+1");
    db.close();
  });

  it("writes a header even for an empty table", async () => {
    const db = await openDb();
    await db.run(`CREATE TABLE e (period VARCHAR, nps DOUBLE)`);
    expect(await written(db, "e")).toEqual({csv: "period,nps\n", rows: 0});
    db.close();
  });

  it("quotes text as the JavaScript writer did, where DuckDB's own CSV quoting differs", async () => {
    const db = await openDb();
    // DuckDB's writer would quote '' and '#'; a header with a comma or quote is quoted like a field.
    await db.run(`CREATE TABLE q AS SELECT * FROM (VALUES
        ('a', 1), ('', 2), (NULL, 3), ('x,y', 4), ('say "hi"', 5), (' lead', 6), ('two' || chr(10) || 'lines', 7),
        ('cr' || chr(13), 8), (chr(9) || 'tab', 9), ('日本語', 10), ('#', 11), ('a;b', 12), ('''q', 13), ('\\back', 14),
        ('+81 3', 15), ('-x', 16), ('@sum', 17), (chr(13) || 'r', 18)
      ) v("label, ""odd""", "n")`);
    for (const neutralize of [false, true]) {
      const reference = await queryToCsv(db, `SELECT * FROM q`, {neutralizeFormulas: neutralize});
      expect(await written(db, "q", neutralize)).toEqual(reference);
    }
    expect((await written(db, "q")).csv.split("\n").slice(0, 4)).toEqual(['"label, ""odd""",n', "a,1", ",2", ",3"]);
    db.close();
  });

  it("writes every column type the metric tables use as the JavaScript writer did", async () => {
    const db = await openDb();
    await db.run(`CREATE TABLE k AS SELECT * FROM (VALUES
        (1::TINYINT, 2::INTEGER, 3::HUGEINT, 4.5::FLOAT, 1.25::DECIMAL(9,3), TIMESTAMP '2024-01-02 03:04:05', [1, 2], {'a': 1}, 'x'::VARCHAR),
        (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
        (-1::TINYINT, -2::INTEGER, -3::HUGEINT, 0.1::FLOAT, -0.001::DECIMAL(9,3), TIMESTAMP '1999-12-31 23:59:59', [], {'a': NULL}, '')
      ) v(ti, i, h, f, d, ts, l, s, t)`);
    expect(await written(db, "k")).toEqual(await queryToCsv(db, `SELECT * FROM k`));
    db.close();
  });
});
