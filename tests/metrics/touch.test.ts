import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {churn} from "../../loaders/metrics/churn.js";
import {movements} from "../../loaders/metrics/movements.js";
import {segmentMonths} from "../../loaders/metrics/segments.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

/**
 * Rule with highMrr 500, lowMrr 100, pooled team "Digital CS":
 *   H: named CSM, 600            → high
 *   L: named CSM, 200            → low
 *   S: named CSM, 50             → tech (below lowMrr)
 *   N: no CSM, 900               → tech
 *   P: pooled "Digital CS", 900  → tech
 *   C: named CSM, 700 until it churns in March → high (its MRR when it last paid)
 *   T: named CSM, trial only (0) → tech
 */
const fixture: Fixture = {
  accounts: [
    {account_id: "H", csm: "Sato"},
    {account_id: "L", csm: "Sato"},
    {account_id: "S", csm: "Ito"},
    {account_id: "N"},
    {account_id: "P", csm: "Digital CS"},
    {account_id: "C", csm: "Ito"},
    {account_id: "T", csm: "Ito"}
  ],
  subscriptions: [
    {account_id: "H", start_date: "2024-01-01", mrr: "600"},
    {account_id: "L", start_date: "2024-01-01", mrr: "200"},
    {account_id: "S", start_date: "2024-01-01", mrr: "50"},
    {account_id: "N", start_date: "2024-01-01", mrr: "900"},
    {account_id: "P", start_date: "2024-01-01", mrr: "900"},
    {account_id: "C", start_date: "2024-01-01", end_date: "2024-03-10", mrr: "700"},
    {account_id: "T", start_date: "2024-01-01", mrr: "0"}
  ]
};
const config = {segments: ["touch"], asOf: "2024-04", touch: {highMrr: 500, lowMrr: 100, pooledCsms: ["Digital CS"]}};

describe("the derived touch dimension", () => {
  it("assigns high / low / tech by named CSM and the MRR of the last paid month", async () => {
    const {db, ctx} = await buildFamilies(fixture, [accountMonths], config);
    try {
      expect(ctx.dimensions).toEqual(["touch"]);
      expect(await db.all(`SELECT account_id, touch FROM accounts ORDER BY account_id`)).toEqual([
        {account_id: "C", touch: "high"},
        {account_id: "H", touch: "high"},
        {account_id: "L", touch: "low"},
        {account_id: "N", touch: "tech"},
        {account_id: "P", touch: "tech"},
        {account_id: "S", touch: "tech"},
        {account_id: "T", touch: "tech"}
      ]);
    } finally {
      db.close();
    }
  });

  it("is a dimension like any other: churn by touch (C's churn falls in high touch)", async () => {
    const {db} = await buildFamilies(fixture, [accountMonths, movements, segmentMonths, churn], config);
    try {
      expect(await db.all(`SELECT segment, accounts_start, accounts_churned FROM churn WHERE month = '2024-03' AND dimension = 'touch' ORDER BY segment`)).toEqual([
        {segment: "high", accounts_start: 2, accounts_churned: 1},
        {segment: "low", accounts_start: 1, accounts_churned: 0},
        {segment: "tech", accounts_start: 3, accounts_churned: 0}
      ]);
    } finally {
      db.close();
    }
  });

  it("uses the accounts' own touch column when there is one, and is absent unless configured", async () => {
    const own: Fixture = {...fixture, accounts: fixture.accounts!.map((a) => ({...a, touch: "mine"}))};
    const a = await buildFamilies(own, [accountMonths], config);
    expect(await a.db.all(`SELECT DISTINCT touch FROM accounts`)).toEqual([{touch: "mine"}]);
    a.db.close();
    const b = await buildFamilies(fixture, [accountMonths], {asOf: "2024-04"});
    expect(b.ctx.dimensions).not.toContain("touch");
    expect(await b.db.all(`SELECT count(*)::INTEGER AS n FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'touch'`)).toEqual([{n: 0}]);
    b.db.close();
  });
});
