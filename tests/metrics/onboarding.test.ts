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
    expect(await db.all(`SELECT * FROM onboarding_completion`)).toEqual([
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
  it("rates on-time completion of the onboardings that came due in M-2..M", async () => {
    // Deadlines (start + 60 days): O1 2024-03-05 (last required done 02-09: on time), O2 2024-03-20
    // (integration never done: late), O4 2024-04-01 (done 03-01: on time), O5 2024-04-01 (done 07-10:
    // late). O3's deadline (07-14) and O7's fall after the as-of month; O6 has no required milestone.
    const {db} = await buildFamilies(fixture, [accountMonths, onboarding], {asOf: "2024-06", segments: ["segment"], onboardingDeadlineDays: 60});
    const row = (month: string, dimension: string, segment: string, due: number, onTime: number) => ({
      month, dimension, segment, due, completed_on_time: onTime, completion_rate: onTime / due
    });
    expect(await db.all(`SELECT * FROM onboarding_monthly`)).toEqual([
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
