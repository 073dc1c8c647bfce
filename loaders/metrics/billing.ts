/**
 * billing_reconciliation (issue 13): for a billing export, each account's lines month by month with
 * what the MRR was computed from (source amount, currency, interval, quantity, discount, trial, rate),
 * so any difference from the billing tool's own figure can be traced. Empty when the inputs carry MRR
 * already (the subscriptions table). The definitions are the normalisation rules (ingest/billing/).
 */
import type {MetricFamily} from "./family.js";

export const billing: MetricFamily = {
  name: "billing",
  // billing_export (file, preset, layout: how the export was read) is written by the ingest.
  tables: ["billing_reconciliation", "billing_export"],
  definitions: [
    {
      id: "billing_minor_units",
      table: "billing_reconciliation",
      name: {en: "Amounts and minor units", ja: "金額と補助単位"},
      formula: "amount = amount (major unit), or amount_minor / 10^exponent(currency); exponent per ISO 4217: JPY 0, USD/EUR 2, KWD 3, CLF 4",
      text: {
        en: "A billing line's amount is the price of one unit for one billing period. Exports in the currency's minor unit (cents) are divided by 10 to the power of the currency's ISO 4217 exponent: JPY has none (¥1200 is 1200), USD and EUR two (1999 cents = 19.99), KWD three. A currency code that is not ISO 4217 quarantines the line (unknown_currency). Without a currency column the report currency is assumed.",
        ja: "請求明細の金額は、1単位・1請求期間あたりの価格です。通貨の補助単位（セントなど）で書かれた金額は、ISO 4217 の小数桁数に応じて10のべき乗で割ります。JPYは0桁（1200円は1200）、USD・EURは2桁（1999セント = 19.99）、KWDは3桁です。ISO 4217 にない通貨コードの明細は隔離されます（unknown_currency）。通貨の列がなければレポート通貨とみなします。"
      }
    },
    {
      id: "billing_interval",
      table: "billing_reconciliation",
      name: {en: "Billing interval to monthly", ja: "請求間隔から月額への換算"},
      formula: "MRR = period_amount × f / interval_count; f = day 365/12, week 52/12, month 1, quarter 1/3, year 1/12",
      text: {
        en: "The period amount is turned into a monthly amount by the interval: yearly ÷ 12, quarterly ÷ 3, monthly × 1, weekly × 52/12, daily × 365/12, then divided by the interval count (every 2 months: ÷ 2). Words tools use are accepted (monthly, annual, 毎月, 毎年, 3ヶ月 …); an unknown interval quarantines the line (unknown_interval). A line without an interval but with a service period (start and end, as invoice line items have) takes the period as its interval: whole months when the day of month matches, else days.",
        ja: "請求期間あたりの金額を請求間隔で月額に換算します。年額は÷12、四半期は÷3、月額は×1、週額は×52/12、日額は×365/12とし、さらに間隔の回数で割ります（2か月ごとなら÷2）。monthly、annual、毎月、毎年、3ヶ月などの表記を受け付けます。不明な間隔の明細は隔離されます（unknown_interval）。間隔がなくサービス期間（開始日と終了日）がある明細は、その期間を間隔とします（日付が揃えば月数、そうでなければ日数）。"
      }
    },
    {
      id: "billing_quantity_discount",
      table: "billing_reconciliation",
      name: {en: "Quantity and discounts", ja: "数量と割引"},
      formula: "period_amount = max(amount × quantity × (1 − discount_percent/100) − discount_amount, 0) while the discount lasts, else amount × quantity",
      text: {
        en: "The unit amount is multiplied by the quantity (seats, licences; default 1; a negative quantity quarantines the line). A discount applies while it lasts at the month's end: until discount_end (exclusive), or for discount_periods billing periods from the line's start, or for ever when neither is given. A percent discount applies first, then an amount off per period; the result is never below 0.",
        ja: "単価に数量（シート数・ライセンス数。既定1。負の数量の明細は隔離）を掛けます。割引は月末時点で有効な間だけ適用します。discount_end（その日を含まない）まで、または明細の開始から discount_periods 回の請求期間、どちらもなければ無期限です。率の割引を先に、次に期間あたりの値引き額を適用し、0未満にはしません。"
      }
    },
    {
      id: "billing_status_trial",
      table: "billing_reconciliation",
      name: {en: "Statuses and trials", ja: "ステータスと試用期間"},
      formula: "counted: active, past_due, trialing, canceled (until its end); not counted: incomplete, incomplete_expired, unpaid, paused, one-time charges; MRR = 0 while trial_end > month end",
      text: {
        en: "Active and past-due lines count (a past-due customer still has the service while payment is retried). Incomplete and incomplete-expired lines (first payment never succeeded), unpaid lines (retries exhausted), paused lines and one-time charges (setup fees, 一括請求) bring no MRR. A trial counts 0 while it lasts (trial_end after the month's last day; a trialing line without trial_end throughout), so the customer becomes new when paying starts. An unknown status quarantines the line (unknown_status).",
        ja: "有効（active）と支払遅延（past_due）の明細を計上します（再請求中もサービスは提供中のため）。未完了（incomplete、incomplete_expired：初回決済が成立していない）、未払い（unpaid：再請求終了）、一時停止（paused）、一回限りの請求（初期費用、一括請求）はMRRに含めません。試用期間中は0とし（trial_end が月末より後、または trial_end のない trialing の明細）、支払い開始時に新規顧客となります。不明なステータスの明細は隔離されます（unknown_status）。"
      }
    },
    {
      id: "billing_end",
      table: "billing_reconciliation",
      name: {en: "When a line ends", ja: "明細の終了日"},
      formula: "end = end_date, else last_date + 1 day (unless auto-renewing), else current_period_end if cancel_at_period_end, else canceled_at for canceled lines",
      text: {
        en: "A line ends (exclusive, as in the month rule) at its end date; at the day after an inclusive last day of contract unless the contract renews automatically; when it is set to cancel at period end, at the end of its current period (current_period_end, or the first period boundary after the as-of month); a canceled line without an end date at its cancellation date. A canceled line without any of these is quarantined.",
        ja: "明細は終了日（月の判定と同じく当日を含まない）に終了します。契約終了日（当日を含む）がある場合は、自動更新でなければその翌日に終了します。期間末解約（cancel_at_period_end）の場合は現在の請求期間の終わり（current_period_end、なければ基準月より後の最初の期間の区切り）、終了日のない解約済みの明細は解約日に終了します。いずれもない解約済みの明細は隔離されます。"
      }
    },
    {
      id: "billing_fx",
      table: "billing_reconciliation",
      name: {en: "Currency conversion", ja: "通貨換算"},
      formula: "mrr(M) = round(local_mrr(M) × rate(currency, M), 2); rate = fx_rates (report currency: 1)",
      text: {
        en: "Monthly amounts in another currency are converted to the report currency (config currency) at the month's rate from fx_rates (units of the report currency for one unit of the line's currency, month-end), then rounded to 2 decimals. A line with MRR in a month for which its currency has no rate is quarantined whole (missing_fx_rate), naming the first such month. The MRR bridge shows rate movements on their own line (FX movement).",
        ja: "レポート通貨（設定の currency）以外の月額は、fx_rates のその月のレート（明細の通貨1単位あたりのレポート通貨額、月末レート）でレポート通貨に換算し、小数2桁に丸めます。MRRのある月にその通貨のレートがない明細は、明細ごと隔離されます（missing_fx_rate。最初の該当月を示します）。MRRの増減内訳では、為替の変動を別の行（為替変動）に示します。"
      }
    },
    {
      id: "billing_accounts",
      table: "billing_reconciliation",
      name: {en: "Accounts from the billing export", ja: "請求データからの顧客"},
      formula: "accounts = accounts.csv ∪ {customers of the billing export not in accounts.csv, segments 'unknown'}",
      text: {
        en: "When the billing export names its customers, accounts.csv is optional: a customer it lacks is added with the export's name for it and every segment dimension 'unknown'. Segments come from accounts.csv for the customers it holds.",
        ja: "請求データに顧客IDがあれば accounts.csv は省略できます。accounts.csv にない顧客は、請求データの顧客名で追加され、セグメントの各軸は 'unknown' になります。accounts.csv にある顧客のセグメントはそのまま使います。"
      }
    },
    {
      id: "billing_layouts",
      table: "billing_export",
      name: {en: "Recognised billing exports", ja: "認識する請求データの形式"},
      formula: "layout = the first whose columns the header holds: Baremetrics, Stripe, ChartMogul, board, else billing_lines; config billing.preset forces one",
      text: {
        en: "A billing export is read from billing_lines.* or from a subscriptions.* whose header is a billing layout, with no mapping written: the Baremetrics CSV import template (amounts in cents), Stripe's Dashboard subscriptions export (amounts in the major unit, UTC timestamps), ChartMogul's CSV import of invoice line items (cents, net of discounts, over the service period) and board's 案件一覧 CSV of recurring projects (Shift_JIS, 請求間隔, inclusive 契約終了日, 自動契約更新). config billing.preset forces a layout and billing.columns renames any other export's columns. billing_export records the file and the layout read.",
        ja: "請求データは billing_lines.*、またはヘッダーが請求データ形式の subscriptions.* から、列の対応付けを書かずに読み込みます。Baremetrics のCSVインポート用テンプレート（金額はセント）、Stripe ダッシュボードのサブスクリプションのエクスポート（金額は通貨単位、日時はUTC）、ChartMogul の請求明細（invoice line items）のCSVインポート形式（セント、割引後、サービス期間あたり）、board の案件一覧CSV（定期請求。Shift_JIS、請求間隔、契約終了日は当日を含む、自動契約更新）です。設定の billing.preset で形式を指定でき、billing.columns でその他の形式の列名を対応付けられます。billing_export に読み込んだファイルと形式を記録します。"
      }
    },
    {
      id: "billing_reconciliation",
      table: "billing_reconciliation",
      name: {en: "MRR reconciliation", ja: "MRRの照合"},
      formula: "per account, month and line: amount, currency, interval, quantity, discount, trial → period_amount → local_mrr → × rate → mrr",
      text: {
        en: "Each billing line counted in each month, with the figures its MRR was computed from: the source amount and currency, interval and count, quantity, the discount (and whether it applied that month), whether it was in trial, the period amount, the monthly amount in the line's currency, the rate and the MRR in the report currency. An account's MRR in a month is the sum of its lines' mrr.",
        ja: "各月に計上された請求明細ごとに、MRRの計算根拠を示します。元の金額と通貨、請求間隔と回数、数量、割引（その月に適用されたか）、試用期間中か、期間あたりの金額、明細通貨での月額、換算レート、レポート通貨でのMRRです。顧客の月のMRRは、その明細のmrrの合計です。"
      }
    }
  ],
  async build(db) {
    await db.run(`
      CREATE OR REPLACE TABLE billing_reconciliation AS
      SELECT b.account_id, a.account_name, b.month, b.subscription_id, b.source_line AS line, b.product, b.plan, b.status,
             b.amount, b.currency, b."interval", b.interval_count, b.quantity, b.discount, b.discount_applied, b.in_trial,
             b.period_amount, b.local_mrr, b.rate, b.mrr
      FROM billing_line_months b JOIN months m USING (month) LEFT JOIN accounts a USING (account_id)
      ORDER BY b.account_id, b.month, b.source_line`);
  }
};
