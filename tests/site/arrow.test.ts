import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {openDb} from "../../loaders/db.js";
import {queryToArrow} from "../../loaders/site/arrow.js";

describe("queryToArrow", () => {
  it("keeps row order, values and nulls; numbers as Float64, text as dictionary strings", async () => {
    const db = await openDb();
    await db.run(`CREATE TABLE t (month VARCHAR, d DATE, mrr DECIMAL(18,2), n BIGINT, ok BOOLEAN, name VARCHAR)`);
    await db.run(`INSERT INTO t VALUES
      ('2024-02', DATE '2024-02-29', 10.25, 3, true, 'b'),
      ('2024-01', NULL, NULL, NULL, NULL, NULL),
      ('2024-02', DATE '2024-01-31', 0.10, -7, false, '<img src=x>'),
      ('2024-01', DATE '2024-01-01', 1234567.89, 0, true, 'b')`);
    const table = tableFromIPC(await queryToArrow(db, `SELECT * FROM t`));
    expect(table.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual([
      "month: Dictionary<Int8, Utf8>",
      "d: Dictionary<Int8, Utf8>",
      "mrr: Float64",
      "n: Float64",
      "ok: Bool",
      "name: Dictionary<Int8, Utf8>"
    ]);
    expect(table.toArray().map((r) => r.toJSON())).toEqual([
      {month: "2024-02", d: "2024-02-29", mrr: 10.25, n: 3, ok: true, name: "b"},
      {month: "2024-01", d: null, mrr: null, n: null, ok: null, name: null},
      {month: "2024-02", d: "2024-01-31", mrr: 0.1, n: -7, ok: false, name: "<img src=x>"},
      {month: "2024-01", d: "2024-01-01", mrr: 1234567.89, n: 0, ok: true, name: "b"}
    ]);
    // The staging table is gone and an empty result still encodes.
    expect(await db.all(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '_arrow_source'`)).toEqual([{n: 0}]);
    expect(tableFromIPC(await queryToArrow(db, `SELECT * FROM t WHERE false`)).numRows).toBe(0);
    db.close();
  });

  it("takes Int32 / Float32 per column, and wide dictionaries get wider indices", async () => {
    const db = await openDb();
    await db.run(`CREATE TABLE t AS SELECT 'id' || i AS id, i AS n, i / 4 AS r FROM range(300) r(i)`);
    const table = tableFromIPC(await queryToArrow(db, `SELECT * FROM t`, {n: "int32", r: "float32"}));
    expect(table.schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual(["id: Dictionary<Int16, Utf8>", "n: Int32", "r: Float32"]);
    expect(table.get(299)?.toJSON()).toEqual({id: "id299", n: 299, r: 74.75});
    db.close();
  });

  it("writes the IPC file format by default and the stream format on request", async () => {
    const db = await openDb();
    const file = await queryToArrow(db, `SELECT 1 AS x`);
    const stream = await queryToArrow(db, `SELECT 1 AS x`, {}, {format: "stream"});
    expect(Buffer.from(file.subarray(0, 6)).toString()).toBe("ARROW1"); // the file format's magic
    expect(Buffer.from(stream.subarray(0, 6)).toString()).not.toBe("ARROW1");
    expect(tableFromIPC(stream).get(0)?.toJSON()).toEqual({x: 1});
    db.close();
  });

  it("is byte-stable: the same query gives the same bytes", async () => {
    const db = await openDb();
    await db.run(`CREATE TABLE t AS SELECT i::VARCHAR AS k, i * 1.5 AS v FROM range(1000) r(i)`);
    expect(Buffer.compare(await queryToArrow(db, `SELECT * FROM t`), await queryToArrow(db, `SELECT * FROM t`))).toBe(0);
    db.close();
  });
});
