// The default as-of month (loaders/metrics/calendar.ts latestObservedMonth): the last month with any
// activity; ends count when they have happened, scheduled (future-dated) ends never move it.
import {describe, expect, it} from "vitest";
import {latestObservedMonth, SCHEDULED_END_MONTHS} from "../../loaders/metrics/calendar.js";
import {stagedDb, type Fixture} from "../helpers/staged.js";

const accounts = [{account_id: "A"}, {account_id: "B"}, {account_id: "C"}];

async function asOf(fixture: Fixture): Promise<string | null> {
  const db = await stagedDb({accounts, ...fixture});
  try {
    return await latestObservedMonth(db);
  } finally {
    db.close();
  }
}

describe("default as-of month", () => {
  it("a book whose last event is a churn ends in the month of that churn", async () => {
    // Last start 2026-01-01; B's line ends 2026-04-15 (B has no MRR in April: the churn is April's).
    expect(
      await asOf({
        subscriptions: [
          {account_id: "A", start_date: "2026-01-01", mrr: 100},
          {account_id: "B", start_date: "2025-06-01", end_date: "2026-04-15", mrr: 100}
        ]
      })
    ).toBe("2026-04");
  });

  it("ends up to the last other activity count like any activity", async () => {
    expect(
      await asOf({
        subscriptions: [{account_id: "A", start_date: "2026-01-01", end_date: "2026-02-10", mrr: 100}],
        usage: [{account_id: "A", month: "2026-03-01", active_users: 1}]
      })
    ).toBe("2026-03");
  });

  it("with an activity feed, ends after its last event are future-dated and never move it", async () => {
    // Last feed event: a response on 2026-10-30. B's line ends 2026-11-01 and C's 2027-05-20: both
    // scheduled after the export (the last other activity), so the report ends in 2026-10.
    expect(
      await asOf({
        subscriptions: [
          {account_id: "A", start_date: "2026-01-01", mrr: 100},
          {account_id: "B", start_date: "2025-11-01", end_date: "2026-11-01", mrr: 100},
          {account_id: "C", start_date: "2026-05-20", end_date: "2027-05-20", mrr: 100}
        ],
        nps_responses: [{responded_at: "2026-10-30", score: 9}]
      })
    ).toBe("2026-10");
  });

  it("subscriptions alone: an end scheduled beyond the window marks the ends after the last start as scheduled", async () => {
    // Last start 2026-01-05; B ends 2026-03-10 (a churn) but C's annual term ends 2027-01-05 (12 > 3 months
    // after the last start): the export holds scheduled ends, so none after the last start counts.
    expect(SCHEDULED_END_MONTHS).toBe(3);
    expect(
      await asOf({
        subscriptions: [
          {account_id: "A", start_date: "2026-01-05", mrr: 100},
          {account_id: "B", start_date: "2025-01-01", end_date: "2026-03-10", mrr: 100},
          {account_id: "C", start_date: "2026-01-05", end_date: "2027-01-05", mrr: 100}
        ]
      })
    ).toBe("2026-01");
  });

  it("an end exactly SCHEDULED_END_MONTHS after the last activity still counts; one month more does not", async () => {
    const book = (end: string): Fixture => ({
      subscriptions: [
        {account_id: "A", start_date: "2026-01-05", mrr: 100},
        {account_id: "B", start_date: "2025-01-01", end_date: end, mrr: 100}
      ]
    });
    expect(await asOf(book("2026-04-30"))).toBe("2026-04");
    expect(await asOf(book("2026-05-01"))).toBe("2026-01");
  });

  it("tickets, CSM activities and responses count; nothing at all gives null", async () => {
    expect(
      await asOf({
        subscriptions: [{account_id: "A", start_date: "2026-01-01", mrr: 100}],
        support_tickets: [{ticket_id: "T1", account_id: "A", created_at: "2026-06-03 10:00:00"}],
        csm_activities: [{account_id: "A", date: "2026-05-02", type: "call"}]
      })
    ).toBe("2026-06");
    expect(await asOf({})).toBeNull();
  });
});
