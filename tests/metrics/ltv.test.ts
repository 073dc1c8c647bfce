import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {ltv} from "../../loaders/metrics/ltv.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

/**
 * 2023-01 .. 2024-01 (13 months): rows for the two months with a full 12-month window.
 *   L1 SMB 100 throughout; L2 SMB 50, churns in July (last paid June);
 *   L3 Enterprise 300, contracts to 200 in September; L4 Mid-Market 80 throughout (never loses MRR).
 * Monthly MRR / active accounts: Jan–Jun 530/4 = 132.5; Jul–Aug 480/3 = 160; Sep on 380/3 = 126.67.
 */
const fixture: Fixture = {
  accounts: [
    {account_id: "L1", segment: "SMB"},
    {account_id: "L2", segment: "SMB"},
    {account_id: "L3", segment: "Enterprise"},
    {account_id: "L4", segment: "Mid-Market"}
  ],
  subscriptions: [
    {account_id: "L1", start_date: "2023-01-01", mrr: 100},
    {account_id: "L2", start_date: "2023-01-01", end_date: "2023-07-15", mrr: 50},
    {account_id: "L3", start_date: "2023-01-01", end_date: "2023-09-30", mrr: 300},
    {account_id: "L3", start_date: "2023-09-01", mrr: 200},
    {account_id: "L4", start_date: "2023-01-01", mrr: 80}
  ]
};

describe("ltv", () => {
  it("computes trailing-12-month ARPA, revenue churn and LTV with the configured gross margin", async () => {
    const {db} = await buildFamilies(fixture, [accountMonths, ltv], {asOf: "2024-01", segments: ["segment"], grossMargin: 0.75});
    const rows = await db.all<Record<string, number | string | null>>(`SELECT * FROM ltv`);
    expect(rows.map((r) => [r.month, r.segment])).toEqual([
      ["2023-12", "all"],
      ["2023-12", "Enterprise"],
      ["2023-12", "Mid-Market"],
      ["2023-12", "SMB"],
      ["2024-01", "all"],
      ["2024-01", "Enterprise"],
      ["2024-01", "Mid-Market"],
      ["2024-01", "SMB"]
    ]);
    // 2023-12, all: ARPA = (6·132.5 + 2·160 + 4·126.667) / 12 = 4865/36 = 135.139;
    // start MRR = Feb–Jul 6·530 + Aug–Sep 2·480 + Oct–Dec 3·380 = 5280; lost = 50 (L2) + 100 (L3) = 150;
    // LTV = 4865/36 · 0.75 / (150/5280) = 3567.67
    expect(rows[0]).toEqual({
      month: "2023-12", dimension: "all", segment: "all", accounts: 3, arpa: 135.14, mrr_start: 5280, mrr_lost: 150,
      revenue_churn_rate: 150 / 5280, gross_margin: 0.75, ltv: 3567.67
    });
    // Enterprise: ARPA (8·300 + 4·200)/12 = 266.67; start 8·300 + 3·200 = 3000; lost 100; LTV = 266.67 · 0.75 · 30
    expect(rows[1]).toMatchObject({accounts: 1, arpa: 266.67, mrr_start: 3000, mrr_lost: 100, revenue_churn_rate: 100 / 3000, ltv: 6000});
    // Mid-Market never loses MRR: churn rate 0, LTV empty.
    expect(rows[2]).toMatchObject({accounts: 1, arpa: 80, mrr_start: 880, mrr_lost: 0, revenue_churn_rate: 0, ltv: null});
    // SMB: ARPA (6·75 + 6·100)/12 = 87.5; start 6·150 + 5·100 = 1400; lost 50; LTV = 87.5 · 0.75 · 28
    expect(rows[3]).toMatchObject({accounts: 1, arpa: 87.5, mrr_start: 1400, mrr_lost: 50, revenue_churn_rate: 50 / 1400, ltv: 1837.5});
    // 2024-01, all: window Feb..Jan: ARPA = (5·132.5 + 2·160 + 5·126.667)/12 = 9695/72 = 134.65;
    // start = 6·530 + 2·480 + 4·380 = 5660; LTV = 9695/72 · 0.75 · 5660/150 = 3810.67
    expect(rows[4]).toMatchObject({accounts: 3, arpa: 134.65, mrr_start: 5660, mrr_lost: 150, revenue_churn_rate: 150 / 5660, ltv: 3810.67});
    db.close();
  });
});
