/**
 * account_months: each account's MRR and seats at the end of every month (the contract's month-end
 * snapshot rule), with its segment columns. Also the internal `line_months` table (the subscription
 * lines counted in each month) that the plan/product dimensions and expansion metrics read.
 */
import {ident, type Db} from "../db.js";
import type {MetricContext, MetricFamily} from "./family.js";

/** Segment value for an account with the column empty, so segment totals add up to the whole. */
export const NO_SEGMENT = "(none)";

/**
 * A line counts in month M when start_date <= last day of M and (end_date is empty or end_date > last
 * day of M). A line that starts and ends inside one month is never counted.
 */
async function buildLineMonths(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE line_months AS
    SELECT m.month, s.account_id, coalesce(s.product, '${NO_SEGMENT}') AS product,
           coalesce(s.plan, '${NO_SEGMENT}') AS plan, s.mrr, s.seats, s.subscription_id
    FROM months m
    JOIN subscriptions s
      ON s.start_date <= m.month_end AND (s.end_date IS NULL OR s.end_date > m.month_end)
    -- issue 13: lines from a billing export carry their MRR month by month (discounts end, rates move).
    WHERE NOT EXISTS (SELECT 1 FROM billing_line_months b WHERE b.subscription_id = s.subscription_id)
    UNION ALL
    SELECT b.month, b.account_id, coalesce(b.product, '${NO_SEGMENT}'), coalesce(b.plan, '${NO_SEGMENT}'), b.mrr, b.seats, b.subscription_id
    FROM billing_line_months b JOIN months m USING (month)
    ORDER BY 1, 2, 3, 4, 7, 5, 6`);
}

/** One row per account per month in which it has at least one line counted (MRR may be 0: trials). */
async function buildAccountMonths(db: Db, {dimensions}: MetricContext): Promise<void> {
  const dims = dimensions.map((d) => `coalesce(a.${ident(d)}, '${NO_SEGMENT}') AS ${ident(d)}`);
  await db.run(`
    CREATE OR REPLACE TABLE account_months AS
    SELECT l.month, l.account_id, sum(l.mrr)::DECIMAL(18,2) AS mrr, sum(l.seats)::BIGINT AS seats
           ${dims.map((d) => `, ${d}`).join("")}
    FROM line_months l JOIN accounts a USING (account_id)
    GROUP BY ALL
    ORDER BY l.month, l.account_id`);
}

export const accountMonths: MetricFamily = {
  name: "account-months",
  tables: ["account_months"],
  definitions: [
    {
      id: "month_rule",
      table: "account_months",
      name: {en: "Month-end snapshot", ja: "月末スナップショット"},
      formula: "line counts in M ⇔ start_date ≤ last day of M ∧ (end_date empty ∨ end_date > last day of M)",
      text: {
        en: "A subscription line counts in calendar month M when it started on or before the last day of M and has not ended by then. A line that starts and ends in the same month is never counted.",
        ja: "契約明細は、開始日が月末以前で、かつ終了日が空欄または月末より後の場合に、その月に計上されます。同じ月に開始・終了した明細は計上されません。"
      }
    },
    {
      id: "account_mrr",
      table: "account_months",
      name: {en: "Account MRR", ja: "顧客別MRR（月次経常収益）"},
      formula: "MRR(a, M) = Σ mrr of a's lines counted in M",
      text: {
        en: "An account's MRR in a month is the sum of the MRR of its lines counted in that month; seats likewise. Accounts appear in every month in which at least one line counts, including zero-MRR trial lines.",
        ja: "顧客のある月のMRRは、その月に計上される契約明細のMRRの合計です（シート数も同様）。MRRが0の試用明細だけの月も行として含みます。"
      }
    }
  ],
  async build(db, ctx) {
    await buildLineMonths(db);
    await buildAccountMonths(db, ctx);
  }
};
