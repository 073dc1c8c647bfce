/**
 * Cohort retention as a heatmap: one row per cohort (first month with MRR), one column per month since
 * the start, each cell's colour and label the share retained (logo or revenue retention).
 */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";

/**
 * rows: retention_cohorts rows of one segment {cohort, months_since, accounts_start, <measure>}.
 * measure: "logo_retention" | "revenue_retention". maxMonths: columns shown (default all).
 */
export function cohortHeatmap(rows, {width = 640, measure = "logo_retention", maxMonths = 24, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const data = Array.from(rows).filter((d) => d.months_since <= maxMonths && d[measure] != null && Number.isFinite(d[measure]));
  const cohorts = [...new Set(data.map((d) => d.cohort))].sort();
  const columns = Math.max(1, ...data.map((d) => d.months_since + 1));
  const cell = Math.max(8, Math.min(30, (width - 90) / columns));
  const showText = cell >= 24;
  // Colour over the range the values span (retention mostly sits between 50% and 100%+), so steps show.
  const values = data.map((d) => d[measure]);
  const lo = Math.min(0.9, Math.floor(Math.min(1, ...values) * 10) / 10);
  const hi = Math.max(1, ...values);
  const dark = (v) => (v - lo) / (hi - lo || 1) > 0.55;
  const tip = (d) =>
    `${tr("retention.cohort")} ${f.month(d.cohort)} · ${tr("retention.months_since", {k: d.months_since})}\n` +
    `${tr(`retention.${measure}`)} ${f.percent(d[measure])}\n${tr("retention.cohort_size", {n: f.number(d.accounts_start)})}`;
  return Plot.plot({
    width,
    height: Math.max(120, cohorts.length * Math.min(22, cell) + 60),
    title,
    subtitle,
    caption,
    marginLeft: 72,
    marginTop: 36,
    padding: 0.04,
    x: {type: "band", axis: "top", label: tr("retention.months_since_axis"), labelAnchor: "left", tickFormat: (k) => (k % 3 === 0 ? String(k) : "")},
    y: {type: "band", domain: cohorts, label: null, tickFormat: (c) => f.monthShort(c)},
    color: {type: "linear", scheme: "blues", domain: [lo, hi], clamp: true, legend: true, tickFormat: (v) => f.percent(v, 0), label: tr(`retention.${measure}`)},
    ariaLabel: title,
    ariaDescription: describe(data, {measure, cohorts, f, tr}),
    marks: [
      Plot.cell(data, {x: "months_since", y: "cohort", fill: measure, inset: 0.5}),
      showText
        ? Plot.text(data, {x: "months_since", y: "cohort", text: (d) => f.percent(d[measure], 0).replace("%", ""), fill: (d) => (dark(d[measure]) ? "white" : "black"), fontSize: 9})
        : null,
      Plot.tip(data, Plot.pointer({x: "months_since", y: "cohort", title: tip}))
    ]
  });
}

/** Text alternative: the cohorts shown and, for the oldest and newest cohort, the latest cell. */
function describe(data, {measure, cohorts, f, tr}) {
  if (!data.length) return tr("common.no_data");
  const last = (c) => data.filter((d) => d.cohort === c).at(-1);
  const cellText = (d) => tr("retention.heatmap_cell", {cohort: f.month(d.cohort), k: d.months_since, value: f.percent(d[measure])});
  return tr("retention.heatmap_alt", {
    n: cohorts.length,
    from: f.month(cohorts[0]),
    to: f.month(cohorts.at(-1)),
    measure: tr(`retention.${measure}`),
    points: [...new Set([cohorts[0], cohorts.at(-1)])].map((c) => cellText(last(c))).join(" ")
  });
}
