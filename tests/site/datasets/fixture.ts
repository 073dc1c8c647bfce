/**
 * The hand-written book the site-dataset tests share (as of 2024-04), built with every metric family.
 *
 *   A  Enterprise / Retail, CSM Sato, "Alpha <b>": CMS 1000 from Jan; MA 200 counted in March only
 *      (expansion in March, contraction in April). NPS 9 in Feb with a <script> comment; a QBR in
 *      March and a call in April; one ticket in April (first response after 3.5 hours, CSAT 4).
 *   B  SMB / IT, no CSM, "=HYPERLINK()": CMS 500 counted in January and February, churned in March.
 *      NPS 3 in Feb ("=cmd").
 *   C  SMB / Retail, CSM Sato, "Gamma": CMS 300 from February (new). NPS 7 in April, no comment.
 *      An onboarding milestone started 2024-02-01 still open at the end of April (overdue).
 *   D  Mid-Market, no region, no lines ever.
 *   An anonymous NPS 10 in March ("anon").
 *
 * `health` is replaced by hand-written scores (withHealth), so these tests depend on how the site
 * datasets shape the data, not on the health score's rules (tested with the health family).
 */
import type {Db} from "../../../loaders/db.js";
import {FAMILIES} from "../../../loaders/metrics/index.js";
import {buildFamilies, type Fixture} from "../../helpers/staged.js";

export const FIXTURE: Fixture = {
  accounts: [
    {account_id: "A", account_name: "Alpha <b>", segment: "Enterprise", industry: "Retail", region: "Kanto", csm: "Sato"},
    {account_id: "B", account_name: "=HYPERLINK()", segment: "SMB", industry: "IT", region: "Kansai"},
    {account_id: "C", account_name: "Gamma", segment: "SMB", industry: "Retail", region: "Kanto", csm: "Sato"},
    {account_id: "D", account_name: "Delta", segment: "Mid-Market", industry: "IT"}
  ],
  subscriptions: [
    {subscription_id: "S1", account_id: "A", product: "CMS", plan: "Pro", start_date: "2024-01-01", mrr: 1000, seats: 10},
    {subscription_id: "S2", account_id: "A", product: "MA", plan: "Pro", start_date: "2024-03-01", end_date: "2024-04-15", mrr: 200, seats: 2},
    {subscription_id: "S3", account_id: "B", product: "CMS", plan: "Starter", start_date: "2024-01-10", end_date: "2024-03-05", mrr: 500, seats: 5},
    {subscription_id: "S4", account_id: "C", product: "CMS", plan: "Starter", start_date: "2024-02-01", mrr: 300, seats: 3}
  ],
  nps_responses: [
    {response_id: "R1", account_id: "A", responded_at: "2024-02-10", score: 9, comment: "Great <script>alert(1)</script>", survey: "relationship"},
    {response_id: "R2", account_id: "B", responded_at: "2024-02-20", score: 3, comment: "=cmd", survey: "relationship"},
    {response_id: "R3", account_id: "C", responded_at: "2024-04-05", score: 7, survey: "onboarding"},
    {response_id: "R4", responded_at: "2024-03-01", score: 10, comment: "anon", survey: "relationship"}
  ],
  csm_activities: [
    {account_id: "A", date: "2024-03-03", type: "qbr", csm: "Sato"},
    {account_id: "A", date: "2024-04-04", type: "call", csm: "Sato"}
  ],
  support_tickets: [
    {ticket_id: "T1", account_id: "A", created_at: "2024-04-02 10:00:00", first_response_at: "2024-04-02 13:30:00", resolved_at: "2024-04-03 09:00:00", priority: "high", csat: 4}
  ],
  onboarding: [
    {account_id: "C", milestone: "kickoff", started_at: "2024-02-01", required: true}
  ]
};

// A 60-day onboarding deadline, so the milestone open since 2024-02-01 is overdue at the end of April.
export const CONFIG = {asOf: "2024-04", segments: ["segment", "industry"], onboardingDeadlineDays: 60};

/** Hand-written health rows (month, account_id, score, band, product), replacing the computed ones. */
export const HEALTH: [string, string, number | null, string | null, string][] = [
  ["2024-01", "A", 55, "yellow", "CMS"],
  ["2024-01", "B", 35, "red", "CMS"],
  ["2024-02", "A", 72.5, "green", "CMS"],
  ["2024-02", "B", 30, "red", "CMS"],
  ["2024-02", "C", null, null, "CMS"],
  ["2024-03", "A", 80, "green", "CMS"],
  ["2024-03", "C", 42, "yellow", "CMS"],
  ["2024-04", "A", 77.25, "green", "CMS"],
  ["2024-04", "C", 38, "red", "CMS"]
];

export async function withHealth(db: Db): Promise<void> {
  await db.run(`DELETE FROM health`);
  for (const [month, account, score, band, product] of HEALTH) {
    await db.run(
      `INSERT INTO health (month, account_id, score, band, usage, engagement, support, nps, onboarding, outcomes, missing_components, product)
       VALUES (?, ?, ?, ?, 50, 60, 70, 80, 90, NULL, 'outcomes', ?)`,
      [month, account, score, band, product]
    );
  }
}

/** The fixture with every metric family built and the hand-written health rows. */
export async function buildBook() {
  const built = await buildFamilies(FIXTURE, FAMILIES, CONFIG);
  await withHealth(built.db);
  return built;
}
