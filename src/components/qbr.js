/**
 * The quarterly business review (QBR) of one quarter: KPI cards against the previous quarter and the
 * same quarter a year earlier, the quarter's MRR bridge, retention and churn by segment, NPS with the
 * customers' own words, the health mix and its movement, the largest wins and losses, and the next
 * quarter's churn forecast. Every number comes from qbr-YYYY-Qn.json (loaders/site/datasets/qbr.ts);
 * this only lays out and formats. Text from the exports (names, comments) is only inserted as text.
 */
import {html} from "npm:htl";
import {mrrBridge} from "./bridge.js";
import {forecastLine} from "./churn-forecast.js";
import {formatters, setDocumentLang, t} from "./i18n.js";
import {BAND_COLORS} from "./palette.js";
import {quarterLabel} from "./quarter-label.js";
import {segmentLabel} from "./report.js";
import {dataTable} from "./table.js";

/** The whole review as one element. Options: locale, currency (default: the review's own), width. */
export function quarterlyReview(data, {locale = data.locale, currency = data.currency, width = 1000} = {}) {
  setDocumentLang(locale);
  const tr = t(locale);
  const f = formatters(locale, currency);
  const title = tr("qbr.title", {quarter: quarterLabel(data, {locale})});
  if (typeof document !== "undefined") document.title = `${title} | ${document.title.split(" | ").at(-1)}`;
  const ctx = {data, locale, currency, width, tr, f};
  const span = data.months.length > 1 ? tr("qbr.range", {from: f.month(data.months[0]), to: f.month(data.months.at(-1))}) : f.month(data.months[0]);
  return html`<div class="cs-report cs-qbr" data-quarter=${data.quarter}>
    <header class="cs-report-header">
      <h1>${title}</h1>
      <p class="cs-qbr-meta">${tr("qbr.covers", {months: span})} · ${tr("common.as_of", {month: f.month(data.asOf)})}</p>
      ${data.partial ? html`<p class="cs-qbr-partial">${tr("qbr.partial_note", {months: span})}</p>` : null}
      ${data.opening ? html`<p class="cs-qbr-partial">${tr("qbr.opening_note", {month: f.month(data.months[0])})}</p>` : null}
      <p class="cs-qbr-months">${tr("qbr.monthly_reports")}: ${data.months.map((m, i) => html`${i ? " · " : ""}<a href=${`../${m}`}>${f.month(m)}</a>`)}</p>
      <div class="cs-controls"><button type="button" class="cs-print" onclick=${() => window.print()}>${tr("common.print")}</button></div>
    </header>
    ${kpiSection(ctx)}
    ${bridgeSection(ctx)}
    ${segmentSection(ctx)}
    ${npsSection(ctx)}
    ${healthSection(ctx)}
    ${changesSection(ctx)}
    ${forecastSection(ctx)}
  </div>`;
}

const fmtValue = (unit, v, f) => (unit === "money" ? f.money(v) : unit === "nps" ? f.nps(v) : f.percent(v));
const fmtDelta = (unit, v, f) =>
  v === null || v === undefined ? "—" : unit === "money" ? (v > 0 ? "+" : v < 0 ? "−" : "±") + f.money(Math.abs(v)) : unit === "nps" ? f.points(v) : f.pp(v);

/** The delta's class: coloured only when the change is real by the interval rule and has a verdict. */
function deltaClass(kpi, verdict) {
  if (!verdict || verdict === "same") return "cs-delta cs-within";
  const good = (verdict === "higher") === (kpi.better === "higher");
  return `cs-delta ${good ? "cs-good" : "cs-bad"}`;
}

function deltaText(kpi, which, {tr, f}) {
  const d = which === "Previous" ? kpi.deltaPrevious : kpi.deltaLastYear;
  const verdict = which === "Previous" ? kpi.verdictPrevious : kpi.verdictLastYear;
  const other = which === "Previous" ? kpi.previous : kpi.lastYear;
  if (d === null && other !== null && kpi.key === "net_new_mrr") return html`<span class="cs-delta cs-within">${tr("qbr.not_compared")}</span>`;
  const suffix = d === null ? "" : kpi.small || verdict === null ? "" : verdict === "same" ? ` (${tr("qbr.within")})` : "";
  const text = fmtDelta(kpi.unit, d, f);
  // A change that shows as ±0 at the shown precision is not coloured as a gain or a loss.
  const shown = text.startsWith("±") ? "same" : verdict;
  return html`<span class=${deltaClass(kpi, kpi.small ? null : shown)}>${text}${suffix}</span>`;
}

function kpiCard(kpi, {data, tr, f}) {
  const min = kpi.unit === "nps" ? data.rules.npsMinResponses : data.rules.minSampleSize;
  const notes = [];
  if (kpi.interval) notes.push(tr("kpi.interval", {low: fmtValue(kpi.unit, kpi.interval[0], f), high: fmtValue(kpi.unit, kpi.interval[1], f)}));
  if (kpi.n !== null && kpi.nUnit) notes.push(tr(`qbr.n.${kpi.nUnit}`, {n: f.number(kpi.n)}));
  const prevLabel = data.previousQuarter ? tr("qbr.vs_prev", {quarter: f.quarter(data.previousQuarter)}) : tr("qbr.vs_prev_none");
  const yearLabel = tr("qbr.vs_year", {quarter: f.quarter(yearBefore(data.quarter))});
  return html`<div class="cs-kpi" data-kpi=${kpi.key}>
    <div class="cs-kpi-label">${tr(`qbr.kpi.${kpi.key}`)}</div>
    <div class="cs-kpi-period">${tr(`qbr.period.${kpi.period}`)}</div>
    <div class="cs-kpi-value">${fmtValue(kpi.unit, kpi.value, f)}</div>
    ${notes.length ? html`<div class="cs-kpi-note">${notes.map((s, i) => html`${i ? " · " : ""}<span class="cs-nowrap">${s}</span>`)}</div>` : null}
    ${kpi.small && kpi.value !== null ? html`<div class="cs-kpi-small">${tr("kpi.small", {min: f.number(min)})}</div>` : null}
    <dl class="cs-kpi-deltas">
      <div><dt>${prevLabel}</dt><dd>${deltaText(kpi, "Previous", {tr, f})}</dd></div>
      <div><dt>${yearLabel}</dt><dd>${deltaText(kpi, "LastYear", {tr, f})}</dd></div>
    </dl>
  </div>`;
}

const yearBefore = (q) => `${Number(q.slice(0, 4)) - 1}${q.slice(4)}`;

function kpiSection(ctx) {
  const {data, tr, f} = ctx;
  return html`<section class="cs-kpis" aria-labelledby="cs-qbr-kpis-h">
    <h2 id="cs-qbr-kpis-h">${tr("qbr.kpis", {quarter: quarterLabel(data, ctx)})}</h2>
    <div class="cs-kpi-grid">${data.kpis.map((k) => kpiCard(k, ctx))}</div>
    <p class="cs-kpi-legend">${tr("qbr.legend", {min: f.number(data.rules.minSampleSize), nps: f.number(data.rules.npsMinResponses)})}</p>
  </section>`;
}

const STEPS = ["start", "new", "expansion", "reactivation", "contraction", "churn", "fx", "end"];

function bridgeSection({data, locale, currency, width, tr, f}) {
  const b = data.bridge;
  const signed = {start: b.mrr_start, new: b.new, expansion: b.expansion, reactivation: b.reactivation, contraction: -b.contraction, churn: -b.churn, fx: b.fx, end: b.mrr_end};
  const steps = STEPS.filter((s) => s !== "fx" || b.fx);
  const rows = steps.map((s) => ({step: tr(`movement.${s}`), amount: signed[s]}));
  const startMonth = prevMonth(data.months[0]);
  const title = tr("qbr.bridge.title", {quarter: quarterLabel(data, {locale})});
  return html`<section class="cs-bridge card" aria-label=${title}>
    ${mrrBridge({...b, month: quarterLabel(data, {locale})}, {width: Math.min(width - 34, 960), locale, currency, title})}
    <p class="cs-help">${tr("qbr.bridge.help", {start: f.month(startMonth), end: f.month(data.months.at(-1))})}</p>
    ${dataTable(rows, {
      static: true,
      locale,
      filename: `qbr-bridge-${data.quarter}`,
      columns: ["step", "amount"],
      header: {step: tr("report.bridge"), amount: tr("common.mrr")},
      format: {amount: (v, i) => (i === 0 || i === rows.length - 1 ? f.money(v) : fmtDelta("money", v, f))},
      widths: {step: "60%", amount: "40%"}
    })}
  </section>`;
}

function prevMonth(m) {
  const [y, mm] = m.split("-").map(Number);
  return mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, "0")}`;
}

function segmentSection({data, locale, tr, f}) {
  if (!data.dimension || !data.segments.length) return null;
  const small = (d) => (d.small ? ` ⚠` : "");
  const header = {
    segment: tr("common.segment"),
    mrr: tr("qbr.col.mrr"),
    net_new_mrr: tr("qbr.col.net_new"),
    nrr: tr("qbr.col.nrr"),
    grr: tr("qbr.col.grr"),
    logo_churn_rate: tr("qbr.col.logo"),
    revenue_churn_rate: tr("qbr.col.revenue"),
    account_months: tr("qbr.col.n")
  };
  return html`<section class="cs-qbr-segments" aria-labelledby="cs-qbr-seg-h">
    <h2 id="cs-qbr-seg-h">${tr("qbr.segments")}</h2>
    <p class="cs-help">${tr("qbr.segments.help", {min: f.number(data.rules.minSampleSize)})}</p>
    ${dataTable(data.segments, {
      static: true,
      locale,
      filename: `qbr-segments-${data.quarter}`,
      columns: ["segment", "mrr", "net_new_mrr", "nrr", "grr", "logo_churn_rate", "revenue_churn_rate", "account_months"],
      // On a phone: segment, logo churn and NRR stay (the retention and the churn of the title).
      priority: {account_months: 6, net_new_mrr: 5, revenue_churn_rate: 4, grr: 4, mrr: 3, nrr: 2},
      nowrap: ["mrr", "net_new_mrr", "nrr", "grr", "logo_churn_rate", "revenue_churn_rate"],
      header,
      format: {
        segment: (s) => segmentLabel(s, tr),
        mrr: (v) => f.money(v),
        net_new_mrr: (v) => fmtDelta("money", v, f),
        nrr: (v, i) => f.percent(v) + (data.segments[i].t12m_small && v !== null ? " ⚠" : ""),
        grr: (v, i) => f.percent(v) + (data.segments[i].t12m_small && v !== null ? " ⚠" : ""),
        logo_churn_rate: (v, i) => f.percent(v) + small(data.segments[i]),
        revenue_churn_rate: (v, i) => f.percent(v) + small(data.segments[i]),
        account_months: (v) => f.number(v)
      },
      csvColumns: ["segment", "mrr", "net_new_mrr", "nrr", "grr", "t12m_accounts", "logo_churn_rate", "revenue_churn_rate", "account_months", "accounts_churned", "small"],
      csvHeader: {...header, t12m_accounts: tr("qbr.col.t12m_accounts"), accounts_churned: tr("qbr.col.churned"), small: tr("small.flag")}
    })}
  </section>`;
}

function npsSection({data, locale, tr, f}) {
  const n = data.nps;
  const body = !n
    ? html`<p class="cs-empty">${tr("qbr.nps.none")}</p>`
    : html`<div class="cs-qbr-nps">
        <p class="cs-qbr-nps-score"><strong>NPS ${f.nps(n.nps)}</strong>
          <span class="cs-kpi-note"> <span class="cs-nowrap">${tr("kpi.interval", {low: f.nps(n.interval[0]), high: f.nps(n.interval[1])})}</span> · <span class="cs-nowrap">${tr("kpi.n.responses", {n: f.number(n.responses)})}</span></span></p>
        ${n.small ? html`<p class="cs-kpi-small">${tr("kpi.small", {min: f.number(data.rules.npsMinResponses)})}</p>` : null}
        <p>${tr("qbr.nps.mix", {p: f.number(n.promoters), pa: f.number(n.passives), d: f.number(n.detractors)})}</p>
        <p>${tr("qbr.nps.comments", {p: f.number(n.comments.promoter), pa: f.number(n.comments.passive), d: f.number(n.comments.detractor)})}</p>
        <p class="cs-help">${tr("qbr.nps.no_themes", {n: data.rules.verbatimsPerCategory})}</p>
        ${n.verbatims.length
          ? html`<ul class="cs-qbr-verbatims">${n.verbatims.map(
              (v) => html`<li class=${`cs-verbatim cs-verbatim-${v.category}`}><blockquote>${v.comment}</blockquote>
                <span class="cs-kpi-note">${tr(`qbr.category.${v.category}`)} · ${tr("qbr.nps.score", {score: v.score})} · ${f.dateShort(v.date)}</span></li>`
            )}</ul>`
          : html`<p class="cs-empty">${tr("qbr.nps.no_comments")}</p>`}
      </div>`;
  return html`<section class="cs-qbr-voice" aria-labelledby="cs-qbr-nps-h"><h2 id="cs-qbr-nps-h">${tr("qbr.nps")}</h2>${body}</section>`;
}

function healthSection({data, locale, tr, f}) {
  const h = data.health;
  const startMonth = prevMonth(data.months[0]);
  const endMonth = data.months.at(-1);
  const share = (mix, band) => (mix && mix.scored ? mix[band] / mix.scored : null);
  const cell = (mix, band) => (mix ? `${f.number(mix[band])} (${f.percent(share(mix, band))})` : "—");
  const rows = ["green", "yellow", "red"].map((band) => ({
    band,
    start: cell(h.start, band),
    end: cell(h.end, band),
    change: h.start && h.end ? f.pp(share(h.end, band) - share(h.start, band)) : "—"
  }));
  rows.push({band: "scored", start: h.start ? f.number(h.start.scored) : "—", end: h.end ? f.number(h.end.scored) : "—", change: ""});
  return html`<section class="cs-qbr-health" aria-labelledby="cs-qbr-health-h">
    <h2 id="cs-qbr-health-h">${tr("qbr.health")}</h2>
    ${dataTable(rows, {
      static: true,
      locale,
      filename: `qbr-health-${data.quarter}`,
      columns: ["band", "start", "end", "change"],
      header: {band: tr("report.band"), start: tr("qbr.health.at", {month: f.month(startMonth)}), end: tr("qbr.health.at", {month: f.month(endMonth)}), change: tr("qbr.health.change")},
      align: {start: "right", end: "right", change: "right"},
      format: {
        band: (b) =>
          b === "scored"
            ? tr("qbr.health.scored")
            : html`<span class="cs-band"><span class="cs-dot" style=${{background: BAND_COLORS[b]}}></span>${tr(`band.${b}`)}</span>`
      }
    })}
    <p>${h.start && h.end ? tr("qbr.health.moves", {up: f.number(h.up), down: f.number(h.down), same: f.number(h.same), left: f.number(h.left), joined: f.number(h.joined)}) : tr("qbr.health.no_start", {month: f.month(startMonth)})}</p>
  </section>`;
}

function changesTable(rows, {title, data, locale, tr, f, filename}) {
  const header = {
    account: tr("common.account"),
    segment: tr("common.segment"),
    mrr_before: tr("qbr.col.before", {month: f.month(prevMonth(data.months[0]))}),
    mrr_after: tr("qbr.col.after", {month: f.month(data.months.at(-1))}),
    delta: tr("qbr.col.delta"),
    movements: tr("qbr.col.movements")
  };
  return dataTable(
    rows.map((d) => ({...d, account: d.account_name ?? d.account_id, movements: d.movements.map((m) => tr(`movement.${m}`)).join(" → ")})),
    {
      title,
      static: true,
      locale,
      filename,
      columns: ["account", "segment", "mrr_before", "mrr_after", "delta", "movements"],
      widths: {account: "28%", segment: "14%", mrr_before: "14%", mrr_after: "14%", delta: "13%", movements: "17%"},
      // On a phone the account and its net change stay; the MRR before and after give way first.
      priority: {segment: 5, movements: 4, mrr_before: 3, mrr_after: 2},
      nowrap: ["mrr_before", "mrr_after", "delta"],
      header,
      format: {segment: (s) => segmentLabel(s, tr), mrr_before: (v) => f.money(v), mrr_after: (v) => f.money(v), delta: (v) => fmtDelta("money", v, f)},
      csvColumns: ["account_id", "account", "segment", "mrr_before", "mrr_after", "delta", "movements"],
      csvHeader: {...header, account_id: tr("common.account_id")},
      empty: tr("common.none")
    }
  );
}

function changesSection(ctx) {
  const {data, tr} = ctx;
  return html`<section class="cs-qbr-changes" aria-labelledby="cs-qbr-changes-h">
    <h2 id="cs-qbr-changes-h">${tr("qbr.changes")}</h2>
    <p class="cs-help">${tr("qbr.changes.help", {n: data.rules.accountsLimit})}</p>
    ${changesTable(data.wins, {...ctx, title: tr("qbr.wins"), filename: `qbr-wins-${data.quarter}`})}
    ${changesTable(data.losses, {...ctx, title: tr("qbr.losses"), filename: `qbr-losses-${data.quarter}`})}
  </section>`;
}

function forecastSection({data, locale, currency, tr, f}) {
  return html`<section class="cs-qbr-forecast" aria-labelledby="cs-qbr-fc-h">
    <h2 id="cs-qbr-fc-h">${tr("qbr.forecast")}</h2>
    ${data.forecast ? html`<p class="cs-help">${tr("qbr.forecast.help", {month: f.month(data.forecast.made_at)})}</p>` : null}
    ${forecastLine(data.forecast, {locale, currency})}
  </section>`;
}

/** The reports index's quarter list: one row per quarter, newest first, each linking to its review. */
export function quarterArchive(rows, {locale = "en-US", currency = "JPY", base = "./q/"} = {}) {
  const tr = t(locale);
  const f = formatters(locale, currency);
  const header = {
    quarter: tr("qbr.col.quarter"),
    mrr: tr("qbr.kpi.mrr"),
    net_new_mrr: tr("qbr.col.net_new"),
    nrr: tr("kpi.nrr_t12m"),
    logo_churn_rate: tr("qbr.col.logo"),
    nps: tr("qbr.kpi.nps")
  };
  return dataTable(rows, {
    static: true,
    locale,
    filename: "quarterly-reviews",
    columns: ["quarter", "mrr", "net_new_mrr", "nrr", "logo_churn_rate", "nps"],
    priority: {net_new_mrr: 4, nps: 3, nrr: 2},
    nowrap: ["mrr", "net_new_mrr", "nrr", "logo_churn_rate", "nps"],
    header,
    format: {
      quarter: (q, i) => html`<a href=${`${base}${q}`}>${quarterLabel(rows[i], {locale})}</a>`,
      mrr: (v) => f.moneyCompact(v),
      net_new_mrr: (v) => f.moneyDelta(v),
      nrr: (v) => f.percent(v),
      logo_churn_rate: (v, i) => f.percent(v) + (rows[i].logo_churn_small ? " ⚠" : ""),
      nps: (v, i) => f.nps(v) + (rows[i].nps_small && v !== null ? " ⚠" : "")
    },
    csvColumns: ["quarter", "partial", "mrr", "net_new_mrr", "nrr", "grr", "logo_churn_rate", "nps"],
    csvHeader: {...header, partial: tr("small.partial"), grr: tr("kpi.grr_t12m")},
    empty: tr("common.no_data")
  });
}

/** The quarter a month falls in ("2026-11" → "2026-Q4"). */
export const quarterOfMonth = (month) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;

/** The monthly report's link to its quarter's review (base: the path to src/reports/ from the page). */
export function quarterLink(month, {locale = "en-US", base = "./"} = {}) {
  const tr = t(locale);
  const f = formatters(locale);
  const quarter = quarterOfMonth(month);
  return html`<p class="cs-qbr-link"><a href=${`${base}q/${quarter}`}>${tr("qbr.link", {quarter: f.quarter(quarter)})} →</a></p>`;
}
