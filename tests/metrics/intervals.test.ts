// Intervals, small-sample flags and partial periods added to earlier tables (loaders/metrics/intervals.ts),
// on hand-written books with every expected number worked out next to it.
import {describe, expect, it} from "vitest";
import {FAMILIES} from "../../loaders/metrics/index.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

// A, B SMB; C, D, E Enterprise; all from 2023-01. B ends 2023-06-01, C 2023-12-15; E leaves 2023-03-01
// and comes back 2023-10-01. F (Enterprise) joins 2023-06 and leaves 2024-01-01.
const book: Fixture = {
  accounts: [
    {account_id: "A", segment: "SMB"},
    {account_id: "B", segment: "SMB"},
    {account_id: "C", segment: "Enterprise"},
    {account_id: "D", segment: "Enterprise"},
    {account_id: "E", segment: "Enterprise"},
    {account_id: "F", segment: "Enterprise"}
  ],
  subscriptions: [
    {account_id: "A", start_date: "2023-01-01", mrr: 100},
    {account_id: "B", start_date: "2023-01-01", end_date: "2023-06-01", mrr: 100},
    {account_id: "C", start_date: "2023-01-01", end_date: "2023-12-15", mrr: 100},
    {account_id: "D", start_date: "2023-01-01", mrr: 100},
    {account_id: "E", start_date: "2023-01-01", end_date: "2023-03-01", mrr: 100},
    {account_id: "E", start_date: "2023-10-01", mrr: 100},
    {account_id: "F", start_date: "2023-06-01", end_date: "2024-01-01", mrr: 100}
  ],
  nps_responses: [
    {responded_at: "2023-12-05", score: 9},
    {responded_at: "2024-01-05", score: 3}
  ],
  onboarding: [
    {account_id: "A", milestone: "kickoff", started_at: "2023-12-20", completed_at: "2024-01-10"},
    {account_id: "D", milestone: "kickoff", started_at: "2024-01-05"}
  ]
};
const config = {asOf: "2024-01", segments: ["segment"], onboardingDeadlineDays: 30};

describe("churn: Wilson interval and small-sample flag", () => {
  it("December 2023, Enterprise: C, D, E, F at start (E is back), C churns -> 1 of 4", async () => {
    const {db} = await buildFamilies(book, FAMILIES, config);
    const rows = await db.all<Record<string, number | boolean | string>>(
      `SELECT segment, accounts_start, accounts_churned, logo_churn_ci_low, logo_churn_ci_high, small_sample FROM churn
       WHERE month = '2023-12' AND dimension IN ('all', 'segment') ORDER BY segment`
    );
    // Enterprise: k = 1, n = 4: z²/n = 0.9604; centre = (0.25 + 0.4802) / 1.9604 = 0.372475;
    // half = (1.96 / 1.9604) · √(0.1875 / 4 + 3.8416 / 64) = 0.999796 · √0.106900 = 0.999796 · 0.326956 = 0.326889
    // -> [0.045586, 0.699364].
    const ent = rows.find((r) => r.segment === "Enterprise")!;
    expect(ent).toMatchObject({accounts_start: 4, accounts_churned: 1, small_sample: true});
    expect(ent.logo_churn_ci_low as number).toBeCloseTo(0.045586, 5);
    expect(ent.logo_churn_ci_high as number).toBeCloseTo(0.699364, 5);
    // SMB: A only, 0 of 1: centre = (0 + 1.9208) / 4.8416 = 0.396728 = half -> [0, 0.793457].
    const smb = rows.find((r) => r.segment === "SMB")!;
    expect(smb).toMatchObject({accounts_start: 1, accounts_churned: 0});
    expect(smb.logo_churn_ci_low).toBe(0);
    expect(smb.logo_churn_ci_high as number).toBeCloseTo(0.793457, 5);
    // The first month has no accounts at start: no interval.
    expect(await db.all(`SELECT logo_churn_ci_low, logo_churn_ci_high, small_sample FROM churn WHERE month = '2023-01' AND dimension = 'all'`)).toEqual([
      {logo_churn_ci_low: null, logo_churn_ci_high: null, small_sample: true}
    ]);
    db.close();
  });

  it("small_sample follows minSampleSize", async () => {
    const {db} = await buildFamilies(book, FAMILIES, {...config, minSampleSize: 4});
    expect(await db.all(`SELECT segment, small_sample FROM churn WHERE month = '2023-12' AND dimension IN ('all', 'segment') ORDER BY segment`)).toEqual([
      {segment: "Enterprise", small_sample: false},
      {segment: "SMB", small_sample: true},
      {segment: "all", small_sample: false}
    ]);
    db.close();
  });
});

describe("csm_portfolio: Wilson interval and small-sample flag", () => {
  it("December 2023: Sato's C, D, E at start, C churns -> 1 of 3; the unassigned A, F -> 0 of 2", async () => {
    const owned = {...book, accounts: book.accounts!.map((a) => (["C", "D", "E"].includes(a.account_id as string) ? {...a, csm: "Sato"} : a))};
    const {db} = await buildFamilies(owned, FAMILIES, {...config, minSampleSize: 3});
    const rows = await db.all<Record<string, number | boolean | string>>(
      `SELECT csm, accounts_start, accounts_churned, logo_churn_ci_low, logo_churn_ci_high, small_sample FROM csm_portfolio
       WHERE month = '2023-12' ORDER BY csm`
    );
    // k = 1, n = 3: z²/n = 1.280533; centre = (1/3 + 0.640267) / 2.280533 = 0.426918;
    // half = (1.96 / 2.280533) · √(0.222222 / 3 + 3.8416 / 36) = 0.859449 · 0.425188 = 0.365428 -> [0.061490, 0.792345].
    const sato = rows.find((r) => r.csm === "Sato")!;
    expect(sato).toMatchObject({accounts_start: 3, accounts_churned: 1, small_sample: false});
    expect(sato.logo_churn_ci_low as number).toBeCloseTo(0.06149, 5);
    expect(sato.logo_churn_ci_high as number).toBeCloseTo(0.792345, 5);
    // A and F, no owner: 0 of 2 -> [0, 2 · 1.9208 / 5.8416 = 0.657628]; 2 < minSampleSize 3.
    const none = rows.find((r) => r.csm === "(none)")!;
    expect(none).toMatchObject({accounts_start: 2, accounts_churned: 0, small_sample: true, logo_churn_ci_low: 0});
    expect(none.logo_churn_ci_high as number).toBeCloseTo(0.657628, 5);
    // The total: 5 at start, 1 churned; 5 ≥ 3.
    expect(rows.find((r) => r.csm === "all")).toMatchObject({accounts_start: 5, accounts_churned: 1, small_sample: false});
  });
});

describe("retention_t12m: trailing-12-month logo churn", () => {
  it("2024-01 against 2023-01: A, B, C, D, E had MRR; A, D, E (back) still have it -> 2 of 5 churned", async () => {
    const {db} = await buildFamilies(book, FAMILIES, config);
    const rows = await db.all<Record<string, number | boolean | string>>(
      `SELECT segment, accounts_start, accounts_retained, logo_churn_t12m, logo_churn_t12m_ci_low, logo_churn_t12m_ci_high, small_sample
       FROM retention_t12m WHERE month = '2024-01' AND dimension IN ('all', 'segment') ORDER BY segment`
    );
    const all = rows.find((r) => r.segment === "all")!;
    expect(all).toMatchObject({accounts_start: 5, accounts_retained: 3, logo_churn_t12m: 0.4, small_sample: true});
    // k = 2, n = 5: z²/n = 0.76832; centre = (0.4 + 0.38416) / 1.76832 = 0.443449;
    // half = (1.96 / 1.76832) · √(0.048 + 0.038416) = 1.108397 · 0.293966 = 0.325831 -> [0.117618, 0.769280].
    expect(all.logo_churn_t12m_ci_low as number).toBeCloseTo(0.117618, 5);
    expect(all.logo_churn_t12m_ci_high as number).toBeCloseTo(0.76928, 5);
    expect(rows.find((r) => r.segment === "SMB")).toMatchObject({accounts_start: 2, accounts_retained: 1, logo_churn_t12m: 0.5});
    expect(rows.find((r) => r.segment === "Enterprise")).toMatchObject({accounts_start: 3, accounts_retained: 2});
    expect(rows.find((r) => r.segment === "Enterprise")!.logo_churn_t12m as number).toBeCloseTo(1 / 3, 12);
    db.close();
  });
});

describe("partial periods", () => {
  it("nps: the quarter not over by the as-of month is partial; months and finished quarters are not", async () => {
    const {db} = await buildFamilies(book, FAMILIES, config);
    expect(await db.all(`SELECT period, partial FROM nps WHERE dimension = 'all'`)).toEqual([
      {period: "2023-12", partial: false},
      {period: "2024-01", partial: false},
      {period: "2023-Q4", partial: false},
      {period: "2024-Q1", partial: true}
    ]);
    db.close();
  });

  it("onboarding_completion: a start month whose last day + deadline is after the as-of month end is partial", async () => {
    // Deadline 30 days, as-of end 2024-01-31: 2023-12 -> 12-31 + 30 = 01-30 (complete); 2024-01 -> 03-01 (partial).
    const {db} = await buildFamilies(book, FAMILIES, config);
    expect(await db.all(`SELECT cohort, accounts, completed, partial FROM onboarding_completion WHERE dimension = 'all'`)).toEqual([
      {cohort: "2023-12", accounts: 1, completed: 1, partial: false},
      {cohort: "2024-01", accounts: 1, completed: 0, partial: true},
      {cohort: "all", accounts: 2, completed: 1, partial: null}
    ]);
    db.close();
  });
});
