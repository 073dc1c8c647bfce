/**
 * The exchange-rate part of each account's MRR change, for the MRR bridge: the account's MRR at the
 * end of M-1, revalued at M's rates, minus that MRR. Only billing lines in another currency than the
 * report's move it; a currency without a rate for M (its lines ended) moves nothing.
 *
 *   fx(a, M) = round(Σ over a's lines counted in M-1: local_mrr(M-1) × (rate(c, M) − rate(c, M-1)), 2)
 */
import {LINE_MONTHS_TABLE} from "./normalise.js";
import {FX_TABLE} from "./spec.js";

/** SQL relation (month, account_id, fx) over the `months` table; empty when no billing export was read. */
export function accountFxSql(): string {
  return `(
    SELECT m.month, p.account_id,
           round(sum(p.local_mrr * (coalesce(r.rate, p.rate) - p.rate)), 2)::DECIMAL(18,2) AS fx
    FROM months m
    JOIN ${LINE_MONTHS_TABLE} p ON p.month = m.prev_month
    LEFT JOIN ${FX_TABLE} r ON r.currency = p.currency AND r.month = m.month_start
    WHERE p.rate <> 1 OR r.rate IS NOT NULL
    GROUP BY ALL)`;
}
