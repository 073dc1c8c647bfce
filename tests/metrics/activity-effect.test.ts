import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {activityEffect} from "../../loaders/metrics/activity-effect.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

/**
 * 2023-09 .. 2024-03, every account paying 100 from 2023-09. A QBR counts for M when dated in
 * M-6..M-1 (the six months ending with M-1, when the outcome is not yet known).
 *   Q1 QBR 2023-10-15: with_qbr for M = 2023-11 .. 2024-03.
 *   Q2 QBR 2023-08-20: with_qbr for M = 2023-10 .. 2024-02; churns in March (without_qbr then).
 *   Q3 (Enterprise) no QBR before March (one on 2024-03-05 is too late for March); expands to 150 in March.
 *   Q4 call in January (not a QBR), QBR 2024-02-10: with_qbr in March only; contracts to 60 in March.
 */
const fixture: Fixture = {
  accounts: [
    {account_id: "Q1", segment: "SMB"},
    {account_id: "Q2", segment: "SMB"},
    {account_id: "Q3", segment: "Enterprise"},
    {account_id: "Q4", segment: "SMB"}
  ],
  subscriptions: [
    {account_id: "Q1", start_date: "2023-09-01", mrr: 100},
    {account_id: "Q2", start_date: "2023-09-01", end_date: "2024-03-15", mrr: 100},
    {account_id: "Q3", start_date: "2023-09-01", mrr: 100},
    {account_id: "Q3", start_date: "2024-03-01", mrr: 50},
    {account_id: "Q4", start_date: "2023-09-01", end_date: "2024-03-15", mrr: 100},
    {account_id: "Q4", start_date: "2024-03-01", mrr: 60}
  ],
  csm_activities: [
    {account_id: "Q1", date: "2023-10-15", type: "QBR"},
    {account_id: "Q2", date: "2023-08-20", type: "qbr"},
    {account_id: "Q3", date: "2024-03-05", type: "qbr"},
    {account_id: "Q4", date: "2024-01-10", type: "call"},
    {account_id: "Q4", date: "2024-02-10", type: "qbr"}
  ]
};

describe("activity_effect", () => {
  it("compares retention, GRR and NRR of accounts with and without a recent QBR, with counts", async () => {
    const {db} = await buildFamilies(fixture, [accountMonths, activityEffect], {asOf: "2024-03", segments: ["segment"]});
    const row = (month: string, segment: string, qbr: string, accounts: number, retained: number, start: number, end: number, kept: number) => ({
      month, dimension: segment === "all" ? "all" : "segment", segment, qbr, accounts_start: accounts, accounts_retained: retained,
      logo_retention: retained / accounts, mrr_start: start, mrr_end: end, grr: kept / start, nrr: end / start
    });
    expect(await db.all(`SELECT * FROM activity_effect WHERE month IN ('2024-03', 'all')`)).toEqual([
      // March: with = Q1 (100 -> 100), Q4 (100 -> 60); without = Q2 (100 -> 0), Q3 (100 -> 150)
      row("2024-03", "all", "with_qbr", 2, 2, 200, 160, 160),
      row("2024-03", "all", "without_qbr", 2, 1, 200, 150, 100),
      row("2024-03", "Enterprise", "without_qbr", 1, 1, 100, 150, 100),
      row("2024-03", "SMB", "with_qbr", 2, 2, 200, 160, 160),
      row("2024-03", "SMB", "without_qbr", 1, 0, 100, 0, 0),
      // All six months pooled: with = Q1 ×5 + Q2 ×5 + Q4 ×1; without = Q1 ×1 + Q2 ×1 + Q3 ×6 + Q4 ×5
      row("all", "all", "with_qbr", 11, 11, 1100, 1060, 1060),
      row("all", "all", "without_qbr", 13, 12, 1300, 1250, 1200),
      row("all", "Enterprise", "without_qbr", 6, 6, 600, 650, 600),
      row("all", "SMB", "with_qbr", 11, 11, 1100, 1060, 1060),
      row("all", "SMB", "without_qbr", 7, 6, 700, 600, 600)
    ]);
    // February: Q1, Q2 with; Q3, Q4 without (Q4's QBR is dated in February itself).
    expect(await db.all(`SELECT qbr, accounts_start FROM activity_effect WHERE month = '2024-02' AND dimension = 'all'`)).toEqual([
      {qbr: "with_qbr", accounts_start: 2},
      {qbr: "without_qbr", accounts_start: 2}
    ]);
    db.close();
  });
});
