/** Health scores of the month in fixed-width bins, each bin's accounts stacked by band. */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {bandScale, BANDS} from "./palette.js";

// Band names are also CSS colour names: force the colour scale (the palette), not the literal colours.
const BAND_FILL = {value: "band", scale: "color"};

/** rows: {bin, band, accounts} with bin the lower edge (0, 5, … 95); binWidth: the bins' width. */
export function scoreHistogram(rows, {width = 640, height = 260, binWidth = 5, thresholds = [], title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const data = Array.from(rows, (d) => ({bin: d.bin, bin2: d.bin + binWidth, band: d.band, accounts: d.accounts}));
  const total = data.reduce((s, d) => s + d.accounts, 0);
  const perBand = BANDS.map((b) => `${tr(`band.${b}`)} ${f.number(data.filter((d) => d.band === b).reduce((s, d) => s + d.accounts, 0))}`);
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    caption,
    marginLeft: 48,
    marginTop: 20,
    x: {domain: [0, 100], label: tr("health.score_axis"), labelAnchor: "center", labelOffset: 32},
    y: {grid: true, label: null, tickFormat: (v) => f.number(v)},
    color: {...bandScale(tr), legend: true},
    ariaLabel: title,
    ariaDescription: total ? tr("health.histogram_alt", {n: f.number(total), parts: perBand.join(", ")}) : tr("common.no_data"),
    marks: [
      Plot.rectY(data, {x1: "bin", x2: "bin2", y: "accounts", fill: BAND_FILL, order: BANDS, insetLeft: 1, insetRight: 1}),
      thresholds.map((v) => Plot.ruleX([v], {stroke: "currentColor", strokeDasharray: "3,3", strokeOpacity: 0.6})),
      Plot.ruleY([0]),
      Plot.tip(data, Plot.pointerX(Plot.stackY({x: (d) => d.bin + binWidth / 2, y: "accounts", z: "band", order: BANDS, title: (d) => `${d.bin}–${d.bin2} · ${tr(`band.${d.band}`)}\n${tr("health.accounts_n", {n: f.number(d.accounts)})}`})))
    ]
  });
}
