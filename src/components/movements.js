/**
 * MRR movements over time: each month's new, expansion and reactivation MRR stacked above zero and its
 * contraction and churn stacked below, with the net change as a line.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {monthDate} from "./months.js";
import {MOVEMENT_COLORS, MOVEMENTS, movementScale, OKABE_ITO} from "./palette.js";

const LOSSES = new Set(["contraction", "churn"]);

/** rows: {month, new, expansion, contraction, churn, reactivation} (amounts positive, as in mrr_movements). */
export function movementsChart(rows, {width = 640, height = 300, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const list = Array.from(rows);
  // Exchange-rate movement (billing lines in several currencies, signed) is a series only when there is some.
  const kinds = list.some((d) => d.fx) ? [...MOVEMENTS, "fx"] : MOVEMENTS;
  const long = list.flatMap((d) =>
    kinds.map((m) => ({month: d.month, date: monthDate(d.month), movement: m, value: (LOSSES.has(m) ? -1 : 1) * (d[m] ?? 0)}))
  );
  const net = list.map((d) => ({
    month: d.month,
    date: monthDate(d.month),
    value: (d.new ?? 0) + (d.expansion ?? 0) + (d.reactivation ?? 0) - (d.contraction ?? 0) - (d.churn ?? 0) + (d.fx ?? 0)
  }));
  const tip = (d) => `${f.month(d.month)}\n${tr(`movement.${d.movement}`)} ${f.moneyDelta(d.value)}`;
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    caption,
    marginLeft: 64,
    marginTop: 16,
    x: {type: "band", label: null, tickFormat: (d) => f.monthShort(d.toISOString().slice(0, 7)), ticks: everyNth(list, width)},
    y: {grid: true, label: null, tickFormat: (v) => f.moneyCompact(v)},
    color: {...movementScale(tr), domain: kinds, range: kinds.map((k) => MOVEMENT_COLORS[k]), legend: true},
    ariaLabel: title,
    ariaDescription: describe(list, net, {f, tr}),
    marks: [
      Plot.barY(long, {x: "date", y: "value", fill: "movement", order: kinds, title: tip, inset: 0.5}),
      Plot.ruleY([0], {stroke: "currentColor"}),
      Plot.lineY(net, {x: "date", y: "value", stroke: OKABE_ITO.black, strokeWidth: 1.5, marker: "circle-stroke", title: (d) => `${f.month(d.month)}\n${tr("analysis.net_change")} ${f.moneyDelta(d.value)}`}),
      Plot.tip(long, Plot.pointerX({x: "date", y: "value", title: tip, filter: (d) => d.value !== 0}))
    ]
  });
}

/** Band scales tick every month: keep about one label per 60px. */
function everyNth(list, width) {
  const step = Math.max(1, Math.ceil(list.length / Math.max(2, Math.floor(width / 60))));
  return list.filter((_, i) => (list.length - 1 - i) % step === 0).map((d) => monthDate(d.month));
}

function describe(list, net, {f, tr}) {
  if (!list.length) return tr("common.no_data");
  const total = (k) => list.reduce((s, d) => s + (d[k] ?? 0), 0);
  return tr("analysis.movements_alt", {
    from: f.month(list[0].month),
    to: f.month(list.at(-1).month),
    parts: MOVEMENTS.map((m) => `${tr(`movement.${m}`)} ${f.moneyCompact(total(m))}`).join(", "),
    net: f.moneyDelta(net.reduce((s, d) => s + d.value, 0))
  });
}
