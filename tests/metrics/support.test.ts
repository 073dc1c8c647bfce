import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {support} from "../../loaders/metrics/support.js";
import {buildFamilies} from "../helpers/staged.js";

describe("support", () => {
  it("gives tickets per account, median response and resolution hours and CSAT by month and segment", async () => {
    const {db} = await buildFamilies(
      {
        accounts: [
          {account_id: "S1", segment: "SMB"},
          {account_id: "S2", segment: "Enterprise"},
          {account_id: "S3", segment: "SMB"} // not a paying customer, but its tickets count
        ],
        subscriptions: [
          {account_id: "S1", start_date: "2024-01-01", mrr: 100},
          {account_id: "S2", start_date: "2024-01-01", mrr: 300}
        ],
        support_tickets: [
          // first response 1.5 h, resolution 24 h, CSAT 5
          {ticket_id: "k1", account_id: "S1", created_at: "2024-01-10 09:00:00", first_response_at: "2024-01-10 10:30:00", resolved_at: "2024-01-11 09:00:00", csat: 5},
          // 4 h, 48 h, CSAT 2
          {ticket_id: "k2", account_id: "S1", created_at: "2024-01-20 12:00:00", first_response_at: "2024-01-20 16:00:00", resolved_at: "2024-01-22 12:00:00", csat: 2},
          // 0.5 h, unresolved
          {ticket_id: "k3", account_id: "S2", created_at: "2024-01-05 08:00:00", first_response_at: "2024-01-05 08:30:00"},
          // 2 h, 6 h, CSAT 4
          {ticket_id: "k4", account_id: "S3", created_at: "2024-01-15 00:00:00", first_response_at: "2024-01-15 02:00:00", resolved_at: "2024-01-15 06:00:00", csat: 4},
          // unanswered
          {ticket_id: "k5", account_id: "S2", created_at: "2024-02-01 00:00:00"}
        ]
      },
      [accountMonths, support],
      {segments: ["segment"]}
    );
    const row = (
      month: string, segment: string, accounts: number, tickets: number, withTickets: number,
      firstResponse: number | null, resolution: number | null, rated: number, csat: number | null, satisfied: number | null
    ) => ({
      month, dimension: segment === "all" ? "all" : "segment", segment, accounts, tickets,
      tickets_per_account: tickets / accounts, accounts_with_tickets: withTickets,
      median_first_response_hours: firstResponse, median_resolution_hours: resolution,
      csat_responses: rated, csat_avg: csat, csat_satisfied_rate: satisfied
    });
    expect(await db.all(`SELECT * FROM support`)).toEqual([
      // median(0.5, 1.5, 2, 4) = 1.75; median(6, 24, 48) = 24; CSAT (5 + 2 + 4) / 3, 2 of 3 rated 4-5
      row("2024-01", "all", 2, 4, 3, 1.75, 24, 3, 11 / 3, 2 / 3),
      row("2024-01", "Enterprise", 1, 1, 1, 0.5, null, 0, null, null),
      // S3's ticket counts in SMB's tickets but S3 is not among SMB's paying accounts
      row("2024-01", "SMB", 1, 3, 2, 2, 24, 3, 11 / 3, 2 / 3),
      row("2024-02", "all", 2, 1, 1, null, null, 0, null, null),
      row("2024-02", "Enterprise", 1, 1, 1, null, null, 0, null, null),
      row("2024-02", "SMB", 1, 0, 0, null, null, 0, null, null)
    ]);
    db.close();
  });
});
