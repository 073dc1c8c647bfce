/**
 * A measure over months (or quarters): one line per series, with optional target rules, an optional
 * shaded interval (e.g. NPS's 95% CI) and hollow points for values flagged as unreliable (too few
 * responses). Used for GRR/NRR, churn rates, NPS and health shares alike.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {periodDate} from "./months.js";
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
  const palette = CATEGORICAL.filter((c) => !Object.values(seriesColors).includes(c));
  let next = 0;
  const range = keys.map((k) => seriesColors[k] ?? palette[next++ % palette.length]);
  const colorOf = (k) => range[Math.max(0, keys.indexOf(k))];
  const colors = series ? {domain: keys, range, legend: keys.length > 1, tickFormat: seriesLabel} : undefined;
  const stroke = series ? "__s" : OKABE_ITO.blue;
  const periodText = (d) => (periodFormat ? periodFormat(d[x]) : String(d[x]).includes("-Q") ? String(d[x]) : f.month(d[x]));
  const tip = (d) =>
    [series ? seriesLabel(d.__s) : null, periodText(d), fmt(d.__y), band && Number.isFinite(d.__lo) ? `(${fmt(d.__lo)} – ${fmt(d.__hi)})` : null, d.__flag ? flagLabel : null]
      .filter(Boolean)
      .join("\n");
  const marks = [];
  if (band) marks.push(Plot.areaY(data, {x: "__x", y1: "__lo", y2: "__hi", z: series ? "__s" : undefined, fill: stroke, fillOpacity: 0.14, curve: "linear"}));
  for (const target of targets) {
    const color = target.series !== undefined && series ? colorOf(target.series) : OKABE_ITO.grey;
    marks.push(Plot.ruleY([target.value], {stroke: color, strokeDasharray: "5,4", strokeWidth: 1.5}));
    marks.push(
      Plot.text([target.value], {
        y: (v) => v,
        frameAnchor: "right",
        dy: -7,
        text: () => target.label ?? `${tr("common.target")} ${fmt(target.value)}`,
        fill: color,
        textAnchor: "end",
        fontWeight: 600,
        stroke: "var(--theme-background, white)",
        strokeWidth: 3,
        paintOrder: "stroke"
      })
    );
  }
  marks.push(Plot.lineY(data, {x: "__x", y: "__y", z: series ? "__s" : undefined, stroke, strokeWidth: 2, curve: "linear"}));
  const dots = data.length <= 60 || flag;
  if (dots) {
    marks.push(Plot.dot(data.filter((d) => Number.isFinite(d.__y) && !d.__flag), {x: "__x", y: "__y", fill: stroke, r: 2.5}));
  }
  if (flag) {
    marks.push(Plot.dot(data.filter((d) => Number.isFinite(d.__y) && d.__flag), {x: "__x", y: "__y", stroke, fill: "var(--theme-background, white)", r: 4, strokeWidth: 1.5, symbol: "diamond"}));
  }
  marks.push(Plot.tip(data.filter((d) => Number.isFinite(d.__y)), Plot.pointerX({x: "__x", y: "__y", title: tip})));
  const values = data.filter((d) => Number.isFinite(d.__y));
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
    y: {grid: true, label: yLabel ?? null, tickFormat: fmt, domain: yDomain, zero, nice: true},
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
