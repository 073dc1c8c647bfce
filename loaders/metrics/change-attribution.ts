/**
 * nrr_change_attribution (issue 19): why the headline moved. For trailing-12-month NRR and GRR, their
 * parts (expansion, churn and contraction over 12 months, which the KPI tree shows) and monthly logo
 * churn: the change since last month (`mom`) and since the same month last year (`yoy`), attributed
 * to the segments of each dimension so that the contributions add up exactly to the book's change,
 * each contribution split into mix (the segment's share of the base changed) and rate (the segment's
 * own rate changed).
 *
 * A book rate is a weighted mean of segment rates, R = Σ_s w_s r_s (w_s = the segment's share of the
 * base: start MRR, or accounts at start). Its change splits exactly, segment by segment, with the
 * symmetric (midpoint) decomposition:
 *   contribution_s = mix_s + rate_s
 *   mix_s  = (w1_s − w0_s) · (r̄_s − R̄)        r̄_s = (r0_s + r1_s)/2, R̄ = (R0 + R1)/2
 *   rate_s = w̄_s · (r1_s − r0_s)               w̄_s = (w0_s + w1_s)/2
 * Σ_s contribution_s = R1 − R0 because Σ_s (w1_s − w0_s) = 0 (so subtracting R̄ changes no total,
 * and a segment whose share grows only moves the book if its rate differs from the book's). A
 * segment absent at one end takes its rate from the other end (its rate part is 0).
 *
 * Plan and product segments overlap (an account on two products is in both) and an account moving
 * between them leaves one base without entering the other, so their weighted mean need not equal the
 * book's rate: the difference's change is one more row, segment `(between segments)`, all mix.
 */
import {literal, type Db} from "../db.js";
import {NO_SEGMENT} from "./account-months.js";
import type {MetricContext, MetricFamily, Month} from "./family.js";
import {LINE_DIMENSIONS, mrrDimensions} from "./segments.js";

/** Measures attributed, in table order. The t12m parts add up: nrr = grr + expansion; grr = 1 − churn − contraction. */
export const ATTRIBUTION_MEASURES = ["nrr_t12m", "grr_t12m", "logo_churn_rate", "expansion_t12m", "churn_t12m", "contraction_t12m"] as const;
export type AttributionMeasure = (typeof ATTRIBUTION_MEASURES)[number];
export const BASES = {mom: 1, yoy: 12} as const;
export type Basis = keyof typeof BASES;
/** The residual row of overlapping dimensions (plan, product). */
export const BETWEEN_SEGMENTS = "(between segments)";

export interface AttributionRow {
  month: Month;
  dimension: string;
  segment: string;
  basis: Basis;
  measure: AttributionMeasure;
  /** The month compared with (M-1 or M-12). */
  compare_month: Month;
  /** The segment's (for `all`: the book's) rate then and now; null when its base is empty. */
  value_prev: number | null;
  value: number | null;
  /** The segment's share of the dimension's base then and now (null on `all` and the residual row). */
  share_prev: number | null;
  share: number | null;
  /** Accounts in the segment's base then and now. */
  accounts_prev: number;
  accounts: number;
  /** min(accounts_prev, accounts) < config.attribution.minAccounts: too few to name as a driver. */
  small: boolean;
  contribution: number;
  mix: number;
  rate: number;
}

/** Dimensions attributed: the MRR dimensions, and the account's CSM (also when not a configured segment). */
export function attributionDimensions(ctx: MetricContext): string[] {
  const dims = mrrDimensions(ctx).filter((d) => d !== "all");
  return dims.includes("csm") ? dims : [...dims, "csm"];
}

/**
 * __attr_cells(month, dimension, segment, measure, num, den, accounts): each measure's numerator and
 * base per segment with a base, by the rules of retention_t12m (trailing 12 months: base = accounts
 * with MRR at the end of M-12; its t12m_cells) and churn (logo churn: base = accounts with MRR at the
 * end of M-1). Expansion is what NRR adds to GRR (Σ now − Σ min(now, then)); churn is the MRR then of
 * accounts with no MRR now; contraction the rest of what GRR lost (Σ then − Σ min(now, then) − churn),
 * as MRR is never negative. The CSM dimension, when it is not a configured segment, is computed here
 * the same way (an account dimension: the whole account's MRR, membership fixed).
 */
async function createCells(db: Db, ctx: MetricContext): Promise<void> {
  const ownCsm = !mrrDimensions(ctx).includes("csm");
  if (ownCsm) await createCsmCells(db);
  await db.run(`CREATE OR REPLACE TEMP TABLE __attr_cells AS
    WITH t12 AS (
      SELECT m.month, v.dimension, v.segment, c.accounts_start AS accounts, c.mrr_start AS den,
             c.mrr_now AS nrr_t12m, c.mrr_retained_gross AS grr_t12m, c.mrr_now - c.mrr_retained_gross AS expansion_t12m,
             c.mrr_churned AS churn_t12m, c.mrr_start - c.mrr_retained_gross - c.mrr_churned AS contraction_t12m
      FROM t12m_cells c JOIN months m ON m.idx = c.month_idx JOIN segment_values v USING (segment_idx)
      ${ownCsm ? "UNION ALL FROM __attr_csm_t12" : ""}
    ), logo AS (
      SELECT month, dimension, segment, accounts_start AS accounts, accounts_churned AS churned FROM churn WHERE accounts_start > 0
      ${ownCsm ? "UNION ALL FROM __attr_csm_logo" : ""}
    )
    -- Amounts stay DECIMAL (exact sums, whatever the order DuckDB adds them in): same inputs, same bytes.
    SELECT month, dimension, segment, measure, num::DECIMAL(38,2) AS num, den::DECIMAL(38,2) AS den, accounts FROM t12
      UNPIVOT (num FOR measure IN (nrr_t12m, grr_t12m, expansion_t12m, churn_t12m, contraction_t12m))
    UNION ALL
    SELECT month, dimension, segment, 'logo_churn_rate', churned::DECIMAL(38,2), accounts::DECIMAL(38,2), accounts FROM logo`);
  await db.run(`DROP TABLE IF EXISTS temp.__attr_csm_t12; DROP TABLE IF EXISTS temp.__attr_csm_logo`);
}

/** The CSM dimension's cells, as t12m_cells and churn compute them for an account dimension. */
async function createCsmCells(db: Db): Promise<void> {
  const pairs = (k: number) => `
    SELECT p.month_idx + ${k} AS month_idx, coalesce(a.csm, '${NO_SEGMENT}') AS segment, p.mrr AS mrr_then, coalesce(c.mrr, 0) AS mrr_now
    FROM segment_rows p
    LEFT JOIN segment_rows c ON c.month_idx = p.month_idx + ${k} AND c.dimension = 'all' AND c.account_idx = p.account_idx
    JOIN account_index ix ON ix.account_idx = p.account_idx JOIN accounts a ON a.account_id = ix.account_id
    WHERE p.dimension = 'all' AND p.account_mrr > 0 AND p.month_idx + ${k} < (SELECT count(*) FROM months)`;
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __attr_csm_t12 AS
    SELECT m.month, 'csm' AS dimension, segment, count(*) AS accounts, sum(mrr_then) AS den, sum(mrr_now) AS nrr_t12m,
           sum(least(mrr_now, mrr_then)) AS grr_t12m, sum(greatest(mrr_now - mrr_then, 0)) AS expansion_t12m,
           coalesce(sum(mrr_then) FILTER (WHERE mrr_now = 0), 0) AS churn_t12m,
           coalesce(sum(greatest(mrr_then - mrr_now, 0)) FILTER (WHERE mrr_now > 0), 0) AS contraction_t12m
    FROM (${pairs(12)}) JOIN months m ON m.idx = month_idx
    GROUP BY m.month, segment`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __attr_csm_logo AS
    SELECT m.month, 'csm' AS dimension, segment, count(*) AS accounts, count(*) FILTER (WHERE mrr_now = 0) AS churned
    FROM (${pairs(1)}) JOIN months m ON m.idx = month_idx
    GROUP BY m.month, segment`);
}

/** The decomposition (see the module comment), one row per segment plus `all` and the residual. */
async function buildAttribution(db: Db, ctx: MetricContext): Promise<void> {
  const dims = attributionDimensions(ctx);
  const dimList = dims.map((d, i) => `(${literal(d)}, ${i})`).join(", ");
  const measures = ATTRIBUTION_MEASURES.map((m, i) => `(${literal(m)}, ${i})`).join(", ");
  const bases = Object.entries(BASES).map(([b, k]) => `(${literal(b)}, ${k})`).join(", ");
  const overlapping = LINE_DIMENSIONS.map((d) => literal(d)).join(", ");
  const min = ctx.config.attribution.minAccounts;
  await db.run(`
    CREATE OR REPLACE TABLE nrr_change_attribution AS
    WITH dims(dimension, dim_idx) AS (VALUES ${dimList}),
    measures(measure, measure_idx) AS (VALUES ${measures}),
    bases(basis, k) AS (VALUES ${bases}),
    keys AS (SELECT DISTINCT dimension, segment, measure FROM __attr_cells WHERE dimension IN (SELECT dimension FROM dims) OR dimension = 'all'),
    pairs AS (
      SELECT m.month, m.idx, b.basis, p.month AS compare_month, k.dimension, k.segment, k.measure,
             coalesce(c0.num, 0) AS n0, coalesce(c0.den, 0) AS d0, coalesce(c0.accounts, 0) AS a0,
             coalesce(c1.num, 0) AS n1, coalesce(c1.den, 0) AS d1, coalesce(c1.accounts, 0) AS a1
      FROM months m
      CROSS JOIN bases b
      JOIN months p ON p.idx = m.idx - b.k
      CROSS JOIN keys k
      LEFT JOIN __attr_cells c0 ON c0.month = p.month AND c0.dimension = k.dimension AND c0.segment = k.segment AND c0.measure = k.measure
      LEFT JOIN __attr_cells c1 ON c1.month = m.month AND c1.dimension = k.dimension AND c1.segment = k.segment AND c1.measure = k.measure
    ),
    book AS (
      SELECT month, basis, measure, n0::DOUBLE / d0::DOUBLE AS v0, n1::DOUBLE / d1::DOUBLE AS v1, a0, a1 FROM pairs WHERE dimension = 'all' AND d0 > 0 AND d1 > 0
    ),
    tot AS (
      SELECT month, basis, dimension, measure, sum(n0)::DOUBLE / sum(d0)::DOUBLE AS book_r0, sum(n1)::DOUBLE / sum(d1)::DOUBLE AS book_r1,
             sum(d0)::DOUBLE AS book_d0, sum(d1)::DOUBLE AS book_d1
      FROM pairs WHERE dimension <> 'all' GROUP BY ALL HAVING sum(d0) > 0 AND sum(d1) > 0
    ),
    seg AS (
      SELECT p.*, t.book_r0, t.book_r1, p.d0::DOUBLE / t.book_d0 AS w0, p.d1::DOUBLE / t.book_d1 AS w1,
             CASE WHEN p.d0 > 0 THEN p.n0::DOUBLE / p.d0::DOUBLE END AS v_prev, CASE WHEN p.d1 > 0 THEN p.n1::DOUBLE / p.d1::DOUBLE END AS v_now
      FROM pairs p JOIN tot t USING (month, basis, dimension, measure) JOIN book USING (month, basis, measure)
      WHERE p.d0 > 0 OR p.d1 > 0
    ),
    eff AS (
      SELECT *, coalesce(v_prev, v_now) AS r0, coalesce(v_now, v_prev) AS r1 FROM seg
    ),
    parts AS (
      SELECT month, idx, basis, compare_month, dimension, segment, measure, v_prev AS value_prev, v_now AS value,
             w0 AS share_prev, w1 AS share, a0 AS accounts_prev, a1 AS accounts,
             (w1 - w0) * ((r0 + r1) / 2 - (book_r0 + book_r1) / 2) AS mix, (w0 + w1) / 2 * (r1 - r0) AS rate
      FROM eff
    ),
    residual AS (
      SELECT t.month, p.idx, t.basis, p.compare_month, t.dimension, '${BETWEEN_SEGMENTS}' AS segment, t.measure,
             NULL::DOUBLE AS value_prev, NULL::DOUBLE AS value, NULL::DOUBLE AS share_prev, NULL::DOUBLE AS share,
             0::BIGINT AS accounts_prev, 0::BIGINT AS accounts,
             (b.v1 - b.v0) - (t.book_r1 - t.book_r0) AS mix, 0::DOUBLE AS rate
      FROM tot t JOIN book b USING (month, basis, measure)
      JOIN (SELECT DISTINCT month, idx, basis, compare_month FROM pairs) p USING (month, basis)
      WHERE t.dimension IN (${overlapping})
    ),
    segments AS (SELECT * FROM parts UNION ALL SELECT * FROM residual),
    totals AS (
      SELECT s.month, s.idx, s.basis, s.compare_month, s.dimension, 'all' AS segment, s.measure,
             b.v0 AS value_prev, b.v1 AS value, NULL::DOUBLE AS share_prev, NULL::DOUBLE AS share,
             b.a0 AS accounts_prev, b.a1 AS accounts,
             -- Floating-point sums in a fixed order, so every run gives the same bits.
             sum(s.mix ORDER BY s.segment) AS mix, sum(s.rate ORDER BY s.segment) AS rate, b.v1 - b.v0 AS contribution
      FROM segments s JOIN book b USING (month, basis, measure)
      GROUP BY ALL
    ),
    out AS (
      SELECT *, mix + rate AS contribution FROM segments
      UNION ALL BY NAME SELECT * FROM totals
    )
    SELECT o.month, o.dimension, o.segment, o.basis, o.measure, o.compare_month, o.value_prev, o.value,
           o.share_prev, o.share, o.accounts_prev::BIGINT AS accounts_prev, o.accounts::BIGINT AS accounts,
           (o.segment <> '${BETWEEN_SEGMENTS}' AND least(o.accounts_prev, o.accounts) < ${min}) AS small,
           o.contribution, o.mix, o.rate
    FROM out o JOIN dims d USING (dimension) JOIN measures ms USING (measure)
    ORDER BY o.idx, d.dim_idx, o.basis, ms.measure_idx, o.segment <> 'all', o.segment`);
}

/** Attribution rows in table order, optionally for one month, basis and measure. */
export async function changeAttribution(
  db: Db,
  {month, basis, measure}: {month?: Month; basis?: Basis; measure?: AttributionMeasure} = {}
): Promise<AttributionRow[]> {
  return db.all<AttributionRow>(
    `SELECT * FROM nrr_change_attribution WHERE ($1::VARCHAR IS NULL OR month = $1) AND ($2::VARCHAR IS NULL OR basis = $2)
       AND ($3::VARCHAR IS NULL OR measure = $3)`,
    [month ?? null, basis ?? null, measure ?? null]
  );
}

const FORMULA =
  "Δ = R(M) − R(M−k) = Σ_s contribution_s; contribution_s = mix_s + rate_s; mix_s = (w1_s − w0_s)·((r0_s + r1_s)/2 − (R0 + R1)/2); rate_s = (w0_s + w1_s)/2·(r1_s − r0_s); w_s = base_s / Σ base, r_s = num_s / base_s, k = 1 (mom) or 12 (yoy)";

export const changeAttributionFamily: MetricFamily = {
  name: "change-attribution",
  tables: ["nrr_change_attribution"],
  definitions: [
    {
      id: "change_attribution",
      table: "nrr_change_attribution",
      name: {en: "Why the headline moved (change attribution)", ja: "指標の変化の要因分解（セグメント別寄与）"},
      formula: FORMULA,
      text: {
        en: "For trailing-12-month NRR and GRR, their parts (expansion, churn and contraction over 12 months) and monthly logo churn: the change since last month (basis mom) and since the same month last year (yoy), split over the segments of each dimension (segment, industry, region, … , plan, product, CSM). The book's rate is the base-weighted mean of its segments' rates (base: start MRR; for logo churn, accounts at start). A segment's contribution is its mix part (its share of the base changed, weighted by how far its rate is from the book's) plus its rate part (its own rate changed, weighted by its mean share); the midpoint form makes mix + rate = contribution exactly, and the contributions add up to the book's change (segment `all`). A segment absent at one end has a rate part of 0. Plan and product segments overlap and accounts move between them, so those dimensions have one more row, `(between segments)`, holding the part of the change no single segment explains (counted as mix). Segments with fewer than attribution.minAccounts accounts at either end are flagged `small`: they still add up, but the report never names them as the driver. Worked example on the Definitions page.",
        ja: "過去12か月のNRR・GRR、その内訳（12か月間の拡大・解約・縮小）と月次カスタマーチャーンについて、前月からの変化（basis mom）と前年同月からの変化（yoy）を、各軸（セグメント・業種・地域…・プラン・製品・CSM）のセグメントに分解します。全体の率は各セグメントの率を基準（期首MRR、カスタマーチャーンは期首顧客数）の構成比で加重平均したものです。セグメントの寄与は、構成比の変化による部分（mix：構成比の変化×そのセグメントの率と全体の率の差）と、セグメント自身の率の変化による部分（rate：率の変化×平均構成比）の和で、中点法により mix + rate = 寄与 が厳密に成り立ち、寄与の合計は全体の変化（segment `all`）に一致します。片方の時点にいないセグメントの rate は0です。プラン・製品は重複があり顧客が移動するため、どのセグメントにも帰属しない部分を `(between segments)` の行（mixとして計上）に示します。どちらかの時点で顧客数が attribution.minAccounts 未満のセグメントは `small` とし、合計には含めますが、レポートで変化の主因としては挙げません。計算例は指標の定義ページにあります。"
      }
    }
  ],
  async build(db, ctx) {
    await createCells(db, ctx);
    await buildAttribution(db, ctx);
    await db.run(`DROP TABLE IF EXISTS temp.__attr_cells`);
  }
};
