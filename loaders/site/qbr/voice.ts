/**
 * The quarter's NPS and its voice of the customer: the score with its 95% interval and n (nps table,
 * YYYY-Qn rows of dimension 'all'), how many responses in each category came with a comment, and a
 * few verbatims per category, newest first. There is no theme classification in the data, so the page
 * shows counts and the customers' own words, not invented themes. Comments are data: pages insert
 * them as text only.
 */
import {isSmallSample} from "../../metrics/small-sample.js";
import type {Db} from "../../db.js";
import {NPS_CATEGORY_SQL} from "../datasets/nps-comments.js";
import type {QuarterNps, Verbatim} from "./types.js";

/** Verbatims shown per category (promoter, passive, detractor). */
export const VERBATIMS_PER_CATEGORY = 3;

export async function quarterNps(db: Db, asOf: string, npsMinResponses: number, perCategory = VERBATIMS_PER_CATEGORY): Promise<Map<string, QuarterNps>> {
  const scores = await db.all<{quarter: string; responses: number; promoters: number; passives: number; detractors: number; nps: number; lo: number; hi: number}>(`
    SELECT period AS quarter, responses, promoters, passives, detractors, nps, ci_low AS lo, ci_high AS hi
    FROM nps WHERE dimension = 'all' AND period LIKE '%-Q%'`);
  // Same responses as the nps table: up to the end of the as-of month.
  const comments = await db.all<Verbatim & {quarter: string; rk: number; n: number}>(
    `
    WITH c AS (
      SELECT year(responded_at) || '-Q' || quarter(responded_at) AS quarter, strftime(responded_at, '%Y-%m-%d') AS date,
             ${NPS_CATEGORY_SQL("score")} AS category, score, comment, response_id, responded_at, account_id
      FROM nps_responses
      WHERE comment IS NOT NULL AND trim(comment) <> '' AND responded_at <= last_day(strptime(?, '%Y-%m'))
    ), r AS (
      SELECT *, row_number() OVER (PARTITION BY quarter, category ORDER BY responded_at DESC, response_id DESC, account_id, comment) AS rk,
             count(*) OVER (PARTITION BY quarter, category) AS n
      FROM c
    )
    SELECT quarter, date, category, score::INTEGER AS score, comment, rk, n FROM r ORDER BY quarter, category, rk`,
    [asOf]
  );
  const out = new Map<string, QuarterNps>();
  for (const s of scores) {
    out.set(s.quarter, {
      responses: Number(s.responses),
      promoters: Number(s.promoters),
      passives: Number(s.passives),
      detractors: Number(s.detractors),
      nps: s.nps,
      interval: [s.lo, s.hi],
      small: isSmallSample(Number(s.responses), npsMinResponses),
      comments: {promoter: 0, passive: 0, detractor: 0},
      verbatims: []
    });
  }
  for (const c of comments) {
    const q = out.get(c.quarter);
    if (!q) continue;
    q.comments[c.category] = Number(c.n);
    if (c.rk <= perCategory) q.verbatims.push({date: c.date, category: c.category, score: c.score, comment: c.comment});
  }
  // Detractors first: what to fix leads.
  const order = {detractor: 0, passive: 1, promoter: 2};
  for (const q of out.values()) q.verbatims.sort((a, b) => order[a.category] - order[b.category] || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return out;
}
