/**
 * Normalises the staged billing lines to monthly recurring revenue in the report currency, month by
 * month (the contract's month-end snapshot), into `billing_line_months`, and writes one contract
 * `subscriptions` row per counted line (its dates, and its MRR in its last counted month).
 *
 * Rules (data/README.md "billing_lines", and the billing definitions in loaders/metrics/billing.ts):
 *  - amount in the major unit, or amount_minor / 10^exponent (ISO 4217: JPY 0, USD 2, KWD 3);
 *  - period amount = amount × quantity, less a discount while it lasts (percent, then amount off,
 *    never below 0); a discount lasts until discount_end (exclusive) or discount_periods billing
 *    periods from start_date, else for ever;
 *  - MRR = period amount × months factor: day 365/12, week 52/12, month 1, quarter 1/3, year 1/12,
 *    divided by interval_count; without an interval, the service period start_date..end_date sets it;
 *  - 0 while a trial lasts (trial_end after the month's last day; a trialing line without trial_end);
 *  - only counted statuses and recurring lines; the line ends at end_date, else (last_date + 1 day
 *    unless it renews automatically), else the current period's end when it cancels at period end,
 *    else canceled_at for a canceled line;
 *  - converted at the month's fx_rates rate (report currency: 1), rounded to 2 decimals; a line with
 *    MRR in a month whose currency has no rate is quarantined (missing_fx_rate).
 */
import type {ReportConfig} from "../../config.js";
import {literal, type Db} from "../../db.js";
import {latestObservedMonth} from "../../metrics/calendar.js";
import {currenciesSql} from "./currencies.js";
import {BILLING_TABLE, billingTypeSql, COUNTED_STATUSES, flagSql, FX_TABLE, intervalMultipleSql, intervalUnitSql, statusSql} from "./spec.js";

export const LINE_MONTHS_TABLE = "billing_line_months";

export const LINE_MONTHS_DDL = `CREATE OR REPLACE TABLE ${LINE_MONTHS_TABLE} (
  month VARCHAR, account_id VARCHAR, subscription_id VARCHAR, source_line BIGINT, product VARCHAR, plan VARCHAR, status VARCHAR,
  amount DECIMAL(38,6), currency VARCHAR, "interval" VARCHAR, interval_count BIGINT, quantity DECIMAL(38,6), seats BIGINT,
  discount VARCHAR, discount_applied BOOLEAN, in_trial BOOLEAN, period_amount DECIMAL(38,6), local_mrr DECIMAL(38,6),
  rate DECIMAL(18,8), mrr DECIMAL(18,2))`;

const MONTHS_PER_UNIT: Record<string, number> = {month: 1, quarter: 3, year: 12};

/** The as-of month the metrics will use: config asOf, else the latest observed event (billing line starts included). */
async function asOfMonth(db: Db, config: ReportConfig): Promise<string | null> {
  if (config.asOf) return config.asOf;
  const others = await latestObservedMonth(db);
  const [row] = await db.all<{m: string | null}>(
    `SELECT strftime(max(start_date), '%Y-%m') AS m FROM ${BILLING_TABLE}
     WHERE coalesce(${statusSql("status")}, 'active') IN (${COUNTED_STATUSES.map(literal).join(", ")}) AND coalesce(${billingTypeSql("billing_type")}, 'recurring') = 'recurring'`
  );
  const ms = [others, row?.m].filter((m): m is string => !!m).sort();
  return ms.at(-1) ?? null;
}

/** Per line: canonical unit, count, status, amounts in the major unit, effective end, discount end. */
function linesSql(config: ReportConfig, asOfEnd: string): string {
  const report = literal(config.currency);
  const minor = (x: string) => `CASE c.exponent WHEN 0 THEN ${x}::DECIMAL(38,6) WHEN 2 THEN ${x} * 0.01 WHEN 3 THEN ${x} * 0.001 ELSE ${x} * 0.0001 END`;
  // Period length: in months for month/quarter/year units, else in days.
  const monthsLen = `CASE unit ${Object.entries(MONTHS_PER_UNIT).map(([u, k]) => `WHEN '${u}' THEN ${k}`).join(" ")} END * n`;
  const daysLen = `CASE unit WHEN 'day' THEN 1 WHEN 'week' THEN 7 END * n`;
  const asOf = `DATE ${literal(asOfEnd)}`;
  return `
    WITH b AS (
      SELECT b.*, upper(trim(coalesce(b.currency, ${report}))) AS cur,
             coalesce(${statusSql("b.status")}, 'active') AS st,
             coalesce(${billingTypeSql("b.billing_type")}, 'recurring') AS bt,
             coalesce(${flagSql("b.auto_renew")}, FALSE) AS renew,
             ${intervalUnitSql(`b."interval"`)} AS unit0,
             coalesce(b.interval_count, 1) * ${intervalMultipleSql(`b."interval"`)} AS n0
      FROM ${BILLING_TABLE} b
    ),
    u AS (
      -- Without an interval, the service period is the billing period: whole months when the day of
      -- month matches (2025-01-15 .. 2025-04-15 = 3 months), else days.
      SELECT b.*,
             CASE WHEN unit0 IS NOT NULL THEN unit0
                  WHEN end_date = start_date + to_months(date_diff('month', start_date, end_date)::INTEGER) THEN 'month' ELSE 'day' END AS unit,
             CASE WHEN unit0 IS NOT NULL THEN n0
                  WHEN end_date = start_date + to_months(date_diff('month', start_date, end_date)::INTEGER) THEN date_diff('month', start_date, end_date)
                  ELSE date_diff('day', start_date, end_date) END AS n
      FROM b
    ),
    a AS (
      SELECT u.*, c.exponent,
             coalesce(amount, ${minor("amount_minor")}) AS amount_major,
             coalesce(discount_amount, ${minor("discount_amount_minor")}) AS discount_major,
             ${monthsLen} AS len_months, ${daysLen} AS len_days
      FROM u JOIN ${currenciesSql()} c ON c.code = u.cur
    ),
    e AS (
      SELECT a.*,
             CASE WHEN len_months IS NOT NULL
                  THEN start_date + to_months((floor(date_diff('month', start_date, ${asOf}) / len_months) * len_months)::INTEGER)
                  ELSE start_date + to_days(((floor(date_diff('day', start_date, ${asOf}) / len_days) + 1) * len_days)::INTEGER) END AS b0
      FROM a
    )
    SELECT e.*,
           CASE WHEN end_date IS NOT NULL THEN end_date
                WHEN last_date IS NOT NULL AND NOT renew THEN last_date + 1
                WHEN cancel_at_period_end THEN coalesce(current_period_end,
                  CASE WHEN b0 > ${asOf} THEN b0 WHEN len_months IS NOT NULL THEN b0 + to_months(len_months::INTEGER) ELSE b0 END)
                WHEN st = 'canceled' THEN canceled_at END AS end_eff,
           CASE WHEN discount_percent IS NULL AND discount_major IS NULL THEN NULL
                ELSE coalesce(discount_end, CASE WHEN discount_periods IS NOT NULL THEN
                  CASE WHEN len_months IS NOT NULL THEN start_date + to_months((discount_periods * len_months)::INTEGER)
                       ELSE start_date + to_days((discount_periods * len_days)::INTEGER) END END, DATE '9999-12-31') END AS discount_until,
           -- Months of MRR per unit of the period amount.
           CASE unit WHEN 'day' THEN 365.0 / 12 WHEN 'week' THEN 52.0 / 12 WHEN 'month' THEN 1.0 WHEN 'quarter' THEN 1.0 / 3 WHEN 'year' THEN 1.0 / 12 END / n AS factor
    FROM e
    WHERE st IN (${COUNTED_STATUSES.map(literal).join(", ")}) AND bt = 'recurring'`;
}

/** Normalises billing_lines into billing_line_months and subscriptions; quarantines lines without an FX rate. Returns lines quarantined. */
export async function normaliseBilling(db: Db, config: ReportConfig, file: string): Promise<number> {
  const asOf = await asOfMonth(db, config);
  if (!asOf) return 0;
  const [{end}] = await db.all<{end: string}>(`SELECT strftime(last_day(strptime(?, '%Y-%m')), '%Y-%m-%d') AS "end"`, [asOf]);
  await db.run(`CREATE OR REPLACE TEMP TABLE __billing AS ${linesSql(config, end)}`);
  const num = (x: string) => `regexp_replace(CAST(CAST(${x} AS DOUBLE) AS VARCHAR), '[.]0$', '')`;
  const discountLabel = `NULLIF(concat(
      CASE WHEN discount_percent IS NOT NULL THEN ${num("discount_percent")} || '%' END,
      CASE WHEN discount_percent IS NOT NULL AND discount_major IS NOT NULL THEN ' + ' END,
      CASE WHEN discount_major IS NOT NULL THEN ${num("discount_major")} || ' ' || cur || ' off' END,
      CASE WHEN discount_until < DATE '9999-12-31' THEN ' until ' || strftime(discount_until, '%Y-%m-%d') END), '')`;
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __billing_months AS
    WITH months AS (
      SELECT d::DATE AS month_start, last_day(d)::DATE AS month_end FROM range(
        (SELECT date_trunc('month', min(start_date)) FROM __billing), DATE ${literal(end)} + 1, INTERVAL 1 MONTH) t(d)
    ),
    lm AS (
      SELECT m.month_start, m.month_end, l.*,
             coalesce(l.trial_end > m.month_end AND coalesce(l.trial_start, l.start_date) <= m.month_end, l.st = 'trialing') AS in_trial,
             l.discount_until IS NOT NULL AND l.discount_until > m.month_end AS discount_applied
      FROM __billing l JOIN months m ON l.start_date <= m.month_end AND (l.end_eff IS NULL OR l.end_eff > m.month_end)
    ),
    p AS (
      SELECT lm.*,
             CASE WHEN in_trial THEN 0::DECIMAL(38,6)
                  WHEN discount_applied THEN greatest(amount_major * quantity * (100 - coalesce(discount_percent, 0)) * 0.01 - coalesce(discount_major, 0), 0)
                  ELSE amount_major * quantity END AS period_amount
      FROM lm
    ),
    r AS (
      SELECT p.*, round(CAST(period_amount AS DOUBLE) * factor, 6)::DECIMAL(38,6) AS local_mrr,
             CASE WHEN cur = ${literal(config.currency)} THEN 1::DECIMAL(18,8) ELSE fx.rate END AS rate
      FROM p LEFT JOIN ${FX_TABLE} fx ON fx.currency = p.cur AND fx.month = p.month_start
    )
    SELECT strftime(month_start, '%Y-%m') AS month, account_id, coalesce(line_id, ${literal(`${file}:`)} || source_line) AS subscription_id, source_line,
           product, plan, st AS status, amount_major AS amount, cur AS currency, unit AS "interval", n AS interval_count, quantity,
           coalesce(seats, CASE WHEN quantity = floor(quantity) THEN quantity::BIGINT END) AS seats,
           ${discountLabel} AS discount, discount_applied, in_trial, period_amount, local_mrr, rate,
           round(local_mrr * rate, 2)::DECIMAL(18,2) AS mrr
    FROM r`);

  // A line with MRR in a month its currency has no rate for: quarantined whole (one reason, its first such month).
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __missing_rate AS
    SELECT source_line, currency, min(month) AS month FROM __billing_months WHERE rate IS NULL AND local_mrr > 0 GROUP BY ALL`);
  await db.run(`
    INSERT INTO rejected_rows
    SELECT ${literal(BILLING_TABLE)}, ${literal(file)}, source_line, 'currency', currency,
           'missing_fx_rate: no fx_rates rate for ' || currency || ' in ' || month || ' (the line has MRR that month; add the rate to fx_rates)'
    FROM __missing_rate ORDER BY source_line`);
  await db.run(`DELETE FROM ${BILLING_TABLE} WHERE source_line IN (SELECT source_line FROM __missing_rate)`);
  await db.run(`DELETE FROM __billing WHERE source_line IN (SELECT source_line FROM __missing_rate)`);
  await db.run(`
    INSERT INTO ${LINE_MONTHS_TABLE}
    SELECT month, account_id, subscription_id, source_line, product, plan, status, amount, currency, "interval", interval_count, quantity, seats,
           discount, discount_applied, in_trial, period_amount, local_mrr, coalesce(rate, 0), coalesce(mrr, 0)
    FROM __billing_months WHERE source_line NOT IN (SELECT source_line FROM __missing_rate)
    ORDER BY account_id, month, source_line`);
  // One contract line per billing line: its own dates; mrr = its MRR in its last counted month.
  await db.run(`
    INSERT INTO subscriptions
    SELECT coalesce(l.line_id, ${literal(`${file}:`)} || l.source_line), l.account_id, l.product, l.plan, l.start_date, l.end_eff,
           coalesce((SELECT arg_max(m.mrr, m.month) FROM ${LINE_MONTHS_TABLE} m WHERE m.source_line = l.source_line), 0),
           coalesce(l.seats, CASE WHEN l.quantity = floor(l.quantity) THEN l.quantity::BIGINT END)
    FROM __billing l ORDER BY l.source_line`);
  const [{n}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM __missing_rate`);
  for (const t of ["__billing", "__billing_months", "__missing_rate"]) await db.run(`DROP TABLE IF EXISTS temp.${t}`);
  return n;
}
