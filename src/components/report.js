/**
 * The monthly report: a segment filter (kept in the URL), the written summary, eight KPI tiles, the
 * MRR bridge, the largest movers and the at-risk accounts, for one report-YYYY-MM.json. Every number
 * comes from the loader (loaders/site/datasets/report.ts); this only lays out and formats. Text from
 * the exports (account names, CSMs, segments) is only ever inserted as text.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {html} from "npm:htl";
import {mrrBridge} from "./bridge.js";
import {formatters, setDocumentLang, t} from "./i18n.js";
import {kpiTile} from "./kpi-tile.js";
import {reportActions} from "./report-actions.js";
import {attributionSection} from "./attribution.js";
import {BAND_COLORS} from "./palette.js";
import {dataTable} from "./table.js";
import {bindUrl} from "./url-state.js";

/** A segment's display name: the glossary's term for the usual tiers, else the value itself. */
export function segmentLabel(segment, tr) {
  if (segment === "all") return tr("report.filter.all_segments");
  const key = `segment.${segment}`;
  const label = tr(key);
  return label === key ? segment : label;
}

/**
 * The whole report as one element. Options: locale, currency (default: the report's own), width
 * (of the main column), latest (true on the home page: the heading says "latest"), board (issue 17:
 * {digest, base} for the copy-digest button and the PDF link, report-actions.js).
 */
export function monthlyReport(data, {locale = data.locale, currency = data.currency, width = 1000, latest = false, board = null} = {}) {
  setDocumentLang(locale);
  const tr = t(locale);
  const f = formatters(locale, currency);
  const views = ["all", ...data.segments.filter((s) => data.views[s])];
  // A segment whose month rests on too few accounts is marked in the filter too (small-sample rule).
  const smallView = (s) => Boolean(data.views[s]?.kpis?.find((k) => k.key === "logo_churn_rate")?.small);
  const select = bindUrl(
    Inputs.select(views, {label: tr("report.filter.segment"), format: (s) => `${segmentLabel(s, tr)}${smallView(s) ? ` ⚠ ${tr("small.flag")}` : ""}`, value: "all"}),
    "segment",
    {valid: (s) => views.includes(s)}
  );
  const body = html`<div class="cs-report-body"></div>`;
  const draw = () => body.replaceChildren(reportBody(data, data.views[select.value] ?? data.views.all, {locale, currency, width, tr, f}));
  select.addEventListener("input", draw);
  draw();
  const title = tr("report.title", {month: f.month(data.month)});
  if (typeof document !== "undefined") document.title = `${title} | ${document.title.split(" | ").at(-1)}`;
  return html`<div class="cs-report" data-month=${data.month}>
    <header class="cs-report-header">
      <h1>${title}</h1>
      ${latest ? html`<p class="cs-report-latest">${tr("report.latest")} · ${tr("common.as_of", {month: f.month(data.asOf)})}</p>` : null}
      <div class="cs-controls">${views.length > 1 ? select : null}
        <button type="button" class="cs-print" onclick=${() => window.print()}>${tr("common.print")}</button>
        ${board ? reportActions({...board, month: data.month, locale}) : null}
      </div>
    </header>
    ${body}
  </div>`;
}

function reportBody(data, view, {locale, currency, width, tr, f}) {
  const segment = view.segment;
  const suffix = segment === "all" ? "" : `-${slug(segment)}`;
  const tileWidth = width >= 900 ? width / 4 - 16 : width >= 560 ? width / 2 - 12 : width;
  const movers = (kind) =>
    moversTable(view.movers[kind], {title: tr(`report.${kind === "churn" ? "churns" : kind === "contraction" ? "contractions" : "expansions"}`), locale, currency, tr, f, filename: `${kind}-${data.month}${suffix}`});
  return html`<div>
    ${segment === "all" ? null : html`<p class="cs-view-note">${tr("report.filter.segment")}: <strong>${segmentLabel(segment, tr)}</strong></p>`}
    <section class="cs-summary" aria-labelledby="cs-summary-h">
      <h2 id="cs-summary-h">${tr("report.summary")}</h2>
      <ul>${view.summary.map((s) => html`<li>${s}</li>`)}</ul>
    </section>
    ${segment === "all" ? attributionSection(data.attribution, {locale, currency, width}) : null}
    <section class="cs-kpis" aria-labelledby="cs-kpis-h">
      <h2 id="cs-kpis-h">${tr("report.kpis")}</h2>
      <div class="cs-kpi-grid">${view.kpis.map((k) => kpiTile(k, {locale, currency, width: tileWidth, rules: data.rules}))}</div>
      <p class="cs-kpi-legend">${tr("kpi.legend", {min: f.number(data.rules?.minSampleSize ?? 30)})}</p>
    </section>
    <section class="cs-bridge card">
      ${mrrBridge(view.bridge, {width: Math.min(width - 34, 960), locale, currency})}
      ${bridgeTable(view.bridge, {narrow: width < 640, locale, tr, f, filename: `mrr-bridge-${data.month}${suffix}`})}
    </section>
    <section class="cs-movers" aria-labelledby="cs-movers-h">
      <h2 id="cs-movers-h">${tr("report.movers")}</h2>
      <div class="cs-movers-grid">${movers("churn")}${movers("contraction")}${movers("expansion")}</div>
    </section>
    <section class="cs-at-risk" aria-labelledby="cs-risk-h">
      <h2 id="cs-risk-h">${tr("report.at_risk")}</h2>
      <p class="cs-help">${tr("report.at_risk.help")}</p>
      <p class="cs-count">${tr("report.at_risk.count", {n: f.number(view.atRisk.count), shown: view.atRisk.accounts.length})}${
        view.atRisk.count ? ` · MRR ${f.money(view.atRisk.mrr)}` : ""
      }</p>
      ${atRiskTable(view.atRisk.accounts, {locale, tr, f, filename: `at-risk-${data.month}${suffix}`})}
    </section>
  </div>`;
}

/** The bridge's figures: one row across on a wide screen, one row per movement on a phone. */
function bridgeTable(bridge, {narrow, locale, tr, f, filename}) {
  const steps = bridgeColumns(bridge);
  const row = bridgeRow(bridge, tr, f);
  const options = {static: true, locale, filename, csvColumns: steps, csvHeader: Object.fromEntries(steps.map((k) => [k, tr(`movement.${k}`)]))};
  if (narrow) {
    const rows = steps.map((k) => ({step: tr(`movement.${k}`), amount: row[k]}));
    return dataTable(rows, {
      ...options,
      columns: ["step", "amount"],
      header: {step: tr("report.bridge"), amount: tr("common.mrr")},
      format: {amount: (v) => f.money(v)},
      csvRows: [row]
    });
  }
  return dataTable([row], {
    ...options,
    columns: steps,
    header: Object.fromEntries(steps.map((k) => [k, tr(`movement.${k}`)])),
    format: Object.fromEntries(steps.map((k) => [k, (v) => f.money(v)]))
  });
}

function bridgeRow(b, tr, f) {
  return {
    start: b.mrr_start,
    new: b.new,
    expansion: b.expansion,
    reactivation: b.reactivation,
    contraction: -b.contraction,
    churn: -b.churn,
    fx: b.fx ?? 0,
    end: b.mrr_end
  };
}

/** The bridge table's columns: the FX line only when exchange rates moved MRR (issue 13). */
const bridgeColumns = (b) => ["start", "new", "expansion", "reactivation", "contraction", "churn", ...(b.fx ? ["fx"] : []), "end"];

const slug = (s) => String(s).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "segment";
const nameOf = (d) => d.account_name ?? d.account_id;

/** The largest churns / contractions / expansions of the month. */
function moversTable(rows, {title, locale, tr, f, filename}) {
  return dataTable(
    rows.map((d) => ({...d, account: nameOf(d)})),
    {
      title,
      static: true,
      locale,
      filename,
      columns: ["account", "segment", "mrr_before", "mrr_after", "delta"],
      widths: {account: "38%", segment: "17%", mrr_before: "15%", mrr_after: "15%", delta: "15%"},
      priority: {segment: 4, mrr_before: 3, mrr_after: 2},
      header: {
        account: tr("common.account"),
        segment: tr("common.segment"),
        mrr_before: tr("report.mrr_before"),
        mrr_after: tr("report.mrr_after"),
        delta: tr("report.delta")
      },
      format: {
        segment: (s) => segmentLabel(s, tr),
        mrr_before: (v) => f.money(v),
        mrr_after: (v) => f.money(v),
        delta: (v) => f.money(v).replace(/^(?=[^−])/, v > 0 ? "+" : "")
      },
      csvColumns: ["account_id", "account", "segment", "mrr_before", "mrr_after", "delta"],
      csvHeader: {
        account_id: tr("common.account_id"),
        account: tr("common.account"),
        segment: tr("common.segment"),
        mrr_before: tr("report.mrr_before"),
        mrr_after: tr("report.mrr_after"),
        delta: tr("report.delta")
      },
      empty: tr("common.none")
    }
  );
}

/** At-risk accounts: who, how much, and why (band shown as a labelled dot, never colour alone). */
function atRiskTable(rows, {locale, tr, f, filename}) {
  const reason = (d) => d.reasons.map((r) => tr(r === "red" ? "report.reason.red" : "report.reason.renewal")).join(" / ");
  const list = rows.map((d) => ({
    ...d,
    account: nameOf(d),
    reason: reason(d),
    usage: d.users_prior === null ? null : `${f.users(d.users_recent)} / ${f.users(d.users_prior)}`
  }));
  const header = {
    account: tr("common.account"),
    segment: tr("common.segment"),
    csm: tr("common.csm"),
    mrr: tr("common.mrr"),
    score: tr("report.health_score"),
    reason: tr("report.reason"),
    renewal_date: tr("report.renewal"),
    usage: tr("report.usage_trend")
  };
  return dataTable(list, {
    static: true,
    locale,
    filename,
    columns: ["account", "segment", "csm", "mrr", "score", "reason", "renewal_date", "usage"],
    // Fixed widths: the table fits a 1280px screen and the A4 page alike (names and reasons wrap).
    widths: {account: "23%", segment: "15%", csm: "10%", mrr: "10%", score: "9%", reason: "11%", renewal_date: "10%", usage: "12%"},
    nowrap: ["mrr", "score", "renewal_date", "usage"],
    priority: {csm: 5, segment: 4, usage: 3, renewal_date: 3},
    header,
    align: {usage: "right", renewal_date: "left"},
    format: {
      segment: (s) => segmentLabel(s, tr),
      mrr: (v) => f.money(v),
      renewal_date: (v) => f.dateShort(v),
      score: (v, i) => {
        const band = list[i].band;
        return band
          ? html`<span class="cs-band"><span class="cs-dot" style=${{background: BAND_COLORS[band]}}></span>${tr(`band.${band}`)} ${f.score(v)}</span>`
          : f.score(v);
      }
    },
    // The CSV keeps raw values (band as red/yellow/green, dates ISO) for spreadsheets.
    csvColumns: ["account_id", "account", "segment", "csm", "mrr", "score", "band", "reason", "renewal_date", "users_recent", "users_prior"],
    csvHeader: {
      ...header,
      account_id: tr("common.account_id"),
      band: tr("report.band"),
      users_recent: tr("report.users_recent"),
      users_prior: tr("report.users_prior")
    },
    empty: tr("common.none")
  });
}

/** The archive: one row per month, newest first, each linking to its report. */
export function reportArchive(rows, {locale = "en-US", currency = "JPY", base = "./"} = {}) {
  const tr = t(locale);
  const f = formatters(locale, currency);
  const columns = ["month", "mrr", "mrr_change", "nrr", "grr", "logo_churn_rate", "nps", "health_green_share", "at_risk"];
  const header = {
    month: tr("common.month"),
    mrr: tr("kpi.mrr"),
    mrr_change: tr("common.vs_prev"),
    nrr: tr("kpi.nrr_t12m"),
    grr: tr("kpi.grr_t12m"),
    logo_churn_rate: tr("kpi.logo_churn_monthly"),
    nps: tr("kpi.nps"),
    health_green_share: tr("kpi.health_green_share"),
    at_risk: tr("report.at_risk")
  };
  return dataTable(rows, {
    static: true,
    locale,
    filename: "monthly-reports",
    columns,
    priority: {mrr_change: 4, health_green_share: 3, logo_churn_rate: 3, at_risk: 2},
    header,
    format: {
      month: (m) => html`<a href=${`${base}${m}`}>${f.month(m)}</a>`,
      mrr: (v) => f.moneyCompact(v),
      mrr_change: (v) => f.percentDelta(v),
      nrr: (v) => f.percent(v),
      grr: (v) => f.percent(v),
      logo_churn_rate: (v) => f.percent(v),
      nps: (v) => f.nps(v),
      health_green_share: (v) => f.percent(v),
      at_risk: (v) => f.number(v)
    },
    empty: tr("common.no_data")
  });
}
