/**
 * The behaviours issue #3 asks of the sample company, checked statistically on a generated book
 * of 2,000 accounts over 36 months (by the contract's month rule, as the metrics compute them).
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {auc, generate, loadSample, removeGenerated} from "./fixture.js";

const OPTIONS = {accounts: 2000, months: 36, end: "2026-10", seed: 7};

let db: Db;

beforeAll(async () => {
  const dir = await generate("behaviour", OPTIONS);
  db = await loadSample(dir, OPTIONS);
  // Month offsets on every monthly signal, and the account-months to compare: the 3 paid months
  // before each churn, and every paid month of accounts that never churned.
  const m = (col: string) => `date_diff('month', (SELECT min(first_day) FROM months), ${col}::DATE)`;
  await db.run(`
    CREATE TABLE usage_m AS SELECT *, ${m("month")} AS m, active_users / nullif(seats, 0) AS utilisation FROM usage;
    CREATE TABLE activities_m AS SELECT *, ${m('"date"')} AS m FROM csm_activities;
    CREATE TABLE tickets_m AS SELECT *, ${m("created_at")} AS m FROM support_tickets;
    CREATE TABLE nps_m AS SELECT *, ${m("responded_at")} AS m FROM nps_responses;
    CREATE TABLE outcomes_m AS SELECT *, ${m("month")} AS m FROM outcomes;
    CREATE TABLE churns AS SELECT account_id, segment, m FROM transitions WHERE churned;
    CREATE TABLE groups AS
      SELECT DISTINCT am.account_id, am.segment, am.m, 'pre_churn' AS grp
        FROM churns c JOIN account_months am ON am.account_id = c.account_id AND am.m BETWEEN c.m - 3 AND c.m - 1 AND am.mrr > 0
      UNION ALL
      SELECT account_id, segment, m, 'retained' FROM account_months
        WHERE mrr > 0 AND account_id NOT IN (SELECT account_id FROM churns);
  `);
});
afterAll(() => {
  db?.close();
  removeGenerated();
});

/** A per-group statistic: {pre_churn, retained}. */
async function byGroup(select: string, from: string): Promise<{pre_churn: number; retained: number}> {
  const rows = await db.all<{grp: string; v: number}>(`SELECT g.grp, ${select} AS v FROM groups g ${from} GROUP BY g.grp`);
  const out = Object.fromEntries(rows.map((r) => [r.grp, Number(r.v)]));
  return {pre_churn: out.pre_churn, retained: out.retained};
}

async function logoChurn(group: string, from = "transitions WHERE mrr_prev > 0"): Promise<Record<string, number>> {
  const rows = await db.all<{k: string; rate: number}>(`SELECT ${group} AS k, avg(churned::INT) AS rate FROM ${from} GROUP BY 1`);
  return Object.fromEntries(rows.map((r) => [r.k, r.rate]));
}

describe("sample generator: a realistic book of business", () => {
  it("churns about 1-2% of logos a month, SMB most and Enterprise least", async () => {
    const overall = (await logoChurn("'all'")).all;
    const seg = await logoChurn("segment");
    console.info("logo churn / month", {overall, ...seg});
    expect(overall).toBeGreaterThan(0.01);
    expect(overall).toBeLessThan(0.025);
    expect(seg.SMB).toBeGreaterThan(1.5 * seg["Mid-Market"]);
    expect(seg["Mid-Market"]).toBeGreaterThan(1.5 * seg.Enterprise);
  });

  it("churns MA customers more than CMS customers (product lines held at the end of M-1)", async () => {
    const product = await logoChurn("p", "(SELECT unnest(products_prev) AS p, churned FROM transitions WHERE mrr_prev > 0)");
    console.info("logo churn / month by product", product);
    expect(product.MA).toBeGreaterThan(1.5 * product.CMS);
    expect(product.Catalog).toBeGreaterThan(product.CMS);
  });

  it("shows usage falling for months before a churn", async () => {
    const util = await byGroup("avg(u.utilisation)", "JOIN usage_m u USING (account_id, m)");
    console.info("active users / seats, 3 months before churn vs retained", util);
    expect(util.pre_churn).toBeLessThan(0.75 * util.retained);
    // The decline starts well before: 4-6 months out, usage is already below normal.
    const early = await db.all<{v: number}>(`
      SELECT avg(u.utilisation) AS v FROM churns c JOIN usage_m u ON u.account_id = c.account_id AND u.m BETWEEN c.m - 6 AND c.m - 4`);
    expect(early[0].v).toBeLessThan(0.92 * util.retained);
    expect(early[0].v).toBeGreaterThan(util.pre_churn);
  });

  it("lets usage alone predict churn within the next 3 months (AUC > 0.75)", async () => {
    const rows = await db.all<{utilisation: number; label: boolean}>(`
      SELECT u.utilisation, EXISTS (SELECT 1 FROM churns c WHERE c.account_id = u.account_id AND c.m BETWEEN u.m + 1 AND u.m + 3) AS label
      FROM usage_m u WHERE u.m <= ${OPTIONS.months - 4}`);
    const value = auc(rows.map((r) => ({score: -r.utilisation, label: r.label})));
    console.info("AUC of usage for churn in 3 months", value, "positives", rows.filter((r) => r.label).length);
    expect(value).toBeGreaterThan(0.75);
  });

  it("shows the decline in every health input: engagement, support, NPS, outcomes", async () => {
    // Rates per account-month within one segment: the pre-churn group is mostly SMB, which has
    // fewer activities and tickets to begin with.
    const perAccountMonth = (join: string, segment: string) =>
      byGroup("count(x.account_id) / count(DISTINCT (g.account_id, g.m))", `LEFT JOIN ${join} x USING (account_id, m) WHERE g.segment = '${segment}'`);
    const activities = await perAccountMonth("activities_m", "Mid-Market");
    const tickets = await perAccountMonth("tickets_m", "SMB");
    const csat = await byGroup("avg(t.csat)", "JOIN tickets_m t USING (account_id, m)");
    const score = await byGroup("avg(n.score)", "JOIN nps_m n USING (account_id, m) WHERE n.survey = 'relationship'");
    const growth = await byGroup(
      "avg(o.value / nullif(p.value, 0) - 1)",
      "JOIN outcomes_m o USING (account_id, m) JOIN outcomes_m p ON p.account_id = o.account_id AND p.metric = o.metric AND p.m = o.m - 1 WHERE o.metric = 'site_traffic'"
    );
    console.info("pre-churn vs retained", {activities, tickets, csat, score, growth});
    expect(activities.pre_churn).toBeLessThan(0.8 * activities.retained);
    expect(tickets.pre_churn).toBeGreaterThan(1.2 * tickets.retained);
    expect(csat.pre_churn).toBeLessThan(csat.retained - 0.3);
    expect(score.pre_churn).toBeLessThan(score.retained - 1);
    expect(growth.pre_churn).toBeLessThan(0);
    expect(growth.retained).toBeGreaterThan(0);
  });

  it("has stalled onboardings, and they churn more in the first year", async () => {
    const [o] = await db.all<{open: number; unstarted: number; optional: number; accounts: number}>(`
      SELECT count(*) FILTER (WHERE started_at IS NOT NULL AND completed_at IS NULL AND started_at < DATE '2026-08-01') AS open,
        count(*) FILTER (WHERE started_at IS NULL AND required) AS unstarted,
        count(*) FILTER (WHERE NOT required) AS optional, count(DISTINCT account_id) AS accounts FROM onboarding`);
    expect(o.open).toBeGreaterThan(0.05 * o.accounts);
    expect(o.unstarted).toBeGreaterThan(0);
    expect(o.optional).toBeGreaterThan(0);
  });

  it("has reactivations, expansions, contractions, upgrades, downgrades and cross-sell", async () => {
    const [mv] = await db.all<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE mrr_prev > 0 AND mrr > mrr_prev) AS expansions,
        count(*) FILTER (WHERE mrr_prev > 0 AND mrr > 0 AND mrr < mrr_prev) AS contractions,
        count(*) FILTER (WHERE mrr_prev = 0 AND mrr > 0 AND EXISTS (
          SELECT 1 FROM account_months x WHERE x.account_id = t.account_id AND x.m < t.m - 1 AND x.mrr > 0)) AS reactivations,
        count(*) FILTER (WHERE churned) AS churns
      FROM transitions t`);
    const [plans] = await db.all<Record<string, number>>(`
      WITH l AS (SELECT account_id, product, start_date, CASE plan WHEN 'Starter' THEN 1 WHEN 'Standard' THEN 2 WHEN 'Enterprise' THEN 3 END AS tier,
          lag(CASE plan WHEN 'Starter' THEN 1 WHEN 'Standard' THEN 2 WHEN 'Enterprise' THEN 3 END) OVER (PARTITION BY account_id, product ORDER BY start_date) AS prev_tier
        FROM subscriptions WHERE mrr > 0)
      SELECT count(*) FILTER (WHERE tier > prev_tier) AS upgrades, count(*) FILTER (WHERE tier < prev_tier) AS downgrades FROM l`);
    const [cross] = await db.all<{accounts: number; cross_sold: number}>(`
      WITH f AS (SELECT account_id, product, min(start_date) AS first FROM subscriptions WHERE mrr > 0 GROUP BY ALL),
        a AS (SELECT account_id, min(first) AS first, max(first) AS last, count(*) AS products FROM f GROUP BY 1)
      SELECT count(*) AS accounts, count(*) FILTER (WHERE products > 1 AND last >= first + INTERVAL 3 MONTH) AS cross_sold FROM a`);
    console.info("movements", {...mv, ...plans, ...cross});
    expect(mv.reactivations).toBeGreaterThan(0.01 * OPTIONS.accounts);
    expect(mv.reactivations).toBeLessThan(0.2 * mv.churns);
    expect(mv.expansions).toBeGreaterThan(mv.contractions);
    expect(mv.contractions).toBeGreaterThan(0.2 * mv.expansions);
    expect(plans.upgrades).toBeGreaterThan(20);
    expect(plans.downgrades).toBeGreaterThan(10);
    expect(cross.cross_sold / cross.accounts).toBeGreaterThan(0.05);
  });

  it("retains revenue like a healthy B2B SaaS (trailing-12-month GRR 85-95%, NRR 98-115%)", async () => {
    const [r] = await db.all<{grr: number; nrr: number}>(`
      WITH a AS (SELECT account_id, mrr FROM account_months WHERE m = 23 AND mrr > 0),
        b AS (SELECT account_id, mrr FROM account_months WHERE m = 35)
      SELECT sum(least(a.mrr, b.mrr)) / sum(a.mrr) AS grr, sum(b.mrr) / sum(a.mrr) AS nrr FROM a JOIN b USING (account_id)`);
    console.info("T12M", r);
    expect(r.grr).toBeGreaterThan(0.85);
    expect(r.grr).toBeLessThan(0.95);
    expect(r.nrr).toBeGreaterThan(0.98);
    expect(r.nrr).toBeLessThan(1.15);
  });

  it("books more new business in April (fiscal year start) and October", async () => {
    const rows = await db.all<{cm: number; n: number}>(`
      WITH f AS (SELECT account_id, min(m) AS m FROM account_months WHERE mrr > 0 GROUP BY 1 HAVING min(m) > 0)
      SELECT month(mo.first_day) AS cm, count(*) / count(DISTINCT f.m) AS n FROM f JOIN months mo USING (m) GROUP BY 1`);
    const by = Object.fromEntries(rows.map((r) => [r.cm, r.n]));
    const others = rows.filter((r) => r.cm !== 4 && r.cm !== 10);
    const mean = others.reduce((s, r) => s + r.n, 0) / others.length;
    console.info("new accounts per month: April, October, other months", by[4], by[10], mean);
    expect(by[4]).toBeGreaterThan(1.5 * mean);
    expect(by[10]).toBeGreaterThan(1.2 * mean);
  });

  it("has several lines per account, monthly and annual contracts, and zero-MRR trials", async () => {
    const [l] = await db.all<Record<string, number>>(`
      SELECT count(*) / count(DISTINCT account_id) AS per_account,
        count(*) FILTER (WHERE plan = 'Trial' AND mrr = 0) AS trials,
        count(*) FILTER (WHERE mrr > 0 AND mrr <> round(mrr)) AS annual_fractional,
        count(*) FILTER (WHERE mrr > 0 AND end_date IS NULL) AS open_monthly,
        count(*) FILTER (WHERE mrr > 0 AND date_diff('day', start_date, end_date) BETWEEN 360 AND 370) AS full_year_terms
      FROM subscriptions`);
    const [only] = await db.all<{n: number}>(`SELECT count(*) AS n FROM (SELECT account_id FROM subscriptions GROUP BY 1 HAVING max(mrr) = 0)`);
    console.info("lines", {...l, trialOnlyAccounts: only.n});
    expect(l.per_account).toBeGreaterThan(2);
    expect(l.trials).toBeGreaterThan(0.1 * OPTIONS.accounts);
    expect(l.annual_fractional).toBeGreaterThan(100);
    expect(l.open_monthly).toBeGreaterThan(100);
    expect(l.full_year_terms).toBeGreaterThan(100);
    expect(only.n).toBeGreaterThan(0);
  });

  it("prices lines per segment in the expected JPY ranges", async () => {
    const rows = await db.all<{segment: string; p50: number}>(`
      WITH first AS (SELECT s.account_id, arg_min(s.mrr, s.start_date) AS mrr FROM subscriptions s WHERE s.mrr > 0 GROUP BY 1)
      SELECT a.segment, median(f.mrr) AS p50 FROM first f JOIN accounts a USING (account_id) GROUP BY 1`);
    const p50 = Object.fromEntries(rows.map((r) => [r.segment, r.p50]));
    expect(p50.SMB).toBeGreaterThan(30_000);
    expect(p50.SMB).toBeLessThan(150_000);
    expect(p50["Mid-Market"]).toBeGreaterThan(150_000);
    expect(p50["Mid-Market"]).toBeLessThan(600_000);
    expect(p50.Enterprise).toBeGreaterThan(600_000);
    expect(p50.Enterprise).toBeLessThan(3_000_000);
  });

  it("collects NPS quarterly plus transactional surveys, in Japanese and English, some anonymous", async () => {
    const [n] = await db.all<Record<string, number>>(`
      SELECT count(*) AS total, avg((account_id IS NULL)::INT) AS anonymous,
        count(*) FILTER (WHERE regexp_matches(comment, '[ぁ-んァ-ン一-龯]')) AS japanese,
        count(*) FILTER (WHERE comment IS NOT NULL AND NOT regexp_matches(comment, '[ぁ-んァ-ン一-龯]')) AS english,
        count(DISTINCT month(responded_at)) FILTER (WHERE survey = 'relationship') AS survey_months,
        count(*) FILTER (WHERE survey = 'onboarding') AS onboarding, count(*) FILTER (WHERE survey = 'support') AS support,
        100 * (avg((score >= 9)::INT) - avg((score <= 6)::INT)) AS nps
      FROM nps_responses`);
    console.info("nps", n);
    expect(n.anonymous).toBeGreaterThan(0.03);
    expect(n.anonymous).toBeLessThan(0.15);
    expect(n.japanese).toBeGreaterThan(n.english);
    expect(n.english).toBeGreaterThan(50);
    expect(n.survey_months).toBe(4);
    expect(n.onboarding).toBeGreaterThan(50);
    expect(n.support).toBeGreaterThan(50);
    expect(n.nps).toBeGreaterThan(-30);
    expect(n.nps).toBeLessThan(40);
  });

  it("has tickets with response and resolution times and CSAT, and CSM activities including QBRs", async () => {
    const [t] = await db.all<Record<string, number>>(`
      SELECT avg((csat IS NOT NULL)::INT) AS rated, median(epoch(first_response_at - created_at) / 60) AS frt_minutes,
        median(epoch(resolved_at - created_at) / 3600) AS resolution_hours, avg((resolved_at IS NULL)::INT) AS open
      FROM support_tickets`);
    expect(t.rated).toBeGreaterThan(0.3);
    expect(t.rated).toBeLessThan(0.6);
    expect(t.frt_minutes).toBeGreaterThan(10);
    expect(t.resolution_hours).toBeGreaterThan(t.frt_minutes / 60);
    expect(t.open).toBeGreaterThan(0);
    const types = await db.all<{type: string; segment: string; n: number}>(`
      SELECT type, segment, count(*) AS n FROM csm_activities JOIN accounts USING (account_id) GROUP BY ALL`);
    const n = (type: string, segment: string) => types.find((r) => r.type === type && r.segment === segment)?.n ?? 0;
    for (const type of ["qbr", "meeting", "call", "email", "training"]) expect(n(type, "Enterprise"), type).toBeGreaterThan(0);
    expect(n("qbr", "SMB")).toBe(0);
    const outcomeMetrics = await db.all<{metric: string}>(`SELECT DISTINCT metric FROM outcomes ORDER BY 1`);
    expect(outcomeMetrics.map((r) => r.metric)).toEqual(["leads", "site_traffic"]);
  });

  it("names companies in Japanese and English, in Japanese regions", async () => {
    const [a] = await db.all<Record<string, number>>(`
      SELECT avg(regexp_matches(account_name, '[ぁ-んァ-ン一-龯]')::INT) AS japanese, count(DISTINCT account_name) AS names, count(*) AS accounts,
        count(DISTINCT csm) AS csms, count(DISTINCT region) AS regions, count(DISTINCT industry) AS industries,
        avg((csm IS NULL)::INT) AS tech_touch
      FROM accounts`);
    console.info("accounts", a);
    expect(a.japanese).toBeGreaterThan(0.65);
    expect(a.japanese).toBeLessThan(0.9);
    expect(a.names).toBeGreaterThan(0.97 * a.accounts);
    expect(a.regions).toBe(8);
    expect(a.industries).toBe(10);
    expect(a.csms).toBeGreaterThan(8);
    expect(a.tech_touch).toBeGreaterThan(0.05);
  });
});
