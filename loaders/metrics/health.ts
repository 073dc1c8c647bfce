/**
 * health: a 0..100 score per active customer per month, from six components each normalised to
 * 0..100 (usage, CSM engagement, support, NPS, onboarding, customer outcomes), weighted by config
 * (per product line if configured) and re-weighted over the components present. Also `health_mix`:
 * the band mix per month and segment.
 */
import {HEALTH_COMPONENTS, type HealthBands, type HealthConfig, type HealthWeights} from "../config.js";
import {ident, literal, type Db} from "../db.js";
import type {Definition, MetricContext, MetricFamily} from "./family.js";
import {buildHealthDrivers, healthDriverDefinitions} from "./health-drivers.js";
import {buildProductScores, healthProductDefinitions, mrrWeightedMean} from "./health-products.js";
import {explodeSegments, SEGMENT_ORDER} from "./kpi-segments.js";

/** The fixed constants of the normalisation rules (written into the definitions below). */
export const HEALTH_RULES = {
  /** Look-back window for activities, SLA breaches and CSAT: the calendar months M-2..M (about 90 days). */
  windowMonths: 3,
  /** Engagement points per CSM activity in the window, and the bonus for a QBR in the window. */
  activityPoints: 25,
  qbrBonus: 25,
  /** Support penalties: per ticket open at month end, per first-response SLA breach, per low CSAT. */
  openTicketPenalty: 10,
  slowResponseHours: 24,
  slowResponsePenalty: 10,
  lowCsatMax: 2,
  lowCsatPenalty: 20,
  /** An NPS response older than this (days before month end) no longer counts. */
  npsMaxAgeDays: 365,
  /** Outcomes: points per 100% change of the last-3-month average over the previous 3 months. */
  outcomePointsPerChange: 100
} as const;

const R = HEALTH_RULES;

/** Components in alphabetical order: the order of `missing_components`. */
const SORTED_COMPONENTS = [...HEALTH_COMPONENTS].sort();

const num = (v: number) => String(Number(v));

/** Absolute month number of a DATE or TIMESTAMP expression (year · 12 + month − 1): cheap to window on. */
const monthIndex = (expr: string) => `(year(${expr}) * 12 + month(${expr}) - 1)`;

/** Month number of "YYYY-MM" on the same scale as monthIndex. */
const monthNumber = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return y * 12 + m - 1;
};

/** Merged weights and bands for each product line that has an override (global ones otherwise). */
export function healthProfiles(h: HealthConfig): {product: string; weights: HealthWeights; bands: HealthBands}[] {
  const products = [...new Set([...Object.keys(h.productWeights), ...Object.keys(h.productBands)])].sort();
  return products.map((product) => ({
    product,
    weights: {...h.weights, ...h.productWeights[product]},
    bands: {...h.bands, ...h.productBands[product]}
  }));
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.all<{n: number}>(`SELECT count(*) AS n FROM ${table}`);
  return row.n;
}

/**
 * _health_base: active customers (MRR > 0) per month, with the month index (mi), the product of the
 * account's largest line (ties: product name order), and an integer row id that the component tables
 * carry: rid = mi · 2^32 + the account's rank by id, so ORDER BY rid is ORDER BY month, account_id.
 */
async function buildBase(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE _health_base AS
    WITH ids AS (
      SELECT account_id, row_number() OVER (ORDER BY account_id) AS aid FROM accounts
    ), g AS (
      SELECT month, account_id, sum(seats) AS line_seats, arg_min(product, (-mrr, product)) AS product
      FROM line_months GROUP BY month, account_id HAVING sum(mrr) > 0
    )
    SELECT ${monthIndex("mo.month_start")}::BIGINT * 4294967296 + ids.aid AS rid, g.*, mo.month_end, ${monthIndex("mo.month_start")} AS mi
    FROM g JOIN months mo USING (month) JOIN ids USING (account_id)`);
}

/**
 * usage = mean of the present sub-scores: seat utilisation min(100, 100 · active_users / seats)
 * (seats from the usage row, else the subscription lines), and key-event depth
 * min(100, 50 · events per active user / median of that ratio over accounts on the same main
 * product that month). No usage row → missing.
 */
async function buildUsage(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE _health_usage AS
    WITH u AS (
      SELECT account_id, ${monthIndex("month")} AS mi, max(active_users) AS active_users,
             max(seats) AS seats, sum(key_events) AS key_events
      FROM usage GROUP BY ALL
    ), j AS (
      SELECT b.rid, b.mi, b.product, u.active_users, u.key_events,
             coalesce(nullif(u.seats, 0), nullif(b.line_seats, 0)) AS seats,
             CASE WHEN u.active_users > 0 THEN u.key_events / u.active_users END AS epu
      FROM _health_base b JOIN u USING (account_id, mi)
    ), med AS (
      SELECT mi, product, median(epu) AS med_epu FROM j GROUP BY ALL
    ), s AS (
      SELECT j.rid,
             CASE WHEN j.active_users IS NOT NULL AND j.seats > 0 THEN least(100, 100.0 * j.active_users / j.seats) END AS util,
             CASE WHEN j.key_events IS NULL OR j.active_users IS NULL THEN NULL
                  WHEN j.active_users = 0 THEN 0
                  WHEN med.med_epu > 0 THEN least(100, 50.0 * j.epu / med.med_epu) END AS depth
      FROM j JOIN med USING (mi, product)
    )
    SELECT rid, CASE WHEN util IS NOT NULL AND depth IS NOT NULL THEN (util + depth) / 2 ELSE coalesce(util, depth) END AS usage
    FROM s`);
}

/** `, unnest([0, 1, 2])`: an event in month e counts toward the windows M-2..M of M = e, e+1, e+2. */
const WINDOW_SPREAD = `unnest(range(${R.windowMonths}))`;

/**
 * engagement = min(100, 25 · CSM activities + 25 if one of them is a QBR), over the months M-2..M.
 * Missing for everyone when no activities were exported at all.
 */
async function buildEngagement(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE _health_engagement AS
    WITH monthly AS (
      SELECT account_id, ${monthIndex("date")} AS mi, count(*) AS n, count(*) FILTER (WHERE lower(trim(type)) = 'qbr') AS q
      FROM csm_activities GROUP BY ALL
    ), windowed AS (
      SELECT account_id, mi, sum(n) AS n, sum(q) AS q
      FROM (SELECT account_id, mi + ${WINDOW_SPREAD} AS mi, n, q FROM monthly) GROUP BY ALL
    )
    SELECT b.rid, least(100, ${R.activityPoints} * coalesce(w.n, 0) + CASE WHEN w.q > 0 THEN ${R.qbrBonus} ELSE 0 END)::DOUBLE AS engagement
    FROM _health_base b LEFT JOIN windowed w USING (account_id, mi)`);
}

/**
 * support = max(0, 100 − 10 · tickets open at month end − 10 · first-response SLA breaches (no first
 * response or resolution within 24 h; the breach falls in the month of creation + 24 h) − 20 · CSAT ≤ 2
 * (in the month of resolution, else creation)), breaches and ratings over the months M-2..M.
 * A ticket is open at the end of the months from its creation month to the month before its resolution
 * month (to the as-of month when unresolved). Missing for everyone when no tickets were exported at all.
 */
async function buildSupport(db: Db, asOfIndex: number): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE _health_support AS
    WITH t AS (
      SELECT account_id, created_at, resolved_at, coalesce(first_response_at, resolved_at) AS answered_at, csat,
             ${monthIndex("created_at")} AS created_mi, ${monthIndex("resolved_at")} AS resolved_mi
      FROM support_tickets
    ), ev AS (
      SELECT account_id, unnest(range(created_mi, coalesce(resolved_mi, ${asOfIndex + 1}))) AS mi, 1 AS open, 0 AS slow, 0 AS low
      FROM t WHERE resolved_mi IS NULL OR resolved_mi > created_mi
      UNION ALL
      SELECT account_id, ${monthIndex(`created_at + INTERVAL ${R.slowResponseHours} HOUR`)} + ${WINDOW_SPREAD}, 0, 1, 0 FROM t
      WHERE answered_at IS NULL OR answered_at > created_at + INTERVAL ${R.slowResponseHours} HOUR
      UNION ALL
      SELECT account_id, ${monthIndex("coalesce(resolved_at, created_at)")} + ${WINDOW_SPREAD}, 0, 0, 1 FROM t WHERE csat <= ${R.lowCsatMax}
    ), per_month AS (
      SELECT account_id, mi, sum(open) AS open, sum(slow) AS slow, sum(low) AS low FROM ev GROUP BY ALL
    )
    SELECT b.rid,
           greatest(0, 100 - ${R.openTicketPenalty} * coalesce(p.open, 0) - ${R.slowResponsePenalty} * coalesce(p.slow, 0)
                    - ${R.lowCsatPenalty} * coalesce(p.low, 0))::DOUBLE AS support
    FROM _health_base b LEFT JOIN per_month p USING (account_id, mi)`);
}

/** nps = 10 · the account's latest response score up to month end (same-day responses averaged), if under 365 days old. */
async function buildNps(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE _health_nps AS
    WITH r AS (
      SELECT account_id, responded_at, avg(score) AS score FROM nps_responses WHERE account_id IS NOT NULL GROUP BY ALL
    )
    SELECT b.rid, 10.0 * r.score AS nps
    FROM _health_base b
    ASOF JOIN r ON b.account_id = r.account_id AND b.month_end >= r.responded_at
    WHERE r.responded_at > b.month_end - ${R.npsMaxAgeDays}`);
}

/** onboarding = 100 · required milestones completed by month end / required milestones; missing without any. */
async function buildOnboarding(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE _health_onboarding AS
    WITH req AS (
      SELECT * FROM onboarding WHERE coalesce(required, true)
    ), n AS (
      SELECT account_id, count(*) AS required FROM req GROUP BY ALL
    ), c AS (
      SELECT account_id, completed_at, sum(n) OVER (PARTITION BY account_id ORDER BY completed_at ROWS UNBOUNDED PRECEDING) AS done
      FROM (SELECT account_id, completed_at, count(*) AS n FROM req WHERE completed_at IS NOT NULL GROUP BY ALL)
    )
    SELECT b.rid, 100.0 * coalesce(c.done, 0) / n.required AS onboarding
    FROM _health_base b
    JOIN n USING (account_id)
    ASOF LEFT JOIN c ON b.account_id = c.account_id AND b.month_end >= c.completed_at`);
}

/**
 * outcomes = mean over the account's outcome metrics of clamp(50 + 100 · (A3 − P3) / |P3|, 0, 100),
 * A3 = mean of the metric's values in M-2..M, P3 = mean in M-5..M-3. A metric counts in M when it has a
 * value for M and for the earlier window, with P3 ≠ 0; missing when no metric counts.
 */
async function buildOutcomes(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE _health_outcomes AS
    WITH w AS (
      SELECT account_id, metric, ${monthIndex("month")} AS mi,
             avg(value) OVER (w RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS a3,
             avg(value) OVER (w RANGE BETWEEN 5 PRECEDING AND 3 PRECEDING) AS p3,
             count(*) OVER (w RANGE CURRENT ROW) AS k
      FROM outcomes
      WINDOW w AS (PARTITION BY account_id, metric ORDER BY ${monthIndex("month")})
    ), scored AS (
      -- k = rows of the same metric and month: each metric weighs 1 however many rows it has.
      SELECT account_id, mi, sum(least(100, greatest(0, 50 + ${R.outcomePointsPerChange} * (a3 - p3) / abs(p3))) / k) / sum(1.0 / k) AS outcomes
      FROM w WHERE p3 <> 0
      GROUP BY ALL
    )
    SELECT b.rid, scored.outcomes FROM scored JOIN _health_base b USING (account_id, mi)`);
}

/** The weight/band profile of each product line with an override; other lines use the global ones. */
async function buildProfiles(db: Db, h: HealthConfig): Promise<void> {
  const cols = [...HEALTH_COMPONENTS.map((c) => `${ident(c)} DOUBLE`), "red DOUBLE", "yellow DOUBLE"];
  await db.run(`CREATE OR REPLACE TABLE _health_profiles (product VARCHAR, ${cols.join(", ")})`);
  for (const p of healthProfiles(h)) {
    const values = [...HEALTH_COMPONENTS.map((c) => num(p.weights[c])), num(p.bands.red), num(p.bands.yellow)];
    await db.run(`INSERT INTO _health_profiles VALUES (${literal(p.product)}, ${values.join(", ")})`);
  }
}

async function buildHealth(db: Db, ctx: MetricContext): Promise<void> {
  const h = ctx.config.health;
  const hasActivities = (await count(db, "csm_activities")) > 0;
  const hasTickets = (await count(db, "support_tickets")) > 0;
  await buildBase(db);
  await buildProfiles(db, h);
  await buildUsage(db);
  await buildNps(db);
  await buildOnboarding(db);
  await buildOutcomes(db);
  if (hasActivities) await buildEngagement(db);
  if (hasTickets) await buildSupport(db, monthNumber(ctx.asOf));

  const sources: Record<string, string | null> = {
    usage: "_health_usage",
    engagement: hasActivities ? "_health_engagement" : null,
    support: hasTickets ? "_health_support" : null,
    nps: "_health_nps",
    onboarding: "_health_onboarding",
    outcomes: "_health_outcomes"
  };
  const joins = Object.entries(sources)
    .filter(([, t]) => t)
    .map(([c, t]) => `LEFT JOIN ${t} ${ident(`t_${c}`)} USING (rid)`);
  const value = (c: string) => (sources[c] ? `${ident(`t_${c}`)}.${ident(c)}` : "NULL::DOUBLE");
  const missing = SORTED_COMPONENTS.map((c) => `CASE WHEN comp.${ident(c)} IS NULL THEN '${c}' END`).join(", ");

  // _health_comp: the six normalised components of each active customer-month (NULL = missing).
  await db.run(`
    CREATE OR REPLACE TABLE _health_comp AS
    SELECT b.rid, b.month, b.account_id, b.product,
           ${HEALTH_COMPONENTS.map((c) => `${value(c)} AS ${ident(c)}`).join(",\n           ")}
    FROM _health_base b
    ${joins.join("\n    ")}`);
  await buildProductScores(db, h);

  // The account score is the MRR-weighted roll-up of its product scores (health_products); the band
  // uses the bands of the account's main product line, as before.
  await db.run(`
    CREATE OR REPLACE TABLE health AS
    WITH roll AS (
      SELECT rid, ${mrrWeightedMean("raw_score")} AS raw_score
      FROM _health_lines WHERE raw_score IS NOT NULL GROUP BY rid
    ), s AS (
      SELECT comp.*, p.product AS profile, round(roll.raw_score, 2) AS score,
             coalesce(p.red, ${num(h.bands.red)}) AS red, coalesce(p.yellow, ${num(h.bands.yellow)}) AS yellow,
             nullif(concat_ws(',', ${missing}), '') AS missing_components
      FROM _health_comp comp LEFT JOIN roll USING (rid) LEFT JOIN _health_profiles p ON p.product = comp.product
    )
    SELECT month, account_id, score,
           CASE WHEN score IS NULL THEN NULL WHEN score < red THEN 'red' WHEN score < yellow THEN 'yellow' ELSE 'green' END AS band,
           ${HEALTH_COMPONENTS.map((c) => `round(${ident(c)}, 2) AS ${ident(c)}`).join(", ")},
           missing_components, product, coalesce(profile, 'default') AS weights
    FROM s
    ORDER BY rid`);
  await buildHealthDrivers(db);

  for (const t of ["_health_base", "_health_profiles", "_health_comp", "_health_lines", ...Object.values(sources)]) {
    if (t) await db.run(`DROP TABLE IF EXISTS ${t}`);
  }
}

/** health_mix: band counts and green share per month and segment (active customers). */
async function buildHealthMix(db: Db, {dimensions}: MetricContext): Promise<void> {
  const dims = dimensions.map((d) => `, am.${ident(d)}`).join("");
  await db.run(`
    CREATE OR REPLACE TABLE health_mix AS
    WITH a AS (
      SELECT am.month ${dims}, count(*) AS accounts, count(h.score) AS scored,
             count(*) FILTER (WHERE h.band = 'green') AS green, count(*) FILTER (WHERE h.band = 'yellow') AS yellow,
             count(*) FILTER (WHERE h.band = 'red') AS red, sum(h.score::DECIMAL(18,2)) AS score_sum
      FROM account_months am JOIN health h USING (month, account_id)
      GROUP BY ALL
    ), x AS (${explodeSegments("a", dimensions)})
    SELECT month, dimension, segment, sum(accounts)::BIGINT AS accounts, sum(scored)::BIGINT AS scored,
           sum(green)::BIGINT AS green, sum(yellow)::BIGINT AS yellow, sum(red)::BIGINT AS red,
           CASE WHEN sum(scored) > 0 THEN sum(green) / sum(scored) END AS green_share,
           CASE WHEN sum(scored) > 0 THEN round(sum(score_sum) / sum(scored), 2)::DOUBLE END AS avg_score
    FROM x GROUP BY month, dimension, segment
    ORDER BY month, ${SEGMENT_ORDER}`);
}

const d = (id: string, table: string, name: Definition["name"], formula: string, text: Definition["text"]): Definition => ({
  id,
  table,
  name,
  formula,
  text
});

export const healthDefinitions: Definition[] = [
  d(
    "health_score",
    "health",
    {en: "Health score", ja: "ヘルススコア"},
    "score(a, M) = Σ_p MRR_p · (Σ_c w_p,c · s_c / Σ_c w_p,c over the components c present) / Σ_p MRR_p; band: score < red → red, < yellow → yellow, else green",
    {
      en: "A 0–100 score for every active customer (MRR > 0 at the end of M), from six components each normalised to 0–100. The weights come from config (health.weights), overridden per product line (health.productWeights): an account on several product lines gets a score per line with that line's weights (health_products), and its score is the MRR-weighted mean of those product scores. The `product` column names the account's largest subscription line by MRR in the month (ties: product name order), whose bands apply, and `weights` that line's profile ('default' = global). A component without data is re-weighted away, never scored as 0, and listed in `missing_components` (alphabetical); with no component present the score is empty. The score is rounded to 2 decimals and the band (health.bands, per product line health.productBands) is read from the rounded score.",
      ja: "各月末にMRRが0より大きい顧客ごとの0〜100のスコアです。6つの構成要素をそれぞれ0〜100に正規化し、設定（health.weights）の重みで加重平均します。製品ライン別の重み（health.productWeights）がある場合、複数の製品ラインを契約する顧客は製品ラインごとにその重みでスコアを計算し（health_products）、顧客のスコアはそれらのMRR加重平均です。product列はその月のMRRが最大の契約明細の製品ライン（同額なら製品名順）で、帯はその製品ラインの帯を使います（weights列はその設定。'default'は全体設定）。データのない構成要素は0点とせず重みから除外し、missing_components列（アルファベット順）に示します。構成要素が1つもなければスコアは空欄です。スコアは小数第2位に丸め、帯（health.bands、製品ライン別はhealth.productBands）は丸めたスコアで判定します。"
    }
  ),
  d(
    "health_usage",
    "health",
    {en: "Health: usage", ja: "ヘルス：ツール使用率"},
    "usage = mean(min(100, 100·active_users/seats), min(100, 50·(key_events/active_users) / median_product,M(key_events/active_users)))",
    {
      en: "Mean of the sub-scores present: seat utilisation, 100 × active users ÷ licensed seats capped at 100 (seats from the usage row, else the account's subscription lines in M); and key-event depth, 50 × key events per active user ÷ the median of that ratio among active customers on the same main product line that month, capped at 100 (a median account scores 50; 0 active users scores 0). Missing when the account has no usage row for M.",
      ja: "利用可能な下位スコアの平均です。シート利用率：アクティブユーザー数 ÷ 契約シート数 × 100（上限100。シート数は利用データ、なければその月の契約明細）。キーイベント深度：アクティブユーザーあたりキーイベント数 ÷ 同じ主製品ラインの顧客のその月の中央値 × 50（上限100。中央値の顧客が50点、アクティブユーザー0なら0点）。その月の利用データがない場合は欠損です。"
    }
  ),
  d(
    "health_engagement",
    "health",
    {en: "Health: CSM engagement", ja: "ヘルス：エンゲージメント"},
    `engagement = min(100, ${R.activityPoints}·activities(M-2..M) + ${R.qbrBonus}·[QBR in M-2..M])`,
    {
      en: `CSM activities (any type) dated in the three calendar months M-2..M (about 90 days, ending on the last day of M) score ${R.activityPoints} points each, plus ${R.qbrBonus} if one of them is a QBR (type 'qbr', case and spaces ignored), capped at 100. No activity scores 0. Missing for every account only when no CSM activities were exported at all.`,
      ja: `M-2〜Mの3か月（約90日、M末まで）のCSM活動（種類を問わず）1件につき${R.activityPoints}点、そのうちQBR（type 'qbr'。大文字小文字・空白は無視）があれば${R.qbrBonus}点を加算し、上限100点です。活動がなければ0点です。CSM活動データ自体が提供されていない場合のみ全顧客で欠損になります。`
    }
  ),
  d(
    "health_support",
    "health",
    {en: "Health: support", ja: "ヘルス：サポート"},
    `support = max(0, 100 − ${R.openTicketPenalty}·open_at_month_end − ${R.slowResponsePenalty}·sla_breaches(M-2..M) − ${R.lowCsatPenalty}·csat≤${R.lowCsatMax}(M-2..M))`,
    {
      en: `100 minus ${R.openTicketPenalty} per ticket open at the end of M (created by then, not resolved by then), ${R.slowResponsePenalty} per first-response breach (neither a first response nor a resolution within ${R.slowResponseHours} h; the breach falls in the month of creation + ${R.slowResponseHours} h) and ${R.lowCsatPenalty} per CSAT rating ≤ ${R.lowCsatMax} (in the month of resolution, else creation), breaches and ratings counted over the three months M-2..M; floor 0. No tickets scores 100. Missing for every account only when no tickets were exported at all.`,
      ja: `100点から、M末時点の未解決チケット（M末までに作成され未解決）1件につき${R.openTicketPenalty}点、初回応答の遅延（作成から${R.slowResponseHours}時間以内に初回応答も解決もない。作成の${R.slowResponseHours}時間後の月に計上）1件につき${R.slowResponsePenalty}点、CSAT ${R.lowCsatMax}以下（解決月、なければ作成月）1件につき${R.lowCsatPenalty}点を減点します（遅延とCSATはM-2〜Mの3か月、下限0点）。チケットがなければ100点です。チケットデータ自体が提供されていない場合のみ全顧客で欠損になります。`
    }
  ),
  d(
    "health_nps",
    "health",
    {en: "Health: NPS", ja: "ヘルス：NPS"},
    "nps = 10 · latest score (0..10) of the account up to month end",
    {
      en: `The account's most recent NPS response on or before the last day of M (responses with an account only; several on the same day averaged), 0–10 mapped to 0–100. Missing when there is none, or when the latest is more than ${R.npsMaxAgeDays} days old.`,
      ja: `月末日以前の最新のNPS回答（顧客IDのある回答のみ。同日複数は平均）の0〜10点を0〜100点に換算します。回答がない場合、または最新回答が${R.npsMaxAgeDays}日より古い場合は欠損です。`
    }
  ),
  d(
    "health_onboarding",
    "health",
    {en: "Health: onboarding", ja: "ヘルス：オンボーディング"},
    "onboarding = 100 · required milestones completed by month end / required milestones",
    {
      en: "Share of the account's required onboarding milestones (required empty counts as true) with a completion date on or before the last day of M, × 100. Missing when the account has no required milestones.",
      ja: "顧客の必須オンボーディング項目（requiredが空欄なら必須）のうち、月末日までに完了したものの割合 × 100 です。必須項目がない顧客は欠損です。"
    }
  ),
  d(
    "health_outcomes",
    "health",
    {en: "Health: customer outcomes", ja: "ヘルス：顧客成果（パフォーマンス）"},
    `outcomes = mean over metrics of clamp(50 + ${R.outcomePointsPerChange}·(A3 − P3)/|P3|, 0, 100); A3 = mean(M-2..M), P3 = mean(M-5..M-3)`,
    {
      en: "Trend of the customer's own outcome measures (higher is better): for each metric, the mean of its values in M-2..M against the mean in M-5..M-3 (months without a value skipped). Flat scores 50; each 1% change moves the score 1 point (+50% or more → 100, −50% or less → 0). Averaged over the metrics that have a value for M itself, at least one in M-5..M-3, and a non-zero earlier mean; missing when none does (e.g. outcomes not yet reported for M).",
      ja: "顧客自身の成果指標（大きいほど良い）の推移です。指標ごとに、M-2〜Mの値の平均を、M-5〜M-3の値の平均と比べます（値のない月は除外）。横ばいが50点で、1%の変化ごとに1点増減します（+50%以上で100点、−50%以下で0点）。Mの値があり、M-5〜M-3に値があり、前期間の平均が0でない指標の平均で、該当がなければ欠損です（Mの成果がまだ報告されていない場合など）。"
    }
  ),
  d(
    "health_mix",
    "health_mix",
    {en: "Health mix", ja: "ヘルススコア分布"},
    "green_share = green / scored; avg_score = Σ score / scored",
    {
      en: "Per month and segment: active customers (MRR > 0), those with a score, the count in each band, the share of scored accounts that are green, and their average score.",
      ja: "月・セグメント別の、MRRが0より大きい顧客数、スコアのある顧客数、帯別の顧客数、スコアのある顧客に占めるgreenの割合、平均スコアです。"
    }
  )
];

export const health: MetricFamily = {
  name: "health",
  tables: ["health", "health_mix", "health_products", "health_drivers", "health_book_drivers"],
  definitions: [...healthDefinitions, ...healthProductDefinitions, ...healthDriverDefinitions],
  async build(db, ctx) {
    await buildHealth(db, ctx);
    await buildHealthMix(db, ctx);
  }
};
