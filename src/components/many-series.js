/**
 * The many-series rule for line charts. A qualitative palette separates at most CATEGORICAL.length
 * (8) series; beyond that colours repeat and lines cannot be told apart. So a chart with more series
 * than the palette holds highlights ONE series (chosen by the reader, kept in the URL) in colour,
 * keeps any fixed series (the total, in black), and draws every other series thin and grey, without
 * a legend entry. With few series each gets its own palette colour, as before.
 *
 * Also: a trailing mean, the smoothing option for noisy monthly rates of small segments.
 * Pure functions (no Plot), so the rule is unit-tested (tests/site/many-series.test.ts).
 */
import {CATEGORICAL, OKABE_ITO} from "./palette.js";

export const OTHERS_GREY = "#b8b8b8";
const HIGHLIGHT = OKABE_ITO.blue;

/**
 * How to draw `keys` (every series, in order). fixed: {key: colour} for series that keep their colour
 * (e.g. the total in black); highlight: the series to emphasise when there are too many.
 * Returns {form: "palette" | "highlight", color: {key: colour}, emphasised: Set, legendKeys: [keys],
 *          highlight}: emphasised series are drawn thick and named in the legend; others grey.
 */
export function seriesStyles(keys, {fixed = {}, highlight, palette = CATEGORICAL} = {}) {
  const free = keys.filter((k) => !(k in fixed));
  const colours = palette.filter((c) => !Object.values(fixed).includes(c));
  const color = {};
  if (!tooManySeries(free.length, fixed, palette)) {
    keys.forEach((k) => (color[k] = fixed[k]));
    free.forEach((k, i) => (color[k] = colours[i]));
    return {form: "palette", color, emphasised: new Set(keys), legendKeys: keys, highlight: null};
  }
  const chosen = free.includes(highlight) ? highlight : free[0];
  for (const k of keys) color[k] = k in fixed ? fixed[k] : k === chosen ? HIGHLIGHT : OTHERS_GREY;
  const emphasised = new Set([...Object.keys(fixed).filter((k) => keys.includes(k)), chosen]);
  return {form: "highlight", color, emphasised, legendKeys: keys.filter((k) => emphasised.has(k)), highlight: chosen};
}

/** True when `n` series (besides the fixed ones, {key: colour}) are more than the palette can separate. */
export function tooManySeries(n, fixed = {}, palette = CATEGORICAL) {
  return n > palette.filter((c) => !Object.values(fixed).includes(c)).length;
}
