/**
 * Service Qualified Leads (issue 19; HubSpot's CS/support KPI): a support or CS conversation that
 * surfaced a need sales can act on, from the optional `leads` input. Two tables:
 *   service_leads_won: every won lead, matched to its account's expansion movement in the month won;
 *   service_leads_monthly: per month, source (support, csm, other, or all) and account segment: leads
 *     created, their outcome so far, conversion, leads won and time to win, and the expansion MRR that
 *     came from won leads next to the segment's whole expansion MRR.
 */
import {ident, type Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {accountSegmentColumns, explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";

export const LEAD_SOURCES = ["support", "csm", "other"] as const;
/** A conversion rate from fewer decided leads than this is flagged (few_decided) and drawn hollow. */
export const MIN_DECIDED_LEADS = 10;

/**
 * One row per won lead (status won, won_at in a computed month). The account's expansion MRR in the
 * month won (account_movements) is shared equally by the account's leads won that month, so an
 * expansion is never counted twice.
 */
async function buildWon(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE service_leads_won AS
    WITH won AS (
      SELECT l.lead_id, l.account_id, l.source, l.owner, l.created_at, l.won_at, strftime(l.won_at, '%Y-%m') AS won_month,
             l.won_mrr, date_diff('day', l.created_at, l.won_at) AS days_to_win
      FROM leads l
      WHERE l.status = 'won' AND strftime(l.won_at, '%Y-%m') IN (SELECT month FROM months)
    )
    SELECT w.lead_id, w.account_id, w.source, w.owner, w.created_at, w.won_at, w.won_month, w.won_mrr, w.days_to_win,
           coalesce(e.amount, 0)::DECIMAL(18,2) AS account_expansion_mrr,
           round(coalesce(e.amount, 0) / count(*) OVER (PARTITION BY w.account_id, w.won_month), 2)::DECIMAL(18,2) AS expansion_mrr,
           e.amount IS NOT NULL AS matched
    FROM won w
    LEFT JOIN account_movements e ON e.month = w.won_month AND e.account_id = w.account_id AND e.movement = 'expansion'
    ORDER BY w.won_month, w.lead_id`);
}

async function buildMonthly(db: Db, {dimensions}: MetricContext): Promise<void> {
  const dims = dimensions.map((d) => `, ${ident(d)}`).join("");
  // Each lead once per source breakdown ('all' and its own source), then once per segment breakdown.
  const bySource = (t: string) => `SELECT 'all' AS source, * EXCLUDE (source) FROM ${t} UNION ALL BY NAME SELECT * FROM ${t}`;
  await db.run(`
    CREATE OR REPLACE TABLE service_leads_monthly AS
    WITH created AS (
      SELECT strftime(l.created_at, '%Y-%m') AS month, l.source, l.status ${accountSegmentColumns(dimensions)}
      FROM leads l JOIN accounts a USING (account_id)
      WHERE strftime(l.created_at, '%Y-%m') IN (SELECT month FROM months)
    ), cs AS (${bySource("created")}),
    cx AS (
      SELECT month, dimension, segment, source, count(*) AS leads_created,
             count(*) FILTER (WHERE status = 'won') AS leads_won, count(*) FILTER (WHERE status = 'lost') AS leads_lost,
             count(*) FILTER (WHERE status = 'open') AS leads_open
      FROM (${explodeSegments("cs", dimensions)}) GROUP BY ALL
    ), won AS (
      SELECT w.won_month AS month, w.source, w.days_to_win, w.won_mrr, w.expansion_mrr, w.matched ${accountSegmentColumns(dimensions)}
      FROM service_leads_won w JOIN accounts a USING (account_id)
    ), ws AS (${bySource("won")}),
    wx AS (
      SELECT month, dimension, segment, source, count(*) AS won_in_month, median(days_to_win) AS median_days_to_win,
             sum(won_mrr) AS won_mrr, sum(expansion_mrr) AS expansion_mrr_from_leads,
             count(*) FILTER (WHERE matched) AS won_matched
      FROM (${explodeSegments("ws", dimensions)}) GROUP BY ALL
    ), exp AS (
      SELECT e.month, e.amount ${dims}
      FROM account_movements e JOIN account_months am ON am.month = e.month AND am.account_id = e.account_id
      WHERE e.movement = 'expansion'
    ), ex AS (
      SELECT month, dimension, segment, sum(amount) AS expansion_mrr FROM (${explodeSegments("exp", dimensions)}) GROUP BY ALL
    ), k AS (
      SELECT month, dimension, segment, source FROM cx UNION SELECT month, dimension, segment, source FROM wx
    )
    SELECT k.month, k.dimension, k.segment, k.source,
           coalesce(cx.leads_created, 0)::BIGINT AS leads_created, coalesce(cx.leads_won, 0)::BIGINT AS leads_won,
           coalesce(cx.leads_lost, 0)::BIGINT AS leads_lost, coalesce(cx.leads_open, 0)::BIGINT AS leads_open,
           CASE WHEN cx.leads_won + cx.leads_lost > 0 THEN cx.leads_won / (cx.leads_won + cx.leads_lost) END AS conversion_rate,
           coalesce(cx.leads_won + cx.leads_lost, 0) < ${MIN_DECIDED_LEADS} AS few_decided,
           coalesce(wx.won_in_month, 0)::BIGINT AS won_in_month, wx.median_days_to_win,
           coalesce(wx.won_mrr, 0)::DECIMAL(18,2) AS won_mrr,
           coalesce(wx.won_matched, 0)::BIGINT AS won_matched,
           coalesce(wx.expansion_mrr_from_leads, 0)::DECIMAL(18,2) AS expansion_mrr_from_leads,
           coalesce(ex.expansion_mrr, 0)::DECIMAL(18,2) AS expansion_mrr,
           CASE WHEN ex.expansion_mrr > 0 THEN coalesce(wx.expansion_mrr_from_leads, 0)::DOUBLE / ex.expansion_mrr::DOUBLE END AS expansion_share_from_leads
    FROM k LEFT JOIN cx USING (month, dimension, segment, source) LEFT JOIN wx USING (month, dimension, segment, source)
    LEFT JOIN ex USING (month, dimension, segment)
    ORDER BY month, ${SEGMENT_ORDER}, source <> 'all', source`);
}

export const leadsDefinitions: Definition[] = [
  {
    id: "service_qualified_leads",
    table: "service_leads_monthly",
    name: {en: "Service Qualified Leads", ja: "サービス起点の商談化リード（SQL: Service Qualified Leads）"},
    formula: "leads_created(M, source, s) = #{leads created in M}; conversion_rate = leads_won / (leads_won + leads_lost) among them",
    text: {
      en: "Leads from the optional leads table: a support or CS conversation that surfaced a need sales can act on (source support, csm or other). Per month the lead was created, by source ('all' = every source) and by the account's segment: how many were created and, so far, won, lost and still open. The conversion rate counts decided leads only (won / (won + lost)), so open leads do not lower it; recent months have more open leads and their rate can still move. Empty when none of the month's leads is decided; few_decided marks a rate from fewer than 10 decided leads (drawn hollow, read with care).",
      ja: "任意入力の leads 表のリードです。サポートやCSとの会話から生まれ、営業が対応できるニーズ（source: support、csm、other）です。作成月ごと、ソース別（'all' は全ソース）・顧客のセグメント別に、作成数と、現時点での受注・失注・未決の件数を数えます。商談化率は結果が出たリードのみで計算し（受注 ÷（受注 + 失注））、未決のリードで下がることはありません。直近の月は未決が多く、率がまだ変わり得ます。結果が出たリードがない月は空欄です。結果が出たリードが10件未満の率は few_decided とし（白抜きで表示）、参考値として扱います。"
    }
  },
  {
    id: "lead_time_to_win",
    table: "service_leads_monthly",
    name: {en: "Leads won and time to win", ja: "受注リード数と受注までの日数"},
    formula: "won_in_month(M) = #{leads with status won and won_at in M}; median_days_to_win = median(won_at − created_at)",
    text: {
      en: "Leads won in the month (status won, by won_at), their won_mrr as recorded on the lead, and the median number of days from created_at to won_at.",
      ja: "その月に受注したリード（status が won、won_at の月）の件数、リードに記録された won_mrr の合計、作成日から受注日までの日数の中央値です。"
    }
  },
  {
    id: "lead_expansion_mrr",
    table: "service_leads_won",
    name: {en: "Expansion MRR from won leads", ja: "受注リード由来の拡大MRR"},
    formula: "expansion_mrr(lead) = expansion(a, M_won) / #{a's leads won in M_won}; expansion_share_from_leads = Σ expansion_mrr / expansion MRR of the segment in M",
    text: {
      en: "A won lead is matched to its account's expansion movement of the MRR bridge in the month it was won (the account's MRR rose from M-1 to M while it had MRR in both). A lead is matched when that movement exists; its expansion MRR is the movement's amount, shared equally by the account's leads won that month (rounded to cents), so no expansion counts twice. A won lead without an expansion that month (the deal starts later, or is not recorded as MRR) is unmatched and adds 0. expansion_share_from_leads divides the matched expansion by the segment's whole expansion MRR that month.",
      ja: "受注リードは、受注した月の顧客のMRR増減内訳の拡大（前月・当月ともにMRRがあり、当月に増えた）と照合します。拡大があれば照合済みとし、その金額を同じ月に受注した同じ顧客のリード数で等分します（同じ拡大を二重に数えません）。その月に拡大がない受注リード（契約開始が後の月、MRRとして計上されない等）は未照合で、0として扱います。expansion_share_from_leads は、照合した拡大MRRをそのセグメントの当月の拡大MRR全体で割った値です。"
    }
  }
];

export const leads: MetricFamily = {
  name: "leads",
  tables: ["service_leads_monthly", "service_leads_won"],
  definitions: leadsDefinitions,
  async build(db, ctx) {
    await buildWon(db);
    await buildMonthly(db, ctx);
  }
};
