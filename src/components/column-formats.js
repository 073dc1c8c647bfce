/**
 * Formats for the columns of an ad-hoc result (Explore's SQL), through the site's one formatting layer:
 * a money column (its name says mrr, arr, arpa, ltv, revenue or amount) in the currency with its
 * own decimals, any other column of fractional numbers with two decimals, whole numbers as counts.
 * So one query shows ¥293,445,583 next to ¥245,038,300, never 293,445,583.4 next to 245,038,300.09.
 */
const MONEY = /(^|_)(mrr|arr|arpa|ltv|revenue|amount)(_|$)/i;

export function columnFormats(rows, f) {
  const list = Array.from(rows ?? []);
  const columns = list.length ? Object.keys(list[0]) : [];
  const out = {};
  for (const c of columns) {
    const values = list.map((d) => d[c]).filter((v) => v !== null && v !== undefined);
    const numeric = values.length > 0 && values.every((v) => typeof v === "number" || typeof v === "bigint");
    if (!numeric) continue;
    const whole = values.every((v) => typeof v === "bigint" || Number.isInteger(v));
    if (MONEY.test(c)) out[c] = (v) => f.money(Number(v));
    else out[c] = whole ? (v) => f.number(Number(v)) : (v) => f.number(Number(v), 2);
  }
  return out;
}
