import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {nps, npsByPeriod, type NpsRow} from "../../loaders/metrics/nps.js";
import {buildFamilies} from "../helpers/staged.js";
import {buildFixture} from "./fixture.js";

/** A row from hand counts; nps and the interval bounds are given as hand-computed numbers. */
function row(period: string, dimension: string, segment: string, [n, p, pa, d]: number[], [score, lo, hi]: number[]): NpsRow {
  return {period, dimension, segment, responses: n, promoters: p, passives: pa, detractors: d, nps: score, ci_low: lo, ci_high: hi, low_responses: true};
}

describe("nps on the core fixture (tests/fixtures/metrics/core)", () => {
  let db: Db;
  beforeAll(async () => ({db} = await buildFixture("core")));
  afterAll(() => db.close());

  it("scores every month and quarter with responses, anonymous responses included in `all`", async () => {
    const rows = await npsByPeriod(db, {dimension: "all"});
    // 2023-03: A 10, anonymous 9 (promoters), C 7 (passive), B 3 (detractor): NPS = 100·(2-1)/4 = 25.
    // Half-width = 196·√((0.5 + 0.25 − 0.25²)/4) = 196·√0.171875 = 81.25730736…; high end clipped to 100.
    // 2024-02: A 9, E 8, F 0: NPS 0, half-width = 196·√((2/3 − 0)/3) = 196·√(2/9) = 92.3952860…
    const h03 = 196 * Math.sqrt(0.171875);
    const h02 = 196 * Math.sqrt(2 / 9);
    expect(rows).toEqual([
      // Before the first month of MRR: still reported.
      row("2022-12", "all", "all", [1, 1, 0, 0], [100, 100, 100]),
      row("2023-03", "all", "all", [4, 2, 1, 1], [25, expect.closeTo(25 - h03, 10) as unknown as number, 100]),
      // A single response: the interval has width 0.
      row("2023-11", "all", "all", [1, 0, 0, 1], [-100, -100, -100]),
      row("2024-02", "all", "all", [3, 1, 1, 1], [0, expect.closeTo(-h02, 10) as unknown as number, expect.closeTo(h02, 10) as unknown as number]),
      row("2022-Q4", "all", "all", [1, 1, 0, 0], [100, 100, 100]),
      row("2023-Q1", "all", "all", [4, 2, 1, 1], [25, expect.closeTo(25 - h03, 10) as unknown as number, 100]),
      row("2023-Q4", "all", "all", [1, 0, 0, 1], [-100, -100, -100]),
      row("2024-Q1", "all", "all", [3, 1, 1, 1], [0, expect.closeTo(-h02, 10) as unknown as number, expect.closeTo(h02, 10) as unknown as number])
    ]);
    expect(rows[1].ci_low).toBeCloseTo(-56.2573073637, 9);
    expect((await npsByPeriod(db, {periods: "quarter", dimension: "all"})).map((r) => r.period)).toEqual(["2022-Q4", "2023-Q1", "2023-Q4", "2024-Q1"]);
    expect(rows[3].ci_high).toBeCloseTo(92.3952860750, 9);
  });

  it("scores segments from the accounts' columns, leaving anonymous responses out", async () => {
    const h = 196 * Math.sqrt(0.125); // SMB 2023-03: p = 0, d = 0.5 → √((0.5 − 0.25)/2)
    expect(await db.all(`SELECT * FROM nps WHERE period = '2023-03'`)).toEqual([
      row("2023-03", "all", "all", [4, 2, 1, 1], [25, expect.closeTo(-56.2573073637, 9) as unknown as number, 100]),
      row("2023-03", "segment", "Enterprise", [1, 1, 0, 0], [100, 100, 100]),
      row("2023-03", "segment", "SMB", [2, 0, 1, 1], [-50, -100, expect.closeTo(-50 + h, 10) as unknown as number]),
      row("2023-03", "industry", "(none)", [1, 0, 1, 0], [0, 0, 0]),
      row("2023-03", "industry", "Media", [1, 0, 0, 1], [-100, -100, -100]),
      row("2023-03", "industry", "Retail", [1, 1, 0, 0], [100, 100, 100]),
      row("2023-03", "region", "JP", [2, 1, 0, 1], [0, -100, 100]),
      row("2023-03", "region", "US", [1, 0, 1, 0], [0, 0, 0])
    ]);
    // Every segmented dimension totals the identified responses: 3 of the 4 in 2023-03.
    const totals = await db.all(`SELECT dimension, sum(responses)::INTEGER AS n FROM nps WHERE period = '2023-Q1' GROUP BY ALL ORDER BY ALL`);
    expect(totals).toEqual([
      {dimension: "all", n: 4},
      {dimension: "industry", n: 3},
      {dimension: "region", n: 3},
      {dimension: "segment", n: 3}
    ]);
  });

  it("includes accounts without subscriptions (E, SMB)", async () => {
    expect(await db.all(`SELECT segment, responses, passives, nps FROM nps WHERE period = '2024-02' AND dimension = 'segment'`)).toEqual([
      {segment: "Enterprise", responses: 2, passives: 0, nps: 0},
      {segment: "SMB", responses: 1, passives: 1, nps: 0}
    ]);
  });

  it("flags cells below config.npsMinResponses", async () => {
    const {db: db4} = await buildFixture("core", {npsMinResponses: 4});
    const flags = await db4.all(`SELECT period, responses, low_responses FROM nps WHERE dimension = 'all'`);
    expect(flags.map((r) => [r.period, r.low_responses])).toEqual([
      ["2022-12", true], ["2023-03", false], ["2023-11", true], ["2024-02", true],
      ["2022-Q4", true], ["2023-Q1", false], ["2023-Q4", true], ["2024-Q1", true]
    ]);
    expect((await db4.columns(`SELECT * FROM nps`)).map((c) => `${c.name} ${c.type}`)).toEqual([
      "period VARCHAR", "dimension VARCHAR", "segment VARCHAR", "responses BIGINT", "promoters BIGINT", "passives BIGINT",
      "detractors BIGINT", "nps DOUBLE", "ci_low DOUBLE", "ci_high DOUBLE", "low_responses BOOLEAN"
    ]);
    db4.close();
  });

  it("leaves out responses after the as-of month", async () => {
    const {db: dec} = await buildFixture("core", {asOf: "2023-12"});
    expect((await dec.all(`SELECT period FROM nps WHERE dimension = 'all'`)).map((r) => r.period)).toEqual(["2022-12", "2023-03", "2023-11", "2022-Q4", "2023-Q1", "2023-Q4"]);
    dec.close();
  });
});

describe("nps edge cases", () => {
  it("has an empty table when there are no responses", async () => {
    const {db} = await buildFamilies(
      {accounts: [{account_id: "A"}], subscriptions: [{account_id: "A", start_date: "2024-01-01", mrr: 1}]},
      [accountMonths, nps]
    );
    expect(await db.all(`SELECT * FROM nps`)).toEqual([]);
    db.close();
  });
});
