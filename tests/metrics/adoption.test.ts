import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {adoption} from "../../loaders/metrics/adoption.js";
import {buildFamilies} from "../helpers/staged.js";

describe("adoption", () => {
  it("sums active users, seats and key events over active customers by segment", async () => {
    const {db} = await buildFamilies(
      {
        accounts: [
          {account_id: "P1", segment: "SMB"},
          {account_id: "P2", segment: "SMB"},
          {account_id: "P3", segment: "Enterprise"},
          {account_id: "P4", segment: "SMB"}
        ],
        subscriptions: [
          {account_id: "P1", start_date: "2024-01-01", mrr: 100, seats: 10},
          {account_id: "P2", start_date: "2024-01-01", mrr: 50, seats: 5},
          {account_id: "P3", start_date: "2024-01-01", mrr: 300, seats: 20},
          // zero-MRR trial: not an active customer, its usage is left out
          {account_id: "P4", start_date: "2024-01-01", mrr: 0, seats: 5}
        ],
        usage: [
          {account_id: "P1", month: "2024-01-01", active_users: 5, key_events: 10},
          {account_id: "P1", month: "2024-02-01", active_users: 8, key_events: 40},
          // P2's usage row has its own seats (4), which win over the subscription's 5; no key events.
          {account_id: "P2", month: "2024-02-01", active_users: 6, seats: 4},
          {account_id: "P3", month: "2024-02-01", active_users: 10, key_events: 100},
          {account_id: "P4", month: "2024-02-01", active_users: 3, key_events: 999}
        ]
      },
      [accountMonths, adoption],
      {segments: ["segment"]}
    );
    const row = (month: string, segment: string, accounts: number, withUsage: number, users: number | null, seats: number | null, util: number | null, events: number | null, perUser: number | null) => ({
      month, dimension: segment === "all" ? "all" : "segment", segment, accounts, accounts_with_usage: withUsage,
      active_users: users, seats, seat_utilisation: util, key_events: events, key_events_per_active_user: perUser
    });
    expect(await db.all(`SELECT * FROM adoption`)).toEqual([
      row("2024-01", "all", 3, 1, 5, 10, 0.5, 10, 2),
      // no usage row in the segment: every measure empty, not 0
      row("2024-01", "Enterprise", 1, 0, null, null, null, null, null),
      row("2024-01", "SMB", 2, 1, 5, 10, 0.5, 10, 2),
      // 24 users / (10 + 4 + 20) seats; 140 events / (8 + 10) users reporting events
      row("2024-02", "all", 3, 3, 24, 34, 24 / 34, 140, 140 / 18),
      row("2024-02", "Enterprise", 1, 1, 10, 20, 0.5, 100, 10),
      row("2024-02", "SMB", 2, 2, 14, 14, 1, 40, 5)
    ]);
    db.close();
  });
});
