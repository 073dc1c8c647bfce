/**
 * Why a health score moved: a sentence for one account ("Score fell 12.0 points since last month:
 * usage −9.0, support −4.0, NPS +1.0") and a diverging bar chart of what moved the book's average.
 * The numbers come from health_drivers / health_book_drivers; nothing is computed here but the order.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {OKABE_ITO} from "./palette.js";

export const HEALTH_COMPONENTS = ["usage", "engagement", "support", "nps", "onboarding", "outcomes"];

/** "+1.0" / "−9.0" / "±0.0": a signed number of points without a unit. */
export function signed(f, v, digits = 1) {
  const r = Number(v.toFixed(digits));
  return `${r > 0 ? "+" : r < 0 ? "−" : "±"}${f.number(Math.abs(r), digits)}`;
}

/**
 * The sentence for one month of an account: {health_change, health_drivers: [change per component]}.
 * Components are listed largest move first, up to `top`; the rest are summed as "other components".
 */
export function driverSentence(row, {locale = "en-US", currency = "JPY", top = 3} = {}) {
  const tr = t(locale);
  const f = formatters(locale, currency);
  if (row?.health_change == null || !Array.isArray(row.health_drivers)) return tr("drivers.no_previous");
  const moves = HEALTH_COMPONENTS.map((c, i) => ({c, v: row.health_drivers[i] ?? 0}))
    .filter((d) => Math.abs(d.v) >= 0.05)
    .sort((a, b) => Math.abs(b.v) - Math.abs(a.v) || a.c.localeCompare(b.c));
  const shown = moves.slice(0, top).map((d) => `${tr(`health.component.${d.c}`)} ${signed(f, d.v)}`);
  const rest = moves.slice(top).reduce((s, d) => s + d.v, 0);
  if (moves.length > top) shown.push(`${tr("drivers.others")} ${signed(f, rest)}`);
  const change = row.health_change;
  const points = f.number(Math.abs(change), 1);
  const head = Math.abs(change) < 0.05 ? tr("drivers.flat") : change > 0 ? tr("drivers.rose", {points}) : tr("drivers.fell", {points});
  return shown.length ? `${head}${tr("drivers.colon")}${shown.join(tr("drivers.sep"))}` : head;
}

/** The book's month: one bar per component, its change of average points (rise right, fall left). */
export function driverBars(row, {width = 640, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200);
  const tr = t(locale);
  const f = formatters(locale, currency);
  const data = row ? HEALTH_COMPONENTS.map((c) => ({c, label: tr(`health.component.${c}`), v: row[`${c}_change`]})).filter((d) => d.v != null) : [];
  const fmt = (v) => signed(f, v, 2);
  const extent = Math.max(0.05, ...data.map((d) => Math.abs(d.v)));
  return Plot.plot({
    width,
    height: data.length * 28 + 60,
    title,
    subtitle,
    caption,
    // Japanese labels are about twice as wide per character as Latin ones.
    marginLeft: Math.min(180, 20 + Math.max(0, ...data.map((d) => [...d.label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.5), 0)))),
    marginRight: 48,
    x: {domain: [-extent * 1.35, extent * 1.35], grid: true, label: tr("drivers.axis"), tickFormat: (v) => signed(f, v, extent < 0.5 ? 2 : 1), ticks: width < 500 ? 3 : 8},
    y: {domain: data.map((d) => d.label), label: null},
    ariaLabel: title,
    ariaDescription: data.map((d) => `${d.label}: ${fmt(d.v)}`).join("; ") || tr("common.no_data"),
    marks: [
      Plot.barX(data, {x: "v", y: "label", fill: (d) => (d.v < 0 ? OKABE_ITO.vermillion : OKABE_ITO.blue), inset: 3}),
      Plot.ruleX([0]),
      // textAnchor and dx are constants in Plot, so rises and falls are labelled by two marks.
      Plot.text(data.filter((d) => d.v >= 0), {x: "v", y: "label", text: (d) => fmt(d.v), textAnchor: "start", dx: 5, fontSize: 10}),
      Plot.text(data.filter((d) => d.v < 0), {x: "v", y: "label", text: (d) => fmt(d.v), textAnchor: "end", dx: -5, fontSize: 10})
    ]
  });
}
