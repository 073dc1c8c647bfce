/**
 * Billing export layouts recognised from their header alone, each a renaming of the tool's columns
 * to the canonical billing_lines columns (spec.ts), plus what the tool implies (amount in minor units,
 * a date format, a default currency). Sources of each specification are cited on the layout.
 */
import {BILLING_COLUMNS} from "./spec.js";

export const PRESETS = ["billing_lines", "stripe", "baremetrics", "chartmogul", "board"] as const;
export type Preset = (typeof PRESETS)[number];

export interface Layout {
  preset: Preset;
  /** How the layout is named in messages and on the Data quality page. */
  label: string;
  /** Headers (normalised: trimmed, lower case) that must all be present for the layout to be recognised. */
  signature: string[];
  /** Canonical column -> the tool's headers that may hold it, first present wins (one header may feed several columns). */
  columns: Record<string, string[]>;
  /** strptime format of the tool's dates (ISO is always accepted too). */
  dateFormat?: string;
  /** Currency when the export has no currency column (else: the report currency). */
  currency?: string;
}

const norm = (s: string) => s.trim().toLowerCase();

/** The canonical columns under their own names (and aliases): the generic billing_lines layout. */
const CANONICAL: Record<string, string[]> = Object.fromEntries(
  BILLING_COLUMNS.filter((c) => c.name !== "source_line").map((c) => [c.name, [c.name, ...(c.aliases ?? [])]])
);

export const LAYOUTS: Layout[] = [
  {
    // Baremetrics CSV import template (help.baremetrics.com "CSV import", the template's documented
    // columns): plan_amount is in cents ("$1 == 100"), subscription_canceled_at only for cancellations.
    preset: "baremetrics",
    label: "Baremetrics CSV import",
    signature: ["plan_amount", "plan_interval", "customer_oid", "subscription_started_at"],
    columns: {
      line_id: ["subscription_oid"],
      account_id: ["customer_oid"],
      account_name: ["customer_name"],
      plan: ["plan_name", "plan_oid"],
      amount_minor: ["plan_amount"],
      currency: ["plan_currency"],
      interval: ["plan_interval"],
      interval_count: ["plan_interval_count"],
      quantity: ["subscription_quantity"],
      start_date: ["subscription_started_at"],
      end_date: ["subscription_canceled_at"]
    }
  },
  {
    // Stripe Dashboard › Subscriptions › Export (CSV): the subscription object's fields with "(UTC)"
    // date columns; Amount is the price per unit per interval in the major unit. The export names the
    // coupon only: discount columns (Percent Off, Amount Off, Discount End) are read when added.
    preset: "stripe",
    label: "Stripe subscriptions export",
    signature: ["customer id", "status", "cancel at period end", "current period end (utc)"],
    columns: {
      line_id: ["id", "subscription id"],
      account_id: ["customer id"],
      account_name: ["customer name", "customer description"],
      product: ["product", "product name"],
      plan: ["plan", "plan nickname", "price"],
      amount: ["amount", "plan amount"],
      currency: ["currency"],
      interval: ["interval", "plan interval"],
      interval_count: ["interval count", "plan interval count"],
      quantity: ["quantity"],
      status: ["status"],
      start_date: ["start date (utc)", "created (utc)", "start (utc)"],
      trial_start: ["trial start (utc)"],
      trial_end: ["trial end (utc)"],
      canceled_at: ["canceled at (utc)"],
      end_date: ["ended at (utc)"],
      cancel_at_period_end: ["cancel at period end"],
      current_period_end: ["current period end (utc)"],
      discount_percent: ["percent off", "coupon percent off"],
      discount_amount: ["amount off", "coupon amount off"],
      discount_end: ["discount end (utc)"]
    }
  },
  {
    // ChartMogul CSV import (help.chartmogul.com "Importing data using structured CSV import"):
    // invoice line items, each with its invoice's customer and currency. MRR is the line's amount over
    // its service period, as ChartMogul computes it; amounts are in cents and already net of discounts.
    preset: "chartmogul",
    label: "ChartMogul CSV import (invoice line items)",
    signature: ["amount_in_cents", "service_period_start", "customer_external_id"],
    columns: {
      line_id: ["line_item_external_id", "external_id"],
      account_id: ["customer_external_id"],
      account_name: ["customer_name", "company"],
      plan: ["plan_external_id", "plan_uuid", "plan_name"],
      amount_minor: ["amount_in_cents"],
      currency: ["currency"],
      seats: ["quantity"],
      billing_type: ["type"],
      start_date: ["service_period_start"],
      end_date: ["service_period_end"],
      canceled_at: ["cancelled_at"]
    }
  },
  {
    // board (the-board.jp) 案件一覧 CSV, recurring projects (請求タイミング「定期請求」): Shift_JIS,
    // dates YYYY/MM/DD, the customer identified by its official name (顧客名), 請求間隔 毎月 … 12ヶ月,
    // 契約期間 with an inclusive end date, 自動契約更新 ON/OFF, amounts in yen per billing.
    preset: "board",
    label: "board 案件一覧 (定期請求)",
    signature: ["案件番号", "顧客名", "請求間隔", "契約開始日"],
    columns: {
      line_id: ["案件番号"],
      account_id: ["顧客id", "顧客番号", "顧客名"],
      account_name: ["顧客名"],
      plan: ["案件名"],
      product: ["商品名", "品目"],
      amount: ["請求金額(税抜)", "金額(税抜)", "請求金額"],
      quantity: ["数量"],
      interval: ["請求間隔"],
      status: ["受注ステータス"],
      billing_type: ["請求タイミング"],
      start_date: ["契約開始日"],
      last_date: ["契約終了日"],
      auto_renew: ["自動契約更新"]
    },
    dateFormat: "%Y/%m/%d",
    currency: "JPY"
  },
  {preset: "billing_lines", label: "billing_lines (generic)", signature: [], columns: CANONICAL}
];

/**
 * Whether a header is the generic billing_lines layout: an amount, an interval, an account and a
 * start, and no mrr. (A subscriptions file that only lacks mrr is a contract table missing a column.)
 */
function isGeneric(header: Set<string>): boolean {
  const has = (names: string[]) => names.some((n) => header.has(n));
  return has(["amount", "amount_minor"]) && header.has("interval") && has(["account_id", "customer_id"]) && header.has("start_date") && !header.has("mrr");
}

/** The layout a header is recognised as (the first whose signature it holds), or null. */
export function detectLayout(header: string[]): Layout | null {
  const h = new Set(header.map(norm));
  for (const layout of LAYOUTS) {
    if (layout.preset === "billing_lines" ? isGeneric(h) : layout.signature.every((s) => h.has(s))) return layout;
  }
  return null;
}

export const layoutByPreset = (preset: Preset): Layout => LAYOUTS.find((l) => l.preset === preset)!;

/**
 * For each canonical column, the index of the file column that holds it: the config mapping
 * ({"Their header": "canonical"}) first, then the layout's candidates, then the canonical name itself.
 */
export function resolveColumns(layout: Layout, header: string[], mapping: Record<string, string> = {}): Map<string, number> {
  const index = new Map(header.map((h, i) => [norm(h), i] as const));
  const out = new Map<string, number>();
  for (const [from, to] of Object.entries(mapping)) {
    const i = index.get(norm(from));
    if (i !== undefined) out.set(norm(to), i);
  }
  const cols = BILLING_COLUMNS.filter((c) => c.name !== "source_line");
  for (const col of cols) {
    if (out.has(col.name)) continue;
    const i = (layout.columns[col.name] ?? []).map((c) => index.get(norm(c))).find((x) => x !== undefined);
    if (i !== undefined) out.set(col.name, i);
  }
  // Then the canonical names, for headers the layout has not given another meaning (ChartMogul's
  // quantity is seats: its amount is the line's total).
  const used = new Set(out.values());
  for (const col of cols) {
    if (out.has(col.name)) continue;
    const i = [col.name, ...(col.aliases ?? [])].map((c) => index.get(norm(c))).find((x) => x !== undefined && !used.has(x));
    if (i !== undefined) out.set(col.name, i);
  }
  return out;
}
