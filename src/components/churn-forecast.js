/**
 * The churn forecast's charts: the backtest (each month's forecast with its 80% interval, and what
 * happened), the calibration (predicted vs observed churn rate by probability bucket), and the
 * report's one-line hook for next quarter. Data: churn_forecast, churn_forecast_calibration,
 * churn_forecast_quarter.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {monthDate} from "./months.js";
import {OKABE_ITO} from "./palette.js";

/** rows: churn_forecast rows of one horizon (month, expected_churn_mrr, low, high, actual_churn_mrr). */
export function backtestChart(rows, {width = 640, height = 280, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200);
  const tr = t(locale);
  const f = formatters(locale, currency);
  const data = rows.filter((d) => d.expected_churn_mrr != null).map((d) => ({...d, date: monthDate(d.month)}));
  const actual = data.filter((d) => d.actual_churn_mrr != null);
  const inside = (d) => d.actual_churn_mrr >= d.low && d.actual_churn_mrr <= d.high;
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    caption,
    marginLeft: 64,
    x: {type: "utc", label: null, ticks: width < 500 ? 4 : 8, tickFormat: (d) => f.monthShort(d.toISOString().slice(0, 7))},
    y: {grid: true, label: null, tickFormat: (v) => f.moneyCompact(v), zero: true},
    color: {
      legend: true,
      domain: [tr("forecast.interval"), tr("forecast.expected"), tr("forecast.actual_in"), tr("forecast.actual_out")],
      range: ["#0072B233", OKABE_ITO.blue, OKABE_ITO.black, OKABE_ITO.vermillion]
    },
    ariaLabel: title,
    ariaDescription: tr("forecast.backtest_alt", {n: actual.length, inside: actual.filter(inside).length}),
    marks: [
      Plot.areaY(data, {x: "date", y1: "low", y2: "high", fill: OKABE_ITO.blue, fillOpacity: 0.2, curve: "step"}),
      Plot.lineY(data, {x: "date", y: "expected_churn_mrr", stroke: OKABE_ITO.blue, strokeWidth: 2, curve: "step"}),
      Plot.dot(actual, {x: "date", y: "actual_churn_mrr", r: 3.5, fill: (d) => (inside(d) ? OKABE_ITO.black : OKABE_ITO.vermillion), symbol: (d) => (inside(d) ? "circle" : "diamond")}),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "date",
          y: "expected_churn_mrr",
          title: (d) =>
            [
              f.month(d.month),
              `${tr("forecast.expected")}: ${f.money(d.expected_churn_mrr)}`,
              `${tr("forecast.interval")}: ${f.money(d.low)} – ${f.money(d.high)}`,
              `${tr("forecast.actual")}: ${d.actual_churn_mrr == null ? tr("forecast.not_yet") : f.money(d.actual_churn_mrr)}`
            ].join("\n")
        })
      )
    ]
  });
}

/** rows: churn_forecast_calibration rows of one horizon. Dots sized by account-months; the diagonal is perfect calibration. */
export function calibrationChart(rows, {width = 640, height = 300, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200);
  const tr = t(locale);
  const f = formatters(locale, currency);
  const max = Math.max(0.01, ...rows.flatMap((d) => [d.predicted, d.observed]));
  const domain = [0, max * 1.1];
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    caption,
    marginLeft: 56,
    marginBottom: 40,
    x: {domain, grid: true, label: tr("forecast.predicted_axis"), tickFormat: (v) => f.percent(v, 0), ticks: width < 500 ? 4 : 6},
    y: {domain, grid: true, label: tr("forecast.observed_axis"), tickFormat: (v) => f.percent(v, 0)},
    r: {range: [3, 10]},
    ariaLabel: title,
    ariaDescription: rows.map((d) => `${f.percent(d.predicted, 2)} → ${f.percent(d.observed, 2)}`).join("; "),
    marks: [
      Plot.line([[0, 0], domain], {stroke: OKABE_ITO.grey, strokeDasharray: "4,3"}),
      Plot.dot(rows, {x: "predicted", y: "observed", r: "accounts", fill: OKABE_ITO.blue, fillOpacity: 0.7, stroke: "white"}),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "predicted",
          y: "observed",
          title: (d) =>
            [
              tr("forecast.bucket", {k: d.bucket}),
              `${tr("forecast.predicted")}: ${f.percent(d.predicted, 2)}`,
              `${tr("forecast.observed")}: ${f.percent(d.observed, 2)} (${f.number(d.churned)} / ${f.number(d.accounts)})`
            ].join("\n")
        })
      )
    ]
  });
}

/**
 * The report's hook: next quarter's expected churned MRR and its 80% interval, from the forecast made
 * at the report month (a churn_forecast_quarter row), as a small card element.
 */
export function forecastLine(row, {locale = "en-US", currency = "JPY"} = {}) {
  const tr = t(locale);
  const f = formatters(locale, currency);
  const card = document.createElement("div");
  card.className = "card cs-forecast-line";
  const h = document.createElement("h2");
  h.textContent = row ? tr("forecast.report_title", {from: f.month(row.first_month), to: f.month(row.last_month)}) : tr("forecast.report_title_none");
  const big = document.createElement("span");
  big.className = "cs-big";
  // The report pages do not load analysis.css, where .cs-big is sized: the hook sizes its own figure.
  big.style.cssText = "display:block;font-size:1.75rem;font-weight:600;line-height:1.2;margin:0.25rem 0";
  big.textContent = row?.expected_churn_mrr != null ? f.moneyCompact(row.expected_churn_mrr) : "—";
  const note = document.createElement("p");
  note.className = "cs-note";
  note.textContent =
    row?.expected_churn_mrr != null
      ? tr("forecast.report_note", {low: f.moneyCompact(row.low), high: f.moneyCompact(row.high)})
      : tr("forecast.report_none");
  card.append(h, big, note);
  return card;
}
