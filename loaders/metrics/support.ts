/** support: tickets per account, median first-response and resolution hours, CSAT, per month and segment. */
import {ident, type Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {accountSegmentColumns, explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";

async function buildSupport(db: Db, {dimensions}: MetricContext): Promise<void> {
  const dims = dimensions.map((d) => `, ${ident(d)}`).join("");
  await db.run(`
    CREATE OR REPLACE TABLE support AS
    WITH t AS (
      SELECT strftime(t.created_at, '%Y-%m') AS month, t.account_id,
             date_diff('second', t.created_at, t.first_response_at) / 3600.0 AS first_response_hours,
             date_diff('second', t.created_at, t.resolved_at) / 3600.0 AS resolution_hours,
             t.csat ${accountSegmentColumns(dimensions)}
      FROM support_tickets t JOIN accounts a USING (account_id)
      WHERE strftime(t.created_at, '%Y-%m') IN (SELECT month FROM months)
    ), tx AS (${explodeSegments("t", dimensions)}
    ), pairs AS (
      -- (month, account) pairs with a ticket: cheaper than count(DISTINCT account_id) per breakdown.
      SELECT month, account_id ${dims} FROM t GROUP BY ALL
    ), px AS (
      SELECT month, dimension, segment, count(*) AS accounts_with_tickets FROM (${explodeSegments("pairs", dimensions)}) GROUP BY ALL
    ), ta AS (
      SELECT month, dimension, segment, count(*) AS tickets,
             median(first_response_hours) AS median_first_response_hours,
             median(resolution_hours) AS median_resolution_hours,
             count(csat) AS csat_responses, avg(csat) AS csat_avg,
             count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS csat_satisfied_rate
      FROM tx GROUP BY ALL
    ), am AS (
      SELECT month ${dims}, count(*) AS accounts FROM account_months WHERE mrr > 0 GROUP BY ALL
    ), ax AS (
      SELECT month, dimension, segment, sum(accounts) AS accounts FROM (${explodeSegments("am", dimensions)}) GROUP BY ALL
    ), k AS (
      SELECT month, dimension, segment FROM ta
      UNION SELECT month, dimension, segment FROM ax
      UNION SELECT month, 'all', 'all' FROM months
    )
    SELECT k.month, k.dimension, k.segment, coalesce(ax.accounts, 0)::BIGINT AS accounts, coalesce(ta.tickets, 0)::BIGINT AS tickets,
           CASE WHEN ax.accounts > 0 THEN coalesce(ta.tickets, 0) / ax.accounts END AS tickets_per_account,
           coalesce(px.accounts_with_tickets, 0)::BIGINT AS accounts_with_tickets,
           ta.median_first_response_hours, ta.median_resolution_hours,
           coalesce(ta.csat_responses, 0)::BIGINT AS csat_responses, ta.csat_avg, ta.csat_satisfied_rate
    FROM k LEFT JOIN ax USING (month, dimension, segment) LEFT JOIN ta USING (month, dimension, segment)
    LEFT JOIN px USING (month, dimension, segment)
    ORDER BY month, ${SEGMENT_ORDER}`);
}

export const supportDefinitions: Definition[] = [
  {
    id: "tickets_per_account",
    table: "support",
    name: {en: "Tickets per account", ja: "顧客あたりチケット数"},
    formula: "tickets_per_account(M) = tickets created in M / accounts with MRR > 0 at the end of M",
    text: {
      en: "Support tickets created in the month (all accounts, segment from the account) divided by the active customers of the segment. accounts_with_tickets counts the distinct accounts that opened one.",
      ja: "その月に作成されたサポートチケット数（全顧客。セグメントは顧客の属性）を、そのセグメントの有料顧客数で割った値です。accounts_with_tickets はチケットを作成した顧客数です。"
    }
  },
  {
    id: "support_response_times",
    table: "support",
    name: {en: "Median first-response and resolution time", ja: "初回応答時間・解決時間（中央値）"},
    formula: "median(first_response_at − created_at), median(resolved_at − created_at), in hours, over tickets created in M",
    text: {
      en: "Hours from creation to the first response and to resolution, median over the month's tickets that have them (tickets still unanswered or unresolved are left out).",
      ja: "作成から初回応答まで、および解決までの時間（時間単位）の、その月に作成されたチケットの中央値です（未応答・未解決のチケットは除外）。"
    }
  },
  {
    id: "csat",
    table: "support",
    name: {en: "CSAT", ja: "顧客満足度（CSAT）"},
    formula: "csat_avg = mean(csat); csat_satisfied_rate = #(csat ≥ 4) / #rated",
    text: {
      en: "Over the month's tickets with a 1–5 rating: the average rating, and the share rated 4 or 5. Empty when no ticket was rated.",
      ja: "その月のチケットのうち1〜5の評価があるものについて、平均評価と、4または5の割合です。評価がなければ空欄です。"
    }
  }
];

export const support: MetricFamily = {
  name: "support",
  tables: ["support"],
  definitions: supportDefinitions,
  build: buildSupport
};
