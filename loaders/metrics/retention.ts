/**
 * retention_cohorts: logo and revenue retention of each cohort (accounts whose first month with MRR > 0
 * is the same) k months later, for the whole book and per segment (see segments.ts), so the site can
 * draw cohort heatmaps by segment. Reads `segment_rows` and `account_segments` (see segments.ts).
 */
import {literal, type Db} from "../db.js";
import {LINE_DIMENSIONS} from "./segments.js";
import type {MetricFamily, Month} from "./family.js";

export interface CohortRow {
  cohort: Month;
  dimension: string;
  segment: string;
  months_since: number;
  accounts_start: number;
  accounts_retained: number;
  logo_retention: number | null;
  mrr_start: number;
  mrr: number;
  revenue_retention: number | null;
}

/**
 * Cohort members per segment: the cohort's accounts in that segment in the cohort month (for plan and
 * product: with a line of it then), followed k = 0 .. asOf - cohort months. Retained: account MRR > 0
 * in cohort + k; mrr: the members' segment MRR in cohort + k (expansion included).
 */
async function buildRetentionCohorts(db: Db): Promise<void> {
  // Joined on the segment rows' integer keys. An account dimension's segment does not change and its
  // segment MRR is the account's MRR, so each account's months are followed once (on its rows of
  // dimension `all`) and spread over its segments (account_segments); a plan or product member
  // follows its own rows and looks the account's MRR up on its row of dimension `all`.
  const lines = LINE_DIMENSIONS.map(literal).join(", ");
  await db.run(`
    CREATE OR REPLACE TABLE retention_cohorts AS
    WITH accounts_all AS (
      SELECT month_idx, segment_idx, account_idx, mrr, account_mrr FROM segment_rows WHERE dimension = 'all'
    ),
    first_paid AS (
      SELECT account_idx, min(month_idx) AS cohort_idx FROM accounts_all WHERE account_mrr > 0 GROUP BY account_idx
    ),
    followed AS (
      SELECT f.account_idx, f.cohort_idx, a.month_idx - f.cohort_idx AS months_since, a.account_mrr
      FROM first_paid f JOIN accounts_all a ON a.account_idx = f.account_idx AND a.month_idx >= f.cohort_idx
    ),
    starts AS (
      SELECT f.account_idx, f.cohort_idx, a.account_mrr AS mrr0
      FROM first_paid f JOIN accounts_all a ON a.account_idx = f.account_idx AND a.month_idx = f.cohort_idx
    ),
    account_cells AS (
      SELECT st.cohort_idx, s.segment_idx, count(*) AS accounts_start, sum(st.mrr0) AS mrr_start
      FROM starts st JOIN account_segments s USING (account_idx)
      GROUP BY ALL
    ),
    account_kept AS (
      SELECT f.cohort_idx, s.segment_idx, f.months_since,
             count(*) FILTER (WHERE f.account_mrr > 0) AS accounts_retained, sum(f.account_mrr) AS mrr
      FROM followed f JOIN account_segments s USING (account_idx)
      GROUP BY ALL
    ),
    line_members AS (
      SELECT f.cohort_idx, s.segment_idx, s.account_idx, s.mrr AS mrr0
      FROM first_paid f
      JOIN segment_rows s ON s.account_idx = f.account_idx AND s.month_idx = f.cohort_idx AND s.dimension IN (${lines})
    ),
    line_cells AS (
      SELECT cohort_idx, segment_idx, count(*) AS accounts_start, sum(mrr0) AS mrr_start FROM line_members GROUP BY ALL
    ),
    line_kept AS (
      SELECT mb.cohort_idx, mb.segment_idx, a.month_idx - mb.cohort_idx AS months_since,
             count(*) FILTER (WHERE a.account_mrr > 0) AS accounts_retained, sum(s.mrr) AS mrr
      FROM line_members mb
      JOIN accounts_all a ON a.account_idx = mb.account_idx AND a.month_idx >= mb.cohort_idx
      LEFT JOIN segment_rows s ON s.month_idx = a.month_idx AND s.segment_idx = mb.segment_idx AND s.account_idx = mb.account_idx
      GROUP BY ALL
    ),
    cells AS (
      SELECT c.cohort_idx, c.segment_idx, (m.idx - c.cohort_idx)::INTEGER AS months_since, c.accounts_start,
             coalesce(k.accounts_retained, 0) AS accounts_retained, c.mrr_start, coalesce(k.mrr, 0) AS mrr
      FROM (SELECT * FROM account_cells UNION ALL SELECT * FROM line_cells) c
      JOIN months m ON m.idx >= c.cohort_idx
      LEFT JOIN (SELECT * FROM account_kept UNION ALL SELECT * FROM line_kept) k
        ON k.cohort_idx = c.cohort_idx AND k.segment_idx = c.segment_idx AND k.months_since = m.idx - c.cohort_idx
    )
    SELECT cm.month AS cohort, v.dimension, v.segment, c.months_since,
           c.accounts_start::BIGINT AS accounts_start, c.accounts_retained::BIGINT AS accounts_retained,
           c.accounts_retained::DOUBLE / c.accounts_start AS logo_retention,
           c.mrr_start::DECIMAL(18,2) AS mrr_start, c.mrr::DECIMAL(18,2) AS mrr,
           CASE WHEN c.mrr_start > 0 THEN c.mrr::DOUBLE / c.mrr_start::DOUBLE END AS revenue_retention
    FROM cells c
    JOIN segment_values v USING (segment_idx)
    JOIN months cm ON cm.idx = c.cohort_idx
    ORDER BY c.cohort_idx, c.segment_idx, c.months_since`);
}

/** Cohort rows in table order (cohort, dimension, segment, k), by default for the whole book. */
export async function cohortRetention(
  db: Db,
  {dimension = "all", segment}: {dimension?: string; segment?: string} = {}
): Promise<CohortRow[]> {
  return db.all<CohortRow>(
    `SELECT * FROM retention_cohorts WHERE dimension = $1 AND ($2::VARCHAR IS NULL OR segment = $2)`,
    [dimension, segment ?? null]
  );
}

export const retention: MetricFamily = {
  name: "retention",
  tables: ["retention_cohorts"],
  definitions: [
    {
      id: "cohort",
      table: "retention_cohorts",
      name: {en: "Cohort", ja: "コホート"},
      formula: "cohort(a) = min{M : MRR(a, M) > 0}; months_since k = 0 … asOf − cohort",
      text: {
        en: "An account's cohort is its first month with MRR above 0. Each cohort is followed from k = 0 (the cohort month) to the as-of month. Rows exist per dimension and segment too (columns dimension, segment, after cohort): an account belongs to the segments it is in during its cohort month (for plan and product, those of its lines then), and a cohort has rows only in segments with at least one account.",
        ja: "顧客のコホートは、MRRが初めて0を超えた月です。各コホートを k = 0（コホートの月）から基準月まで追跡します。セグメント別の行もあります（cohort の後の dimension・segment 列）。顧客はコホートの月に属していたセグメント（プラン・製品はその月の明細のもの）に数え、顧客が1社以上いるセグメントのみ行を出力します。"
      }
    },
    {
      id: "logo_retention",
      table: "retention_cohorts",
      name: {en: "Cohort logo retention", ja: "コホート別継続率（顧客数）"},
      formula: "logo_retention(c, k) = #{a ∈ c : MRR(a, c + k) > 0} / #c",
      text: {
        en: "The share of the cohort's accounts (accounts_start) with MRR above 0 in month cohort + k (accounts_retained). Accounts that left and came back count again once they return.",
        ja: "コホートの顧客（accounts_start）のうち、コホート + k か月目にMRRが0を超えている顧客（accounts_retained）の割合です。解約後に復帰した顧客は、復帰した月から再び数えます。"
      }
    },
    {
      id: "revenue_retention",
      table: "retention_cohorts",
      name: {en: "Cohort revenue retention", ja: "コホート別継続率（売上）"},
      formula: "revenue_retention(c, k) = Σ_{a ∈ c} MRR(a, c + k) / Σ_{a ∈ c} MRR(a, c)",
      text: {
        en: "The cohort's MRR in month cohort + k (mrr, all of the cohort's accounts, expansion included) divided by its MRR in the cohort month (mrr_start); can exceed 1. For plan and product segments, the MRR of that segment's lines. Empty when mrr_start is 0.",
        ja: "コホート + k か月目のコホート全体のMRR（mrr、拡大を含む）を、コホートの月のMRR（mrr_start）で割った値で、1を超えることがあります。プラン・製品別はそのセグメントの明細のMRRです。mrr_start が0の場合は空欄です。"
      }
    }
  ],
  async build(db) {
    await buildRetentionCohorts(db);
  }
};
