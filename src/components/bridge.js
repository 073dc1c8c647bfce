/** The month's MRR bridge as a waterfall: start, each movement, end. */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {MOVEMENT_COLORS} from "./palette.js";

const GAINS = ["new", "expansion", "reactivation"];
const LOSSES = ["contraction", "churn"];

/** The waterfall's bars: [{step, kind, y1, y2, amount}] from a bridge row (mrr_movements). */
export function bridgeSteps(row) {
  const steps = [{step: "start", y1: 0, y2: row.mrr_start, amount: row.mrr_start}];
  let level = row.mrr_start;
  for (const k of GAINS) {
    steps.push({step: k, y1: level, y2: level + row[k], amount: row[k]});
    level += row[k];
  }
  for (const k of LOSSES) {
    steps.push({step: k, y1: level, y2: level - row[k], amount: -row[k]});
    level -= row[k];
  }
  // Exchange-rate movement (billing lines in several currencies): its own step, only when there is one.
  if (row.fx) steps.push({step: "fx", y1: level, y2: level + row.fx, amount: row.fx});
  steps.push({step: "end", y1: 0, y2: row.mrr_end, amount: row.mrr_end});
  return steps;
}

/**
 * row: {month, mrr_start, new, expansion, reactivation, contraction, churn, fx?, mrr_end}.
 * The y axis starts near the lowest running total (not at zero) so that movements a hundredth of
 * MRR stay visible; the start and end bars are cut at the axis, and the description says so.
 */
export function mrrBridge(row, {width = 640, height = 300, locale = "en-US", currency = "JPY", title} = {}) {
  const tr = t(locale);
  const f = formatters(locale, currency);
  const steps = bridgeSteps(row);
  const levels = steps.slice(1, -1).flatMap((s) => [s.y1, s.y2]);
  const lo = Math.min(...levels);
  const hi = Math.max(...levels, row.mrr_start, row.mrr_end);
  const span = Math.max(...levels) - lo;
  // Leave room under the lowest level; zero when the movements are large relative to MRR.
  const floor = span > 0 && lo - span * 1.5 > 0 ? lo - span * 1.5 : 0;
  const top = hi + (hi - floor) * 0.12 || 1;
  const label = (s) => tr(`movement.${s}`);
  const value = (s) => (s.step === "start" || s.step === "end" ? f.moneyCompact(s.amount) : f.moneyDelta(s.amount));
  const bars = steps.map((s) => ({...s, label: label(s.step), y1: Math.max(s.y1, floor), text: value(s)}));
  const parts = steps
    .slice(1, -1)
    .map((s) => `${label(s.step)} ${f.moneyDelta(s.amount)}`)
    .join(locale === "ja-JP" ? "、" : ", ");
  const description = tr("report.bridge.alt", {start: f.money(row.mrr_start), end: f.money(row.mrr_end), parts});
  // Narrow screens: slanted step labels, and value labels only on the steps that moved.
  const narrow = width < 560;
  const shown = narrow ? bars.filter((d) => d.amount !== 0) : bars;
  return Plot.plot({
    width,
    height: narrow ? height + 40 : height,
    marginBottom: narrow ? 64 : undefined,
    title: title ?? tr("report.bridge.title", {month: f.month(row.month)}),
    ariaLabel: tr("report.bridge.title", {month: f.month(row.month)}),
    ariaDescription: description,
    marginLeft: 64,
    marginTop: 24,
    x: {domain: bars.map((d) => d.label), label: null, padding: 0.25, tickRotate: narrow ? -40 : 0},
    y: {domain: [floor, top], grid: true, label: null, tickFormat: (v) => f.moneyCompact(v), ticks: 5},
    color: {domain: steps.map((s) => s.step), range: steps.map((s) => MOVEMENT_COLORS[s.step])},
    marks: [
      Plot.barY(bars, {x: "label", y1: "y1", y2: "y2", fill: "step", title: (d) => `${d.label}: ${value(d)}`}),
      Plot.text(shown, {
        x: "label",
        y: (d) => Math.max(d.y1, d.y2),
        text: "text",
        dy: -8,
        fontSize: narrow ? 10 : 11,
        fill: "currentColor"
      }),
      floor > 0 ? null : Plot.ruleY([0])
    ]
  });
}
