/**
 * The month's digest (issue 17): the report's headline numbers and its written summary as a short
 * plain-text message and a Markdown one, for pasting into e-mail or chat, in the report's language.
 * Built from the same report-YYYY-MM.json the page draws (the total view), with the pages' own
 * formatters and labels, so every figure reads exactly as on its tile: value, period, the n and
 * interval of a rate, the small-sample mark (shown, never judged) and the target verdict.
 *
 * The text version escapes nothing (it is not markup); the Markdown version escapes every text that
 * can carry data (the title from the config, segment names inside the summary sentences).
 */
import {formatters, t} from "../../../src/components/i18n.js";
import type {Kpi, MonthlyReport} from "./types.js";

export interface DigestOptions {
  /** The report's title (config `title`), or null for the default in the report's language. */
  title: string | null;
  /** The report page's URL path, e.g. "/reports/2026-10". */
  path: string;
}

/** One KPI as the digest states it: every part already formatted in the report's language. */
export interface DigestKpi {
  label: string;
  period: string;
  value: string;
  /** "95% interval …", "n = 7 accounts": how sure the value is; empty for census figures. */
  reading: string;
  /** The small-sample mark, as on the tile; empty when the sample is large enough. */
  small: string;
  /** "Target 20.0%: Met" / "目標値20.0%：達成"; empty without a target. */
  target: string;
}

export interface Digest {
  heading: string;
  asOf: string;
  kpis: DigestKpi[];
  summary: string[];
  path: string;
  ja: boolean;
}

/** The default report title, as observablehq.config.ts names the site. */
export const defaultTitle = (ja: boolean) => (ja ? "CS月次レポート" : "Customer Success Report");

/** The digest's parts, formatted (the total view of `report`). */
export function digestOf(report: MonthlyReport, {title, path}: DigestOptions): Digest {
  const ja = report.locale === "ja-JP";
  const tr = t(report.locale);
  const f = formatters(report.locale, report.currency);
  const view = report.views.all;
  const fmt = (k: Kpi, v: number | null) => (k.unit === "money" ? f.moneyCompact(v) : k.unit === "nps" ? f.nps(v) : f.percent(v));
  const kpis = view.kpis.map((k): DigestKpi => {
    // NPS reads the quarter when the month has too few responses: the period says which.
    const period = k.basis?.kind === "quarter" ? f.quarter(k.basis.period) : k.key === "nps" ? tr("kpi.period.monthly") : tr(`kpi.period.${k.period}`);
    const reading = [
      k.interval ? tr("kpi.interval", {low: fmt(k, k.interval[0]), high: fmt(k, k.interval[1])}) : "",
      k.n !== null && k.nUnit ? tr(`kpi.n.${k.nUnit}`, {n: f.number(k.n)}) : ""
    ].filter(Boolean);
    const min = k.unit === "nps" ? report.rules.npsMinResponses : report.rules.minSampleSize;
    const small = k.small && k.value !== null ? tr("kpi.small", {min: f.number(min)}) : "";
    let target = "";
    if (k.target !== null) {
      const verdict = small ? tr("kpi.no_verdict") : k.met === null ? "—" : tr(k.met ? "common.met" : "common.not_met");
      target = ja ? `${tr("common.target")}${fmt(k, k.target)}：${verdict}` : `${tr("common.target")} ${fmt(k, k.target)}: ${verdict}`;
    }
    return {
      label: tr(`kpi.${k.key}`),
      // "trailing 12 months" mid-sentence in English; a quarter keeps its capital ("Q2 2024").
      period: ja || k.basis?.kind === "quarter" ? period : period.charAt(0).toLowerCase() + period.slice(1),
      value: k.value === null ? tr("common.no_data") : fmt(k, k.value),
      reading: reading.join(ja ? "、" : ", "),
      small,
      target
    };
  });
  const name = title ?? defaultTitle(ja);
  return {
    heading: `${name} — ${tr("report.title", {month: f.month(report.month)})}`,
    asOf: tr("common.as_of", {month: f.month(report.asOf)}),
    kpis,
    summary: view.summary,
    path,
    ja
  };
}

/** "value (reading) ⚠ small · target" for one KPI line. */
function kpiLine(k: DigestKpi, ja: boolean): string {
  const reading = k.reading ? (ja ? `（${k.reading}）` : ` (${k.reading})`) : "";
  const rest = [k.small, k.target].filter(Boolean).join(ja ? "、" : "; ");
  const head = ja ? `${k.label}（${k.period}）：${k.value}` : `${k.label} (${k.period}): ${k.value}`;
  return `${head}${reading}${rest ? ` — ${rest}` : ""}`;
}

/** The plain-text digest (about 25 lines; nothing escaped). */
export function digestText(d: Digest): string {
  const tr = t(d.ja ? "ja-JP" : "en-US");
  const lines = [
    d.heading,
    d.asOf,
    "",
    tr("report.kpis"),
    ...d.kpis.map((k) => `${d.ja ? "・" : "- "}${kpiLine(k, d.ja)}`),
    "",
    tr("report.summary"),
    ...d.summary.map((s) => (d.ja ? `・${s}` : `- ${s}`)),
    "",
    `${tr("digest.report")}: ${d.path}`
  ];
  return lines.join("\n") + "\n";
}

/**
 * Backslash-escapes what Markdown (CommonMark with GFM tables) would read as markup in a line of
 * text: the inline markers anywhere (emphasis, code, links, HTML, entities, table pipes,
 * strikethrough) and a block marker at the start (heading, quote, list item). Newlines become spaces
 * (one cell, one list item). Plain punctuation (. - + ( )) elsewhere is left as it is, readable.
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]<>|~&]/g, "\\$&")
    .replace(/^(\s*)(>|[#+=-](?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))/, (_, space, marker) => `${space}${/\d/.test(marker) ? marker + "\\" : "\\" + marker}`);
}

/** The Markdown digest: a heading, a table of the headline KPIs, the summary as a list, the link. */
export function digestMarkdown(d: Digest): string {
  const tr = t(d.ja ? "ja-JP" : "en-US");
  const e = escapeMarkdown;
  const cell = (k: DigestKpi) => [k.reading, k.small].filter(Boolean).join(d.ja ? "、" : "; ");
  const lines = [
    `## ${e(d.heading)}`,
    "",
    e(d.asOf),
    "",
    `| ${tr("report.metric")} | ${tr("digest.period")} | ${tr("report.value")} | ${tr("common.target")} | ${tr("digest.reading")} |`,
    "|---|---|--:|---|---|",
    ...d.kpis.map((k) => `| ${e(k.label)} | ${e(k.period)} | ${e(k.value)} | ${e(k.target.replace(/^(目標値|Target) ?/, ""))} | ${e(cell(k))} |`),
    "",
    `**${tr("report.summary")}**`,
    "",
    ...d.summary.map((s) => `- ${e(s)}`),
    "",
    `${tr("digest.report")}: [${e(d.path)}](${d.path})`
  ];
  return lines.join("\n") + "\n";
}
