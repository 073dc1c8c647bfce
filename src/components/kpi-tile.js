/**
 * One KPI tile of the monthly report: the value, its change against last month and the same month
 * last year, the target and whether it is met (icon + word, not colour alone), and a sparkline.
 */
import {html} from "npm:htl";
import {formatters, t} from "./i18n.js";
import {BAND_COLORS, BANDS, OKABE_ITO, STATUS_COLORS} from "./palette.js";
import {sparkline} from "./sparkline.js";

/**
 * kpi: {key, unit: "money" | "rate" | "nps", better: "higher" | "lower", value, previous, lastYear,
 *       lastYearMonth, deltaPrevious, deltaLastYear, changePrevious, changeLastYear, target, met,
 *       series: [{month, value}], basis?: {kind, period, responses}, mix?: {green, yellow, red}}
 * (as written by loaders/site/datasets/report.ts), plus period, n, nUnit, interval, small,
 * verdictPrevious/verdictLastYear and secondary (loaders/site/report/reading.ts). rules: the report's
 * minimums ({minSampleSize, npsMinResponses}), for the small-sample note.
 */
export function kpiTile(kpi, {locale = "en-US", currency = "JPY", width = 240, rules = {}} = {}) {
  const tr = t(locale);
  const f = formatters(locale, currency);
  const label = tr(`kpi.${kpi.key}`);
  const value = formatValue(kpi.unit, kpi.value, f, {compact: true});
  const full = kpi.unit === "money" ? f.money(kpi.value) : value;
  const yearLabel = tr("common.vs_year", {month: f.month(kpi.lastYearMonth)});
  const sparkLabel = tr("kpi.sparkline", {
    label,
    from: f.month(kpi.series?.[0]?.month),
    to: f.month(kpi.series?.at(-1)?.month)
  });
  return html`<div class="cs-kpi" data-kpi=${kpi.key}>
    <div class="cs-kpi-label" title=${tr(`kpi.${kpi.key}.help`)}>${label}</div>
    ${kpi.period ? html`<div class="cs-kpi-period">${tr(`kpi.period.${kpi.period}`)}</div>` : null}
    <div class="cs-kpi-value" title=${full}>${value}</div>
    ${readingLines(kpi, tr, f, rules)}
    ${kpi.basis ? html`<div class="cs-kpi-note">${basisText(kpi.basis, tr, f)}</div>` : null}
    ${kpi.mix ? mixBar(kpi.mix, tr, f) : null}
    <dl class="cs-kpi-deltas">
      <div><dt>${tr("common.vs_prev")}</dt><dd>${delta(kpi, "Previous", f)}</dd></div>
      <div><dt>${yearLabel}</dt><dd>${delta(kpi, "LastYear", f)}</dd></div>
    </dl>
    <div class="cs-kpi-target">${targetText(kpi, tr, f)}</div>
    <div class="cs-kpi-spark">${sparkline(kpi.series, {
      width: Math.max(120, Math.min(width - 28, 260)),
      height: 34,
      ariaLabel: sparkLabel,
      target: kpi.target ?? null,
      color: OKABE_ITO.blue
    })}</div>
  </div>`;
}

/** Interval and n, the small-sample mark, and the other form of the rate (issue 11). */
function readingLines(kpi, tr, f, rules) {
  const fmt = (v) => formatValue(kpi.unit, v, f);
  const parts = [];
  if (kpi.interval) parts.push(tr("kpi.interval", {low: fmt(kpi.interval[0]), high: fmt(kpi.interval[1])}));
  // NPS states its responses in its basis line already.
  if (kpi.n != null && kpi.nUnit && !kpi.basis) parts.push(tr(`kpi.n.${kpi.nUnit}`, {n: f.number(kpi.n)}));
  const min = kpi.unit === "nps" ? rules.npsMinResponses : rules.minSampleSize;
  // Each part unbreakable, so a narrow tile wraps between them, never inside "n = 1,009 accounts".
  const spans = parts.flatMap((p, i) => [i ? " · " : null, html`<span class="cs-nowrap">${p}</span>`]).filter(Boolean);
  return html`${parts.length ? html`<div class="cs-kpi-basis">${spans}</div>` : null}
    ${kpi.small && kpi.value != null ? html`<div class="cs-kpi-small" role="note">${tr("kpi.small", {min: f.number(min ?? 30)})}</div>` : null}
    ${kpi.secondary && kpi.secondary.value != null ? html`<div class="cs-kpi-secondary">${tr(`kpi.secondary.${kpi.secondary.kind}`, {value: fmt(kpi.secondary.value)})}</div>` : null}`;
}

function formatValue(unit, v, f, {compact = false} = {}) {
  if (unit === "money") return compact ? f.moneyCompact(v) : f.money(v);
  if (unit === "nps") return f.nps(v);
  return f.percent(v);
}

/** The change against a previous value, with ▲/▼ and good/bad colour (the sign already says which way). */
function delta(kpi, which, f) {
  const d = kpi[`delta${which}`];
  if (d === null || d === undefined) return html`<span class="cs-delta">—</span>`;
  let text;
  if (kpi.unit === "money") {
    const rel = kpi[`change${which}`];
    // Two unbreakable parts, so a narrow tile wraps between them, never inside an amount.
    text =
      rel === null || rel === undefined
        ? f.moneyDelta(d)
        : html`<span class="cs-nowrap">${f.percentDelta(rel)}</span> <span class="cs-nowrap">(${f.moneyDelta(d)})</span>`;
  } else if (kpi.unit === "nps") text = f.points(d);
  else text = f.pp(d);
  if (typeof text === "string") text = html`<span class="cs-nowrap">${text}</span>`;
  // A change too small to show (it formats as ±0) gets no arrow and no colour.
  const shown = kpi.unit === "money" ? kpi[`change${which}`] ?? d : kpi.unit === "nps" ? d / 100 : d;
  if (Math.abs(shown) < 0.0005) return html`<span class="cs-delta">${text}</span>`;
  // Within normal variation (intervals overlap, or a small sample): no arrow, no colour (issue 11).
  if (kpi[`verdict${which}`] === "same") return html`<span class="cs-delta cs-within" title=${t(f.locale)("kpi.within_variation")}>≈ ${text}</span>`;
  const good = (d > 0) === (kpi.better !== "lower");
  const cls = good ? "cs-delta cs-good" : "cs-delta cs-bad";
  const arrow = d > 0 ? "▲ " : d < 0 ? "▼ " : "";
  return html`<span class=${cls}><span class="cs-nowrap">${arrow}</span>${text}</span>`;
}

function targetText(kpi, tr, f) {
  if (kpi.target === null || kpi.target === undefined) return html`<span class="cs-status cs-status-none">${tr("common.no_target")}</span>`;
  const target = formatValue(kpi.unit, kpi.target, f, {compact: true});
  const status =
    kpi.small && kpi.value != null
      ? html`<span class="cs-status cs-status-none">${tr("kpi.no_verdict")}</span>`
      : kpi.met === null || kpi.met === undefined
      ? html`<span class="cs-status cs-status-none">—</span>`
      : kpi.met
      ? html`<span class="cs-status cs-status-met" style=${{color: STATUS_COLORS.met}}>✓ ${tr("common.met")}</span>`
      : html`<span class="cs-status cs-status-notmet" style=${{color: STATUS_COLORS.notMet}}>✗ ${tr("common.not_met")}</span>`;
  return html`<span>${tr("common.target")} ${target}</span> ${status}`;
}

function basisText(basis, tr, f) {
  return basis.kind === "quarter"
    ? tr("kpi.nps.basis_quarter", {period: f.quarter(basis.period), n: f.number(basis.responses)})
    : tr("kpi.nps.basis_month", {n: f.number(basis.responses)});
}

/** Health mix as a labelled stacked bar (shares of green / yellow / red). */
function mixBar(mix, tr, f) {
  const parts = BANDS.slice().reverse().filter((b) => (mix[b] ?? 0) > 0);
  const text = tr("kpi.health_mix", {green: f.percent(mix.green, 0), yellow: f.percent(mix.yellow, 0), red: f.percent(mix.red, 0)});
  return html`<div class="cs-mix" role="img" aria-label=${text}>
    <div class="cs-mix-bar">${parts.map(
      (b) => html`<span class=${`cs-mix-${b}`} style=${{width: `${(mix[b] * 100).toFixed(2)}%`, background: BAND_COLORS[b]}}></span>`
    )}</div>
    <div class="cs-mix-text">${text}</div>
  </div>`;
}
