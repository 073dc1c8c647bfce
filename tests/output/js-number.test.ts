import fc from "fast-check";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDb, type Db} from "../../loaders/db.js";
import {defineJsNumber} from "../../loaders/output/js-number.js";

let db: Db;
beforeAll(async () => {
  db = await openDb();
  await defineJsNumber(db);
});
afterAll(() => db.close());

/** js_number(x) for each x, the doubles appended bit-exactly (not through decimal text). */
async function format(values: number[]): Promise<string[]> {
  await db.run(`CREATE OR REPLACE TABLE x (i INTEGER, v DOUBLE)`);
  const appender = await db.connection.createAppender("x");
  values.forEach((v, i) => {
    appender.appendInteger(i);
    appender.appendDouble(v);
    appender.endRow();
  });
  appender.closeSync();
  return (await db.all<{s: string}>(`SELECT js_number(v) AS s FROM x ORDER BY i`)).map((r) => r.s);
}

describe("js_number (DuckDB SQL) equals String(number)", () => {
  it("at every layout boundary of ECMA-262 Number::toString", async () => {
    const edges = [
      0.1 + 0.2, 1 / 3, 2 / 3, 0.031, 1e21, 1e21 * 1.5, 999999999999999900000, 1e20, 123456789012345680000, 12345678901234567890,
      -0, 0, 3, -7, 100, 1e16, 2 ** 53, 2 ** 53 + 2, 1234567.125, 0.000001, 0.0000012345, 0.00001, 1e-7, 1.5e-7,
      5e-324, -5e-324, 2.2250738585072014e-308, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, 1 - Number.EPSILON,
      NaN, Infinity, -Infinity, 1.0645764789368428, -0.5, 0.5, 10, 1e-6 * 9.99
    ];
    expect(await format(edges)).toEqual(edges.map(String));
  });

  it("for random doubles of every magnitude (bit patterns) and for rates", async () => {
    const doubles = fc.sample(fc.double(), {numRuns: 3000, seed: 16});
    const rates = fc.sample(fc.tuple(fc.integer({min: 0, max: 100000}), fc.integer({min: 1, max: 100000})), {numRuns: 2000, seed: 17}).map(([a, b]) => a / b);
    const values = [...doubles, ...rates];
    expect(await format(values)).toEqual(values.map(String));
  });

  it("keeps NULL as NULL", async () => {
    expect(await db.all(`SELECT js_number(NULL::DOUBLE) AS s`)).toEqual([{s: null}]);
  });
});
