// The quarterly business reviews (loaders/site/datasets/qbr.ts) from the hand-written book of
// tests/fixtures/site/qbr.ts: every expected number is worked out in that file's header.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {FAMILIES} from "../../../loaders/metrics/index.js";
import {buildQuarterlyReviews, qbr} from "../../../loaders/site/datasets/qbr.js";
import type {QuarterIndexRow, QuarterlyReview} from "../../../loaders/site/qbr/types.js";
import {qbrConfig, qbrFixture} from "../../fixtures/site/qbr.js";
import {buildFamilies} from "../../helpers/staged.js";
import {writeDataset} from "./read.js";

let db: Db;
let ctx: MetricContext;
let reviews: QuarterlyReview[];
let index: QuarterIndexRow[];
const review = (q: string) => reviews.find((r) => r.quarter === q)!;
const kpi = (q: string, key: string) => review(q).kpis.find((k) => k.key === key)!;

beforeAll(async () => {
  ({db, ctx} = await buildFamilies(qbrFixture, FAMILIES, qbrConfig));
  ({reviews, index} = await buildQuarterlyReviews(db, ctx));
});
afterAll(() => db?.close());

describe("quarters", () => {
  it("one review per calendar quarter with data; the quarter holding the as-of month is partial", () => {
    expect(reviews.map((r) => [r.quarter, r.partial, r.months.length])).toEqual([
      ["2023-Q3", false, 3],
      ["2023-Q4", false, 3],
      ["2024-Q1", false, 3],
      ["2024-Q2", false, 3],
      ["2024-Q3", true, 2]
    ]);
    expect(review("2024-Q3")).toMatchObject({months: ["2024-07", "2024-08"], asOf: "2024-08", previousQuarter: "2024-Q2", lastYearQuarter: "2023-Q3"});
    expect(review("2023-Q3")).toMatchObject({previousQuarter: null, lastYearQuarter: null, opening: true});
    expect(reviews.filter((r) => r.opening).map((r) => r.quarter)).toEqual(["2023-Q3"]);
  });

  it("writes qbr-YYYY-Qn.json per quarter and the index newest first", async () => {
    const files = await writeDataset(qbr, db, ctx);
    expect([...files.keys()]).toEqual(["qbr-2023-Q3.json", "qbr-2023-Q4.json", "qbr-2024-Q1.json", "qbr-2024-Q2.json", "qbr-2024-Q3.json", "qbr-index.json"]);
    const idx = JSON.parse(files.get("qbr-index.json")!.toString()) as QuarterIndexRow[];
    expect(idx.map((r) => r.quarter)).toEqual(["2024-Q3", "2024-Q2", "2024-Q1", "2023-Q4", "2023-Q3"]);
    expect(idx[0]).toMatchObject({partial: true, months: ["2024-07", "2024-08"], mrr: 2250, net_new_mrr: -350, nrr: 0.75, grr: 0.5, nps: 40, nps_small: false, logo_churn_small: true});
    expect(idx[0].logo_churn_rate).toBeCloseTo(1 / 11, 12);
  });
});

describe("MRR bridge of the quarter", () => {
  it("sums the three months' movements between the first month's start and the last month's end", () => {
    const b = (q: string) => review(q).bridge;
    expect(b("2023-Q3")).toMatchObject({mrr_start: 0, new: 2400, expansion: 0, reactivation: 0, contraction: 0, churn: 100, mrr_end: 2300});
    expect(b("2023-Q4")).toMatchObject({mrr_start: 2300, new: 200, churn: 0, mrr_end: 2500});
    expect(b("2024-Q1")).toMatchObject({mrr_start: 2500, new: 0, churn: 400, mrr_end: 2100});
    expect(b("2024-Q2")).toMatchObject({mrr_start: 2100, new: 0, expansion: 550, reactivation: 150, contraction: 200, churn: 0, fx: 0, mrr_end: 2600});
    expect(b("2024-Q3")).toMatchObject({mrr_start: 2600, new: 250, churn: 600, mrr_end: 2250});
  });

  it("adds up exactly in every quarter, and each quarter starts where the last one ended", () => {
    for (const {bridge: x} of reviews) {
      expect(x.mrr_start + x.new + x.expansion + x.reactivation - x.contraction - x.churn + x.fx).toBe(x.mrr_end);
    }
    for (let i = 1; i < reviews.length; i++) expect(reviews[i].bridge.mrr_start).toBe(reviews[i - 1].bridge.mrr_end);
  });
});

describe("KPIs of the quarter", () => {
  it("MRR at quarter end and net new MRR, against the previous quarter", () => {
    expect(kpi("2024-Q2", "mrr")).toMatchObject({period: "quarter-end", value: 2600, previous: 2100, deltaPrevious: 500, lastYear: null, deltaLastYear: null, verdictPrevious: "higher"});
    // Net new: Q2 +550 +150 −200 = 500; Q1 −400: +900.
    expect(kpi("2024-Q2", "net_new_mrr")).toMatchObject({period: "quarter", value: 500, previous: -400, deltaPrevious: 900});
  });

  it("logo and revenue churn are pooled over the quarter's months, not a mean of monthly rates", () => {
    // 2024-Q1: 0/5, 1/5, 0/4 → 1/14 (the mean of the monthly rates would be 1/15).
    const q1 = kpi("2024-Q1", "logo_churn_rate");
    expect(q1.value).toBeCloseTo(1 / 14, 12);
    expect(q1.value).not.toBeCloseTo((0 + 1 / 5 + 0) / 3, 4);
    expect(q1).toMatchObject({period: "monthly-pooled", n: 14, nUnit: "account_months", small: false});
    expect(q1.interval![0]).toBeGreaterThan(0);
    expect(q1.interval![1]).toBeLessThan(0.4);
    expect(kpi("2024-Q1", "revenue_churn_rate").value).toBeCloseTo(400 / 7100, 12);
    // 2024-Q3 (Jul–Aug): 0/5, 1/6 → 1/11; revenue 600 / (2,600 + 2,850).
    expect(kpi("2024-Q3", "logo_churn_rate").value).toBeCloseTo(1 / 11, 12);
    expect(kpi("2024-Q3", "revenue_churn_rate").value).toBeCloseTo(600 / 5450, 12);
    expect(kpi("2024-Q2", "revenue_churn_rate").value).toBeCloseTo(200 / 6550, 12);
  });

  it("quarter-over-quarter and year-over-year deltas", () => {
    expect(kpi("2024-Q2", "logo_churn_rate").deltaPrevious).toBeCloseTo(0 - 1 / 14, 10);
    expect(kpi("2024-Q2", "revenue_churn_rate").deltaPrevious).toBeCloseTo(200 / 6550 - 400 / 7100, 10);
    // Census figures compare exactly: Q2's revenue churn is lower than Q1's (13 and 14 account-months ≥ 12).
    expect(kpi("2024-Q2", "revenue_churn_rate").verdictPrevious).toBe("lower");
    // Year over year: 2024-Q3 against 2023-Q3.
    expect(kpi("2024-Q3", "mrr")).toMatchObject({value: 2250, lastYear: 2300, deltaLastYear: -50, previous: 2600, deltaPrevious: -350, verdictLastYear: "lower"});
    expect(kpi("2024-Q3", "logo_churn_rate").deltaLastYear).toBeCloseTo(1 / 11 - 1 / 10, 10);
    expect(kpi("2024-Q3", "nps").deltaLastYear).toBeCloseTo(40 - 200 / 3, 10);
  });

  it("a flow over a partial quarter is not compared with a full one", () => {
    expect(kpi("2024-Q3", "net_new_mrr")).toMatchObject({value: -350, previous: 500, lastYear: 2300, deltaPrevious: null, deltaLastYear: null, verdictPrevious: null});
  });

  it("a small sample is marked with its n and gets no verdict", () => {
    // 11 account-months < 12; 2023-Q3 has 10.
    expect(kpi("2024-Q3", "logo_churn_rate")).toMatchObject({n: 11, small: true, verdictPrevious: "same", verdictLastYear: "same"});
    expect(kpi("2024-Q3", "nrr")).toMatchObject({period: "trailing-12-months", value: 0.75, n: 5, nUnit: "accounts", small: true});
    expect(kpi("2024-Q3", "grr").value).toBe(0.5);
    expect(kpi("2024-Q2", "nps")).toMatchObject({value: 0, n: 2, small: true});
  });

  it("NPS of the quarter's responses with its 95% interval", () => {
    const nps = kpi("2024-Q3", "nps");
    // 5 responses: P 3, passive 1, D 1 → 40; half-width 1.96 · 100 · √((4 · 5 − 2²) / 5³) = 70.12.
    expect(nps).toMatchObject({value: 40, n: 5, nUnit: "responses", small: false});
    expect(nps.interval![0]).toBeCloseTo(40 - 196 * Math.sqrt(16 / 125), 8);
    expect(nps.interval![1]).toBe(100);
    expect(kpi("2024-Q3", "health_green_share")).toMatchObject({period: "quarter-end", value: 0.4, n: 5});
  });
});

describe("segments", () => {
  it("retention and churn per segment for the quarter", () => {
    const [ent, smb] = review("2024-Q3").segments;
    expect(ent).toMatchObject({segment: "Enterprise", mrr: 1500, net_new_mrr: -600, account_months: 4, accounts_churned: 1, logo_churn_rate: 0.25, t12m_accounts: 2, small: true});
    expect(ent.nrr).toBeCloseTo(1500 / 1600, 12);
    expect(ent.grr).toBeCloseTo(1000 / 1600, 12);
    expect(ent.revenue_churn_rate).toBeCloseTo(600 / 4200, 12);
    expect(smb).toMatchObject({segment: "SMB", mrr: 750, net_new_mrr: 250, account_months: 7, accounts_churned: 0, logo_churn_rate: 0, revenue_churn_rate: 0});
    expect(smb.nrr).toBeCloseTo(300 / 800, 12);
    expect(smb.grr).toBeCloseTo(200 / 800, 12);
    // The segments add up to the book.
    expect(ent.mrr + smb.mrr).toBe(kpi("2024-Q3", "mrr").value);
  });
});

describe("wins and losses", () => {
  it("nets each account's movements over the quarter; largest first", () => {
    const q2 = review("2024-Q2");
    expect(q2.wins.map((w) => [w.account_id, w.delta, w.mrr_before, w.mrr_after, w.movements])).toEqual([
      ["A", 500, 1000, 1500, ["expansion"]],
      ["G", 200, 0, 200, ["reactivation", "expansion"]]
    ]);
    expect(q2.losses.map((w) => [w.account_id, w.delta, w.mrr_before, w.mrr_after])).toEqual([["C", -200, 300, 100]]);
    expect(q2.losses[0].account_name).toBe("<b>Gamma</b>");
    const q3 = review("2024-Q3");
    expect(q3.wins.map((w) => [w.account_id, w.delta, w.segment])).toEqual([["F", 250, "SMB"]]);
    expect(q3.losses.map((w) => [w.account_id, w.delta, w.mrr_before, w.mrr_after, w.movements])).toEqual([["E", -600, 600, 0, ["churn"]]]);
    // The book's opening quarter: everyone is new, by size.
    expect(review("2023-Q3").wins.map((w) => w.account_id)).toEqual(["A", "E", "B", "C"]);
  });
});

describe("NPS verbatims and health movement", () => {
  it("counts comments per category and keeps a few verbatims, detractors first", () => {
    const nps = review("2024-Q3").nps!;
    expect(nps).toMatchObject({responses: 5, promoters: 3, passives: 1, detractors: 1, comments: {promoter: 2, passive: 0, detractor: 1}});
    expect(nps.verbatims.map((v) => [v.category, v.date, v.comment])).toEqual([
      ["detractor", "2024-08-03", "<script>alert(1)</script> Too expensive"],
      ["promoter", "2024-08-15", "Fast onboarding"],
      ["promoter", "2024-07-05", "Great support"]
    ]);
    expect(review("2023-Q4").nps).toBeNull();
  });

  it("health mix at the quarter's start and end and the accounts' band moves", () => {
    const h = review("2024-Q3").health;
    expect(h.start).toEqual({month: "2024-06", scored: 5, green: 2, yellow: 2, red: 1});
    expect(h.end).toEqual({month: "2024-08", scored: 5, green: 2, yellow: 2, red: 1});
    // Same mix, but C red → yellow and D yellow → red; E left, F joined.
    expect(h).toMatchObject({up: 1, down: 1, same: 2, left: 1, joined: 1});
    expect(h.transitions).toEqual([
      {from: "green", to: "green", accounts: 1},
      {from: "yellow", to: "yellow", accounts: 1},
      {from: "yellow", to: "red", accounts: 1},
      {from: "red", to: "yellow", accounts: 1}
    ]);
    // No scores at the end of March: no start mix, so no movement is stated.
    expect(review("2024-Q2").health).toMatchObject({start: null, end: {month: "2024-06", scored: 5}, up: 0, down: 0, joined: 0, transitions: []});
  });
});

describe("forecast", () => {
  it("is the one made at the quarter's last month (the next three months)", () => {
    expect(review("2024-Q2").forecast).toMatchObject({made_at: "2024-06", first_month: "2024-07", last_month: "2024-09"});
    expect(review("2024-Q3").forecast).toMatchObject({made_at: "2024-08", first_month: "2024-09", last_month: "2024-11"});
    expect(review("2023-Q3").forecast).toBeNull();
  });
});
