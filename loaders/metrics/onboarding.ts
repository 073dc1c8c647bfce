/**
 * onboarding: completion rate by start cohort and segment, median days to complete, overdue counts;
 * onboarding_overdue: the accounts whose required milestones are still open past the deadline.
 */
import type {Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {accountSegmentColumns, explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";

/** An onboarding still incomplete this many days after it started is overdue. */
export const ONBOARDING_DEADLINE_DAYS = 60;

/**
 * _onboarding_accounts: one row per account with at least one required milestone, started by the end of
 * the as-of month: start date, counts, completion date (when all required milestones are done by then).
 */
async function buildAccounts(db: Db, {asOf, dimensions}: MetricContext): Promise<void> {
  await db.run(
    `
    CREATE OR REPLACE TABLE _onboarding_accounts AS
    WITH cutoff AS (
      SELECT month_end AS asof_end FROM months WHERE month = ?
    ), o AS (
      SELECT account_id, min(started_at) AS started_at FROM onboarding GROUP BY ALL
    ), req AS (
      SELECT r.account_id, count(*) AS required,
             count(*) FILTER (WHERE r.completed_at <= asof_end) AS done,
             max(r.completed_at) FILTER (WHERE r.completed_at <= asof_end) AS last_done,
             string_agg(r.milestone, ', ' ORDER BY r.milestone) FILTER (WHERE r.completed_at IS NULL OR r.completed_at > asof_end) AS open_milestones
      FROM onboarding r, cutoff
      WHERE coalesce(r.required, true)
      GROUP BY ALL
    ), first_paid AS (
      SELECT am.account_id, min(mo.month_start) AS first_paid FROM account_months am JOIN months mo USING (month)
      WHERE am.mrr > 0 GROUP BY ALL
    ), s AS (
      SELECT req.*, coalesce(o.started_at, fp.first_paid, a.created_at) AS start, a.csm
             ${accountSegmentColumns(dimensions)}
      FROM req
      JOIN accounts a USING (account_id)
      LEFT JOIN o USING (account_id)
      LEFT JOIN first_paid fp USING (account_id)
    )
    SELECT s.*, strftime(start, '%Y-%m') AS cohort, done = required AS completed,
           CASE WHEN done = required THEN date_diff('day', start, last_done) END AS days_to_complete,
           date_diff('day', start, asof_end) AS days_since_start,
           done < required AND date_diff('day', start, asof_end) > ${ONBOARDING_DEADLINE_DAYS} AS overdue
    FROM s, cutoff
    WHERE start IS NOT NULL AND start <= asof_end`,
    [asOf]
  );
}

async function buildOnboardingTables(db: Db, ctx: MetricContext): Promise<void> {
  await buildAccounts(db, ctx);
  await db.run(`
    CREATE OR REPLACE TABLE onboarding AS
    WITH c AS (
      SELECT * FROM _onboarding_accounts
      UNION ALL BY NAME SELECT * REPLACE ('all' AS cohort) FROM _onboarding_accounts
    ), x AS (${explodeSegments("c", ctx.dimensions)})
    SELECT cohort, dimension, segment, count(*) AS accounts, count(*) FILTER (WHERE completed) AS completed,
           count(*) FILTER (WHERE completed) / count(*) AS completion_rate,
           median(days_to_complete)::DOUBLE AS median_days_to_complete,
           count(*) FILTER (WHERE NOT completed AND NOT overdue) AS in_progress,
           count(*) FILTER (WHERE overdue) AS overdue
    FROM x GROUP BY cohort, dimension, segment
    ORDER BY cohort, ${SEGMENT_ORDER}`);
  await db.run(`
    CREATE OR REPLACE TABLE onboarding_overdue AS
    SELECT o.account_id, o.csm, o.cohort, o.start AS started_at, o.days_since_start, o.required AS milestones_required,
           o.done AS milestones_done, o.open_milestones, coalesce(am.mrr, 0)::DECIMAL(18,2) AS mrr
    FROM _onboarding_accounts o
    LEFT JOIN account_months am ON am.account_id = o.account_id AND am.month = ?
    WHERE o.overdue
    ORDER BY o.days_since_start DESC, o.account_id`, [ctx.asOf]);
  await db.run(`DROP TABLE _onboarding_accounts`);
}

export const onboardingDefinitions: Definition[] = [
  {
    id: "onboarding_completion_rate",
    table: "onboarding",
    name: {en: "Onboarding completion rate", ja: "オンボーディング完了率"},
    formula: "completion_rate = accounts with every required milestone completed by the as-of month end / accounts in the cohort",
    text: {
      en: "Accounts with at least one required onboarding milestone (required empty counts as true), by start cohort (month of the earliest started_at of the account's milestones; without one, the first month with MRR > 0, else created_at) and segment; cohort 'all' pools every cohort. An account has completed onboarding when all its required milestones have a completion date on or before the last day of the as-of month. Recent cohorts are naturally still in progress.",
      ja: "必須のオンボーディング項目（requiredが空欄なら必須）が1つ以上ある顧客を、開始コホート（顧客の項目のstarted_atの最も早い月。なければMRRが0より大きい最初の月、それもなければcreated_at）とセグメント別に集計します。cohort 'all' は全コホートの合計です。必須項目がすべて基準月末までに完了していれば完了とみなします。直近のコホートは進行中のため低く出ます。"
    }
  },
  {
    id: "onboarding_days_to_complete",
    table: "onboarding",
    name: {en: "Median days to complete onboarding", ja: "オンボーディング完了までの日数（中央値）"},
    formula: "days_to_complete = max(completed_at of required milestones) − start; median over completed accounts",
    text: {
      en: "For completed accounts, days from the onboarding start to the last required milestone's completion; the median per cohort and segment (empty when none completed).",
      ja: "完了した顧客について、オンボーディング開始から最後の必須項目の完了までの日数の、コホート・セグメント別の中央値です（完了がなければ空欄）。"
    }
  },
  {
    id: "onboarding_overdue",
    table: "onboarding",
    name: {en: "Overdue onboardings", ja: "期限超過のオンボーディング"},
    formula: `overdue ⇔ not completed ∧ (as-of month end − start) > ${ONBOARDING_DEADLINE_DAYS} days`,
    text: {
      en: `Accounts whose onboarding is not complete more than ${ONBOARDING_DEADLINE_DAYS} days after it started, at the end of the as-of month; in_progress counts the other incomplete ones. The onboarding_overdue table lists them with their open required milestones and MRR in the as-of month (0 = no longer a customer), oldest first.`,
      ja: `基準月末時点で、開始から${ONBOARDING_DEADLINE_DAYS}日を超えても完了していない顧客です。in_progress はそれ以外の未完了の顧客数です。onboarding_overdue テーブルに、未完了の必須項目と基準月のMRR（0は解約済み）とともに開始の古い順で一覧します。`
    }
  }
];

export const onboarding: MetricFamily = {
  name: "onboarding",
  tables: ["onboarding", "onboarding_overdue"],
  definitions: onboardingDefinitions,
  build: buildOnboardingTables
};
