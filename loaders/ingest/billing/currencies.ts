/**
 * ISO 4217 currency codes and their minor-unit exponents (the number of decimals of the minor unit:
 * JPY 0, USD 2, KWD 3, CLF 4). An amount in minor units (cents, fils ...) divided by 10^exponent
 * is the amount in the currency's major unit. Codes not listed here are unknown and quarantined.
 */
import {literal} from "../../db.js";

const EXPONENT_0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF";
const EXPONENT_3 = "BHD IQD JOD KWD LYD OMR TND";
const EXPONENT_4 = "CLF UYW";
// Every other active ISO 4217 code has two decimals.
const EXPONENT_2 = `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD
  CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ
  GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT
  MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD
  SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED
  VES WST XCD XCG YER ZAR ZMW ZWG`;

const table = (codes: string, exponent: number): [string, number][] => codes.trim().split(/\s+/).map((c) => [c, exponent]);

/** Code -> minor-unit exponent. */
export const CURRENCY_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ...table(EXPONENT_0, 0),
  ...table(EXPONENT_2, 2),
  ...table(EXPONENT_3, 3),
  ...table(EXPONENT_4, 4)
]);

/** The currencies as a DuckDB relation `(code, exponent)`, for joins. */
export function currenciesSql(): string {
  const rows = [...CURRENCY_EXPONENTS].map(([code, e]) => `(${literal(code)}, ${e})`).join(", ");
  return `(SELECT * FROM (VALUES ${rows}) AS c(code, exponent))`;
}

/** SQL testing that the expression (an upper-cased code) is a known currency. */
export function isCurrencySql(expr: string): string {
  return `${expr} IN (${[...CURRENCY_EXPONENTS.keys()].map(literal).join(", ")})`;
}
