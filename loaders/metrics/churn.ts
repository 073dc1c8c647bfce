/**
 * churn: logo and revenue churn, and the month's GRR / NRR, for the whole book and per segment of every
 * dimension (see segments.ts), one row per month × segment. Reads `segment_rows`, `account_segments` and `segment_values`.
 */
import {literal, type Db} from "../db.js";
import {segmentFxSql} from "../ingest/billing/fx.js";
import type {MetricFamily, Month} from "./family.js";
import {LINE_DIMENSIONS} from "./segments.js";

export interface ChurnRow {
  month: Month;
  dimension: string;
  segment: string;
  accounts_start: number;
  accounts_churned: number;
  logo_churn_rate: number | null;
  mrr_start: number;
  mrr_churned: number;
  mrr_contraction: number;
  revenue_churn_rate: number | null;
  grr: number | null;
  nrr: number | null;
  /** The monthly rates pooled over the trailing three months M-2..M (see definitions). */
  logo_churn_rate_t3: number | null;
  revenue_churn_rate_t3: number | null;
  grr_t3: number | null;
  nrr_t3: number | null;
}

/**
 * Segment members at the start of each month with their segment MRR then and now, and the account's
 * whole MRR now. Joined on the segment rows' integer keys. An account dimension's segment does not
 * change and its segment MRR is the account's MRR, so the account's months are paired once (on its
 * rows of dimension `all`) and spread over its segments (account_segments); a plan or product
 * segment pairs its own rows and looks the account's MRR up on its row of dimension `all`.
 */
async function buildMembers(db: Db): Promise<void> {
  const lines = LINE_DIMENSIONS.map(literal).join(", ");
  // Exchange-rate movement by the same keys (empty without billing lines in other currencies).
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __churn_fx AS
    SELECT mo.idx AS month_idx, v.segment_idx, k.account_idx, x.fx
    FROM ${segmentFxSql(LINE_DIMENSIONS)} x
    JOIN months mo USING (month) JOIN segment_values v USING (dimension, segment) JOIN account_index k USING (account_id)`);
  // Two statements, not one UNION ALL: DuckDB keeps every hash table of a statement's joins at once,
  // and both halves together outgrow memory_limit on a large book where each alone spills.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __churn_members AS
    WITH paired AS (
      SELECT p.month_idx + 1 AS month_idx, p.account_idx, p.mrr AS mrr_prev, coalesce(c.mrr, 0) AS mrr_cur
      FROM segment_rows p
      LEFT JOIN segment_rows c ON c.month_idx = p.month_idx + 1 AND c.segment_idx = p.segment_idx AND c.account_idx = p.account_idx
      WHERE p.dimension = 'all' AND p.account_mrr > 0 AND p.month_idx + 1 < (SELECT count(*) FROM months)
    )
    SELECT a.month_idx, s.segment_idx, a.mrr_prev, a.mrr_cur, a.mrr_cur AS account_cur, coalesce(x.fx, 0) AS fx
    FROM paired a JOIN account_segments s USING (account_idx)
    LEFT JOIN __churn_fx x ON x.month_idx = a.month_idx AND x.segment_idx = s.segment_idx AND x.account_idx = a.account_idx`);
  await db.run(`
    INSERT INTO __churn_members
    SELECT p.month_idx + 1, p.segment_idx, p.mrr AS mrr_prev, coalesce(c.mrr, 0) AS mrr_cur,
           coalesce(a.account_mrr, 0) AS account_cur, coalesce(x.fx, 0) AS fx
    FROM segment_rows p
    LEFT JOIN segment_rows c ON c.month_idx = p.month_idx + 1 AND c.segment_idx = p.segment_idx AND c.account_idx = p.account_idx
    LEFT JOIN segment_rows a ON a.month_idx = p.month_idx + 1 AND a.dimension = 'all' AND a.account_idx = p.account_idx
    LEFT JOIN __churn_fx x ON x.month_idx = p.month_idx + 1 AND x.segment_idx = p.segment_idx AND x.account_idx = p.account_idx
    WHERE p.account_mrr > 0 AND p.dimension IN (${lines}) AND p.month_idx + 1 < (SELECT count(*) FROM months)`);
}

/**
 * Members of a segment in M: accounts in it at the end of M-1 with account MRR > 0 then. Churned: the
 * account's whole MRR in M is 0 (their segment MRR at M-1 is churned MRR). Otherwise the change in
 * their segment MRR is contraction or expansion. New and reactivated accounts are not members.
 * Exchange-rate movement (billing lines in other currencies, issue 13) is neither: it is taken out of
 * the change first, as in the MRR bridge.
 */
async function buildChurn(db: Db): Promise<void> {
  await buildMembers(db);
  await db.run(`
    CREATE OR REPLACE TABLE churn AS
    WITH members AS (FROM __churn_members),
    cells AS (
      SELECT month_idx, segment_idx,
             count(*) AS accounts_start,
             count(*) FILTER (WHERE account_cur = 0) AS accounts_churned,
             sum(mrr_prev) AS mrr_start,
             coalesce(sum(mrr_prev) FILTER (WHERE account_cur = 0), 0) AS mrr_churned,
             coalesce(sum(greatest(mrr_prev + fx - mrr_cur, 0)) FILTER (WHERE account_cur > 0), 0) AS mrr_contraction,
             coalesce(sum(greatest(mrr_cur - mrr_prev - fx, 0)) FILTER (WHERE account_cur > 0), 0) AS mrr_expansion
      FROM members
      GROUP BY month_idx, segment_idx
    ),
    grid AS (
      SELECT m.month, m.idx, v.dimension, v.dim_idx, v.segment,
             coalesce(c.accounts_start, 0)::BIGINT AS accounts_start,
             coalesce(c.accounts_churned, 0)::BIGINT AS accounts_churned,
             coalesce(c.mrr_start, 0)::DECIMAL(18,2) AS mrr_start,
             coalesce(c.mrr_churned, 0)::DECIMAL(18,2) AS mrr_churned,
             coalesce(c.mrr_contraction, 0)::DECIMAL(18,2) AS mrr_contraction,
             coalesce(c.mrr_expansion, 0)::DECIMAL(18,2) AS mrr_expansion
      FROM months m
      CROSS JOIN segment_values v
      LEFT JOIN cells c ON c.month_idx = m.idx AND c.segment_idx = v.segment_idx
    ),
    -- The trailing three months pooled (M-2..M): sums of numerators over sums of denominators, so a
    -- month with few accounts weighs little; empty unless all three months have a previous month.
    t3 AS (
      SELECT *,
             count(*) OVER w = 3 AND min(idx) OVER w >= 1 AS has_t3,
             sum(accounts_start) OVER w AS accounts_start_t3,
             sum(accounts_churned) OVER w AS accounts_churned_t3,
             sum(mrr_start) OVER w AS mrr_start_t3,
             sum(mrr_churned + mrr_contraction) OVER w AS mrr_lost_t3,
             sum(mrr_expansion) OVER w AS mrr_expansion_t3
      FROM grid
      WINDOW w AS (PARTITION BY dimension, segment ORDER BY idx ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
    )
    SELECT month, dimension, segment, accounts_start, accounts_churned,
           CASE WHEN accounts_start > 0 THEN accounts_churned::DOUBLE / accounts_start END AS logo_churn_rate,
           mrr_start, mrr_churned, mrr_contraction,
           CASE WHEN mrr_start > 0 THEN (mrr_churned + mrr_contraction)::DOUBLE / mrr_start::DOUBLE END AS revenue_churn_rate,
           CASE WHEN mrr_start > 0 THEN (mrr_start - mrr_churned - mrr_contraction)::DOUBLE / mrr_start::DOUBLE END AS grr,
           CASE WHEN mrr_start > 0
                THEN (mrr_start - mrr_churned - mrr_contraction + mrr_expansion)::DOUBLE / mrr_start::DOUBLE END AS nrr,
           CASE WHEN has_t3 AND accounts_start_t3 > 0 THEN accounts_churned_t3::DOUBLE / accounts_start_t3 END AS logo_churn_rate_t3,
           CASE WHEN has_t3 AND mrr_start_t3 > 0 THEN mrr_lost_t3::DOUBLE / mrr_start_t3::DOUBLE END AS revenue_churn_rate_t3,
           CASE WHEN has_t3 AND mrr_start_t3 > 0 THEN (mrr_start_t3 - mrr_lost_t3)::DOUBLE / mrr_start_t3::DOUBLE END AS grr_t3,
           CASE WHEN has_t3 AND mrr_start_t3 > 0 THEN (mrr_start_t3 - mrr_lost_t3 + mrr_expansion_t3)::DOUBLE / mrr_start_t3::DOUBLE END AS nrr_t3
    FROM t3
    ORDER BY idx, dim_idx, segment`);
  await db.run(`DROP TABLE __churn_members; DROP TABLE __churn_fx`);
}

/** Churn rows in table order, optionally for one dimension (e.g. "all", "segment", "product") and one month. */
export async function churnBySegment(db: Db, {dimension, month}: {dimension?: string; month?: Month} = {}): Promise<ChurnRow[]> {
  return db.all<ChurnRow>(
    `SELECT * FROM churn WHERE ($1::VARCHAR IS NULL OR dimension = $1) AND ($2::VARCHAR IS NULL OR month = $2)`,
    [dimension ?? null, month ?? null]
  );
}

export const churn: MetricFamily = {
  name: "churn",
  tables: ["churn"],
  definitions: [
    {
      id: "accounts_start",
      table: "churn",
      name: {en: "Accounts at start", ja: "期首顧客数"},
      formula: "accounts_start(M, s) = #{a ∈ s at end of M-1 : MRR(a, M-1) > 0}",
      text: {
        en: "Accounts in the segment with MRR above 0 at the end of the previous month; mrr_start is their (segment) MRR then. In the first computed month there is no previous month, so both are 0 and the rates are empty.",
        ja: "前月末にMRRが0を超えていた、そのセグメントの顧客数です。mrr_start はその時点の（セグメントの）MRRです。集計の最初の月は前月がないため、どちらも0で率は空欄です。"
      }
    },
    {
      id: "logo_churn_rate",
      table: "churn",
      name: {en: "Logo churn rate", ja: "解約率（チャーンレート）・カスタマーチャーン"},
      formula: "logo_churn_rate(M) = accounts_churned(M) / accounts_start(M), accounts_churned = #{a : MRR(a, M-1) > 0 ∧ MRR(a, M) = 0}",
      text: {
        en: "The share of accounts with MRR at the end of M-1 whose MRR in M is 0. Empty when there were no such accounts. For plan and product segments, churn means the account's whole MRR fell to 0.",
        ja: "前月末にMRRがあった顧客のうち、当月のMRRが0になった顧客の割合です。期首顧客がいない場合は空欄です。プラン・製品別では、顧客全体のMRRが0になった場合を解約とします。"
      }
    },
    {
      id: "revenue_churn_rate",
      table: "churn",
      name: {en: "Revenue churn rate", ja: "レベニューチャーン"},
      formula: "revenue_churn_rate(M) = (mrr_churned(M) + mrr_contraction(M)) / mrr_start(M)",
      text: {
        en: "Churned plus contracted MRR in M, divided by the MRR at the end of M-1 of the accounts at start. Empty when mrr_start is 0.",
        ja: "当月の解約MRRと縮小MRRの合計を、期首顧客の前月末MRRで割った値です。期首MRRが0の場合は空欄です。"
      }
    },
    {
      id: "grr",
      table: "churn",
      name: {en: "Gross revenue retention (GRR)", ja: "売上継続率（GRR）"},
      formula: "grr(M) = (mrr_start − mrr_churned − mrr_contraction) / mrr_start",
      text: {
        en: "The share of the MRR at the end of M-1 still there in M, counting losses only (churn and contraction); at most 1. Empty when mrr_start is 0.",
        ja: "前月末のMRRのうち当月も継続しているMRRの割合で、減少（解約・縮小）のみを反映します（最大1）。期首MRRが0の場合は空欄です。"
      }
    },
    {
      id: "nrr",
      table: "churn",
      name: {en: "Net revenue retention (NRR)", ja: "売上継続率（NRR）"},
      formula: "nrr(M) = (mrr_start − mrr_churned − mrr_contraction + mrr_expansion) / mrr_start",
      text: {
        en: "Like GRR, plus the expansion of the accounts at start; new and reactivated MRR are excluded. Can exceed 1. The expansion amount is the expansion of the MRR bridge restricted to the segment (not a column of this table). Empty when mrr_start is 0.",
        ja: "GRRに期首顧客の拡大MRRを加えたもので、新規・復帰MRRは含みません。1を超えることがあります。拡大額はMRR増減内訳の拡大をセグメントに限ったものです（この表の列にはありません）。期首MRRが0の場合は空欄です。"
      }
    },
    {
      id: "churn_t3",
      table: "churn",
      name: {en: "3-month pooled rates", ja: "3か月通算の率"},
      formula: "x_t3(M) = Σ numerator(m) / Σ denominator(m) over m = M-2..M, e.g. logo_churn_rate_t3 = Σ accounts_churned / Σ accounts_start",
      text: {
        en: "logo_churn_rate_t3, revenue_churn_rate_t3, grr_t3 and nrr_t3 are still monthly rates, pooled over the trailing three months: the three months' churned accounts (or lost MRR, or retained MRR) over the three months' accounts (or MRR) at start. A month with few accounts at start weighs little, unlike an average of three monthly rates. Empty unless all three months have a previous month, or when the pooled denominator is 0. The Churn page's 3-month view draws these.",
        ja: "logo_churn_rate_t3、revenue_churn_rate_t3、grr_t3、nrr_t3 は、直近3か月を通算した月次の率です。3か月分の解約顧客数（または減少MRR・継続MRR）を、3か月分の期首顧客数（または期首MRR）で割ります。3つの月次の率の平均と違い、期首顧客の少ない月の重みは小さくなります。3か月すべてに前月がない場合、または通算の分母が0の場合は空欄です。解約ページの3か月表示はこの値を描きます。"
      }
    }
  ],
  async build(db) {
    await buildChurn(db);
  }
};
