import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {addMonths} from "../../loaders/metrics/calendar.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

const accounts: NonNullable<Fixture["accounts"]> = [
  {account_id: "A", segment: "SMB", industry: "Retail"},
  {account_id: "B", segment: "Enterprise"}, // no industry: reported as "(none)"
  {account_id: "C", segment: "SMB", industry: "Retail"} // no subscriptions at all
];

describe("account_months", () => {
  it("applies the month-end snapshot rule and sums several lines per account", async () => {
    const {db, ctx} = await buildFamilies(
      {
        accounts,
        subscriptions: [
          // A: CMS from mid-January (counts from January), MA added in February, ended 2024-03-31
          // (not after the last day of March, so not counted in March).
          {account_id: "A", product: "CMS", start_date: "2024-01-15", mrr: 100.1, seats: 5},
          {account_id: "A", product: "MA", start_date: "2024-02-01", end_date: "2024-03-31", mrr: 50.2, seats: 2},
          // B: starts and ends within March: never counted. Trial line at 0 MRR in March.
          {account_id: "B", product: "CMS", start_date: "2024-03-02", end_date: "2024-03-20", mrr: 999},
          {account_id: "B", product: "CMS", start_date: "2024-03-05", mrr: 0}
        ],
        usage: [{account_id: "A", month: "2024-04-01", active_users: 3}]
      },
      [accountMonths]
    );
    expect(ctx.firstMonth).toBe("2024-01");
    expect(ctx.asOf).toBe("2024-04"); // the usage month is the latest observed event
    const rows = await db.all(`SELECT month, account_id, mrr, seats, segment, industry FROM account_months`);
    expect(rows).toEqual([
      {month: "2024-01", account_id: "A", mrr: 100.1, seats: 5, segment: "SMB", industry: "Retail"},
      {month: "2024-02", account_id: "A", mrr: 150.3, seats: 7, segment: "SMB", industry: "Retail"},
      {month: "2024-03", account_id: "A", mrr: 100.1, seats: 5, segment: "SMB", industry: "Retail"},
      {month: "2024-03", account_id: "B", mrr: 0, seats: null, segment: "Enterprise", industry: "(none)"},
      {month: "2024-04", account_id: "A", mrr: 100.1, seats: 5, segment: "SMB", industry: "Retail"},
      {month: "2024-04", account_id: "B", mrr: 0, seats: null, segment: "Enterprise", industry: "(none)"}
    ]);
    db.close();
  });

  it("takes as-of from config and reports the configured dimensions (an unknown one is an error: tests/metrics/calendar-guard.test.ts)", async () => {
    const {db, ctx} = await buildFamilies(
      {accounts, subscriptions: [{account_id: "A", start_date: "2023-11-30", mrr: 10}]},
      [accountMonths],
      {asOf: "2024-01", segments: ["segment"]}
    );
    expect(ctx).toMatchObject({asOf: "2024-01", firstMonth: "2023-11", dimensions: ["segment"]});
    expect(await db.all(`SELECT month, prev_month, idx FROM months`)).toEqual([
      {month: "2023-11", prev_month: "2023-10", idx: 0},
      {month: "2023-12", prev_month: "2023-11", idx: 1},
      {month: "2024-01", prev_month: "2023-12", idx: 2}
    ]);
    expect(await db.all(`SELECT month, mrr FROM account_months`)).toEqual([
      {month: "2023-11", mrr: 10},
      {month: "2023-12", mrr: 10},
      {month: "2024-01", mrr: 10}
    ]);
    db.close();
  });
});

describe("addMonths", () => {
  it("crosses year boundaries both ways", () => {
    expect(addMonths("2024-01", -1)).toBe("2023-12");
    expect(addMonths("2023-12", 1)).toBe("2024-01");
    expect(addMonths("2024-05", -12)).toBe("2023-05");
    expect(addMonths("2024-05", 0)).toBe("2024-05");
  });
});
