/**
 * Colours, all from the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies). Colour never carries meaning alone: bands and movements are always labelled too.
 */

export const OKABE_ITO = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  grey: "#777777"
};

/** Categorical series, in order (for segments, products …). */
export const CATEGORICAL = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
  OKABE_ITO.black
];

/** Health bands: vermillion / amber / bluish green (not pure red/green). */
export const BAND_COLORS = {red: OKABE_ITO.vermillion, yellow: OKABE_ITO.orange, green: OKABE_ITO.bluishGreen};
export const BANDS = ["red", "yellow", "green"];

/** MRR movements: gains in blues/green, losses in orange/vermillion, totals in grey. */
export const MOVEMENT_COLORS = {
  start: OKABE_ITO.grey,
  new: OKABE_ITO.blue,
  expansion: OKABE_ITO.bluishGreen,
  reactivation: OKABE_ITO.skyBlue,
  contraction: OKABE_ITO.orange,
  churn: OKABE_ITO.vermillion,
  fx: OKABE_ITO.reddishPurple,
  end: OKABE_ITO.grey
};
export const MOVEMENTS = ["new", "expansion", "reactivation", "contraction", "churn"];

/** Good / bad status (targets met or not); always shown with a text label and an icon too. */
export const STATUS_COLORS = {met: OKABE_ITO.bluishGreen, notMet: OKABE_ITO.vermillion, none: OKABE_ITO.grey};

/** A Plot color scale option for health bands, with labels from `tr` (t(locale)). */
export function bandScale(tr) {
  // Ordinal: otherwise Plot reads the band names "red", "yellow", "green" as CSS colours.
  return {type: "ordinal", domain: BANDS, range: BANDS.map((b) => BAND_COLORS[b]), tickFormat: (b) => tr(`band.${b}`)};
}

/** A Plot color scale option for MRR movements, with labels from `tr`. */
export function movementScale(tr) {
  return {domain: MOVEMENTS, range: MOVEMENTS.map((m) => MOVEMENT_COLORS[m]), tickFormat: (m) => tr(`movement.${m}`)};
}
