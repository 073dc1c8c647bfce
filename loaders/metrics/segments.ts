/**
 * Segment membership, shared by churn, trailing-12-month retention and cohorts: the internal tables
 * `segment_months` (each account's MRR in each segment of each dimension, per month) and
 * `segment_values` (every segment of every dimension, in report order). No output table of its own.
 *
 * Dimensions, in report order: `all` (one segment, `all`), every account dimension of the context
 * (the account's value; NO_SEGMENT when empty), then `plan` and `product`, which come from the
 * subscription lines counted in the month: an account is in every plan / product it has a line of,
 * with the MRR of those lines only (an account on two products is in both, each with its own MRR).
 */
import {ident, literal, type Db} from "../db.js";
import {NO_SEGMENT} from "./account-months.js";
import type {MetricContext, MetricFamily} from "./family.js";

/** Dimensions computed from subscription lines rather than from accounts. */
export const LINE_DIMENSIONS = ["plan", "product"] as const;

/**
 * The dimensions reported for MRR metrics, in order. An account column that is itself called `all`,
 * `plan` or `product` is left out: those names belong to the total and the line dimensions.
 */
export function mrrDimensions(ctx: MetricContext): string[] {
  const reserved = new Set<string>(["all", ...LINE_DIMENSIONS]);
  return ["all", ...ctx.dimensions.filter((d) => !reserved.has(d)), ...LINE_DIMENSIONS];
}

/** The account dimensions among mrrDimensions (their segment is a column of account_months). */
export function accountDimensions(ctx: MetricContext): string[] {
  const reserved = new Set<string>(["all", ...LINE_DIMENSIONS]);
  return ctx.dimensions.filter((d) => !reserved.has(d));
}

/**
 * segment_months(month, month_idx, dimension, segment, segment_idx, account_id, account_idx, mrr,
 * account_mrr), a view: one row per account per month with a counted line, per dimension and segment it
 * belongs to that month. Stored are only the rows of `all`, plan and product (segment_rows); an
 * account dimension's rows are the `all` rows under the account's segment (account_segments), so the
 * readers that go by account (churn, cohorts) compute once per account and spread the result. `mrr` is the account's MRR on that segment's lines (for `all` and account
 * dimensions: its whole MRR); `account_mrr` is the account's total MRR in the month. The `_idx`
 * columns are integer keys (months.idx, segment_values.segment_idx, account_index.account_idx).
 * Internal and unordered: every reader sorts its own output.
 */
async function buildSegmentMonths(db: Db, ctx: MetricContext): Promise<void> {
  // Integer keys for the month, segment and account: readers join this table to itself month over
  // month, and joins on integers are several times faster than on the strings (issue 16).
  await db.run(`
    CREATE OR REPLACE TABLE account_index AS
    SELECT account_id, (row_number() OVER (ORDER BY account_id))::INTEGER AS account_idx FROM accounts`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __account_rows AS
    SELECT a.*, m.idx::INTEGER AS month_idx, k.account_idx
    FROM account_months a JOIN months m USING (month) JOIN account_index k USING (account_id)`);
  const lineRows = (d: string) => `
    SELECT a.month, a.month_idx, l.${ident(d)}::VARCHAR AS segment, a.account_id, a.account_idx,
           sum(l.mrr)::DECIMAL(18,2) AS mrr, any_value(a.mrr) AS account_mrr
    FROM line_months l JOIN __account_rows a USING (month, account_id)
    GROUP BY a.month, a.month_idx, l.${ident(d)}, a.account_id, a.account_idx`;
  const sources: [string, string][] = [
    ["all", `SELECT month, month_idx, 'all' AS segment, account_id, account_idx, mrr, mrr AS account_mrr FROM __account_rows`],
    ...LINE_DIMENSIONS.map((d): [string, string] => [d, lineRows(d)])
  ];
  await db.run(`CREATE OR REPLACE TEMP TABLE __line_segments AS ${LINE_DIMENSIONS.map((d) => `SELECT DISTINCT ${literal(d)} AS dimension, ${ident(d)}::VARCHAR AS segment FROM line_months SEMI JOIN accounts USING (account_id)`).join(" UNION ALL ")}`);
  await buildSegmentValues(db, ctx, [
    ...accountDimensions(ctx).map((d) => `SELECT DISTINCT ${literal(d)} AS dimension, ${ident(d)}::VARCHAR AS segment FROM account_months`),
    `SELECT * FROM __line_segments`
  ]);
  await db.run(`
    CREATE OR REPLACE TABLE segment_rows AS
    ${sources
      .map(
        ([d, q]) => `SELECT r.month, r.month_idx, ${literal(d)} AS dimension, r.segment, v.segment_idx, r.account_id, r.account_idx,
                            r.mrr::DECIMAL(18,2) AS mrr, r.account_mrr::DECIMAL(18,2) AS account_mrr
                     FROM (${q}) r JOIN segment_values v ON v.dimension = ${literal(d)} AND v.segment = r.segment`
      )
      .join("\nUNION ALL\n")}`);
  // account_segments(account_idx, segment_idx, dimension): the segments of `all` and of the account
  // dimensions each account is in (they do not change over time).
  await db.run(`
    CREATE OR REPLACE TABLE account_segments AS
    ${[["all", "'all'"] as const, ...accountDimensions(ctx).map((d) => [d, `coalesce(a.${ident(d)}::VARCHAR, '${NO_SEGMENT}')`] as const)]
      .map(
        ([d, segment]) => `SELECT k.account_idx, v.segment_idx, v.dimension
                           FROM accounts a JOIN account_index k USING (account_id)
                           JOIN segment_values v ON v.dimension = ${literal(d)} AND v.segment = ${segment}`
      )
      .join("\nUNION ALL\n")}`);
  // The account dimensions' rows are the account's rows of `all` under its segments: a view, not copies.
  await db.run(`
    CREATE OR REPLACE VIEW segment_months AS
    SELECT * FROM segment_rows
    UNION ALL
    SELECT r.month, r.month_idx, v.dimension, v.segment, v.segment_idx, r.account_id, r.account_idx, r.mrr, r.account_mrr
    FROM segment_rows r
    JOIN account_segments s ON s.account_idx = r.account_idx AND s.dimension <> 'all'
    JOIN segment_values v ON v.segment_idx = s.segment_idx
    WHERE r.dimension = 'all'`);
  await db.run(`DROP TABLE __account_rows`);
  await db.run(`DROP TABLE __line_segments`);
}

/**
 * segment_values(dimension, dim_idx, segment, segment_idx): every segment seen in any computed month
 * (in segment_months), so that metric series are continuous; `all` always has its one segment.
 * segment_idx numbers them in report order.
 */
async function buildSegmentValues(db: Db, ctx: MetricContext, sources: string[]): Promise<void> {
  const dims = mrrDimensions(ctx).map((d, i) => `(${literal(d)}, ${i})`);
  await db.run(`
    CREATE OR REPLACE TABLE segment_values AS
    WITH dims(dimension, dim_idx) AS (VALUES ${dims.join(", ")})
    SELECT d.dimension, d.dim_idx::INTEGER AS dim_idx, v.segment,
           (row_number() OVER (ORDER BY d.dim_idx, v.segment))::INTEGER AS segment_idx
    FROM dims d
    JOIN (${[...sources, `SELECT 'all', 'all'`].join(" UNION ")}) v USING (dimension)
    ORDER BY dim_idx, segment`);
}

export const segmentMonths: MetricFamily = {
  name: "segments",
  tables: [],
  definitions: [
    {
      id: "segment_dimensions",
      table: "churn",
      name: {en: "Segments", ja: "セグメント"},
      formula: "dimensions = all, account columns (segment, industry, region …), plan, product",
      text: {
        en: "MRR metrics are reported for the whole book (dimension `all`, segment `all`), for each configured account column (the account's value; `(none)` when empty, so the segments add up to the total), and for the `plan` and `product` of the subscription lines.",
        ja: "MRR系の指標は、全体（dimension `all`、segment `all`）、設定された顧客属性の列ごと（顧客の値。空欄は `(none)` とし、セグメントの合計が全体と一致します）、および契約明細の `plan`・`product` ごとに集計します。"
      }
    },
    {
      id: "line_segment_rule",
      table: "churn",
      name: {en: "Plan and product segments", ja: "プラン・製品別セグメント"},
      formula: "a ∈ s(M) ⇔ a has a line of s counted at end of M-1; MRR_s(a, M) = Σ mrr of a's lines of s counted in M",
      text: {
        en: "For the plan and product dimensions, an account belongs in month M to every plan or product of which it has a line counted at the end of M-1 (an account on two products counts in both), and its segment MRR is the MRR of those lines only. Logo churn still means the whole account's MRR fell to 0. Moving to another plan or product shows as contraction in the old segment; the new segment counts the account from the next month. Segment figures of plan and product therefore need not add up to the total.",
        ja: "プラン・製品の軸では、月Mの期首（M-1の月末）に計上されている契約明細のプラン・製品すべてに顧客が属し（2製品を契約する顧客は両方に数えます）、そのセグメントのMRRはその明細のMRRのみです。カスタマーチャーンは顧客全体のMRRが0になった場合です。別のプラン・製品への移行は旧セグメントでは縮小として表れ、新セグメントでは翌月から数えます。そのためプラン・製品別の合計は全体と一致するとは限りません。"
      }
    },
    {
      id: "empty_segments",
      table: "churn",
      name: {en: "Empty segments", ja: "該当顧客のいないセグメント"},
      formula: "rows for every (month, segment seen in any month); accounts_start = 0 ⇒ rates empty",
      text: {
        en: "Churn and trailing-12-month retention have a row for every month and every segment seen in any computed month, even when no account is in it at the start of the month: counts and amounts are 0 and the rates are empty, so each segment's series is continuous.",
        ja: "解約率と過去12か月の売上継続率は、いずれかの月に現れたすべてのセグメントについて毎月1行を出力します。期首に該当顧客がいない月は件数・金額が0、率は空欄です（系列が途切れないようにするため）。"
      }
    }
  ],
  async build(db, ctx) {
    await buildSegmentMonths(db, ctx);
  }
};
