/**
 * The quarterly business review's calendar: which calendar quarters have data and which of them are
 * partial. A quarter is listed when at least one of its months is computed; it is partial when any of
 * its three months is not (the as-of month falls inside it, or the data starts inside it), and its
 * sums then cover only the computed months, which the page names ("Q4 2026, partial: Oct–Nov").
 */
import type {Month} from "../../metrics/family.js";

export type Quarter = string;

/** "2026-11" → "2026-Q4". */
export function quarterOf(month: Month): Quarter {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The three calendar months of a quarter, in order. */
export function quarterMonths(quarter: Quarter): Month[] {
  const [y, q] = quarter.split("-Q").map(Number);
  return [1, 2, 3].map((k) => `${y}-${String((q - 1) * 3 + k).padStart(2, "0")}`);
}

/** The quarter k quarters after `quarter` (k may be negative). */
export function addQuarters(quarter: Quarter, k: number): Quarter {
  const [y, q] = quarter.split("-Q").map(Number);
  const i = y * 4 + (q - 1) + k;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
}

export interface QuarterSpan {
  quarter: Quarter;
  /** The quarter's computed months, oldest first (three unless partial). */
  months: Month[];
  partial: boolean;
}

/** Every quarter with a computed month, oldest first. `months` must be sorted. */
export function quartersOf(months: Month[]): QuarterSpan[] {
  const by = new Map<Quarter, Month[]>();
  for (const m of months) {
    const q = quarterOf(m);
    if (!by.has(q)) by.set(q, []);
    by.get(q)!.push(m);
  }
  return [...by].map(([quarter, ms]) => ({quarter, months: ms, partial: ms.length < 3}));
}
