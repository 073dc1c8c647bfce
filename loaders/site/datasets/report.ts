/**
 * The monthly report's data: report-YYYY-MM.json for every computed month, report-latest.json (the
 * as-of month) and reports-index.json (the archive's headline numbers). Each report holds, for the
 * total and for each segment of the report's dimension: the eight KPI tiles (value, last month, same
 * month last year, target, met, 13-month series), the MRR bridge, the largest movers, the at-risk
 * accounts and the written summary. Everything the page shows is computed here; the page only draws.
 * A report is a few tens of kB whatever the number of accounts (top lists are capped).
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Db} from "../../db.js";
import {addMonths} from "../../metrics/calendar.js";
import type {MetricContext, Month} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {AT_RISK_LIMIT, atRisk, bridges, FALLING_RATIO, movers, MOVERS_LIMIT, RENEWAL_DAYS, USAGE_WINDOW, viewKey} from "../report/accounts.js";
import {churnBySegment, KPI_SPECS, kpiValues, reportDimension, reportSegments, type MonthValues} from "../report/kpis.js";
import {readingOf, verdict, type Minimums} from "../report/reading.js";
import {summarize} from "../report/summary.js";
import {reportAttribution} from "../report/attribution.js";
import type {Kpi, MonthlyReport, ReportIndexRow, ReportView} from "../report/types.js";

/** Months shown in a KPI sparkline: the report month and the 12 before it. */
const SPARKLINE_MONTHS = 13;

/** Rounds away floating-point noise (1.034 − 1.02 = 0.014000000000000012) without losing precision. */
const clean = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(12)));

function kpiValue(v: MonthValues | undefined, key: Kpi["key"]): number | null {
  if (!v) return null;
  return (v as unknown as Record<string, number | null>)[key] ?? null;
}

/** One KPI tile's numbers for `month` in one view. */
function kpiFor(spec: (typeof KPI_SPECS)[number], byMonth: Map<Month, MonthValues>, month: Month, target: number | null, min: Minimums): Kpi {
  const value = kpiValue(byMonth.get(month), spec.key);
  const prevMonth = addMonths(month, -1);
  const yearMonth = addMonths(month, -12);
  const previous = kpiValue(byMonth.get(prevMonth), spec.key);
  const lastYear = kpiValue(byMonth.get(yearMonth), spec.key);
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : clean(a - b));
  const rel = (a: number | null, b: number | null) => (spec.unit !== "money" || a === null || b === null || b === 0 ? null : clean(a / b - 1));
  const series = [];
  for (let k = SPARKLINE_MONTHS - 1; k >= 0; --k) {
    const m = addMonths(month, -k);
    if (byMonth.has(m)) series.push({month: m, value: kpiValue(byMonth.get(m), spec.key)});
  }
  // The period, n, interval and small-sample flag (reading.ts); a small sample gets no verdict.
  const reading = readingOf(spec.key, byMonth.get(month), min);
  const readingAt = (m: Month) => (byMonth.has(m) ? readingOf(spec.key, byMonth.get(m), min) : null);
  const kpi: Kpi = {
    key: spec.key,
    unit: spec.unit,
    better: spec.better,
    value,
    previous,
    lastYear,
    lastYearMonth: yearMonth,
    deltaPrevious: diff(value, previous),
    deltaLastYear: diff(value, lastYear),
    changePrevious: rel(value, previous),
    changeLastYear: rel(value, lastYear),
    target,
    met: target === null || value === null || reading.small ? null : spec.better === "lower" ? value <= target : value >= target,
    series,
    period: reading.period,
    n: reading.n,
    nUnit: reading.nUnit,
    interval: reading.interval,
    small: reading.small,
    verdictPrevious: verdict(value, reading, previous, readingAt(prevMonth)),
    verdictLastYear: verdict(value, reading, lastYear, readingAt(yearMonth))
  };
  if (reading.secondary) kpi.secondary = reading.secondary;
  const v = byMonth.get(month);
  if (spec.key === "nps" && v?.nps_basis) kpi.basis = v.nps_basis;
  if (spec.key === "health_green_share" && v?.health_mix) kpi.mix = v.health_mix;
  return kpi;
}

/** Every month's report, and the archive index, from the computed metric tables. */
export async function buildReports(db: Db, ctx: MetricContext): Promise<{reports: MonthlyReport[]; index: ReportIndexRow[]}> {
  const {config} = ctx;
  const months = (await db.all<{month: string}>(`SELECT month FROM months ORDER BY idx`)).map((r) => r.month);
  const dim = reportDimension(ctx);
  const segments = await reportSegments(db, dim);
  const views = ["all", ...segments];
  const values = await kpiValues(db, ctx, dim, segments);
  const bridgeRows = await bridges(db, dim);
  const moverRows = await movers(db, dim);
  const riskRows = await atRisk(db, dim);
  const churnSegments = await churnBySegment(db, dim);
  const targets = config.targets;
  const attributions = await reportAttribution(db, ctx, dim); // issue 19

  const reports: MonthlyReport[] = [];
  const index: ReportIndexRow[] = [];
  for (const month of months) {
    const report: MonthlyReport = {
      month,
      asOf: ctx.asOf,
      latest: month === ctx.asOf,
      locale: config.locale,
      currency: config.currency,
      previousMonth: months.includes(addMonths(month, -1)) ? addMonths(month, -1) : null,
      lastYearMonth: addMonths(month, -12),
      dimension: dim,
      segments,
      views: {},
      rules: {
        atRiskRenewalDays: RENEWAL_DAYS,
        usageWindowMonths: USAGE_WINDOW,
        fallingRatio: FALLING_RATIO,
        moversLimit: MOVERS_LIMIT,
        atRiskLimit: AT_RISK_LIMIT,
        npsMinResponses: config.npsMinResponses,
        minSampleSize: config.minSampleSize
      },
      attribution: attributions.get(month) ?? null
    };
    for (const view of views) {
      const byMonth = values.get(view)!;
      // Company targets apply to every view, except the MRR target (an amount for the whole book).
      const kpis = KPI_SPECS.map((spec) =>
        kpiFor(spec, byMonth, month, spec.key === "mrr" && view !== "all" ? null : targets[spec.key] ?? null, config)
      );
      const bridge = bridgeRows.get(viewKey(view, month)) ?? {
        month,
        mrr_start: 0,
        new: 0,
        expansion: 0,
        reactivation: 0,
        contraction: 0,
        churn: 0,
        fx: 0,
        mrr_end: 0
      };
      const risk = riskRows.get(viewKey(view, month)) ?? {count: 0, mrr: 0, red: 0, renewal: 0, accounts: []};
      const v = byMonth.get(month)!;
      const r: ReportView = {
        segment: view,
        kpis,
        bridge,
        movers: moverRows.get(viewKey(view, month)) ?? {churn: [], contraction: [], expansion: []},
        atRisk: risk,
        summary: summarize({
          locale: config.locale,
          currency: config.currency,
          view,
          kpis,
          bridge,
          accountsChurned: v.accounts_churned,
          mrrChurned: v.mrr_churned,
          churnBySegment: view === "all" ? churnSegments.get(month) ?? [] : [],
          atRisk: risk,
          accountsStart: v.accounts_start,
          minSampleSize: config.minSampleSize,
          npsMinResponses: config.npsMinResponses
        })
      };
      report.views[view] = r;
    }
    reports.push(report);
    const all = report.views.all;
    const val = (k: Kpi["key"]) => all.kpis.find((x) => x.key === k)!.value;
    index.push({
      month,
      mrr: val("mrr"),
      mrr_change: all.kpis[0].changePrevious,
      nrr: val("nrr"),
      grr: val("grr"),
      logo_churn_rate: val("logo_churn_rate"),
      revenue_churn_rate: val("revenue_churn_rate"),
      nps: val("nps"),
      health_green_share: val("health_green_share"),
      onboarding_completion_rate: val("onboarding_completion_rate"),
      accounts_churned: values.get("all")!.get(month)!.accounts_churned,
      at_risk: all.atRisk.count
    });
  }
  return {reports, index};
}

export const report: SiteDataset = {
  name: "report",
  async write(db, ctx, dir) {
    const {reports, index} = await buildReports(db, ctx);
    for (const r of reports) {
      const json = JSON.stringify(r);
      await writeFile(join(dir, `report-${r.month}.json`), json);
      if (r.latest) await writeFile(join(dir, "report-latest.json"), json);
    }
    await writeFile(join(dir, "reports-index.json"), JSON.stringify(index.slice().reverse()));
  }
};
