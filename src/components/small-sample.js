/**
 * The browser side of the small-sample rule (loaders/metrics/small-sample.ts): pages never decide
 * what is small or partial themselves, they read the flags the metric tables carry (small_sample,
 * low_responses, partial) and show them the same way everywhere.
 */

/** True when a row's rate is based on too few observations (any table's flag). */
export function isSmall(row) {
  return row?.small_sample === true || row?.low_responses === true;
}

/** True when a row's period is not over yet (a quarter, a start month). */
export function isPartial(row) {
  return row?.partial === true;
}

/** Rows whose period is complete (partial periods are left out of charts, where they read as drops). */
export function completePeriods(rows) {
  return rows.filter((d) => !isPartial(d));
}

/** The table cell for a flag column: "⚠ Small sample" / "" (text, never HTML). */
export function smallCell(tr) {
  return (v) => (v ? `⚠ ${tr("small.flag")}` : "");
}

/** The table cell for a partial-period column. */
export function partialCell(tr) {
  return (v) => (v ? tr("small.partial_yes") : "");
}

/** "2.6% – 51.3%" from two bounds (null bounds give "—"). */
export function intervalCell(lo, hi, fmt) {
  return lo == null || hi == null ? "—" : `${fmt(lo)} – ${fmt(hi)}`;
}
