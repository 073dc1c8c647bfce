/**
 * One value per category as horizontal bars, labelled with the value; optionally an interval per bar
 * (e.g. a 95% CI), a target rule, and bars flagged as unreliable drawn hatched-light. Used for NPS by
 * segment, CSM portfolios, support and onboarding by segment, data-quality counts.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {CATEGORICAL, OKABE_ITO} from "./palette.js";

/**
 * rows: objects with a category column `y` and a value column `x`.
 * Options: format (value → text, default number), yLabel (category → text), interval [lo, hi] columns,
 * target {value, label}, flag column (boolean) + flagLabel, fill (colour or column), colors
 * {domain, range} when fill is a column (legend: false when the bars' labels already name them),
 * sort ("value" | "none"), xDomain, xLabel.
 */
export function bars(rows, options = {}) {
  let {
    width = 640,
    x,
    y,
    format,
    yLabel = String,
    interval,
    target,
    flag,
    flagLabel,
    fill = OKABE_ITO.blue,
    colors,
    sort = "none",
    xDomain,
    xLabel,
    legend = true,
    title,
    subtitle,
    caption,
    locale = "en-US",
    currency = "JPY"
  } = options;
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const fmt = format ?? ((v) => f.number(v));
  let data = Array.from(rows).filter((d) => d[x] != null && Number.isFinite(d[x]));
  if (sort === "value") data = data.slice().sort((a, b) => b[x] - a[x]);
  const categories = [...new Set(data.map((d) => d[y]))];
  // Label width in Latin-character units: a CJK character is about twice as wide.
  const longest = Math.max(0, ...categories.map((c) => [...String(yLabel(c))].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 1.8 : 1), 0)));
  const flagged = (d) => (flag ? Boolean(d[flag]) : false);
  const tip = (d) =>
    [yLabel(d[y]), fmt(d[x]), interval && d[interval[0]] != null ? `(${fmt(d[interval[0]])} – ${fmt(d[interval[1]])})` : null, flagged(d) ? flagLabel : null]
      .filter(Boolean)
      .join("\n");
  const colorColumn = typeof fill === "string" && data.length && fill in data[0];
  // All zeros (e.g. no rejected rows): a unit domain, not a degenerate one.
  const allZero = data.length > 0 && data.every((d) => d[x] === 0);
  return Plot.plot({
    width,
    height: Math.max(100, categories.length * 26 + 60),
    title,
    subtitle,
    caption,
    marginLeft: Math.min(220, width * 0.4, 16 + longest * 7.2),
    marginRight: 56,
    marginTop: target ? 26 : 20,
    x: {grid: true, label: xLabel ?? null, tickFormat: fmt, domain: xDomain ?? (allZero ? [0, 1] : undefined), ticks: allZero ? [0] : undefined, nice: true, zero: true},
    y: {domain: categories, label: null, tickFormat: yLabel},
    color: colorColumn ? {type: "ordinal", legend, ...(colors ?? {range: CATEGORICAL})} : undefined,
    ariaLabel: title,
    ariaDescription: data.length ? data.map((d) => `${yLabel(d[y])}: ${fmt(d[x])}${flagged(d) ? ` (${flagLabel})` : ""}`).join("; ") : tr("common.no_data"),
    marks: [
      Plot.barX(data, {x, y, fill: colorColumn ? {value: fill, scale: "color"} : fill, fillOpacity: (d) => (flagged(d) ? 0.35 : 1), inset: 2}),
      interval ? Plot.ruleY(data, {y, x1: interval[0], x2: interval[1], stroke: "currentColor", strokeWidth: 1.5, insetTop: 8, insetBottom: 8}) : null,
      interval ? Plot.tickX(data, {y, x: interval[0], stroke: "currentColor", insetTop: 6, insetBottom: 6}) : null,
      interval ? Plot.tickX(data, {y, x: interval[1], stroke: "currentColor", insetTop: 6, insetBottom: 6}) : null,
      Plot.ruleX([0]),
      target ? Plot.ruleX([target.value], {stroke: OKABE_ITO.grey, strokeDasharray: "5,4", strokeWidth: 1.5}) : null,
      target ? Plot.text([target.value], {x: (v) => v, frameAnchor: "top", dy: -8, text: () => target.label ?? `${tr("common.target")} ${fmt(target.value)}`, fill: OKABE_ITO.grey, fontWeight: 600}) : null,
      // A value's label sits past the end of its bar (and interval), away from the zero line: to the
      // right of a positive bar, to the left of a negative one (so "−20" never reads "20").
      Plot.text(data.filter((d) => d[x] >= 0), {x: interval ? (d) => Math.max(d[x], d[interval[1]] ?? d[x]) : x, y, text: (d) => fmt(d[x]) + (flagged(d) ? " ⚠" : ""), textAnchor: "start", dx: 5, fontSize: 10}),
      Plot.text(data.filter((d) => d[x] < 0), {x: interval ? (d) => Math.min(d[x], d[interval[0]] ?? d[x]) : x, y, text: (d) => fmt(d[x]) + (flagged(d) ? " ⚠" : ""), textAnchor: "end", dx: -5, fontSize: 10, stroke: "white", strokeWidth: 3, paintOrder: "stroke", fill: "currentColor"}),
      Plot.tip(data, Plot.pointerY({x, y, title: tip}))
    ]
  });
}
