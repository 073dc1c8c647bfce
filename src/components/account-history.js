/**
 * One account's history, from its shard file (loaders/site/datasets/account-history.ts): MRR per
 * month with its movements, health score per month against the bands, and a timeline of NPS responses,
 * CSM activities and support tickets.
 */
import * as Plot from "npm:@observablehq/plot";
import {codeLabel} from "./codes.js";
import {formatters, t} from "./i18n.js";
import {monthDate} from "./months.js";
import {BAND_COLORS, bandScale, movementScale, OKABE_ITO} from "./palette.js";
import {NPS_COLORS} from "./score-distribution.js";

/** A history shard file's JSON (gzipped by the build: loaders/site/datasets/account-history.ts). */
export async function readShard(file) {
  const inflated = new Blob([await file.arrayBuffer()]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(inflated).text());
}

/** The account's lists as arrays of objects ({months, nps, activities, tickets}), or null if absent. */
export function historyOf(shard, accountId) {
  const entry = shard?.accounts?.[accountId];
  if (!entry) return null;
  const rows = (kind) => (entry[kind] ?? []).map((r) => Object.fromEntries(shard.columns[kind].map((c, i) => [c, r[i]])));
  return {months: rows("months"), nps: rows("nps"), activities: rows("activities"), tickets: rows("tickets")};
}

const dayDate = (s) => new Date(`${String(s).slice(0, 10)}T00:00:00Z`);

function monthAxis(f, width) {
  return {type: "utc", label: null, tickFormat: (d) => f.monthShort(d.toISOString().slice(0, 7)), ticks: Math.max(2, Math.floor(width / 90))};
}

/** MRR by month as a step area, with each month's movement (new, expansion, …) as a labelled dot. */
export function accountMrrChart(history, {width = 640, height = 220, domain, title, subtitle, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const data = history.months.map((d) => ({...d, date: monthDate(d.month)}));
  const moved = data.filter((d) => d.movement);
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    marginLeft: 64,
    marginTop: 16,
    x: {...monthAxis(f, width), domain},
    y: {grid: true, label: null, tickFormat: (v) => f.moneyCompact(v), zero: true},
    color: {...movementScale(tr), legend: moved.length > 0},
    ariaLabel: title,
    ariaDescription: data.length
      ? tr("accounts.mrr_alt", {from: f.month(data[0].month), to: f.month(data.at(-1).month), first: f.money(data[0].mrr), last: f.money(data.at(-1).mrr), n: moved.length})
      : tr("common.no_data"),
    marks: [
      Plot.areaY(data, {x: "date", y: "mrr", curve: "step-after", fill: OKABE_ITO.blue, fillOpacity: 0.18}),
      Plot.lineY(data, {x: "date", y: "mrr", curve: "step-after", stroke: OKABE_ITO.blue, strokeWidth: 1.5}),
      Plot.dot(moved, {x: "date", y: "mrr", fill: "movement", r: 4, stroke: "white"}),
      Plot.ruleY([0]),
      Plot.tip(data, Plot.pointerX({x: "date", y: "mrr", title: (d) => `${f.month(d.month)}\n${f.money(d.mrr)}${d.movement ? `\n${tr(`movement.${d.movement}`)}` : ""}`}))
    ]
  });
}

/** Health score by month (0–100), dots coloured by band, with the band thresholds as dashed rules. */
export function accountHealthChart(history, {width = 640, height = 200, domain, thresholds = [], title, subtitle, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const data = history.months.filter((d) => d.health_score != null).map((d) => ({...d, date: monthDate(d.month)}));
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    marginLeft: 64,
    marginTop: 16,
    x: {...monthAxis(f, width), domain},
    y: {domain: [0, 100], grid: true, label: null},
    color: {...bandScale(tr), legend: true},
    ariaLabel: title,
    ariaDescription: data.length
      ? tr("accounts.health_alt", {from: f.month(data[0].month), to: f.month(data.at(-1).month), last: f.score(data.at(-1).health_score), band: tr(`band.${data.at(-1).health_band}`)})
      : tr("accounts.no_health"),
    marks: [
      thresholds.map((v) => Plot.ruleY([v], {stroke: OKABE_ITO.grey, strokeDasharray: "3,3"})),
      Plot.lineY(data, {x: "date", y: "health_score", stroke: OKABE_ITO.grey, strokeWidth: 1.5}),
      Plot.dot(data, {x: "date", y: "health_score", fill: {value: "health_band", scale: "color"}, r: 3.5}),
      Plot.tip(data, Plot.pointerX({x: "date", y: "health_score", title: (d) => `${f.month(d.month)}\n${tr("health.score")} ${f.score(d.health_score)} (${tr(`band.${d.health_band}`)})`}))
    ]
  });
}

/** NPS responses (coloured by category), CSM activities and support tickets on one time axis. */
export function accountEventsChart(history, {width = 640, domain, title, subtitle, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const lanes = [tr("accounts.lane_nps"), tr("accounts.lane_activities"), tr("accounts.lane_tickets")];
  const category = (s) => (s >= 9 ? "promoter" : s >= 7 ? "passive" : "detractor");
  const events = [
    ...history.nps.map((d) => ({lane: lanes[0], date: dayDate(d.date), color: NPS_COLORS[category(d.score)], label: `${f.date(d.date)}\nNPS ${d.score} (${tr(`nps.${category(d.score)}`)})`, text: String(d.score)})),
    ...history.activities.map((d) => ({lane: lanes[1], date: dayDate(d.date), color: OKABE_ITO.blue, label: `${f.date(d.date)}\n${activityLabel(tr, d.type)}${d.csm ? ` · ${d.csm}` : ""}`})),
    ...history.tickets.map((d) => ({lane: lanes[2], date: dayDate(d.created), color: d.csat != null && d.csat <= 2 ? BAND_COLORS.red : OKABE_ITO.grey, label: `${f.date(d.created)}\n${tr("accounts.ticket")}${d.priority ? ` · ${codeLabel(tr, "priority", d.priority)}` : ""}${d.csat != null ? ` · CSAT ${d.csat}` : ""}`}))
  ];
  return Plot.plot({
    width,
    height: 150,
    title,
    subtitle,
    marginLeft: 110,
    marginTop: 16,
    x: {...monthAxis(f, width), domain},
    y: {domain: lanes, label: null},
    ariaLabel: title,
    ariaDescription: tr("accounts.events_alt", {nps: history.nps.length, activities: history.activities.length, tickets: history.tickets.length}),
    marks: [
      Plot.ruleY(lanes, {stroke: "currentColor", strokeOpacity: 0.1}),
      Plot.dot(events, {x: "date", y: "lane", fill: "color", r: 4.5, fillOpacity: 0.8, clip: true}),
      Plot.tip(events, Plot.pointer({x: "date", y: "lane", title: "label"}))
    ]
  });
}

/** "qbr" → "QBR" / "四半期ビジネスレビュー（QBR）"; unknown types as they are. */
export function activityLabel(tr, type) {
  if (type == null) return "—";
  const key = `activity.${type}`;
  const label = tr(key);
  return label === key ? String(type) : label;
}
