/**
 * Reading rules added to earlier families' tables (after they are built), so every page reads a rate
 * with its interval, its small-sample flag and whether its period is complete, instead of working
 * them out itself. The rule and the interval formula live in small-sample.ts.
 *
 *   churn             + logo_churn_ci_low, logo_churn_ci_high (Wilson), small_sample (accounts_start < min)
 *   retention_t12m    + accounts_retained, logo_churn_t12m and its Wilson interval, small_sample
 *   nps               + partial (a quarter not over by the end of the as-of month)
 *   onboarding_completion + completion Wilson interval, small_sample (partial: onboarding.ts)
 *   csm_portfolio     + logo_churn_ci_low, logo_churn_ci_high (Wilson), small_sample (accounts_start < min)
 */
import type {Db} from "../db.js";
import type {Definition, MetricFamily} from "./family.js";
import {smallSampleDefinitions, smallSampleSql, wilsonSql} from "./small-sample.js";

/** Runs several statements, one at a time (each ends with ";" at the end of a line). */
async function exec(db: Db, sql: string): Promise<void> {
  for (const statement of sql.split(/;\s*(?:\n|$)/).map((x) => x.trim()).filter(Boolean)) await db.run(statement);
}

/**
 * A monthly logo churn rate's Wilson interval and small-sample flag, on a table with accounts_churned
 * and accounts_start: the churn table, and csm_portfolio (a CSM's book is often a few dozen accounts).
 */
async function extendLogoChurn(db: Db, table: "churn" | "csm_portfolio", min: number): Promise<void> {
  const ci = wilsonSql("accounts_churned", "accounts_start");
  await exec(db, `
    ALTER TABLE ${table} ADD COLUMN logo_churn_ci_low DOUBLE;
    ALTER TABLE ${table} ADD COLUMN logo_churn_ci_high DOUBLE;
    ALTER TABLE ${table} ADD COLUMN small_sample BOOLEAN;
    UPDATE ${table} SET logo_churn_ci_low = ${ci.low}, logo_churn_ci_high = ${ci.high}, small_sample = ${smallSampleSql("accounts_start", min)};`);
}

/** Trailing-12-month logo churn: of the accounts in the segment with MRR at M-12, those whose whole MRR in M is 0. */
async function extendRetentionT12m(db: Db, min: number): Promise<void> {
  const ci = wilsonSql("accounts_start - accounts_retained", "accounts_start");
  await exec(db, `
    ALTER TABLE retention_t12m ADD COLUMN accounts_retained BIGINT DEFAULT 0;
    ALTER TABLE retention_t12m ADD COLUMN logo_churn_t12m DOUBLE;
    ALTER TABLE retention_t12m ADD COLUMN logo_churn_t12m_ci_low DOUBLE;
    ALTER TABLE retention_t12m ADD COLUMN logo_churn_t12m_ci_high DOUBLE;
    ALTER TABLE retention_t12m ADD COLUMN small_sample BOOLEAN;
    UPDATE retention_t12m r SET accounts_retained = x.kept
    FROM (
      SELECT m.month, b.dimension, b.segment, count(*) FILTER (WHERE coalesce(a.account_mrr, 0) > 0) AS kept
      FROM months m
      JOIN segment_months b ON b.month_idx = m.idx - 12 AND b.account_mrr > 0
      LEFT JOIN segment_months a ON a.month_idx = m.idx AND a.dimension = 'all' AND a.account_idx = b.account_idx
      GROUP BY ALL
    ) x
    WHERE x.month = r.month AND x.dimension = r.dimension AND x.segment = r.segment;
    UPDATE retention_t12m SET
      logo_churn_t12m = CASE WHEN accounts_start > 0 THEN (accounts_start - accounts_retained)::DOUBLE / accounts_start END,
      logo_churn_t12m_ci_low = ${ci.low}, logo_churn_t12m_ci_high = ${ci.high},
      small_sample = ${smallSampleSql("accounts_start", min)};`);
}

async function extendNps(db: Db, asOf: string): Promise<void> {
  await exec(db, 
    `ALTER TABLE nps ADD COLUMN partial BOOLEAN DEFAULT false;
     UPDATE nps SET partial = CASE WHEN period LIKE '%-Q%'
       THEN make_date(left(period, 4)::INTEGER, right(period, 1)::INTEGER * 3, 1) > strptime('${asOf}', '%Y-%m')::DATE
       ELSE false END;`
  );
}

/** The completion interval and small-sample flag by start month (partial is set by onboarding.ts). */
async function extendOnboardingCompletion(db: Db, min: number): Promise<void> {
  const ci = wilsonSql("completed", "accounts");
  await exec(db, `
    ALTER TABLE onboarding_completion ADD COLUMN completion_ci_low DOUBLE;
    ALTER TABLE onboarding_completion ADD COLUMN completion_ci_high DOUBLE;
    ALTER TABLE onboarding_completion ADD COLUMN small_sample BOOLEAN;
    UPDATE onboarding_completion SET
      completion_ci_low = ${ci.low}, completion_ci_high = ${ci.high},
      small_sample = ${smallSampleSql("accounts", min)};`);
}

const TABLE_DEFS: Definition[] = [
  {
    id: "default_as_of",
    table: "account_months",
    name: {en: "Default as-of month", ja: "基準月（既定）"},
    formula: "asOf = config.asOf, else the last month with a start, response, usage month, ticket, CSM activity or an end that has happened",
    text: {
      en: "The report ends at the as-of month: asOf in the config (or --as-of), else the last month with any activity in the inputs: a subscription start, an NPS response, a usage month, a support ticket, a CSM activity, or a subscription end that has happened. The exports carry no export date, so it is read from the data: with an activity feed (responses, usage, tickets, activities), an end has happened when it falls on or before the latest feed event or start, and later ends are contract ends scheduled after the export, which never move the as-of month. With subscriptions alone, ends after the last start count too (a book whose last event is a churn ends in that churn's month) unless some end lies more than 3 months after the last start, which shows the export holds scheduled ends.",
      ja: "レポートは基準月で終わります。設定の asOf（または --as-of）、なければ入力データで何らかの動きがあった最後の月です。動きとは、契約の開始、NPS回答、利用データの月、サポートチケット、CSM活動、そして実際に発生した契約終了です。エクスポート日はデータに含まれないため、データから判断します。活動データ（回答・利用・チケット・活動）がある場合、その最後の日付または最後の契約開始日以前の終了日は発生済みとし、それより後の終了日はエクスポート後に予定された契約終了として基準月を動かしません。契約データのみの場合は、最後の契約開始より後の終了日も数えます（最後の出来事が解約なら、その解約の月で終わります）。ただし、最後の契約開始から3か月を超えて先の終了日がある場合は、予定された終了日を含むデータとみなし、数えません。"
    }
  },
  {
    id: "target_periods",
    table: "retention_t12m",
    name: {en: "Targets and their periods", ja: "目標値とその期間"},
    formula: "targets.nrr, targets.grr: {value, period: \"trailing-12-months\"}; targets.logo_churn_rate, targets.revenue_churn_rate: {value, period: \"monthly\"}",
    text: {
      en: "The NRR and GRR tiles, the summary and the archive show the trailing-12-month figures (grr_t12m, nrr_t12m) with the monthly rate as a second line; churn tiles show the monthly rates with the trailing-12-month churn as a second line. A target for NRR, GRR, logo churn or revenue churn must state its period in report.config.ts, and the build stops with a message naming the key when the period does not match what the tile compares (an annual NRR target cannot be set against a monthly NRR). Other targets have one period (MRR, health: month end; onboarding: deadlines in the last 3 months; NPS: the tile's basis) and may be a bare number.",
      ja: "NRR・GRRのタイル、サマリー、過去分一覧は過去12か月の値（grr_t12m・nrr_t12m）を示し、月次の値を2行目に表示します。チャーンのタイルは月次の値を示し、過去12か月のチャーンを2行目に表示します。NRR・GRR・カスタマーチャーン・レベニューチャーンの目標値は report.config.ts で期間を明記する必要があり、タイルが比較する期間と一致しない場合はキー名を示してビルドを停止します（年間のNRR目標を月次のNRRと比べることはできません）。その他の目標値（MRR・ヘルススコアは月末時点、オンボーディングは直近3か月に期限到来分、NPSはタイルの集計期間）は期間が1つのため、数値のみで指定できます。"
    }
  },
  {
    id: "logo_churn_ci",
    table: "churn",
    name: {en: "Logo churn 95% interval; small sample", ja: "カスタマーチャーンの95%信頼区間・少数サンプル"},
    formula: "[logo_churn_ci_low, logo_churn_ci_high] = Wilson(accounts_churned, accounts_start); small_sample = accounts_start < minSampleSize",
    text: {
      en: "Extra columns after nrr: the 95% Wilson interval of the monthly logo churn rate (see wilson_interval), and small_sample, true when fewer accounts than minSampleSize (30 by default) were at the start of the month. A segment's monthly churn swinging between 0% and 10% with 60–90 accounts is mostly noise: the interval shows how much.",
      ja: "nrr の後の追加列です。月次カスタマーチャーンの95% Wilson信頼区間（wilson_interval を参照）と、期首顧客数が minSampleSize（既定30）未満のとき true になる small_sample です。60〜90社のセグメントで月次解約率が0%〜10%の間で振れるのは大半が偶然の変動であり、区間がその幅を示します。"
    }
  },
  {
    id: "logo_churn_t12m",
    table: "retention_t12m",
    name: {en: "Trailing-12-month logo churn", ja: "カスタマーチャーン（過去12か月）"},
    formula: "logo_churn_t12m(M) = 1 − accounts_retained / accounts_start, accounts_retained = #{a : MRR(a, M-12) > 0 ∧ MRR(a, M) > 0}",
    text: {
      en: "Extra columns after nrr_t12m: of the accounts with MRR at the end of M-12 (accounts_start), accounts_retained still have MRR in M (the whole account's MRR, as for monthly logo churn; an account that left and came back counts as retained), and logo_churn_t12m is the share that did not; with its 95% Wilson interval (logo_churn_t12m_ci_low, _high) and small_sample (accounts_start < minSampleSize). The trailing-12-month revenue churn is 1 − grr_t12m.",
      ja: "nrr_t12m の後の追加列です。12か月前の月末にMRRがあった顧客（accounts_start）のうち、当月もMRRがある顧客数が accounts_retained、そうでない顧客の割合が logo_churn_t12m です（月次と同じく顧客全体のMRRで判定し、解約後に復帰した顧客は継続として数えます）。95% Wilson信頼区間（logo_churn_t12m_ci_low・_high）と small_sample（accounts_start が minSampleSize 未満）を併記します。過去12か月のレベニューチャーンは 1 − grr_t12m です。"
    }
  },
  {
    id: "csm_small_sample",
    table: "csm_portfolio",
    name: {en: "CSM logo churn 95% interval; small book", ja: "CSM別カスタマーチャーンの95%信頼区間・少数の担当"},
    formula: "[logo_churn_ci_low, logo_churn_ci_high] = Wilson(accounts_churned, accounts_start); small_sample = accounts_start < minSampleSize",
    text: {
      en: "Extra columns after nrr_t12m: the 95% Wilson interval of the CSM's monthly logo churn rate, and small_sample, true when the CSM had fewer accounts than minSampleSize (30 by default) at the start of the month. The CSM page draws the interval and marks such a CSM's rates (churn, NRR, green share) as too few to read: one churn in a book of ten is 10%.",
      ja: "nrr_t12m の後の追加列です。CSM別の月次カスタマーチャーンの95% Wilson信頼区間と、月初の担当顧客数が minSampleSize（既定30）未満のとき true になる small_sample です。CSMページでは区間を表示し、その担当の率（解約率・NRR・グリーン比率）を参考値として示します（10社の担当で1社解約すると10%になります）。"
    }
  },
  {
    id: "nps_partial",
    table: "nps",
    name: {en: "Partial quarter", ja: "集計途中の四半期"},
    formula: "partial ⇔ period is a quarter whose last month is after the as-of month",
    text: {
      en: "An extra column after low_responses: true for a quarter that is not over at the end of the as-of month (it holds only one or two months of responses). Charts leave partial quarters out and tables mark them, so a quarter still being collected never reads as a fall.",
      ja: "low_responses の後の追加列です。基準月末の時点で終わっていない四半期（1〜2か月分の回答しかない）のとき true です。グラフでは集計途中の四半期を除き、表では印を付けます。集計中の四半期が低下に見えないようにするためです。"
    }
  },
  {
    id: "onboarding_partial",
    table: "onboarding_completion",
    name: {en: "Partial start month; completion interval", ja: "集計途中の開始月・完了率の信頼区間"},
    formula: "partial ⇔ last day of cohort + horizon > as-of month end, horizon = max(deadline_days, ⌈p90 of days_to_complete⌉); [completion_ci_low, completion_ci_high] = Wilson(completed, accounts); small_sample = accounts < minSampleSize",
    text: {
      en: "Extra columns after overdue: partial is true for a start month whose completion rate and median days to complete are still moving for reasons of time alone at the end of the as-of month: some of its onboardings are inside their deadline, or inside the time within which 90% of all completed onboardings finished (late completions keep coming after the deadline). The horizon is the longer of the two, in days. Empty for cohort 'all'. Charts leave partial start months out; tables mark them. Also the 95% Wilson interval of completion_rate and small_sample.",
      ja: "overdue の後の追加列です。partial は、基準月末の時点で、完了率や完了日数の中央値が時間の経過だけでまだ変わりうる開始月のとき true です。期限内のオンボーディング、または完了済みオンボーディングの90%が完了するまでの日数内のものを含む場合が該当します（期限後の完了も続くため）。その長い方の日数を基準とします。cohort 'all' は空欄です。グラフでは集計途中の開始月を除き、表では印を付けます。あわせて completion_rate の95% Wilson信頼区間と small_sample を出力します。"
    }
  }
];

export const intervals: MetricFamily = {
  name: "intervals",
  tables: [],
  definitions: [...smallSampleDefinitions("churn"), ...TABLE_DEFS],
  async build(db, ctx) {
    const min = ctx.config.minSampleSize;
    // `--tables` may have built only some of the tables this family extends (dependencies.ts EXTENDS).
    const built = new Set((await db.all<{name: string}>(`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main'`)).map((r) => r.name));
    if (built.has("churn")) await extendLogoChurn(db, "churn", min);
    if (built.has("retention_t12m")) await extendRetentionT12m(db, min);
    if (built.has("nps")) await extendNps(db, ctx.asOf);
    if (built.has("onboarding_completion")) await extendOnboardingCompletion(db, min);
    if (built.has("csm_portfolio")) await extendLogoChurn(db, "csm_portfolio", min);
  }
};
