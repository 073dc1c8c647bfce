/**
 * The quarterly business reviews (issue 17): qbr-YYYY-Qn.json for every calendar quarter with a
 * computed month, and qbr-index.json (the quarters' headline numbers, newest first, for the reports
 * index). A quarter the as-of month falls inside is kept and marked partial, with the months it covers.
 * Everything the page shows is computed here (SQL over the metric tables, loaders/site/qbr/*).
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Db} from "../../db.js";
import type {MetricContext} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";
import {accountChanges, ACCOUNTS_LIMIT, quarterBridges} from "../qbr/bridge.js";
import {quarterHealth} from "../qbr/health.js";
import {quarterKpis, quarterValues, segmentRows} from "../qbr/kpis.js";
import {addQuarters, quartersOf} from "../qbr/quarters.js";
import type {QuarterForecast, QuarterIndexRow, QuarterlyReview} from "../qbr/types.js";
import {quarterNps, VERBATIMS_PER_CATEGORY} from "../qbr/voice.js";
import {reportDimension, reportSegments} from "../report/kpis.js";

export async function buildQuarterlyReviews(db: Db, ctx: MetricContext): Promise<{reviews: QuarterlyReview[]; index: QuarterIndexRow[]}> {
  const {config} = ctx;
  const months = (await db.all<{month: string}>(`SELECT month FROM months ORDER BY idx`)).map((r) => r.month);
  const spans = quartersOf(months);
  const spanOf = new Map(spans.map((s) => [s.quarter, s]));
  const dim = reportDimension(ctx);
  const segments = await reportSegments(db, dim);
  const values = await quarterValues(db, dim, ["all", ...segments], spans);
  const bridges = await quarterBridges(db);
  const changes = await accountChanges(db, dim);
  const nps = await quarterNps(db, ctx.asOf, config.npsMinResponses);
  const health = await quarterHealth(db);
  const forecasts = new Map(
    (
      await db.all<QuarterForecast>(`
        SELECT made_at, first_month, last_month, expected_churn_mrr::DOUBLE AS expected_churn_mrr, low::DOUBLE AS low, high::DOUBLE AS high
        FROM churn_forecast_quarter WHERE expected_churn_mrr IS NOT NULL`)
    ).map((r) => [r.made_at, r])
  );
  const min = {minSampleSize: config.minSampleSize, npsMinResponses: config.npsMinResponses};

  const reviews: QuarterlyReview[] = [];
  const index: QuarterIndexRow[] = [];
  for (const span of spans) {
    const {quarter} = span;
    const kpis = quarterKpis(values.get("all")!, spanOf, quarter, min);
    const h = health.get(quarter) ?? {start: null, end: null, transitions: [], up: 0, down: 0, same: 0, left: 0, joined: 0};
    // Without a start mix (the data begins in this quarter) there is no movement to state.
    const movement = h.start ? h : {...h, transitions: [], up: 0, down: 0, same: 0, left: 0, joined: 0};
    const last = span.months.at(-1)!;
    const review: QuarterlyReview = {
      quarter,
      months: span.months,
      partial: span.partial,
      opening: span.months[0] === months[0],
      asOf: ctx.asOf,
      locale: config.locale,
      currency: config.currency,
      previousQuarter: spanOf.has(addQuarters(quarter, -1)) ? addQuarters(quarter, -1) : null,
      lastYearQuarter: spanOf.has(addQuarters(quarter, -4)) ? addQuarters(quarter, -4) : null,
      dimension: dim,
      kpis,
      bridge: bridges.get(quarter) ?? {quarter, mrr_start: 0, new: 0, expansion: 0, reactivation: 0, contraction: 0, churn: 0, fx: 0, mrr_end: 0},
      segments: segmentRows(values, segments, quarter, min),
      nps: nps.get(quarter) ?? null,
      health: movement,
      wins: changes.get(quarter)?.wins ?? [],
      losses: changes.get(quarter)?.losses ?? [],
      forecast: forecasts.get(last) ?? null,
      rules: {...min, accountsLimit: ACCOUNTS_LIMIT, verbatimsPerCategory: VERBATIMS_PER_CATEGORY}
    };
    reviews.push(review);
    const k = (key: string) => kpis.find((x) => x.key === key)!;
    index.push({
      quarter,
      months: span.months,
      partial: span.partial,
      mrr: k("mrr").value,
      net_new_mrr: k("net_new_mrr").value,
      nrr: k("nrr").value,
      grr: k("grr").value,
      logo_churn_rate: k("logo_churn_rate").value,
      logo_churn_small: k("logo_churn_rate").small,
      nps: k("nps").value,
      nps_small: k("nps").small
    });
  }
  return {reviews, index};
}

export const qbr: SiteDataset = {
  name: "qbr",
  async write(db, ctx, dir) {
    const {reviews, index} = await buildQuarterlyReviews(db, ctx);
    for (const r of reviews) await writeFile(join(dir, `qbr-${r.quarter}.json`), JSON.stringify(r));
    await writeFile(join(dir, "qbr-index.json"), JSON.stringify(index.slice().reverse()));
  }
};
