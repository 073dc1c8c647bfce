/**
 * A measure over months (or quarters): one line per series, with optional target rules, an optional
 * shaded interval (e.g. NPS's 95% CI) and hollow points for values flagged as unreliable (too few
 * responses). Used for GRR/NRR, churn rates, NPS and health shares alike.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {periodDate} from "./months.js";
import {OTHERS_GREY, seriesStyles} from "./many-series.js";
import {CATEGORICAL, OKABE_ITO} from "./palette.js";

/**
 * rows: objects with a period column `x` ("YYYY-MM" or "YYYY-Qn") and a value column `y`.
 * Options:
 *   series      column naming the series (one line each); seriesLabel: value → legend text
 *   seriesOrder the series in legend/colour order (default: order of appearance)
 *   seriesColors {series: colour} overrides (e.g. the total in black); others take the palette in order
 *   format      value → text for axis, tips and the text alternative (default percent)
 *   band        [lowColumn, highColumn] drawn as a shaded interval around each line
 *   flag        column (boolean) marking unreliable values: drawn hollow, named in the tip
 *   flagLabel   tip text for flagged values
 *   targets     [{value, label, series?}] dashed rules, labelled at the right end
 *   periodFormat  period → text for tips and the text alternative (default: the month, or the quarter as is)
 *   highlight   with more series than the palette holds (many-series.js), the one drawn in colour;
 *               the others are grey and the caption says so
 *   A target far from the data is named at the chart's edge instead of stretching the y axis.
 *   title, subtitle, caption, yLabel, height, yDomain, zero (include 0 in the y domain)
 */
export function trend(rows, options = {}) {
  let {
    width = 640,
    height = 280,
    x = "month",
    y,
    series,
    seriesLabel = String,
    seriesOrder,
    seriesColors = {},
    format,
    band,
    flag,
    flagLabel,
    targets = [],
    title,
    subtitle,
    caption,
    yLabel,
    yDomain,
    zero = false,
    periodFormat,
    highlight,
    locale = "en-US",
    currency = "JPY"
  } = options;
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const fmt = format ?? ((v) => f.percent(v));
  const data = Array.from(rows, (d) => ({
    ...d,
    __x: periodDate(d[x]),
    __y: d[y] ?? NaN,
    __s: series ? d[series] : "",
    __lo: band ? d[band[0]] ?? NaN : NaN,
    __hi: band ? d[band[1]] ?? NaN : NaN,
    __flag: flag ? Boolean(d[flag]) : false
  }));
  const keys = seriesOrder ?? [...new Set(data.map((d) => d.__s))];
  // More series than the palette separates: one highlighted, the fixed ones (the total), others grey.
  const styles = seriesStyles(keys, {fixed: seriesColors, highlight});
  const colorOf = (k) => styles.color[k] ?? OKABE_ITO.grey;
  const shownKeys = styles.legendKeys;
  const colors = series ? {domain: shownKeys, range: shownKeys.map(colorOf), legend: shownKeys.length > 1, tickFormat: seriesLabel} : undefined;
  const stroke = series ? "__s" : OKABE_ITO.blue;
  const main = series ? data.filter((d) => styles.emphasised.has(d.__s)) : data;
  const others = series ? data.filter((d) => !styles.emphasised.has(d.__s)) : [];
  if (styles.form === "highlight") {
    caption = [caption, tr("series.many_note", {n: keys.length - Object.keys(seriesColors).filter((k) => keys.includes(k)).length, max: CATEGORICAL.filter((c) => !Object.values(seriesColors).includes(c)).length})].filter(Boolean).join(" ");
  }
  const periodText = (d) => (periodFormat ? periodFormat(d[x]) : String(d[x]).includes("-Q") ? String(d[x]) : f.month(d[x]));
  const tip = (d) =>
    [series ? seriesLabel(d.__s) : null, periodText(d), fmt(d.__y), band && Number.isFinite(d.__lo) ? `(${fmt(d.__lo)} – ${fmt(d.__hi)})` : null, d.__flag ? flagLabel : null]
      .filter(Boolean)
      .join("\n");
  const marks = [];
  const values = data.filter((d) => Number.isFinite(d.__y));
  // The y axis follows the data: a target far from it is named at the chart's edge (with an arrow)
  // instead of stretching the axis and flattening the series.
  const extent = dataExtent(values, {band, zero});
  const near = (v) => !extent || yDomain || (v >= extent[0] - (extent[1] - extent[0]) * 0.5 && v <= extent[1] + (extent[1] - extent[0]) * 0.5);
  const shownTargets = targets.filter((tg) => near(tg.value));
  const offTargets = targets.filter((tg) => !near(tg.value));
  const domain = yDomain ?? (extent && offTargets.length ? padded([...extent, ...shownTargets.map((tg) => tg.value)], zero) : undefined);
  if (band) marks.push(Plot.areaY(main, {x: "__x", y1: "__lo", y2: "__hi", z: series ? "__s" : undefined, fill: stroke, fillOpacity: 0.14, curve: "linear"}));
  const targetColor = (target) => (target.series !== undefined && series ? colorOf(target.series) : OKABE_ITO.grey);
  for (const target of shownTargets) marks.push(Plot.ruleY([target.value], {stroke: targetColor(target), strokeDasharray: "5,4", strokeWidth: 1.5}));
  if (others.length) marks.push(Plot.lineY(others, {x: "__x", y: "__y", z: "__s", stroke: OTHERS_GREY, strokeWidth: 1, curve: "linear"}));
  marks.push(Plot.lineY(main, {x: "__x", y: "__y", z: series ? "__s" : undefined, stroke, strokeWidth: 2, curve: "linear"}));
  const dots = main.length <= 60 || flag;
  if (dots) {
    marks.push(Plot.dot(main.filter((d) => Number.isFinite(d.__y) && !d.__flag), {x: "__x", y: "__y", fill: stroke, r: 2.5}));
  }
  if (flag) {
    marks.push(Plot.dot(main.filter((d) => Number.isFinite(d.__y) && d.__flag), {x: "__x", y: "__y", stroke, fill: "var(--theme-background, white)", r: 4, strokeWidth: 1.5, symbol: "diamond"}));
  }
  // Target labels after the lines, on a halo: never hidden under a series at the right edge.
  for (const target of shownTargets) {
    marks.push(
      Plot.text([target.value], {
        y: (v) => v,
        frameAnchor: "right",
        dy: -7,
        text: () => target.label ?? `${tr("common.target")} ${fmt(target.value)}`,
        fill: targetColor(target),
        textAnchor: "end",
        fontWeight: 600,
        stroke: "white",
        strokeWidth: 4,
        paintOrder: "stroke"
      })
    );
  }
  offTargets.forEach((target, i) => {
    const dir = target.value > extent[1] ? "up" : "down";
    marks.push(
      Plot.text([target.value], {
        frameAnchor: dir === "up" ? "top-right" : "bottom-right",
        dy: dir === "up" ? -14 + i * 13 : -4 - i * 13,
        text: () => tr("chart.target_off", {label: target.label ?? `${tr("common.target")} ${fmt(target.value)}`, dir}),
        fill: targetColor(target),
        textAnchor: "end",
        fontWeight: 600,
        stroke: "white",
        strokeWidth: 4,
        paintOrder: "stroke"
      })
    );
  });
  marks.push(Plot.tip(values, Plot.pointerX({x: "__x", y: "__y", title: tip})));
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    caption,
    marginLeft: 56,
    marginRight: 16,
    marginTop: 24,
    x: {type: "utc", label: null, tickFormat: (d) => f.monthShort(d.toISOString().slice(0, 7)), ticks: Math.max(2, Math.floor(width / 90))},
    y: {grid: true, label: yLabel ?? null, tickFormat: fmt, domain, zero, nice: true},
    color: colors,
    ariaLabel: title,
    ariaDescription: describe(values, {series, seriesLabel, keys, fmt, periodText, tr}),
    marks
  });
}

/** Text alternative: each series' first and latest value. */
function describe(values, {series, seriesLabel, keys, fmt, periodText, tr}) {
  if (!values.length) return tr("common.no_data");
  const parts = keys.map((k) => {
    const s = values.filter((d) => d.__s === k);
    if (!s.length) return null;
    const first = s[0];
    const last = s.at(-1);
    return tr("chart.trend_series", {
      series: series ? seriesLabel(k) : "",
      from: periodText(first),
      first: fmt(first.__y),
      to: periodText(last),
      last: fmt(last.__y)
    }).trim();
  });
  return parts.filter(Boolean).join(" ");
}

/** [min, max] of the values (and their band), or null without values. */
function dataExtent(values, {band, zero}) {
  if (!values.length) return null;
  const all = values.flatMap((d) => (band ? [d.__y, d.__lo, d.__hi] : [d.__y])).filter(Number.isFinite);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (zero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  return [lo, hi];
}

/** A domain around `vals`: a little room above and below (a flat series gets some too). */
function padded(vals, zero) {
  let lo = Math.min(...vals);
  let hi = Math.max(...vals);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 0.01;
  lo -= pad;
  hi += pad;
  if (zero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  return [lo, hi];
}
