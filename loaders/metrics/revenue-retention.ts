/**
 * retention_t12m: trailing-12-month GRR and NRR, for the whole book and per segment (see segments.ts).
 * The accounts with MRR at the end of M-12 are compared with their MRR in M. Months whose M-12 lies
 * before the first computed month have no row (there is no base to compare with).
 */
import {literal, type Db} from "../db.js";
import type {MetricFamily, Month} from "./family.js";
import {LINE_DIMENSIONS} from "./segments.js";

export interface RetentionT12mRow {
  month: Month;
  dimension: string;
  segment: string;
  accounts_start: number;
  mrr_start: number;
  mrr_retained_gross: number;
  mrr_now: number;
  grr_t12m: number | null;
  nrr_t12m: number | null;
}

/**
 * t12m_cells(month_idx, segment_idx, accounts_start, mrr_start, mrr_retained_gross, mrr_now,
 * mrr_churned), internal: per month M and segment, the accounts in the segment at the end of M-12
 * with account MRR > 0 then, their segment MRR then (mrr_start) and now (0 if no longer in the
 * segment), capped at then (mrr_retained_gross), and the MRR then of those whose whole account has no
 * MRR in M (mrr_churned). retention_t12m and the change attribution (change-attribution.ts) read it.
 *
 * Joined on the segment rows' integer keys, as churn's members: an account dimension's segment does
 * not change and its segment MRR is the account's MRR, so the account's months are paired once (its
 * rows of dimension `all`) and spread over its segments (account_segments); a plan or product
 * segment pairs its own rows and looks the account's MRR up on its row of dimension `all`. Two
 * statements, not one UNION ALL: DuckDB keeps every hash table of a statement's joins at once.
 */
async function buildT12mCells(db: Db): Promise<void> {
  const lines = LINE_DIMENSIONS.map(literal).join(", ");
  const sums = (then: string, now: string, account: string) => `
    count(*) AS accounts_start, sum(${then}) AS mrr_start, sum(least(${now}, ${then})) AS mrr_retained_gross,
    sum(${now}) AS mrr_now, coalesce(sum(${then}) FILTER (WHERE ${account} = 0), 0) AS mrr_churned`;
  await db.run(`
    CREATE OR REPLACE TABLE t12m_cells AS
    WITH paired AS (
      SELECT p.month_idx + 12 AS month_idx, p.account_idx, p.mrr AS mrr_then, coalesce(c.mrr, 0) AS mrr_now
      FROM segment_rows p
      LEFT JOIN segment_rows c ON c.month_idx = p.month_idx + 12 AND c.segment_idx = p.segment_idx AND c.account_idx = p.account_idx
      WHERE p.dimension = 'all' AND p.account_mrr > 0 AND p.month_idx + 12 < (SELECT count(*) FROM months)
    )
    SELECT a.month_idx, s.segment_idx, ${sums("a.mrr_then", "a.mrr_now", "a.mrr_now")}
    FROM paired a JOIN account_segments s USING (account_idx)
    GROUP BY a.month_idx, s.segment_idx`);
  await db.run(`
    INSERT INTO t12m_cells
    SELECT p.month_idx + 12, p.segment_idx, ${sums("p.mrr", "coalesce(c.mrr, 0)", "coalesce(a.mrr, 0)")}
    FROM segment_rows p
    LEFT JOIN segment_rows c ON c.month_idx = p.month_idx + 12 AND c.segment_idx = p.segment_idx AND c.account_idx = p.account_idx
    LEFT JOIN segment_rows a ON a.month_idx = p.month_idx + 12 AND a.dimension = 'all' AND a.account_idx = p.account_idx
    WHERE p.dimension IN (${lines}) AND p.account_mrr > 0 AND p.month_idx + 12 < (SELECT count(*) FROM months)
    GROUP BY p.month_idx, p.segment_idx`);
}

/**
 * Base: accounts in the segment at the end of M-12 with account MRR > 0 then, with their segment MRR
 * then (mrr_start) and now (0 if no longer in the segment). GRR caps each account at its start MRR.
 */
async function buildRetentionT12m(db: Db): Promise<void> {
  await buildT12mCells(db);
  await db.run(`
    CREATE OR REPLACE TABLE retention_t12m AS
    WITH grid AS (
      SELECT m.month, m.idx, v.dimension, v.dim_idx, v.segment,
             coalesce(c.accounts_start, 0)::BIGINT AS accounts_start,
             coalesce(c.mrr_start, 0)::DECIMAL(18,2) AS mrr_start,
             coalesce(c.mrr_retained_gross, 0)::DECIMAL(18,2) AS mrr_retained_gross,
             coalesce(c.mrr_now, 0)::DECIMAL(18,2) AS mrr_now
      FROM months m
      CROSS JOIN segment_values v
      LEFT JOIN t12m_cells c ON c.month_idx = m.idx AND c.segment_idx = v.segment_idx
      WHERE m.idx >= 12
    )
    SELECT month, dimension, segment, accounts_start, mrr_start, mrr_retained_gross, mrr_now,
           CASE WHEN mrr_start > 0 THEN mrr_retained_gross::DOUBLE / mrr_start::DOUBLE END AS grr_t12m,
           CASE WHEN mrr_start > 0 THEN mrr_now::DOUBLE / mrr_start::DOUBLE END AS nrr_t12m
    FROM grid
    ORDER BY idx, dim_idx, segment`);
}

/** Trailing-12-month GRR/NRR rows in table order, optionally for one dimension and one month. */
export async function retentionT12m(db: Db, {dimension, month}: {dimension?: string; month?: Month} = {}): Promise<RetentionT12mRow[]> {
  return db.all<RetentionT12mRow>(
    `SELECT * FROM retention_t12m WHERE ($1::VARCHAR IS NULL OR dimension = $1) AND ($2::VARCHAR IS NULL OR month = $2)`,
    [dimension ?? null, month ?? null]
  );
}

export const revenueRetention: MetricFamily = {
  name: "revenue-retention",
  tables: ["retention_t12m"],
  definitions: [
    {
      id: "grr_t12m",
      table: "retention_t12m",
      name: {en: "Trailing-12-month GRR", ja: "売上継続率（GRR・過去12か月）"},
      formula: "grr_t12m(M) = Σ_a min(MRR(a, M), MRR(a, M-12)) / Σ_a MRR(a, M-12), a over accounts with MRR(a, M-12) > 0",
      text: {
        en: "Of the accounts with MRR at the end of M-12 (accounts_start, their MRR mrr_start), the MRR they still have in M, each capped at its MRR in M-12 (mrr_retained_gross), divided by mrr_start. Accounts gained since are excluded; an account that left and came back counts with its MRR now. Months less than 12 months after the first computed month have no row; empty when mrr_start is 0. Plan and product segments use the MRR of the segment's lines, with membership taken at M-12.",
        ja: "12か月前（M-12）の月末にMRRがあった顧客（accounts_start、そのMRRが mrr_start）について、当月のMRRを顧客ごとにM-12のMRRを上限として合計し（mrr_retained_gross）、mrr_start で割った値です。その後に獲得した顧客は含みません。一度解約して復帰した顧客は現在のMRRで数えます。集計開始から12か月未満の月は行がありません。mrr_start が0の場合は空欄です。プラン・製品別は、M-12時点の所属と、そのセグメントの明細のMRRで計算します。"
      }
    },
    {
      id: "nrr_t12m",
      table: "retention_t12m",
      name: {en: "Trailing-12-month NRR", ja: "売上継続率（NRR・過去12か月）"},
      formula: "nrr_t12m(M) = Σ_a MRR(a, M) / Σ_a MRR(a, M-12), a over accounts with MRR(a, M-12) > 0",
      text: {
        en: "The MRR in M (mrr_now) of the accounts that had MRR at the end of M-12, divided by their MRR then, expansion included (can exceed 1). Same rows and empty values as the trailing-12-month GRR.",
        ja: "12か月前の月末にMRRがあった顧客の当月MRR（mrr_now）を、当時のMRRで割った値で、拡大を含みます（1を超えることがあります）。行と空欄の扱いは過去12か月のGRRと同じです。"
      }
    }
  ],
  async build(db) {
    await buildRetentionT12m(db);
  }
};
