/**
 * The health mix at the quarter's start (end of the month before it) and end (end of its last computed
 * month), and how accounts moved between bands: of the accounts scored at both dates, how many moved
 * to a better band, a worse one, or stayed; plus the scored accounts that left and joined.
 */
import type {Db} from "../../db.js";
import {QUARTER_CTE} from "./kpis.js";
import type {HealthMixAt, QuarterHealth} from "./types.js";

const BANDS = ["green", "yellow", "red"] as const;
type Band = (typeof BANDS)[number];
const RANK: Record<Band, number> = {green: 0, yellow: 1, red: 2};

export async function quarterHealth(db: Db): Promise<Map<string, QuarterHealth>> {
  const mix = await db.all<HealthMixAt & {quarter: string; at: "start" | "end"}>(`
    WITH ${QUARTER_CTE},
    d AS (
      SELECT ql.quarter, 'start' AS at, f.prev_month AS month FROM ql JOIN months f ON f.month = ql.first_month
      UNION ALL SELECT quarter, 'end', last_month FROM ql
    )
    SELECT d.quarter, d.at, d.month, h.scored::BIGINT AS scored, h.green::BIGINT AS green, h.yellow::BIGINT AS yellow, h.red::BIGINT AS red
    FROM d JOIN health_mix h ON h.month = d.month AND h.dimension = 'all' AND h.scored > 0`);
  // Band then and now of every account scored at either date (active at that month end: MRR > 0).
  const moves = await db.all<{quarter: string; from_band: Band | null; to_band: Band | null; accounts: number}>(`
    WITH ${QUARTER_CTE},
    d AS (SELECT ql.quarter, f.prev_month AS start_month, ql.last_month AS end_month FROM ql JOIN months f ON f.month = ql.first_month),
    s AS (SELECT d.quarter, h.account_id, h.band FROM d JOIN health h ON h.month = d.start_month JOIN account_months am USING (month, account_id) WHERE h.band IS NOT NULL AND am.mrr > 0),
    e AS (SELECT d.quarter, h.account_id, h.band FROM d JOIN health h ON h.month = d.end_month JOIN account_months am USING (month, account_id) WHERE h.band IS NOT NULL AND am.mrr > 0)
    SELECT quarter, s.band AS from_band, e.band AS to_band, count(*)::BIGINT AS accounts
    FROM s FULL JOIN e USING (quarter, account_id)
    GROUP BY ALL`);
  const out = new Map<string, QuarterHealth>();
  const get = (q: string) => {
    if (!out.has(q)) out.set(q, {start: null, end: null, transitions: [], up: 0, down: 0, same: 0, left: 0, joined: 0});
    return out.get(q)!;
  };
  for (const {quarter, at, ...m} of mix) get(quarter)[at] = {month: m.month, scored: Number(m.scored), green: Number(m.green), yellow: Number(m.yellow), red: Number(m.red)};
  for (const r of moves) {
    const h = get(r.quarter);
    const n = Number(r.accounts);
    if (r.from_band && r.to_band) {
      h.transitions.push({from: r.from_band, to: r.to_band, accounts: n});
      const d = RANK[r.to_band] - RANK[r.from_band];
      if (d < 0) h.up += n;
      else if (d > 0) h.down += n;
      else h.same += n;
    } else if (r.from_band) h.left += n;
    else h.joined += n;
  }
  for (const h of out.values()) h.transitions.sort((a, b) => RANK[a.from] - RANK[b.from] || RANK[a.to] - RANK[b.to]);
  return out;
}
