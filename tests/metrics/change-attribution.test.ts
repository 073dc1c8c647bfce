import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {changeAttribution, changeAttributionFamily, type AttributionRow} from "../../loaders/metrics/change-attribution.js";
import {churn} from "../../loaders/metrics/churn.js";
import {movements} from "../../loaders/metrics/movements.js";
import {revenueRetention} from "../../loaders/metrics/revenue-retention.js";
import {segmentMonths} from "../../loaders/metrics/segments.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";
import {buildFixture} from "./fixture.js";

const FAMILIES = [accountMonths, movements, segmentMonths, churn, revenueRetention, changeAttributionFamily];

/**
 * A two-segment book for monthly logo churn (a line ending on the 15th counts in the month before and
 * not in the month it ends, so the account churns in that month):
 *   Feb: base A = a1, a2 (a1 churns), B = b1, b2            → A 1/2, B 0/2, book 1/4
 *   Mar: base A = a2, a3 (a3 churns), B = b1..b6            → A 1/2, B 0/6, book 1/8   (shares move, rates do not)
 *   Apr: base A = a2, a4 (both churn), B = b1..b6           → A 2/2, B 0/6, book 2/8   (A's rate moves, shares do not)
 */
function twoSegmentBook(): Fixture {
  const accounts = [
    ...["a1", "a2", "a3", "a4"].map((id) => ({account_id: id, segment: "A"})),
    ...["b1", "b2", "b3", "b4", "b5", "b6"].map((id) => ({account_id: id, segment: "B"}))
  ];
  const line = (account_id: string, start_date: string, end_date?: string) => ({
    subscription_id: `s-${account_id}`, account_id, product: "P", plan: "Std", start_date, mrr: "100", ...(end_date ? {end_date} : {})
  });
  const subscriptions = [
    line("a1", "2024-01-01", "2024-02-15"),
    line("a2", "2024-01-01", "2024-04-15"),
    line("a3", "2024-02-01", "2024-03-15"),
    line("a4", "2024-03-01", "2024-04-15"),
    line("b1", "2024-01-01"),
    line("b2", "2024-01-01"),
    ...["b3", "b4", "b5", "b6"].map((id) => line(id, "2024-02-01"))
  ];
  return {accounts, subscriptions};
}

const pick = (rows: AttributionRow[], dimension: string, segment: string) => rows.find((r) => r.dimension === dimension && r.segment === segment)!;

describe("nrr_change_attribution on a hand-computed two-segment book", () => {
  let db: Db;
  beforeAll(async () => ({db} = await buildFamilies(twoSegmentBook(), FAMILIES, {segments: ["segment"], asOf: "2024-04"})));
  afterAll(() => db.close());

  it("a mix-only change (Feb → Mar): rates stay, B's share grows; all of it is mix", async () => {
    const rows = await changeAttribution(db, {month: "2024-03", basis: "mom", measure: "logo_churn_rate"});
    const total = pick(rows, "segment", "all");
    expect(total).toMatchObject({compare_month: "2024-02", value_prev: 0.25, value: 0.125, accounts_prev: 4, accounts: 8});
    expect(total.contribution).toBeCloseTo(-0.125, 12);
    // R̄ = (0.25 + 0.125) / 2 = 0.1875. A: Δw = 0.25 − 0.5 = −0.25, r̄ = 0.5 → mix = −0.25 × (0.5 − 0.1875) = −0.078125.
    const a = pick(rows, "segment", "A");
    expect(a).toMatchObject({value_prev: 0.5, value: 0.5, share_prev: 0.5, share: 0.25, accounts_prev: 2, accounts: 2, small: true});
    expect(a.mix).toBeCloseTo(-0.078125, 12);
    expect(a.rate).toBeCloseTo(0, 12);
    expect(a.contribution).toBeCloseTo(-0.078125, 12);
    // B: Δw = +0.25, r̄ = 0 → mix = 0.25 × (0 − 0.1875) = −0.046875.
    const b = pick(rows, "segment", "B");
    expect(b).toMatchObject({value_prev: 0, value: 0, share_prev: 0.5, share: 0.75});
    expect(b.mix).toBeCloseTo(-0.046875, 12);
    expect(b.rate).toBeCloseTo(0, 12);
    expect(total.mix).toBeCloseTo(-0.125, 12);
    expect(total.rate).toBeCloseTo(0, 12);
  });

  it("a rate-only change (Mar → Apr): shares stay, A's churn doubles; all of it is A's rate", async () => {
    const rows = await changeAttribution(db, {month: "2024-04", basis: "mom", measure: "logo_churn_rate"});
    const total = pick(rows, "segment", "all");
    expect(total).toMatchObject({value_prev: 0.125, value: 0.25});
    expect(total.contribution).toBeCloseTo(0.125, 12);
    // A: w̄ = 0.25, Δr = 1 − 0.5 → rate = 0.125; Δw = 0 → mix = 0.
    const a = pick(rows, "segment", "A");
    expect(a).toMatchObject({value_prev: 0.5, value: 1, share_prev: 0.25, share: 0.25});
    expect(a.rate).toBeCloseTo(0.125, 12);
    expect(a.mix).toBeCloseTo(0, 12);
    const b = pick(rows, "segment", "B");
    expect(b.contribution).toBeCloseTo(0, 12);
  });

  it("puts a dimension with one segment (every CSM empty) wholly on that segment's rate", async () => {
    const rows = await changeAttribution(db, {month: "2024-04", basis: "mom", measure: "logo_churn_rate"});
    const none = pick(rows, "csm", "(none)");
    expect(none.share_prev).toBe(1);
    expect(none.rate).toBeCloseTo(0.125, 12);
    expect(none.mix).toBeCloseTo(0, 12);
  });

  it("has no rows for a month without a comparison month or without a base", async () => {
    expect(await changeAttribution(db, {month: "2024-01"})).toEqual([]);
    // Feb vs Jan: January has no base (no month before it), so the change is undefined.
    expect(await changeAttribution(db, {month: "2024-02"})).toEqual([]);
    // Trailing-12-month measures need 12 months of history.
    expect((await changeAttribution(db, {measure: "nrr_t12m"})).length).toBe(0);
  });
});

describe("nrr_change_attribution on the core fixture: totals agree with churn and retention_t12m", () => {
  let db: Db;
  beforeAll(async () => ({db} = await buildFixture("core", {}).then(async (r) => {
    for (const f of [changeAttributionFamily]) await f.build(r.db, r.ctx);
    return r;
  })));
  afterAll(() => db.close());

  it("the `all` rows carry the book's own NRR, GRR and logo churn", async () => {
    const [t] = await db.all<{value: number; value_prev: number}>(
      `SELECT value, value_prev FROM nrr_change_attribution WHERE month = '2024-02' AND basis = 'mom' AND measure = 'nrr_t12m' AND dimension = 'segment' AND segment = 'all'`
    );
    const r = await db.all<{nrr_t12m: number; month: string}>(`SELECT month, nrr_t12m FROM retention_t12m WHERE dimension = 'all' ORDER BY month`);
    expect(t.value).toBeCloseTo(r.find((x) => x.month === "2024-02")!.nrr_t12m, 12);
    expect(t.value_prev).toBeCloseTo(r.find((x) => x.month === "2024-01")!.nrr_t12m, 12);
    const [bad] = await db.all<{n: number}>(`
      SELECT count(*)::INTEGER AS n FROM nrr_change_attribution x JOIN churn c ON c.month = x.month AND c.dimension = 'all'
      WHERE x.measure = 'logo_churn_rate' AND x.segment = 'all' AND abs(x.value - c.logo_churn_rate) > 1e-12`);
    expect(bad.n).toBe(0);
  });

  it("t12m parts add up: nrr = grr + expansion and grr = 1 − churn − contraction", async () => {
    const rows = await db.all<Record<string, number>>(`
      PIVOT (SELECT month, dimension, segment, measure, value FROM nrr_change_attribution WHERE basis = 'mom' AND value IS NOT NULL AND measure <> 'logo_churn_rate')
      ON measure USING any_value(value)`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.nrr_t12m).toBeCloseTo(r.grr_t12m + r.expansion_t12m, 12);
      expect(r.grr_t12m).toBeCloseTo(1 - r.churn_t12m - r.contraction_t12m, 12);
    }
  });

  it("contributions add up to the total and mix + rate = contribution, in every group", async () => {
    const [sums] = await db.all<{groups: number; worst: number; worstRow: number}>(`
      WITH g AS (
        SELECT month, dimension, basis, measure,
               sum(contribution) FILTER (WHERE segment <> 'all') AS parts, any_value(contribution) FILTER (WHERE segment = 'all') AS total
        FROM nrr_change_attribution GROUP BY ALL)
      SELECT count(*)::INTEGER AS groups, max(abs(parts - total)) AS worst,
             (SELECT max(abs(mix + rate - contribution)) FROM nrr_change_attribution) AS "worstRow" FROM g`);
    expect(sums.groups).toBeGreaterThan(0);
    expect(sums.worst).toBeLessThan(1e-12);
    expect(sums.worstRow).toBeLessThan(1e-12);
  });
});

/**
 * A 16-month book with CSMs, for the CSM dimension: x1 (Sato) expands 100 → 150 in 2023-06, x2 (Sato)
 * churns in 2024-02, x3 (Tanaka) contracts 300 → 100 in 2023-09, x4 (no CSM) joins in 2023-03.
 */
function csmBook(): Fixture {
  const accounts = [
    {account_id: "x1", segment: "S", csm: "Sato"},
    {account_id: "x2", segment: "S", csm: "Sato"},
    {account_id: "x3", segment: "T", csm: "Tanaka"},
    {account_id: "x4", segment: "T", csm: null}
  ];
  const line = (subscription_id: string, account_id: string, mrr: string, start_date: string, end_date?: string) => ({
    subscription_id, account_id, product: "P", plan: "Std", start_date, mrr, ...(end_date ? {end_date} : {})
  });
  const subscriptions = [
    line("s1", "x1", "100", "2023-01-01"),
    line("s1b", "x1", "50", "2023-06-01"),
    line("s2", "x2", "200", "2023-01-01", "2024-02-15"),
    line("s3", "x3", "300", "2023-01-01", "2023-09-15"),
    line("s3b", "x3", "100", "2023-09-01"),
    line("s4", "x4", "100", "2023-03-01")
  ];
  return {accounts, subscriptions};
}

describe("nrr_change_attribution's CSM dimension", () => {
  const csmRows = async (segments: string[]) => {
    const {db} = await buildFamilies(csmBook(), FAMILIES, {segments, asOf: "2024-04"});
    try {
      return await db.all<AttributionRow>(`SELECT * FROM nrr_change_attribution WHERE dimension = 'csm' ORDER BY ALL`);
    } finally {
      db.close();
    }
  };

  it("is the same whether CSM is a configured segment (churn's and t12m_cells' rows) or computed on its own", async () => {
    const own = await csmRows(["segment"]);
    const configured = await csmRows(["segment", "csm"]);
    // The book has churn, contraction and expansion over 12 months in the CSM rows, so the comparison covers each part.
    const t12 = own.filter((r) => r.basis === "mom" && r.segment !== "all" && r.value !== null);
    for (const measure of ["churn_t12m", "contraction_t12m", "expansion_t12m"]) {
      expect(t12.some((r) => r.measure === measure && r.value! > 0), measure).toBe(true);
    }
    expect(own.length).toBeGreaterThan(0);
    expect(configured).toEqual(own);
  });

  it("computes the hand-worked trailing-12-month parts of Sato's book in 2024-02", async () => {
    const rows = await csmRows(["segment"]);
    const sato = (measure: string) => rows.find((r) => r.month === "2024-02" && r.basis === "mom" && r.segment === "Sato" && r.measure === measure)!;
    // Base (end of 2023-02): x1 100 + x2 200 = 300. Now: x1 150 (expansion 50), x2 0 (churned 200).
    expect(sato("nrr_t12m").value).toBeCloseTo(150 / 300, 12);
    expect(sato("grr_t12m").value).toBeCloseTo(100 / 300, 12);
    expect(sato("expansion_t12m").value).toBeCloseTo(50 / 300, 12);
    expect(sato("churn_t12m").value).toBeCloseTo(200 / 300, 12);
    expect(sato("contraction_t12m").value).toBeCloseTo(0, 12);
    expect(sato("nrr_t12m").accounts).toBe(2);
  });
});
