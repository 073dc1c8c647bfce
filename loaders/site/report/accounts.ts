/**
 * The account-level parts of the monthly report, for every month and view at once (one query each,
 * so the build stays fast at 100k accounts): the MRR bridge per segment, the largest movers, and the
 * at-risk accounts.
 */
import {ident, type Db} from "../../db.js";
import {NO_SEGMENT} from "../../metrics/account-months.js";
import type {Month} from "../../metrics/family.js";
import type {AtRisk, AtRiskAccount, Bridge, Mover} from "./types.js";

/** Movers shown per movement kind, and at-risk accounts listed per view (the count covers all). */
export const MOVERS_LIMIT = 10;
export const AT_RISK_LIMIT = 50;
/** A line ending within this many days after month end is a renewal risk when usage is falling. */
export const RENEWAL_DAYS = 90;
/**
 * Usage is falling when the mean monthly active users of the last USAGE_WINDOW months is at most
 * FALLING_RATIO of the mean over the USAGE_WINDOW months before (a fall of 10% or more: smaller dips
 * are noise, not a signal).
 */
export const USAGE_WINDOW = 3;
export const FALLING_RATIO = 0.9;

/** The account's segment in the report's dimension (accounts without one: NO_SEGMENT). */
const segmentOf = (dim: string | null, alias = "a") => (dim ? `coalesce(${alias}.${ident(dim)}, '${NO_SEGMENT}')` : `'${NO_SEGMENT}'`);

/** Rows tagged once for the total view and once for their segment's view. */
const bothViews = (source: string, dim: string | null) =>
  `SELECT 'all' AS view, * FROM ${source}${dim ? ` UNION ALL SELECT segment AS view, * FROM ${source}` : ""}`;

const key = (view: string, month: Month) => `${view}|${month}`;

/**
 * The MRR bridge per month and view. The total is the mrr_movements row; a segment's bridge sums
 * the movements of its accounts (account_movements), so the segments add up to the total.
 */
export async function bridges(db: Db, dim: string | null): Promise<Map<string, Bridge>> {
  const rows = await db.all<Bridge & {view: string}>(`
    WITH x AS (
      SELECT am.*, ${segmentOf(dim)} AS segment FROM account_movements am JOIN accounts a USING (account_id)
    ), v AS (${bothViews("x", dim)})
    SELECT 'all' AS view, month, mrr_start::DOUBLE AS mrr_start, "new"::DOUBLE AS "new", expansion::DOUBLE AS expansion,
           reactivation::DOUBLE AS reactivation, contraction::DOUBLE AS contraction, churn::DOUBLE AS churn,
           fx::DOUBLE AS fx, mrr_end::DOUBLE AS mrr_end
    FROM mrr_movements
    ${
      dim
        ? `UNION ALL
    SELECT view, month, sum(mrr_prev)::DOUBLE,
           coalesce(sum(amount) FILTER (WHERE movement = 'new'), 0)::DOUBLE,
           coalesce(sum(amount) FILTER (WHERE movement = 'expansion'), 0)::DOUBLE,
           coalesce(sum(amount) FILTER (WHERE movement = 'reactivation'), 0)::DOUBLE,
           coalesce(sum(amount) FILTER (WHERE movement = 'contraction'), 0)::DOUBLE,
           coalesce(sum(amount) FILTER (WHERE movement = 'churn'), 0)::DOUBLE,
           sum(fx)::DOUBLE,
           sum(mrr)::DOUBLE
    FROM v WHERE view <> 'all' GROUP BY view, month`
        : ""
    }`);
  return new Map(rows.map(({view, ...b}) => [key(view, b.month), b]));
}

export type MoversByKind = {churn: Mover[]; contraction: Mover[]; expansion: Mover[]};

/** The largest churns, contractions and expansions of each month and view (by amount; ties by account id). */
export async function movers(db: Db, dim: string | null): Promise<Map<string, MoversByKind>> {
  const rows = await db.all<Mover & {view: string; month: string; movement: keyof MoversByKind}>(`
    WITH x AS (
      SELECT am.month, am.account_id, am.movement, am.amount, am.mrr_prev, am.mrr, a.account_name, ${segmentOf(dim)} AS segment
      FROM account_movements am JOIN accounts a USING (account_id)
      WHERE am.movement IN ('churn', 'contraction', 'expansion')
    ), v AS (${bothViews("x", dim)}),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY view, month, movement ORDER BY amount DESC, account_id) AS rk FROM v
    )
    SELECT view, month, movement, account_id, account_name, segment, mrr_prev::DOUBLE AS mrr_before,
           mrr::DOUBLE AS mrr_after, (mrr - mrr_prev)::DOUBLE AS delta
    FROM ranked WHERE rk <= ${MOVERS_LIMIT}
    ORDER BY view, month, movement, rk`);
  const out = new Map<string, MoversByKind>();
  for (const {view, month, movement, ...m} of rows) {
    const k = key(view, month);
    if (!out.has(k)) out.set(k, {churn: [], contraction: [], expansion: []});
    out.get(k)![movement].push(m);
  }
  return out;
}

/**
 * At-risk accounts of each month M (accounts with MRR > 0 at the end of M), either:
 *  - red: health band red in M; or
 *  - renewal: a subscription line (MRR > 0) counted in M ends within RENEWAL_DAYS days after the end
 *    of M (month_end < end_date <= month_end + 90) and no other line of the same product known at
 *    the end of M (start_date <= month_end) runs past that date, while usage is falling: the mean
 *    monthly active users over M-2..M is at most 90% of the mean over M-5..M-3 (months without a
 *    usage row count as 0, so usage that stops reporting is falling), and the earlier mean is above 0.
 * Only what was known at the end of M is used: a renewal line starting later does not clear it.
 * Per view: the count, MRR and reason counts of all of them, and the AT_RISK_LIMIT largest by MRR.
 */
export async function atRisk(db: Db, dim: string | null): Promise<Map<string, AtRisk>> {
  const w = USAGE_WINDOW;
  const rows = await db.all<AtRiskAccount & {view: string; month: string; rk: number; n: number; n_mrr: number; n_red: number; n_renewal: number; is_red: boolean; is_renewal: boolean}>(`
    WITH mi AS (
      SELECT month, month_end, year(month_start) * 12 + month(month_start) - 1 AS mi FROM months
    ),
    ending AS (
      SELECT m.month, s.account_id, coalesce(s.product, '') AS product, s.end_date
      FROM months m JOIN subscriptions s
        ON s.start_date <= m.month_end AND s.end_date > m.month_end AND s.end_date <= m.month_end + ${RENEWAL_DAYS}
      WHERE s.mrr > 0
    ),
    renewal AS (
      SELECT e.month, e.account_id, min(e.end_date) AS renewal_date
      FROM ending e JOIN months m USING (month)
      WHERE NOT EXISTS (
        SELECT 1 FROM subscriptions s2
        WHERE s2.account_id = e.account_id AND coalesce(s2.product, '') = e.product AND s2.mrr > 0
          AND s2.start_date <= m.month_end AND (s2.end_date IS NULL OR s2.end_date > e.end_date))
      GROUP BY ALL
    ),
    candidates AS (
      SELECT am.month, am.account_id, am.mrr, h.score, h.band,
             r.renewal_date, mi.mi
      FROM account_months am
      JOIN mi USING (month)
      LEFT JOIN health h USING (month, account_id)
      LEFT JOIN renewal r USING (month, account_id)
      WHERE am.mrr > 0 AND (h.band = 'red' OR r.renewal_date IS NOT NULL)
    ),
    u AS (
      SELECT account_id, year(month) * 12 + month(month) - 1 AS mi, sum(active_users) AS users FROM usage GROUP BY ALL
    ),
    trend AS (
      SELECT c.month, c.account_id,
             coalesce(sum(u.users) FILTER (WHERE u.mi > c.mi - ${w}), 0) / ${w}.0 AS users_recent,
             coalesce(sum(u.users) FILTER (WHERE u.mi <= c.mi - ${w}), 0) / ${w}.0 AS users_prior
      FROM candidates c LEFT JOIN u ON u.account_id = c.account_id AND u.mi BETWEEN c.mi - ${2 * w - 1} AND c.mi
      GROUP BY ALL
    ),
    flagged AS (
      SELECT c.month, c.account_id, c.mrr, c.score, c.band, t.users_recent, t.users_prior,
             coalesce(c.band = 'red', false) AS is_red,
             (c.renewal_date IS NOT NULL AND t.users_prior > 0 AND t.users_recent <= ${FALLING_RATIO} * t.users_prior) AS is_renewal,
             CASE WHEN c.renewal_date IS NOT NULL AND t.users_prior > 0 AND t.users_recent <= ${FALLING_RATIO} * t.users_prior
                  THEN c.renewal_date END AS renewal_date
      FROM candidates c JOIN trend t USING (month, account_id)
    ),
    x AS (
      SELECT f.*, a.account_name, a.csm, ${segmentOf(dim)} AS segment
      FROM flagged f JOIN accounts a USING (account_id)
      WHERE f.is_red OR f.is_renewal
    ),
    v AS (${bothViews("x", dim)}),
    ranked AS (
      SELECT *, row_number() OVER (PARTITION BY view, month ORDER BY mrr DESC, account_id) AS rk,
             count(*) OVER (PARTITION BY view, month) AS n,
             sum(mrr) OVER (PARTITION BY view, month) AS n_mrr,
             count(*) FILTER (WHERE is_red) OVER (PARTITION BY view, month) AS n_red,
             count(*) FILTER (WHERE is_renewal) OVER (PARTITION BY view, month) AS n_renewal
      FROM v
    )
    SELECT view, month, rk, n, n_mrr::DOUBLE AS n_mrr, n_red, n_renewal, account_id, account_name, segment, csm,
           mrr::DOUBLE AS mrr, score::DOUBLE AS score, band, is_red, is_renewal, strftime(renewal_date, '%Y-%m-%d') AS renewal_date,
           round(users_recent, 2)::DOUBLE AS users_recent, round(users_prior, 2)::DOUBLE AS users_prior
    FROM ranked WHERE rk <= ${AT_RISK_LIMIT}
    ORDER BY view, month, rk`);
  const out = new Map<string, AtRisk>();
  for (const r of rows) {
    const k = key(r.view, r.month);
    if (!out.has(k)) out.set(k, {count: r.n, mrr: r.n_mrr, red: r.n_red, renewal: r.n_renewal, accounts: []});
    out.get(k)!.accounts.push({
      account_id: r.account_id,
      account_name: r.account_name,
      segment: r.segment,
      csm: r.csm,
      mrr: r.mrr,
      score: r.score,
      band: r.band,
      reasons: [...(r.is_red ? (["red"] as const) : []), ...(r.is_renewal ? (["renewal"] as const) : [])],
      renewal_date: r.renewal_date,
      users_recent: r.users_recent,
      users_prior: r.users_prior
    });
  }
  return out;
}

export {key as viewKey};
