/**
 * mrr_movements: the monthly MRR bridge. Every account's change from M-1 to M is one movement (new,
 * reactivation, expansion, contraction or churn), and the month's movements add up exactly:
 * mrr_end = mrr_start + new + expansion + reactivation - contraction - churn (DECIMAL sums).
 * Also the internal `account_movements` table: each account's movement per month.
 */
import type {Db} from "../db.js";
import {accountFxSql} from "../ingest/billing/fx.js";
import type {MetricFamily, Month} from "./family.js";

export interface MovementRow {
  month: Month;
  mrr_start: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  /** Exchange-rate movement (billing exports in several currencies; 0 otherwise). */
  fx: number;
  mrr_end: number;
}

export type MovementKind = "new" | "reactivation" | "expansion" | "contraction" | "churn";

/**
 * account_movements(month, account_id, mrr_prev, mrr, movement, amount): every account whose MRR in M
 * or M-1 is > 0, per month M in `months`, with its movement (NULL when unchanged) and the movement's
 * positive amount. MRR in M-1 is 0 when the account has no row then (and always for the first month).
 */
async function buildAccountMovements(db: Db): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TABLE account_movements AS
    WITH first_paid AS (
      SELECT account_id, min(month) AS first_month FROM account_months WHERE mrr > 0 GROUP BY account_id
    ),
    -- Each paying account-month paired with the account's paying month before (a full join: either
    -- side may be missing); a month with MRR 0 counts as not paying.
    paying AS (
      SELECT a.month, m.idx, a.account_id, a.mrr FROM account_months a JOIN months m USING (month) WHERE a.mrr > 0
    ),
    pairs AS (
      SELECT coalesce(c.month, n.month) AS month, coalesce(c.account_id, p.account_id) AS account_id,
             coalesce(p.mrr, 0)::DECIMAL(18,2) AS mrr_prev, coalesce(c.mrr, 0)::DECIMAL(18,2) AS mrr,
             f.first_month, x.fx AS fx_raw
      FROM paying c
      FULL JOIN (paying p JOIN months n ON n.idx = p.idx + 1) ON c.month = n.month AND c.account_id = p.account_id
      LEFT JOIN first_paid f ON f.account_id = coalesce(c.account_id, p.account_id)
      LEFT JOIN ${accountFxSql()} x ON x.month = coalesce(c.month, n.month) AND x.account_id = coalesce(c.account_id, p.account_id)
    ),
    -- Exchange-rate movement only for accounts paying in both months; the rest of the change is at M's rates.
    fx AS (
      SELECT *, CASE WHEN mrr > 0 AND mrr_prev > 0 THEN coalesce(fx_raw, 0) ELSE 0 END::DECIMAL(18,2) AS fx FROM pairs
    )
    SELECT month, account_id, mrr_prev, mrr,
           CASE
             WHEN mrr > 0 AND mrr_prev = 0 AND first_month = month THEN 'new'
             WHEN mrr > 0 AND mrr_prev = 0 THEN 'reactivation'
             WHEN mrr > 0 AND mrr - mrr_prev - fx > 0 THEN 'expansion'
             WHEN mrr > 0 AND mrr - mrr_prev - fx < 0 THEN 'contraction'
             WHEN mrr = 0 AND mrr_prev > 0 THEN 'churn'
           END AS movement,
           abs(mrr - mrr_prev - fx)::DECIMAL(18,2) AS amount,
           fx
    FROM fx
    ORDER BY month, account_id`);
}

/** mrr_movements: one row per month in `months`, every amount a DECIMAL sum (0 when nothing moved). */
async function buildMrrMovements(db: Db): Promise<void> {
  const amount = (kind: MovementKind) =>
    `coalesce(sum(a.amount) FILTER (WHERE a.movement = '${kind}'), 0)::DECIMAL(18,2) AS ${kind === "new" ? '"new"' : kind}`;
  await db.run(`
    CREATE OR REPLACE TABLE mrr_movements AS
    SELECT m.month,
           coalesce(sum(a.mrr_prev), 0)::DECIMAL(18,2) AS mrr_start,
           ${amount("new")}, ${amount("expansion")}, ${amount("contraction")}, ${amount("churn")}, ${amount("reactivation")},
           coalesce(sum(a.fx), 0)::DECIMAL(18,2) AS fx,
           coalesce(sum(a.mrr), 0)::DECIMAL(18,2) AS mrr_end
    FROM months m LEFT JOIN account_movements a USING (month)
    GROUP BY m.month, m.idx
    ORDER BY m.idx`);
}

/** The MRR bridge, month by month (optionally from / to a month, inclusive). */
export async function mrrMovements(db: Db, {from, to}: {from?: Month; to?: Month} = {}): Promise<MovementRow[]> {
  return db.all<MovementRow>(
    `SELECT * FROM mrr_movements WHERE ($1::VARCHAR IS NULL OR month >= $1) AND ($2::VARCHAR IS NULL OR month <= $2)`,
    [from ?? null, to ?? null]
  );
}

export const movements: MetricFamily = {
  name: "movements",
  tables: ["mrr_movements"],
  definitions: [
    {
      id: "mrr_new",
      table: "mrr_movements",
      name: {en: "New MRR", ja: "新規MRR"},
      formula: "new(M) = Σ MRR(a, M) over accounts a with MRR(a, M) > 0 and MRR(a, m) = 0 for every m < M",
      text: {
        en: "MRR of accounts that have MRR in month M and never had MRR before M. Accounts with only zero-MRR (trial) lines are not new until their MRR is above 0. In the first computed month every account with MRR is new.",
        ja: "月Mに初めてMRRが発生した顧客のMRRです。MRRが0の試用明細だけの顧客は、MRRが0を超えた月に新規となります。集計の最初の月は、MRRのあるすべての顧客が新規です。"
      }
    },
    {
      id: "mrr_reactivation",
      table: "mrr_movements",
      name: {en: "Reactivation MRR", ja: "復帰MRR"},
      formula: "reactivation(M) = Σ MRR(a, M) over a with MRR(a, M) > 0, MRR(a, M-1) = 0 and MRR(a, m) > 0 for some m < M-1",
      text: {
        en: "MRR of accounts that have MRR in M, had none in M-1, and had MRR at some earlier month: returning customers.",
        ja: "月MにMRRがあり、前月M-1にはなく、それ以前にMRRがあった顧客（復帰した顧客）のMRRです。"
      }
    },
    {
      id: "mrr_expansion",
      table: "mrr_movements",
      name: {en: "Expansion MRR", ja: "拡大MRR"},
      formula: "expansion(M) = Σ (MRR(a, M) − MRR(a, M-1)) over a with MRR(a, M) > MRR(a, M-1) > 0",
      text: {
        en: "The increase in MRR of accounts that have MRR in both M-1 and M (upsell, cross-sell, price rises).",
        ja: "前月・当月ともにMRRがある顧客のMRRの増加分（アップセル・クロスセル・値上げ）です。"
      }
    },
    {
      id: "mrr_contraction",
      table: "mrr_movements",
      name: {en: "Contraction MRR", ja: "縮小MRR"},
      formula: "contraction(M) = Σ (MRR(a, M-1) − MRR(a, M)) over a with MRR(a, M-1) > MRR(a, M) > 0",
      text: {
        en: "The decrease in MRR of accounts that still have MRR in M, as a positive amount.",
        ja: "当月もMRRが残っている顧客のMRRの減少分（正の金額で表示）です。"
      }
    },
    {
      id: "mrr_churn",
      table: "mrr_movements",
      name: {en: "Churned MRR", ja: "解約MRR"},
      formula: "churn(M) = Σ MRR(a, M-1) over a with MRR(a, M-1) > 0 and MRR(a, M) = 0",
      text: {
        en: "The MRR at the end of M-1 of accounts whose MRR in M is 0, as a positive amount.",
        ja: "当月のMRRが0になった顧客の、前月末のMRR（正の金額で表示）です。"
      }
    },
    {
      id: "mrr_fx",
      table: "mrr_movements",
      name: {en: "FX movement", ja: "為替変動"},
      formula: "fx(M) = Σ over a with MRR(a, M-1) > 0 and MRR(a, M) > 0 of round(Σ_lines local_mrr(M-1) × (rate(c, M) − rate(c, M-1)), 2)",
      text: {
        en: "The part of the change that is only exchange-rate movement (billing lines in another currency than the report's): the MRR at the end of M-1 of accounts paying in both months, revalued at M's fx_rates, minus that MRR. Positive when the report currency weakened. Expansion and contraction are the rest of those accounts' change, so a rate change is never counted as expansion or contraction. 0 when every line is in the report currency.",
        ja: "MRRの変化のうち為替レートの変動だけによる部分です（レポート通貨以外の通貨の請求明細）。前月・当月ともにMRRがある顧客の前月末MRRを当月の fx_rates のレートで換算し直した額と、元の前月末MRRとの差です。レポート通貨が安くなると正になります。拡大・縮小はそれ以外の変化なので、為替の変動が拡大・縮小に数えられることはありません。すべての明細がレポート通貨なら0です。"
      }
    },
    {
      id: "mrr_bridge",
      table: "mrr_movements",
      name: {en: "MRR bridge", ja: "MRRの増減内訳"},
      formula: "mrr_end(M) = mrr_start(M) + new + expansion + reactivation − contraction − churn + fx; mrr_start(M) = mrr_end(M-1)",
      text: {
        en: "Each month's MRR at the start (end of M-1) plus its movements, FX included, equals its MRR at the end, exactly: amounts are summed as decimals. mrr_start of the first computed month is 0.",
        ja: "各月の期首MRR（前月末）に為替変動を含む増減を加えると、期末MRRに正確に一致します（金額は10進数で合計）。集計の最初の月の期首MRRは0です。"
      }
    }
  ],
  async build(db) {
    await buildAccountMovements(db);
    await buildMrrMovements(db);
  }
};
