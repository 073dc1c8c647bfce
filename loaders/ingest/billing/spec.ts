/**
 * The billing-line input (`billing_lines`) and the `fx_rates` table, as data: canonical columns with
 * their types and checks, and the vocabularies billing tools use for intervals, statuses and billing
 * types. A recognised export layout (layouts.ts) only renames a tool's columns to these.
 */
import {literal} from "../../db.js";
import type {TableName} from "../../config.js";
import type {ColumnSpec, TableSpec} from "../schema.js";
import {isCurrencySql} from "./currencies.js";

export const BILLING_TABLE = "billing_lines";
export const FX_TABLE = "fx_rates";

const q = literal;
const quoted = (t: string) => `'"' || ${t} || '"'`;
const norm = (t: string) => `lower(trim(${t}))`;

/** Interval units and the words tools write for them (lower case). */
export const INTERVAL_WORDS: Record<string, string[]> = {
  day: ["day", "days", "daily", "d", "日", "毎日", "日次"],
  week: ["week", "weeks", "weekly", "w", "週", "毎週", "週次"],
  month: ["month", "months", "monthly", "m", "mo", "月", "毎月", "月次", "月額"],
  quarter: ["quarter", "quarters", "quarterly", "q", "四半期", "四半期毎", "四半期ごと"],
  year: ["year", "years", "yearly", "annual", "annually", "y", "yr", "年", "毎年", "年次", "年額"]
};
/** "2ヶ月", "3か月", "12ヶ月(毎年)": every N months, as board and other Japanese tools write it. */
const N_MONTHS = "^([0-9]+) ?(ヶ|か|カ|ヵ|ケ|箇)月";
const JA_MONTH_MULTIPLES: Record<string, number> = {隔月: 2, 半年: 6, 半年毎: 6, 半年ごと: 6};

/** The canonical unit of an interval cell (NULL when unknown). */
export function intervalUnitSql(t: string): string {
  const words = Object.entries(INTERVAL_WORDS).map(([unit, ws]) => `WHEN ${norm(t)} IN (${ws.map(q).join(", ")}) THEN ${q(unit)}`);
  const months = Object.keys(JA_MONTH_MULTIPLES).map(q).join(", ");
  return `CASE ${words.join(" ")} WHEN regexp_matches(trim(${t}), ${q(N_MONTHS)}) OR trim(${t}) IN (${months}) THEN 'month' END`;
}

/** How many units one interval word stands for ("3ヶ月" = 3 months, "隔月" = 2); 1 otherwise. */
export function intervalMultipleSql(t: string): string {
  const multiples = Object.entries(JA_MONTH_MULTIPLES).map(([w, n]) => `WHEN trim(${t}) = ${q(w)} THEN ${n}`);
  return `CASE WHEN regexp_matches(trim(${t}), ${q(N_MONTHS)}) THEN CAST(regexp_extract(trim(${t}), ${q(N_MONTHS)}, 1) AS INTEGER) ${multiples.join(" ")} ELSE 1 END`;
}

/** Statuses: which count towards MRR, and the words tools use for each (lower case). */
export const STATUS_WORDS: Record<string, string[]> = {
  active: ["active", "live", "non_renewing", "in_force", "受注", "契約中", "有効", "継続", "稼働中"],
  past_due: ["past_due", "past due", "overdue", "dunning", "延滞", "未入金"],
  trialing: ["trialing", "trial", "in_trial", "trialling", "トライアル", "試用", "試用中", "無料期間"],
  canceled: ["canceled", "cancelled", "ended", "expired", "churned", "解約", "解約済", "解約済み", "終了"],
  incomplete: ["incomplete", "pending", "draft", "future", "見積中", "提案中", "商談中", "受注前"],
  incomplete_expired: ["incomplete_expired", "失注"],
  unpaid: ["unpaid"],
  paused: ["paused", "suspended", "停止", "休止", "一時停止"]
};
/**
 * Statuses whose lines count: active and past_due (payment is being retried; the customer still has
 * the service), trialing (at 0 while the trial lasts), canceled (until the line's end). incomplete,
 * incomplete_expired (the first payment never succeeded), unpaid (retries exhausted, invoices left
 * open) and paused lines bring no recurring revenue.
 */
export const COUNTED_STATUSES = ["active", "past_due", "trialing", "canceled"];

export function statusSql(t: string): string {
  return `CASE ${Object.entries(STATUS_WORDS).map(([s, ws]) => `WHEN ${norm(t)} IN (${ws.map(q).join(", ")}) THEN ${q(s)}`).join(" ")} END`;
}

/** Billing types: recurring lines count; one-off charges (setup fees, 一括請求) are not MRR. */
export const BILLING_TYPE_WORDS: Record<string, string[]> = {
  recurring: ["recurring", "subscription", "定期請求", "定期", "継続課金"],
  one_time: ["one_time", "one-time", "onetime", "one time", "一括請求", "分割請求", "一括", "分割", "スポット"]
};
export function billingTypeSql(t: string): string {
  return `CASE ${Object.entries(BILLING_TYPE_WORDS).map(([s, ws]) => `WHEN ${norm(t)} IN (${ws.map(q).join(", ")}) THEN ${q(s)}`).join(" ")} END`;
}

const FLAG_WORDS: Record<string, string[]> = {
  true: ["true", "t", "yes", "y", "1", "on", "する", "あり", "有", "有効", "○"],
  false: ["false", "f", "no", "n", "0", "off", "しない", "なし", "無", "無効", "×", "-"]
};
export function flagSql(t: string): string {
  return `CASE WHEN ${norm(t)} IN (${FLAG_WORDS.true.map(q).join(", ")}) THEN TRUE WHEN ${norm(t)} IN (${FLAG_WORDS.false.map(q).join(", ")}) THEN FALSE END`;
}

/** A check that a text cell is one of a vocabulary (`known` is the SQL mapping it, NULL when unknown). */
function vocabulary(name: string, known: (t: string) => string, code: string, expected: string): ColumnSpec["checks"] {
  return (cols) => {
    const {t} = cols(name);
    return [{when: `${t} IS NOT NULL AND (${known(t)}) IS NULL`, reason: `${q(`${code}: ${name} `)} || ${quoted(t)} || ${q(` is not ${expected}`)}`}];
  };
}

/**
 * billing_lines: one row per subscription line (or per invoice line with a service period), amounts
 * per billing period. `amount` is in the currency's major unit, `amount_minor` in its minor unit
 * (one of the two is required). Internal: `source_line` (the file line, for reasons raised later).
 */
export const BILLING_COLUMNS: ColumnSpec[] = [
  {name: "line_id", type: "string", unique: true, aliases: ["subscription_id"]},
  {name: "account_id", type: "string", required: true, aliases: ["customer_id"]},
  {name: "account_name", type: "string", aliases: ["customer_name"]},
  {name: "product", type: "string"},
  {name: "plan", type: "string"},
  {
    name: "amount",
    type: "decimal",
    min: 0,
    checks: (cols) => [
      {when: `${cols("amount").t} IS NULL AND ${cols("amount_minor").t} IS NULL`, reason: q("missing_value: amount (or amount_minor) is required")}
    ]
  },
  {name: "amount_minor", type: "integer", min: 0},
  {
    name: "currency",
    type: "string",
    checks: (cols) => {
      const {t} = cols("currency");
      return [{when: `${t} IS NOT NULL AND NOT ${isCurrencySql(`upper(trim(${t}))`)}`, reason: `'unknown_currency: currency ' || ${quoted(t)} || ' is not an ISO 4217 currency code'`}];
    }
  },
  {
    name: "interval",
    type: "string",
    checks: (cols) => [
      ...vocabulary("interval", intervalUnitSql, "unknown_interval", "an interval (day, week, month, quarter, year)")!(cols),
      {
        when: `${cols("interval").t} IS NULL AND (${cols("end_date").p} IS NULL OR ${cols("start_date").p} IS NULL) AND coalesce(${billingTypeSql(cols("billing_type").t)}, 'recurring') = 'recurring'`,
        reason: q("missing_value: interval is required (or a service period: start_date and end_date)")
      }
    ]
  },
  {name: "interval_count", type: "integer", min: 1, default: 1},
  {name: "quantity", type: "decimal", min: 0, default: 1},
  {name: "seats", type: "integer", min: 0},
  {name: "discount_percent", type: "decimal", min: 0, max: 100},
  {name: "discount_amount", type: "decimal", min: 0},
  {name: "discount_amount_minor", type: "integer", min: 0},
  {name: "discount_end", type: "date"},
  {name: "discount_periods", type: "integer", min: 1},
  {
    name: "status",
    type: "string",
    checks: (cols) => [
      ...vocabulary("status", statusSql, "unknown_status", `a known status (${Object.keys(STATUS_WORDS).join(", ")})`)!(cols),
      {
        when: `${statusSql(cols("status").t)} = 'canceled' AND ${cols("end_date").p} IS NULL AND ${cols("canceled_at").p} IS NULL AND ${cols("last_date").p} IS NULL AND ${cols("cancel_at_period_end").p} IS NOT TRUE`,
        reason: q("missing_value: a canceled line needs its end (end_date, canceled_at or cancel_at_period_end)")
      }
    ]
  },
  {name: "billing_type", type: "string", checks: vocabulary("billing_type", billingTypeSql, "unknown_billing_type", "recurring or one_time")},
  {name: "trial_start", type: "date"},
  {name: "trial_end", type: "date"},
  {name: "start_date", type: "date", required: true},
  {name: "end_date", type: "date", after: "start_date"},
  {name: "last_date", type: "date"},
  {name: "canceled_at", type: "date"},
  {name: "cancel_at_period_end", type: "boolean"},
  {name: "current_period_end", type: "date"},
  {name: "auto_renew", type: "string", checks: vocabulary("auto_renew", flagSql, "invalid_boolean", "a yes/no value (true/false, ON/OFF, する/しない)")},
  {name: "source_line", type: "integer"}
];

/** Staged column types: amounts keep the decimals of 3- and 4-decimal currencies. */
export const BILLING_SQL_TYPES: Record<string, string> = {amount: "DECIMAL(38,6)", quantity: "DECIMAL(38,6)", discount_percent: "DECIMAL(9,6)", discount_amount: "DECIMAL(38,6)"};

export const BILLING_SPEC = {name: BILLING_TABLE as TableName, required: false, columns: BILLING_COLUMNS} satisfies TableSpec;

/** fx_rates: units of the report currency for one unit of `currency`, at the end of `month`. */
export const FX_SPEC = {
  name: FX_TABLE as TableName,
  required: false,
  columns: [
    {name: "month", type: "date", required: true, monthly: true},
    {
      name: "currency",
      type: "string",
      required: true,
      checks: (cols) => {
        const {t} = cols("currency");
        return [{when: `${t} IS NOT NULL AND NOT ${isCurrencySql(`upper(trim(${t}))`)}`, reason: `'unknown_currency: currency ' || ${quoted(t)} || ' is not an ISO 4217 currency code'`}];
      }
    },
    {name: "rate", type: "decimal", required: true, min: 0, checks: (cols) => [{when: `${cols("rate").p} = 0`, reason: q("out_of_range: rate 0 must be above 0")}]},
    {name: "source_line", type: "integer"}
  ]
} satisfies TableSpec;
