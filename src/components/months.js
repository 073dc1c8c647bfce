/** Calendar months ("YYYY-MM") as chart positions: first-of-month UTC dates, and back. */

/** "2024-05" → Date(UTC 2024-05-01). Plot's time scales are UTC, so ticks land on month starts. */
export function monthDate(month) {
  const [y, m] = String(month).split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
}

/** Date → "2024-05" (UTC). */
export function monthOf(date) {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** "2024-Q2" → Date of the quarter's first month. */
export function quarterDate(quarter) {
  const [y, q] = String(quarter).split("-Q").map(Number);
  return new Date(Date.UTC(y, (q - 1) * 3, 1));
}

/** A period "YYYY-MM" or "YYYY-Qn" as a Date (its first day). */
export function periodDate(period) {
  return String(period).includes("-Q") ? quarterDate(period) : monthDate(period);
}

/** Is `month` within [from, to] (inclusive; strings compare in calendar order)? */
export function inRange(month, {from, to}) {
  return (!from || month >= from) && (!to || month <= to);
}

/** The months of a quarter period, or the month itself: used to test a period against a month range. */
export function periodMonths(period) {
  const s = String(period);
  if (!s.includes("-Q")) return [s];
  const [y, q] = s.split("-Q").map(Number);
  return [1, 2, 3].map((k) => `${y}-${String((q - 1) * 3 + k).padStart(2, "0")}`);
}
