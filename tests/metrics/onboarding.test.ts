import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {onboarding} from "../../loaders/metrics/onboarding.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

/** As-of 2024-06 (ends 2024-06-30); overdue = incomplete more than 60 days after the start. */
const fixture: Fixture = {
  accounts: [
    {account_id: "O1", segment: "SMB"},
    {account_id: "O2", segment: "Enterprise", csm: "Kim"},
    {account_id: "O3", segment: "SMB"},
    {account_id: "O4", segment: "SMB"},
    {account_id: "O5", segment: "SMB", csm: "Lee"},
    {account_id: "O6", segment: "SMB"},
    {account_id: "O7", segment: "SMB"}
  ],
  subscriptions: [
    ...["O1", "O2", "O3", "O6", "O7"].map((account_id) => ({account_id, start_date: "2024-01-01", mrr: 100})),
    {account_id: "O4", start_date: "2024-02-10", mrr: 50},
    {account_id: "O5", start_date: "2024-01-01", end_date: "2024-05-31", mrr: 70}
  ],
  onboarding: [
    // O1: the optional milestone started first (01-05 = the start); last required done 02-09 -> 35 days.
    {account_id: "O1", milestone: "training", started_at: "2024-01-05", required: false},
    {account_id: "O1", milestone: "kickoff", started_at: "2024-01-10", completed_at: "2024-01-20", required: true},
    {account_id: "O1", milestone: "setup", started_at: "2024-01-15", completed_at: "2024-02-09"},
    // O2: integration still open 162 days after 01-20 -> overdue.
    {account_id: "O2", milestone: "kickoff", started_at: "2024-01-20", completed_at: "2024-03-20"},
    {account_id: "O2", milestone: "integration", started_at: "2024-01-20"},
    // O3: started 05-15, 46 days ago -> in progress.
    {account_id: "O3", milestone: "kickoff", started_at: "2024-05-15"},
    // O4: no started_at: starts on the first day of its first paid month (2024-02-01); done 03-01 -> 29 days.
    {account_id: "O4", milestone: "kickoff", completed_at: "2024-02-20"},
    {account_id: "O4", milestone: "setup", completed_at: "2024-03-01"},
    // O5: completed after the as-of month -> still open at as-of; 150 days -> overdue; no MRR in June.
    {account_id: "O5", milestone: "kickoff", started_at: "2024-02-01", completed_at: "2024-03-01"},
    {account_id: "O5", milestone: "integration", started_at: "2024-02-01", completed_at: "2024-07-10"},
    // O6: only optional milestones -> not counted. O7: starts after the as-of month -> not counted.
    {account_id: "O6", milestone: "training", started_at: "2024-01-02", required: false},
    {account_id: "O7", milestone: "kickoff", started_at: "2024-07-01"}
  ]
};

describe("onboarding", () => {
  it("gives completion rate, median days and overdue counts by cohort and segment", async () => {
    const {db} = await buildFamilies(fixture, [accountMonths, onboarding], {asOf: "2024-06", segments: ["segment"], onboardingDeadlineDays: 60});
    const row = (cohort: string, dimension: string, segment: string, accounts: number, completed: number, median: number | null, inProgress: number, overdue: number) => ({
      cohort, dimension, segment, accounts, completed, completion_rate: completed / accounts,
      median_days_to_complete: median, in_progress: inProgress, overdue
    });
    expect(await db.all(`SELECT * EXCLUDE (partial) FROM onboarding_completion`)).toEqual([
      row("2024-01", "all", "all", 2, 1, 35, 0, 1),
      row("2024-01", "segment", "Enterprise", 1, 0, null, 0, 1),
      row("2024-01", "segment", "SMB", 1, 1, 35, 0, 0),
      row("2024-02", "all", "all", 2, 1, 29, 0, 1),
      row("2024-02", "segment", "SMB", 2, 1, 29, 0, 1),
      row("2024-05", "all", "all", 1, 0, null, 1, 0),
      row("2024-05", "segment", "SMB", 1, 0, null, 1, 0),
      // median(35, 29) = 32
      row("all", "all", "all", 5, 2, 32, 1, 2),
      row("all", "segment", "Enterprise", 1, 0, null, 0, 1),
      row("all", "segment", "SMB", 4, 2, 32, 1, 1)
    ]);
    db.close();
  });

  it("lists overdue accounts, oldest first, with their open milestones and current MRR", async () => {
    const {db} = await buildFamilies(fixture, [accountMonths, onboarding], {asOf: "2024-06", segments: ["segment"], onboardingDeadlineDays: 60});
    expect(await db.all(`SELECT * FROM onboarding_overdue`)).toEqual([
      {
        account_id: "O2", csm: "Kim", cohort: "2024-01", started_at: "2024-01-20", days_since_start: 162,
        milestones_required: 2, milestones_done: 1, open_milestones: "integration", mrr: 100
      },
      {
        account_id: "O5", csm: "Lee", cohort: "2024-02", started_at: "2024-02-01", days_since_start: 150,
        milestones_required: 2, milestones_done: 1, open_milestones: "integration", mrr: 0
      }
    ]);
    db.close();
  });
});

describe("onboarding_monthly", () => {
  it("rates completion (and on-time completion) of the onboardings that came due in M-2..M", async () => {
    // Deadlines (start + 60 days): O1 2024-03-05 (last required done 02-09: on time), O2 2024-03-20
    // (integration never done: late), O4 2024-04-01 (done 03-01: on time), O5 2024-04-01 (done 07-10:
    // late). O3's deadline (07-14) and O7's fall after the as-of month; O6 has no required milestone.
    const {db} = await buildFamilies(fixture, [accountMonths, onboarding], {asOf: "2024-06", segments: ["segment"], onboardingDeadlineDays: 60});
    // In this book every completion by the month end was also on time (O5 completes after June).
    const row = (month: string, dimension: string, segment: string, due: number, onTime: number) => ({
      month, dimension, segment, due, completed: onTime, completion_rate: onTime / due, completed_on_time: onTime, on_time_rate: onTime / due
    });
    expect(await db.all(`SELECT * EXCLUDE (completion_ci_low, completion_ci_high, small_sample) FROM onboarding_monthly`)).toEqual([
      row("2024-03", "all", "all", 2, 1), // O1, O2
      row("2024-03", "segment", "Enterprise", 1, 0),
      row("2024-03", "segment", "SMB", 1, 1),
      row("2024-04", "all", "all", 4, 2), // O1, O2, O4, O5
      row("2024-04", "segment", "Enterprise", 1, 0),
      row("2024-04", "segment", "SMB", 3, 2),
      row("2024-05", "all", "all", 4, 2), // the same four: Mar..May
      row("2024-05", "segment", "Enterprise", 1, 0),
      row("2024-05", "segment", "SMB", 3, 2),
      row("2024-06", "all", "all", 2, 1), // O4, O5: Apr..Jun
      row("2024-06", "segment", "SMB", 2, 1)
    ]);
    // The staged input table keeps its name and rows: no output table may replace it.
    expect(await db.all(`SELECT count(*) AS n FROM onboarding`)).toEqual([{n: 12}]);
    db.close();
  });
});

// Deadline 30 days; as-of 2024-05. Starts (started_at of the first milestone) and completions:
//   P1 01-01, deadline 01-31, done 01-20: on time.       P2 01-01, deadline 01-31, done 02-15: late, complete by Feb end.
//   P3 01-10, deadline 02-09, never done.                 P4 04-20, deadline 05-20, done 05-01: on time.
//   P5 05-10, deadline 06-09: still inside its deadline at the end of May -> never due in any month.
const book: Fixture = {
  accounts: ["P1", "P2", "P3", "P4", "P5"].map((account_id) => ({account_id})),
  subscriptions: ["P1", "P2", "P3", "P4", "P5"].map((account_id) => ({account_id, start_date: "2024-01-01", mrr: 10})),
  onboarding: [
    {account_id: "P1", milestone: "kickoff", started_at: "2024-01-01", completed_at: "2024-01-20"},
    {account_id: "P2", milestone: "kickoff", started_at: "2024-01-01", completed_at: "2024-02-15"},
    {account_id: "P3", milestone: "kickoff", started_at: "2024-01-10"},
    {account_id: "P4", milestone: "kickoff", started_at: "2024-04-20", completed_at: "2024-05-01"},
    {account_id: "P5", milestone: "kickoff", started_at: "2024-05-10"}
  ]
};

describe("onboarding_monthly: completion of onboardings that had their full deadline", () => {

  it("counts a late completion once it has happened, never an onboarding still inside its deadline", async () => {
    const {db} = await buildFamilies(book, [accountMonths, onboarding], {asOf: "2024-05", segments: [], onboardingDeadlineDays: 30});
    const rows = await db.all<Record<string, unknown>>(`SELECT month, due, completed, completed_on_time, completion_rate, on_time_rate, small_sample FROM onboarding_monthly`);
    expect(rows).toEqual([
      // Jan: P1, P2 due (deadline 01-31); P2 not done by Jan 31.
      {month: "2024-01", due: 2, completed: 1, completed_on_time: 1, completion_rate: 1 / 2, on_time_rate: 1 / 2, small_sample: true},
      // Feb: P1, P2, P3 due (Dec..Feb window); P2 done 02-15 by Feb end, late; P3 open.
      {month: "2024-02", due: 3, completed: 2, completed_on_time: 1, completion_rate: 2 / 3, on_time_rate: 1 / 3, small_sample: true},
      {month: "2024-03", due: 3, completed: 2, completed_on_time: 1, completion_rate: 2 / 3, on_time_rate: 1 / 3, small_sample: true},
      // Apr: window Feb..Apr holds P3 only (P1, P2's deadlines are in January).
      {month: "2024-04", due: 1, completed: 0, completed_on_time: 0, completion_rate: 0, on_time_rate: 0, small_sample: true},
      // May: window Mar..May: P4 (deadline 05-20); P5's deadline 06-09 is after May: not due.
      {month: "2024-05", due: 1, completed: 1, completed_on_time: 1, completion_rate: 1, on_time_rate: 1, small_sample: true}
    ]);
    db.close();
  });

  it("carries the Wilson interval of completion_rate (hand-computed) and the small-sample flag from minSampleSize", async () => {
    const {db} = await buildFamilies(book, [accountMonths, onboarding], {asOf: "2024-05", segments: [], onboardingDeadlineDays: 30, minSampleSize: 3});
    const [feb] = await db.all<{completion_ci_low: number; completion_ci_high: number; small_sample: boolean}>(
      `SELECT completion_ci_low, completion_ci_high, small_sample FROM onboarding_monthly WHERE month = '2024-02'`
    );
    // Wilson, k = 2, n = 3, z = 1.96: centre = (2/3 + 3.8416/6) / (1 + 3.8416/3) = 1.30693 / 2.28053 = 0.573083;
    // half = (1.96 / 2.28053) · √(2/9/3 + 3.8416/36) = 0.859449 · √0.180785 = 0.859449 · 0.425188 = 0.365428.
    expect(feb.completion_ci_low).toBeCloseTo(0.207655, 5);
    expect(feb.completion_ci_high).toBeCloseTo(0.938511, 5);
    expect(feb.small_sample).toBe(false); // 3 due, minimum 3
    db.close();
  });
});

describe("onboarding_completion.partial: start months whose completion is still rising", () => {
  it("the horizon is the deadline, or the 90th percentile of days to complete when longer", async () => {
    // Same book, deadline 30 days, as-of 2024-05 (ends 05-31). Completed: P1 19 days, P2 45, P4 11.
    // p90 (linear): sorted 11, 19, 45 -> 19 + 0.8 · 26 = 39.8 -> 40 days > 30: the horizon is 40 days.
    // 2024-01: 01-31 + 40 = 03-11 (complete). 2024-04: 04-30 + 40 = 06-09 > 05-31 (partial, although
    // 04-30 + 30 = 05-30 is inside the month). 2024-05: partial.
    const {db} = await buildFamilies(book, [accountMonths, onboarding], {asOf: "2024-05", segments: [], onboardingDeadlineDays: 30});
    expect(await db.all(`SELECT cohort, accounts, completed, partial FROM onboarding_completion WHERE dimension = 'all'`)).toEqual([
      {cohort: "2024-01", accounts: 3, completed: 2, partial: false},
      {cohort: "2024-04", accounts: 1, completed: 1, partial: true},
      {cohort: "2024-05", accounts: 1, completed: 0, partial: true},
      {cohort: "all", accounts: 5, completed: 3, partial: null}
    ]);
    db.close();
  });

  it("with quick completions the deadline is the horizon", async () => {
    // The first book, deadline 60: completed in 35 and 29 days (p90 34.4 < 60). 2024-02: 02-29 + 60 = 04-29
    // (complete); 2024-05: 05-31 + 60 = 07-30 > 06-30 (partial).
    const {db} = await buildFamilies(fixture, [accountMonths, onboarding], {asOf: "2024-06", segments: ["segment"], onboardingDeadlineDays: 60});
    expect(await db.all(`SELECT cohort, partial FROM onboarding_completion WHERE dimension = 'all'`)).toEqual([
      {cohort: "2024-01", partial: false},
      {cohort: "2024-02", partial: false},
      {cohort: "2024-05", partial: true},
      {cohort: "all", partial: null}
    ]);
    db.close();
  });
});
