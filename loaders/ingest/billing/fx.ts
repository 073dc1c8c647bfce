/**
 * The exchange-rate part of MRR changes, for the MRR bridge and churn: MRR at the end of M-1,
 * revalued at M's rates, minus that MRR. Only billing lines in another currency than the report's
 * move it; a currency without a rate for M (its lines ended) moves nothing.
 *
 *   fx(a, M) = round(Σ over a's lines counted in M-1: local_mrr(M-1) × (rate(c, M) − rate(c, M-1)), 2)
 *
 * Per product and plan too (the lines of that product or plan), for the churn table's line segments.
 */
import {NO_SEGMENT} from "../../metrics/account-months.js";
import {LINE_MONTHS_TABLE} from "./normalise.js";
import {FX_TABLE} from "./spec.js";

const lineFx = `
    SELECT m.month, p.account_id, coalesce(p.product, '${NO_SEGMENT}') AS product, coalesce(p.plan, '${NO_SEGMENT}') AS plan,
           p.local_mrr * (coalesce(r.rate, p.rate) - p.rate) AS fx
    FROM months m
    JOIN ${LINE_MONTHS_TABLE} p ON p.month = m.prev_month
    LEFT JOIN ${FX_TABLE} r ON r.currency = p.currency AND r.month = m.month_start
    WHERE p.rate <> 1 OR r.rate IS NOT NULL`;

/** SQL relation (month, account_id, fx) over the `months` table; empty when no billing export was read. */
export function accountFxSql(): string {
  return `(SELECT month, account_id, round(sum(fx), 2)::DECIMAL(18,2) AS fx FROM (${lineFx}) GROUP BY ALL)`;
}

/**
 * SQL relation (month, dimension, segment, account_id, fx): the FX of each account in each segment
 * of `segment_months` (account dimensions: the whole account; product and plan: the lines of it).
 */
export function segmentFxSql(lineDimensions: readonly string[]): string {
  const byLine = lineDimensions.map((d) => `SELECT month, '${d}' AS dimension, ${d} AS segment, account_id, round(sum(fx), 2) AS fx FROM l GROUP BY ALL`);
  return `(WITH l AS (${lineFx}), a AS (SELECT month, account_id, round(sum(fx), 2) AS fx FROM l GROUP BY ALL)
    -- From the accounts with FX (none without a billing export in other currencies), so it costs nothing otherwise.
    SELECT s.month, s.dimension, s.segment, s.account_id, coalesce(x.fx, s.fx)::DECIMAL(18,2) AS fx
    FROM (SELECT DISTINCT a.month, sm.dimension, sm.segment, sm.account_id, a.fx
          FROM a JOIN months m ON m.month = a.month JOIN segment_months sm ON sm.month = m.prev_month AND sm.account_id = a.account_id) s
    LEFT JOIN (${byLine.join(" UNION ALL ")}) x ON x.month = s.month AND x.dimension = s.dimension AND x.segment = s.segment AND x.account_id = s.account_id
    WHERE s.dimension NOT IN (${lineDimensions.map((d) => `'${d}'`).join(", ")}) OR x.fx IS NOT NULL)`;
}
