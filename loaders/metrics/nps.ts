/**
 * nps: Net Promoter Score per month and per quarter of the responses, for all responses and per
 * segment of every account dimension, with its 95% normal interval and a flag for cells with too few
 * responses to read (config.npsMinResponses).
 */
import {ident, literal, type Db} from "../db.js";
import {NO_SEGMENT} from "./account-months.js";
import type {MetricContext, MetricFamily} from "./family.js";

export interface NpsRow {
  /** "YYYY-MM" or "YYYY-Qn". */
  period: string;
  dimension: string;
  segment: string;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number;
  ci_low: number;
  ci_high: number;
  low_responses: boolean;
}

/**
 * Every response up to the end of the as-of month counts, including those before the first month of
 * MRR; periods without responses have no row. Anonymous responses (no account_id) count in `all` only.
 * The interval's variance term uses counts, (P + D)·n − (P − D)², so it is never negative from rounding.
 */
async function buildNps(db: Db, ctx: MetricContext): Promise<void> {
  const dims = ctx.dimensions.filter((d) => d !== "all");
  const segments = dims.map(
    (d, i) => `SELECT r.*, ${literal(d)} AS dimension, ${i + 1} AS dim_idx, coalesce(a.${ident(d)}, '${NO_SEGMENT}') AS segment
               FROM responses r JOIN accounts a USING (account_id)`
  );
  await db.run(
    `
    CREATE OR REPLACE TABLE nps AS
    WITH responses AS (
      SELECT account_id, score, strftime(responded_at, '%Y-%m') AS month,
             year(responded_at) || '-Q' || quarter(responded_at) AS quarter
      FROM nps_responses
      WHERE responded_at <= last_day(strptime(?, '%Y-%m'))
    ),
    tagged AS (
      SELECT r.*, 'all' AS dimension, 0 AS dim_idx, 'all' AS segment FROM responses r
      ${segments.map((q) => `UNION ALL ${q}`).join("\n")}
    ),
    periods AS (
      SELECT month AS period, 0 AS period_kind, dimension, dim_idx, segment, score FROM tagged
      UNION ALL
      SELECT quarter, 1, dimension, dim_idx, segment, score FROM tagged
    ),
    cells AS (
      SELECT period, period_kind, dimension, dim_idx, segment,
             count(*) AS n,
             count(*) FILTER (WHERE score >= 9) AS p,
             count(*) FILTER (WHERE score BETWEEN 7 AND 8) AS pa,
             count(*) FILTER (WHERE score <= 6) AS d
      FROM periods
      GROUP BY ALL
    ),
    scored AS (
      SELECT *, 100::DOUBLE * (p - d) / n AS score,
             1.96 * 100 * sqrt(greatest(((p + d) * n - (p - d) * (p - d))::DOUBLE, 0) / (n::DOUBLE * n * n)) AS half
      FROM cells
    )
    SELECT period, dimension, segment, n::BIGINT AS responses, p::BIGINT AS promoters, pa::BIGINT AS passives,
           d::BIGINT AS detractors, score::DOUBLE AS nps,
           greatest(score - half, -100)::DOUBLE AS ci_low, least(score + half, 100)::DOUBLE AS ci_high,
           n < ? AS low_responses
    FROM scored
    ORDER BY period_kind, period, dim_idx, segment`,
    [ctx.asOf, ctx.config.npsMinResponses]
  );
}

/** NPS rows in table order, optionally for months or quarters only and for one dimension. */
export async function npsByPeriod(
  db: Db,
  {periods, dimension}: {periods?: "month" | "quarter"; dimension?: string} = {}
): Promise<NpsRow[]> {
  return db.all<NpsRow>(
    `SELECT * FROM nps
     WHERE ($1::VARCHAR IS NULL OR (CASE WHEN period LIKE '%Q%' THEN 'quarter' ELSE 'month' END) = $1)
       AND ($2::VARCHAR IS NULL OR dimension = $2)`,
    [periods ?? null, dimension ?? null]
  );
}

export const nps: MetricFamily = {
  name: "nps",
  tables: ["nps"],
  definitions: [
    {
      id: "nps",
      table: "nps",
      name: {en: "Net Promoter Score (NPS)", ja: "NPS（顧客推奨度）"},
      formula: "NPS = 100 · (promoters − detractors) / responses; promoter 9–10, passive 7–8, detractor 0–6",
      text: {
        en: "Of the survey responses in the period (a month YYYY-MM or a quarter YYYY-Qn of responded_at; every response up to the as-of month, periods without responses have no row): the share of promoters (9–10) minus the share of detractors (0–6), times 100; from −100 to 100. Dimension `all` counts every response, anonymous ones included; per-segment rows count the responses of accounts in the segment (anonymous responses are left out).",
        ja: "期間（回答日の月 YYYY-MM または四半期 YYYY-Qn。基準月までのすべての回答が対象で、回答のない期間は行がありません）の回答のうち、推奨者（9〜10）の割合から批判者（0〜6）の割合を引いて100を掛けた値（−100〜100）です。中立者は7〜8です。`all` は匿名回答を含むすべての回答、セグメント別はそのセグメントの顧客の回答（匿名回答は除く）で計算します。"
      }
    },
    {
      id: "nps_ci",
      table: "nps",
      name: {en: "NPS 95% interval", ja: "NPSの95%信頼区間"},
      formula: "ci = NPS ± 1.96 · 100 · √((p + d − (p − d)²) / n), p = promoters / n, d = detractors / n, clipped to [−100, 100]",
      text: {
        en: "ci_low and ci_high bound the 95% normal-approximation interval of the NPS, clipped to −100 … 100. With one response (or all responses in one group) the interval has width 0.",
        ja: "ci_low・ci_high は正規近似によるNPSの95%信頼区間で、−100〜100の範囲に収めます。回答が1件の場合（またはすべて同じ区分の場合）、区間の幅は0です。"
      }
    },
    {
      id: "nps_low_responses",
      table: "nps",
      name: {en: "Too few responses", ja: "回答数不足"},
      formula: "low_responses = responses < npsMinResponses (default 30)",
      text: {
        en: "An extra column after ci_high: true when the cell has fewer responses than the configured minimum (npsMinResponses, 30 by default), too few to read as a trend.",
        ja: "ci_high の後の追加列です。回答数が設定の最小値（npsMinResponses、既定30件）未満のとき true となり、傾向を読むには少なすぎることを示します。"
      }
    }
  ],
  async build(db, ctx) {
    await buildNps(db, ctx);
  }
};
