/** Health band mix per segment: one bar per segment, its accounts split into red, yellow and green shares. */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {bandScale, BANDS} from "./palette.js";

// Band names are also CSS colour names: force the colour scale (the palette), not the literal colours.
const BAND_FILL = {value: "band", scale: "color"};

/**
 * rows: {segment, band, accounts} (several rows per segment and band are summed, e.g. score bins).
 * segmentLabel: segment → text. Bars are in the order segments first appear.
 */
export function bandBars(rows, {width = 640, segmentLabel = String, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const sums = new Map();
  for (const d of rows) {
    const k = `${d.segment}\u0000${d.band}`;
    sums.set(k, (sums.get(k) ?? 0) + d.accounts);
  }
  const segments = [...new Set(Array.from(rows, (d) => d.segment))];
  const totals = new Map(segments.map((s) => [s, BANDS.reduce((n, b) => n + (sums.get(`${s}\u0000${b}`) ?? 0), 0)]));
  const data = segments.flatMap((segment) =>
    BANDS.map((band) => {
      const accounts = sums.get(`${segment}\u0000${band}`) ?? 0;
      return {segment, band, accounts, share: totals.get(segment) ? accounts / totals.get(segment) : 0};
    })
  );
  const label = (d) => `${segmentLabel(d.segment)} · ${tr(`band.${d.band}`)}\n${tr("health.accounts_n", {n: f.number(d.accounts)})} (${f.percent(d.share)})`;
  const longest = Math.max(0, ...segments.map((s) => String(segmentLabel(s)).length));
  return Plot.plot({
    width,
    height: Math.max(110, segments.length * 30 + 70),
    title,
    subtitle,
    caption,
    marginLeft: Math.min(180, width * 0.4, 16 + longest * 7.5),
    marginRight: 16,
    x: {domain: [0, 1], label: null, tickFormat: (v) => f.percent(v, 0), grid: true},
    y: {domain: segments, label: null, tickFormat: segmentLabel},
    color: {...bandScale(tr), legend: true},
    ariaLabel: title,
    ariaDescription: segments
      .map((s) => `${segmentLabel(s)}: ${BANDS.map((b) => `${tr(`band.${b}`)} ${f.percent(data.find((d) => d.segment === s && d.band === b).share, 0)}`).join(", ")}.`)
      .join(" "),
    marks: [
      Plot.barX(data, {x: "share", y: "segment", fill: BAND_FILL, order: BANDS, inset: 0.5}),
      Plot.text(data, Plot.stackX({x: "share", y: "segment", z: "band", order: BANDS, text: (d) => (d.share >= 0.08 ? f.percent(d.share, 0) : ""), fill: (d) => (d.band === "yellow" ? "black" : "white"), fontSize: 10})),
      Plot.tip(data, Plot.pointerY(Plot.stackX({x: "share", y: "segment", z: "band", order: BANDS, title: label})))
    ]
  });
}
