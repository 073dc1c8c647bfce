import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {leads} from "../../loaders/metrics/leads.js";
import {movements} from "../../loaders/metrics/movements.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

/**
 * A1 (SMB, 100) adds a 50 line in February: an expansion of 50. A2 (Enterprise, 1000) never expands.
 *   L1 A1 support, created 01-10, won 02-05 (50): matched, shares A1's February expansion with L5
 *   L2 A2 csm,     created 01-12, won 02-20 (300): not matched (no expansion that month)
 *   L3 A1 csm,     created 01-20, lost
 *   L4 A2 other,   created 02-02, open
 *   L5 A1 csm,     created 02-10, won 02-25 (10): matched
 */
const fixture: Fixture = {
  accounts: [
    {account_id: "A1", segment: "SMB"},
    {account_id: "A2", segment: "Enterprise"}
  ],
  subscriptions: [
    {subscription_id: "S1", account_id: "A1", product: "P", start_date: "2024-01-01", mrr: "100"},
    {subscription_id: "S2", account_id: "A1", product: "Q", start_date: "2024-02-01", mrr: "50"},
    {subscription_id: "S3", account_id: "A2", product: "P", start_date: "2024-01-01", mrr: "1000"}
  ],
  leads: [
    {lead_id: "L1", account_id: "A1", created_at: "2024-01-10", source: "support", status: "won", won_at: "2024-02-05", won_mrr: "50"},
    {lead_id: "L2", account_id: "A2", created_at: "2024-01-12", source: "csm", status: "won", won_at: "2024-02-20", won_mrr: "300"},
    {lead_id: "L3", account_id: "A1", created_at: "2024-01-20", source: "csm", status: "lost"},
    {lead_id: "L4", account_id: "A2", created_at: "2024-02-02", source: "other", status: "open"},
    {lead_id: "L5", account_id: "A1", created_at: "2024-02-10", source: "csm", status: "won", won_at: "2024-02-25", won_mrr: "10"}
  ]
};

describe("service leads on a hand-computed fixture", () => {
  let db: Db;
  beforeAll(async () => ({db} = await buildFamilies(fixture, [accountMonths, movements, leads], {segments: ["segment"], asOf: "2024-03"})));
  afterAll(() => db.close());

  it("matches won leads to the account's expansion in the month won, sharing it between the account's leads", async () => {
    expect(await db.all(`SELECT lead_id, won_month, days_to_win, account_expansion_mrr, expansion_mrr, matched FROM service_leads_won`)).toEqual([
      {lead_id: "L1", won_month: "2024-02", days_to_win: 26, account_expansion_mrr: 50, expansion_mrr: 25, matched: true},
      {lead_id: "L2", won_month: "2024-02", days_to_win: 39, account_expansion_mrr: 0, expansion_mrr: 0, matched: false},
      {lead_id: "L5", won_month: "2024-02", days_to_win: 15, account_expansion_mrr: 50, expansion_mrr: 25, matched: true}
    ]);
  });

  const cols = `month, dimension, segment, source, leads_created, leads_won, leads_lost, leads_open, conversion_rate, won_in_month,
    median_days_to_win, won_mrr, won_matched, expansion_mrr_from_leads, expansion_mrr, expansion_share_from_leads`;
  const row = (month: string, dimension: string, segment: string, source: string, c: number[], conv: number | null, w: (number | null)[], share: number | null) => ({
    month, dimension, segment, source,
    leads_created: c[0], leads_won: c[1], leads_lost: c[2], leads_open: c[3], conversion_rate: conv,
    won_in_month: w[0], median_days_to_win: w[1], won_mrr: w[2], won_matched: w[3], expansion_mrr_from_leads: w[4], expansion_mrr: w[5],
    expansion_share_from_leads: share
  });

  it("counts January's leads by source: conversion over decided leads", async () => {
    expect(await db.all(`SELECT ${cols} FROM service_leads_monthly WHERE month = '2024-01' AND dimension = 'all'`)).toEqual([
      row("2024-01", "all", "all", "all", [3, 2, 1, 0], 2 / 3, [0, null, 0, 0, 0, 0], null),
      row("2024-01", "all", "all", "csm", [2, 1, 1, 0], 0.5, [0, null, 0, 0, 0, 0], null),
      row("2024-01", "all", "all", "support", [1, 1, 0, 0], 1, [0, null, 0, 0, 0, 0], null)
    ]);
  });

  it("counts February's wins, time to win and the expansion that came from them, by segment", async () => {
    const rows = await db.all(`SELECT ${cols} FROM service_leads_monthly WHERE month = '2024-02' AND source = 'all'`);
    expect(rows).toEqual([
      row("2024-02", "all", "all", "all", [2, 1, 0, 1], 1, [3, 26, 360, 2, 50, 50], 1),
      row("2024-02", "segment", "Enterprise", "all", [1, 0, 0, 1], null, [1, 39, 300, 0, 0, 0], null),
      row("2024-02", "segment", "SMB", "all", [1, 1, 0, 0], 1, [2, 20.5, 60, 2, 50, 50], 1)
    ]);
  });
});
