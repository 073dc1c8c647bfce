/**
 * The monthly report's "why the headline moved" block (issue 19): for NRR, GRR (trailing 12 months)
 * and logo churn (monthly), against last month and the same month last year, the largest segment
 * contributions of the report's dimension, read from nrr_change_attribution, and one sentence in the
 * report's language naming the drivers. NRR's and GRR's contributions are split by part (churn,
 * contraction, expansion): the parts share one base, so a segment's NRR contribution is exactly its
 * expansion contribution minus its churn and contraction contributions.
 *
 * Small-sample rule: a segment with fewer than config.attribution.minAccounts accounts at either end
 * is kept in the chart (flagged) but never named in the sentence.
 */
import {formatters, t} from "../../../src/components/i18n.js";
import type {Db} from "../../db.js";
import type {AttributionMeasure, Basis} from "../../metrics/change-attribution.js";
import type {MetricContext, Month} from "../../metrics/family.js";

export type HeadlineMeasure = "nrr_t12m" | "grr_t12m" | "logo_churn_rate";
export type Part = "churn" | "contraction" | "expansion" | "rate";

/** The parts of each headline measure, with the sign their change has on it. */
const PARTS: Record<HeadlineMeasure, [AttributionMeasure, Part, 1 | -1][]> = {
  nrr_t12m: [["churn_t12m", "churn", -1], ["contraction_t12m", "contraction", -1], ["expansion_t12m", "expansion", 1]],
  grr_t12m: [["churn_t12m", "churn", -1], ["contraction_t12m", "contraction", -1]],
  logo_churn_rate: [["logo_churn_rate", "rate", 1]]
};
export const HEADLINE_MEASURES = Object.keys(PARTS) as HeadlineMeasure[];
/** Bars in the chart. */
export const ATTRIBUTION_ITEMS = 6;
/** Drivers named in the sentence. */
const NAMED = 2;

export interface AttributionItem {
  segment: string;
  part: Part;
  /** The item's contribution to the headline's change (fraction; +0.004 = +0.4 pt), and its mix / rate split. */
  contribution: number;
  mix: number;
  rate: number;
  accounts: number;
  small: boolean;
}

export interface HeadlineChange {
  measure: HeadlineMeasure;
  basis: Basis;
  compareMonth: Month;
  value: number | null;
  valuePrev: number | null;
  change: number;
  /** The largest items by size, largest first (at most ATTRIBUTION_ITEMS). */
  items: AttributionItem[];
  sentence: string;
}

export interface ReportAttribution {
  dimension: string;
  minAccounts: number;
  changes: HeadlineChange[];
}

interface Row {
  month: Month;
  segment: string;
  basis: Basis;
  measure: AttributionMeasure;
  compare_month: Month;
  value: number | null;
  value_prev: number | null;
  accounts: number;
  accounts_prev: number;
  small: boolean;
  contribution: number;
  mix: number;
  rate: number;
}

/** Every month's block, for the report's dimension (null without one). */
export async function reportAttribution(db: Db, ctx: MetricContext, dimension: string | null): Promise<Map<Month, ReportAttribution>> {
  const out = new Map<Month, ReportAttribution>();
  if (!dimension) return out;
  const rows = await db.all<Row>(
    `SELECT month, segment, basis, measure, compare_month, value, value_prev, accounts, accounts_prev, small, contribution, mix, rate
     FROM nrr_change_attribution WHERE dimension = $1`,
    [dimension]
  );
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.month}|${r.basis}|${r.measure}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  const months = [...new Set(rows.map((r) => r.month))];
  for (const month of months) {
    const changes: HeadlineChange[] = [];
    for (const measure of HEADLINE_MEASURES) {
      for (const basis of ["mom", "yoy"] as Basis[]) {
        const total = groups.get(`${month}|${basis}|${measure}`)?.find((r) => r.segment === "all");
        if (!total) continue;
        const items: AttributionItem[] = [];
        for (const [part, name, sign] of PARTS[measure]) {
          for (const r of groups.get(`${month}|${basis}|${part}`) ?? []) {
            if (r.segment === "all") continue;
            items.push({
              segment: r.segment,
              part: name,
              contribution: clean(sign * r.contribution),
              mix: clean(sign * r.mix),
              rate: clean(sign * r.rate),
              accounts: Math.min(r.accounts, r.accounts_prev),
              small: r.small
            });
          }
        }
        // Largest first; ties by segment then part, so the order is stable.
        items.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.segment.localeCompare(b.segment) || a.part.localeCompare(b.part));
        const change: HeadlineChange = {
          measure, basis, compareMonth: total.compare_month, value: total.value, valuePrev: total.value_prev,
          change: clean(total.contribution), items: items.slice(0, ATTRIBUTION_ITEMS), sentence: ""
        };
        change.sentence = sentence(change, items, dimension, ctx);
        changes.push(change);
      }
    }
    out.set(month, {dimension, minAccounts: ctx.config.attribution.minAccounts, changes});
  }
  return out;
}

const clean = (v: number) => Number(v.toPrecision(12));

/**
 * "NRR (trailing 12 months) −1.2 pt vs last month: SMB churn −0.8 pt, Enterprise expansion −0.4 pt."
 * Names at most two drivers moving the same way as the change, each with at least the minimum accounts.
 */
export function sentence(c: HeadlineChange, items: AttributionItem[], dimension: string, ctx: MetricContext): string {
  const {locale, currency} = ctx.config;
  const ja = locale === "ja-JP";
  const tr = t(locale);
  const f = formatters(locale, currency);
  const label = (key: string, fallback: string) => (tr(key) === key ? fallback : tr(key));
  const seg = (s: string) => label(`segment.${s}`, s);
  const what = tr(`attribution.measure.${c.measure}`);
  const against = tr(c.basis === "mom" ? "attribution.vs_mom" : "attribution.vs_yoy");
  if (Math.abs(c.change) < 0.0005) return tr("attribution.sentence_flat", {what, against, value: f.percent(c.value)});
  const named = items
    .filter((i) => !i.small && Math.sign(i.contribution) === Math.sign(c.change) && Math.abs(i.contribution) >= 0.0005)
    .slice(0, NAMED)
    .map((i) => {
      // "lower churn +0.4 pt": the part's direction, so a positive number never reads as more churn.
      const part = i.part === "rate" ? "" : tr(`attribution.part.${i.part}.${i.contribution > 0 ? "up" : "down"}`);
      return ja ? `${seg(i.segment)}の${part}${f.pp(i.contribution)}` : `${seg(i.segment)}${part ? ` ${part}` : ""} ${f.pp(i.contribution)}`;
    });
  const head = tr("attribution.sentence_head", {what, change: f.pp(c.change), against, value: f.percent(c.value)});
  if (named.length === 0) {
    return `${head}${tr("attribution.sentence_none", {dimension: label(`dimension.${dimension}`, dimension).toLowerCase(), n: ctx.config.attribution.minAccounts})}`;
  }
  return `${head}${tr("attribution.sentence_drivers", {drivers: named.join(ja ? "、" : ", ")})}`;
}
