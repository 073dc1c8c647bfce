/**
 * Health band transitions between two months as a matrix: rows are last month's band, columns this
 * month's, each cell the accounts moving that way and its share of the row ("(none)" = not scored:
 * new, returning or gone).
 */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {BAND_COLORS} from "./palette.js";

export const TRANSITION_BANDS = ["red", "yellow", "green", "(none)"];

/** rows: health_transitions rows of one month {from_band, to_band, accounts, share_of_from}. */
export function transitionsMatrix(rows, {width = 480, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const data = Array.from(rows);
  const present = new Set(data.flatMap((d) => [d.from_band, d.to_band]));
  const bands = TRANSITION_BANDS.filter((b) => present.has(b) || b !== "(none)");
  const label = (b) => (b === "(none)" ? tr("health.not_scored") : tr(`band.${b}`));
  const cellText = (d) => `${f.number(d.accounts)}${d.share_of_from != null ? `\n${f.percent(d.share_of_from, 0)}` : ""}`;
  const stayed = data.filter((d) => d.from_band === d.to_band && d.from_band !== "(none)").reduce((s, d) => s + d.accounts, 0);
  const worse = data.filter((d) => rank(d.to_band) < rank(d.from_band) && d.to_band !== "(none)" && d.from_band !== "(none)").reduce((s, d) => s + d.accounts, 0);
  const better = data.filter((d) => rank(d.to_band) > rank(d.from_band) && d.to_band !== "(none)" && d.from_band !== "(none)").reduce((s, d) => s + d.accounts, 0);
  const size = Math.min(90, (width - 120) / bands.length);
  return Plot.plot({
    width: Math.min(width, 120 + size * bands.length + 20),
    height: 60 + size * bands.length,
    title,
    subtitle,
    caption,
    marginLeft: 110,
    marginTop: 40,
    x: {domain: bands, axis: "top", label: tr("health.to_band"), labelAnchor: "center", tickFormat: label},
    y: {domain: bands, label: tr("health.from_band"), labelAnchor: "top", tickFormat: label},
    color: {type: "linear", domain: [0, 1], range: ["#f7f7f7", "#6a6a6a"]},
    ariaLabel: title,
    ariaDescription: data.length ? tr("health.transitions_alt", {stayed: f.number(stayed), worse: f.number(worse), better: f.number(better)}) : tr("common.no_data"),
    marks: [
      Plot.cell(data, {x: "to_band", y: "from_band", fill: (d) => d.share_of_from ?? 0, inset: 1.5}),
      Plot.cell(data.filter((d) => d.from_band === d.to_band), {x: "to_band", y: "from_band", stroke: (d) => BAND_COLORS[d.to_band] ?? "currentColor", strokeWidth: 2.5, inset: 2}),
      Plot.text(data, {x: "to_band", y: "from_band", text: cellText, fill: (d) => ((d.share_of_from ?? 0) > 0.55 ? "white" : "black"), fontSize: 11, lineHeight: 1.2}),
      Plot.tip(data, Plot.pointer({x: "to_band", y: "from_band", title: (d) => `${label(d.from_band)} → ${label(d.to_band)}\n${tr("health.accounts_n", {n: f.number(d.accounts)})}${d.share_of_from != null ? ` (${f.percent(d.share_of_from)})` : ""}`}))
    ]
  });
}

function rank(band) {
  return ["red", "yellow", "green"].indexOf(band);
}
