import {describe, expect, it} from "vitest";
import {openDb} from "../../../loaders/db.js";
import {CURRENCY_EXPONENTS, currenciesSql, isCurrencySql} from "../../../loaders/ingest/billing/currencies.js";

describe("ISO 4217 minor-unit exponents", () => {
  it("knows the exceptions to two decimals", () => {
    const e = (c: string) => CURRENCY_EXPONENTS.get(c);
    expect([e("JPY"), e("KRW"), e("VND"), e("CLP")]).toEqual([0, 0, 0, 0]);
    expect([e("USD"), e("EUR"), e("GBP"), e("CNY"), e("INR")]).toEqual([2, 2, 2, 2, 2]);
    expect([e("KWD"), e("BHD"), e("JOD"), e("OMR"), e("TND")]).toEqual([3, 3, 3, 3, 3]);
    expect(e("CLF")).toBe(4);
    expect(e("XYZ")).toBeUndefined();
  });

  it("gives the same table to SQL", async () => {
    const db = await openDb();
    const rows = await db.all(`SELECT code, exponent FROM ${currenciesSql()} WHERE code IN ('JPY', 'USD', 'KWD') ORDER BY code`);
    expect(rows).toEqual([
      {code: "JPY", exponent: 0},
      {code: "KWD", exponent: 3},
      {code: "USD", exponent: 2}
    ]);
    expect(await db.all(`SELECT ${isCurrencySql("'EUR'")} AS eur, ${isCurrencySql("'XYZ'")} AS xyz`)).toEqual([{eur: true, xyz: false}]);
    db.close();
  });
});
