/**
 * onboarding_completion: completion rate by start cohort and segment, median days to complete, overdue
 * counts (as of the as-of month); onboarding_monthly: completion (and on-time completion) of the
 * onboardings that came due in each month's trailing quarter (the monthly report's KPI); onboarding_overdue: the
 * accounts whose required milestones are still open past the deadline. (The contract's input table is
 * `onboarding`, so no output table may take that name.)
 */
import type {Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {accountSegmentColumns, explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";
import {smallSampleSql, wilsonSql} from "./small-sample.js";

/** The deadline as the definitions state it: config.onboardingDeadlineDays, 90 days by default. */
const DEADLINE = "deadline_days (config onboardingDeadlineDays, default 90)";
const DEADLINE_JA = "deadline_days（設定 onboardingDeadlineDays、既定90）";

/**
 * When each account's onboarding started: the earliest started_at of its milestones; without one, the
 * first day of its first month with MRR > 0; else created_at. A CTE body over staged tables.
 */
const ONBOARDING_STARTS = `
  SELECT a.account_id,
         coalesce(o.started_at, fp.first_paid, a.created_at) AS start
  FROM accounts a
  LEFT JOIN (SELECT account_id, min(started_at) AS started_at FROM onboarding GROUP BY ALL) o USING (account_id)
  LEFT JOIN (
    SELECT am.account_id, min(mo.month_start) AS first_paid FROM account_months am JOIN months mo USING (month)
    WHERE am.mrr > 0 GROUP BY ALL
  ) fp USING (account_id)`;

/**
 * _onboarding_accounts: one row per account with at least one required milestone, started by the end of
 * the as-of month: start date, counts, completion date (when all required milestones are done by then).
 */
async function buildAccounts(db: Db, {asOf, dimensions, config}: MetricContext): Promise<void> {
  const deadlineDays = config.onboardingDeadlineDays;
  await db.run(
    `
    CREATE OR REPLACE TABLE _onboarding_accounts AS
    WITH cutoff AS (
      SELECT month_end AS asof_end FROM months WHERE month = ?
    ), starts AS (${ONBOARDING_STARTS}
    ), req AS (
      SELECT r.account_id, count(*) AS required,
             count(*) FILTER (WHERE r.completed_at <= asof_end) AS done,
             max(r.completed_at) FILTER (WHERE r.completed_at <= asof_end) AS last_done,
             string_agg(r.milestone, ', ' ORDER BY r.milestone) FILTER (WHERE r.completed_at IS NULL OR r.completed_at > asof_end) AS open_milestones
      FROM onboarding r, cutoff
      WHERE coalesce(r.required, true)
      GROUP BY ALL
    ), s AS (
      SELECT req.*, starts.start, a.csm
             ${accountSegmentColumns(dimensions)}
      FROM req
      JOIN accounts a USING (account_id)
      JOIN starts USING (account_id)
    )
    SELECT s.*, strftime(start, '%Y-%m') AS cohort, done = required AS completed,
           CASE WHEN done = required THEN date_diff('day', start, last_done) END AS days_to_complete,
           date_diff('day', start, asof_end) AS days_since_start,
           done < required AND date_diff('day', start, asof_end) > ${deadlineDays} AS overdue
    FROM s, cutoff
    WHERE start IS NOT NULL AND start <= asof_end`,
    [asOf]
  );
}

async function buildOnboardingTables(db: Db, ctx: MetricContext): Promise<void> {
  await buildAccounts(db, ctx);
  await db.run(`
    CREATE OR REPLACE TABLE onboarding_completion AS
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
  await markPartialCohorts(db, ctx);
  await db.run(`DROP TABLE _onboarding_accounts`);
  await buildMonthly(db, ctx);
}

/**
 * onboarding_completion.partial: a start month whose completion is still rising for reasons of time
 * alone. Late completions keep coming after the deadline, so the horizon is the deadline or, if longer,
 * the 90th percentile of the days to complete of the completed onboardings (rounded up): a start
 * month is partial while its last day + horizon lies after the as-of month end. Cohort 'all' is null.
 */
async function markPartialCohorts(db: Db, {asOf, config}: MetricContext): Promise<void> {
  const [{horizon}] = await db.all<{horizon: number}>(
    `SELECT greatest(?, coalesce(ceil(quantile_cont(days_to_complete, 0.9)), 0))::INTEGER AS horizon FROM _onboarding_accounts WHERE completed`,
    [config.onboardingDeadlineDays]
  );
  await db.run(`ALTER TABLE onboarding_completion ADD COLUMN partial BOOLEAN`);
  await db.run(
    `UPDATE onboarding_completion SET partial = CASE WHEN cohort = 'all' THEN NULL
       ELSE last_day(strptime(cohort, '%Y-%m'))::DATE + to_days(?) > last_day(strptime(?, '%Y-%m'))::DATE END`,
    [horizon, asOf]
  );
}

/**
 * onboarding_monthly: the onboardings whose deadline (start + config.onboardingDeadlineDays) fell in
 * M-2..M, so each had its full deadline to finish by the end of M (due). completed: every required
 * milestone done by the end of M (the headline KPI, completion_rate); completed_on_time: done by the
 * deadline (on_time_rate, the secondary line). Completions after M's end do not count in M. With the
 * Wilson interval of completion_rate and the small-sample flag. Months with nothing due have no row.
 */
async function buildMonthly(db: Db, {dimensions, config}: MetricContext): Promise<void> {
  const deadlineDays = config.onboardingDeadlineDays;
  const ci = wilsonSql("completed", "due");
  await db.run(`
    CREATE OR REPLACE TABLE onboarding_monthly AS
    WITH starts AS (${ONBOARDING_STARTS}
    ), req AS (
      SELECT account_id, count(*) AS required, count(completed_at) AS done, max(completed_at) AS last_done
      FROM onboarding WHERE coalesce(required, true) GROUP BY ALL
    ), d AS (
      SELECT req.account_id, (starts.start + INTERVAL ${deadlineDays} DAY)::DATE AS deadline,
             CASE WHEN req.done = req.required THEN req.last_done END AS done_at,
             req.done = req.required AND req.last_done <= starts.start + INTERVAL ${deadlineDays} DAY AS on_time
             ${accountSegmentColumns(dimensions)}
      FROM req JOIN starts USING (account_id) JOIN accounts a USING (account_id)
      WHERE starts.start IS NOT NULL
    ), c AS (
      SELECT m.month, m.idx, d.*, coalesce(d.done_at <= m.month_end, false) AS completed_by_month_end FROM months m
      JOIN d ON d.deadline >= m.month_start - INTERVAL 2 MONTH AND d.deadline <= m.month_end
    ), x AS (${explodeSegments("c", dimensions)}
    ), cells AS (
      SELECT month, idx, dimension, segment, count(*) AS due,
             count(*) FILTER (WHERE completed_by_month_end) AS completed,
             count(*) FILTER (WHERE on_time) AS completed_on_time
      FROM x GROUP BY month, idx, dimension, segment
    )
    SELECT month, dimension, segment, due, completed, completed / due AS completion_rate,
           completed_on_time, completed_on_time / due AS on_time_rate,
           ${ci.low} AS completion_ci_low, ${ci.high} AS completion_ci_high,
           ${smallSampleSql("due", config.minSampleSize)} AS small_sample
    FROM cells
    ORDER BY idx, ${SEGMENT_ORDER}`);
}

export const onboardingDefinitions: Definition[] = [
  {
    id: "onboarding_completion_rate",
    table: "onboarding_completion",
    name: {en: "Onboarding completion rate", ja: "オンボーディング完了率"},
    formula: "completion_rate = accounts with every required milestone completed by the as-of month end / accounts in the cohort",
    text: {
      en: "Accounts with at least one required onboarding milestone (required empty counts as true), by start cohort (month of the earliest started_at of the account's milestones; without one, the first month with MRR > 0, else created_at) and segment; cohort 'all' pools every cohort. An account has completed onboarding when all its required milestones have a completion date on or before the last day of the as-of month. Recent cohorts are naturally still in progress.",
      ja: "必須のオンボーディング項目（requiredが空欄なら必須）が1つ以上ある顧客を、開始コホート（顧客の項目のstarted_atの最も早い月。なければMRRが0より大きい最初の月、それもなければcreated_at）とセグメント別に集計します。cohort 'all' は全コホートの合計です。必須項目がすべて基準月末までに完了していれば完了とみなします。直近のコホートは進行中のため低く出ます。"
    }
  },
  {
    id: "onboarding_days_to_complete",
    table: "onboarding_completion",
    name: {en: "Median days to complete onboarding", ja: "オンボーディング完了までの日数（中央値）"},
    formula: "days_to_complete = max(completed_at of required milestones) − start; median over completed accounts",
    text: {
      en: "For completed accounts, days from the onboarding start to the last required milestone's completion; the median per cohort and segment (empty when none completed).",
      ja: "完了した顧客について、オンボーディング開始から最後の必須項目の完了までの日数の、コホート・セグメント別の中央値です（完了がなければ空欄）。"
    }
  },
  {
    id: "onboarding_overdue",
    table: "onboarding_completion",
    name: {en: "Overdue onboardings", ja: "期限超過のオンボーディング"},
    formula: `overdue ⇔ not completed ∧ (as-of month end − start) > ${DEADLINE} days`,
    text: {
      en: "Accounts whose onboarding is not complete more than deadline_days after it started, at the end of the as-of month (deadline_days is the config's onboardingDeadlineDays, 90 by default); in_progress counts the other incomplete ones.",
      ja: "基準月末時点で、開始から deadline_days 日を超えても完了していない顧客です（deadline_days は設定の onboardingDeadlineDays、既定90日）。in_progress はそれ以外の未完了の顧客数です。"
    }
  },
  {
    id: "onboarding_on_time_rate",
    table: "onboarding_monthly",
    name: {en: "Onboarding completion, deadline passed (monthly KPI)", ja: "オンボーディング完了率（期限到来分・月次KPI）"},
    formula: `completion_rate(M) = completed / due; on_time_rate(M) = completed_on_time / due; due = accounts whose start + ${DEADLINE} falls in M-2..M`,
    text: {
      en: `The monthly report's onboarding KPI. due: the accounts whose onboarding deadline (deadline_days after the start: the config's onboardingDeadlineDays, 90 by default; the start as defined for onboarding_completion) fell in the three months ending with M, so every one of them had its full deadline to finish. completion_rate: the share of them with every required milestone completed by the end of M (the headline); on_time_rate: the share that completed by the deadline (the secondary line). Onboardings still inside their deadline are not counted, so recent starts never pull the rate down. With the 95% Wilson interval of completion_rate (completion_ci_low, _high) and small_sample (due < minSampleSize). A trailing quarter keeps small months readable; months with no deadline have no row.`,
      ja: `月次レポートのオンボーディングKPIです。due は、オンボーディング期限（開始から ${DEADLINE_JA} 日後。開始日の定義は onboarding_completion と同じ）がM-2〜Mの3か月に来た顧客、つまり期限までの期間をすべて経過した顧客です。completion_rate はそのうちM月末までに必須項目をすべて完了した顧客の割合（見出しの値）、on_time_rate は期限までに完了した顧客の割合（補足の値）です。期限内でまだ進行中のオンボーディングは数えないため、直近の開始が率を押し下げることはありません。completion_rate の95% Wilson信頼区間（completion_ci_low・_high）と small_sample（due が minSampleSize 未満）を併記します。件数の少ない月でも読めるよう直近3か月で集計し、期限が来た顧客がいない月は行がありません。`
    }
  },
  {
    id: "onboarding_overdue_accounts",
    table: "onboarding_overdue",
    name: {en: "Overdue onboarding accounts", ja: "オンボーディング期限超過の顧客一覧"},
    formula: `accounts with overdue onboarding at the as-of month end, by days_since_start descending`,
    text: {
      en: "The overdue accounts themselves, oldest start first: owner CSM, cohort, start date, days since the start, required and completed milestones, the open required milestones by name, and MRR in the as-of month (0 = no longer a customer).",
      ja: "期限超過の顧客の一覧（開始の古い順）です。担当CSM、コホート、開始日、開始からの日数、必須項目数と完了数、未完了の必須項目名、基準月のMRR（0は解約済み）を示します。"
    }
  }
];

export const onboarding: MetricFamily = {
  name: "onboarding",
  tables: ["onboarding_completion", "onboarding_monthly", "onboarding_overdue"],
  definitions: onboardingDefinitions,
  build: buildOnboardingTables
};
