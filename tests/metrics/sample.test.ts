/**
 * Invariants on the bundled sample (data/sample), through the whole pipeline (real ingest): the MRR
 * bridge balances in every month, and every single-valued dimension's segments add up to the total.
 */
import {resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT, resolveConfig} from "../../loaders/config.js";
import type {MovementRow} from "../../loaders/metrics/movements.js";
import {runPipeline, type PipelineResult} from "../../loaders/pipeline.js";

const SAMPLE = resolve(PROJECT_ROOT, "data/sample");
const cents = (x: number) => Math.round(x * 100);

describe("metrics on the bundled sample (data/sample)", () => {
  let result: PipelineResult;
  beforeAll(async () => {
    result = await runPipeline(resolveConfig({dataDir: SAMPLE}));
  });
  afterAll(() => result?.db.close());

  it("balances the MRR bridge in every month, exactly", async () => {
    const {db} = result;
    const rows = await db.all<MovementRow>(`SELECT * FROM mrr_movements`);
    const months = await db.all<{month: string}>(`SELECT month FROM months ORDER BY idx`);
    expect(rows.map((r) => r.month)).toEqual(months.map((m) => m.month));
    expect(rows.length).toBeGreaterThanOrEqual(13);
    rows.forEach((r, i) => {
      expect(cents(r.mrr_end), r.month).toBe(
        cents(r.mrr_start) + cents(r.new) + cents(r.expansion) + cents(r.reactivation) - cents(r.contraction) - cents(r.churn)
      );
      expect(r.mrr_start, r.month).toBe(i === 0 ? 0 : rows[i - 1].mrr_end);
    });
    const [check] = await db.all<{unbalanced: number; off_total: number}>(`
      SELECT count(*) FILTER (WHERE v.mrr_end <> v.mrr_start + v."new" + v.expansion + v.reactivation - v.contraction - v.churn) AS unbalanced,
             count(*) FILTER (WHERE v.mrr_end <> coalesce(t.mrr, 0)) AS off_total
      FROM mrr_movements v LEFT JOIN (SELECT month, sum(mrr) AS mrr FROM account_months GROUP BY month) t USING (month)`);
    expect(check).toEqual({unbalanced: 0, off_total: 0});
    // The sample exercises every movement.
    const total = (k: keyof MovementRow) => rows.reduce((s, r) => s + (r[k] as number), 0);
    for (const k of ["new", "expansion", "contraction", "churn", "reactivation"] as const) expect(total(k), k).toBeGreaterThan(0);
  });

  it("adds up accounts_start and accounts_churned (and the MRR amounts) over the segments of every single-valued dimension", async () => {
    const {db, ctx} = result;
    expect(ctx.dimensions.length).toBeGreaterThan(0);
    const mismatches = await db.all(`
      WITH sums AS (
        SELECT month, dimension, sum(accounts_start) AS a, sum(accounts_churned) AS c,
               sum(mrr_start) AS m, sum(mrr_churned) AS mc, sum(mrr_contraction) AS mx
        FROM churn WHERE dimension NOT IN ('all', 'plan', 'product') GROUP BY ALL)
      SELECT s.*, t.accounts_start, t.accounts_churned
      FROM sums s JOIN churn t ON t.month = s.month AND t.dimension = 'all'
      WHERE s.a <> t.accounts_start OR s.c <> t.accounts_churned
         OR s.m <> t.mrr_start OR s.mc <> t.mrr_churned OR s.mx <> t.mrr_contraction`);
    expect(mismatches).toEqual([]);
    const dims = await db.all<{dimension: string; months: number}>(
      `SELECT dimension, count(DISTINCT month)::INTEGER AS months FROM churn GROUP BY ALL ORDER BY min(rowid)`
    );
    const n = (await db.all(`SELECT month FROM months`)).length;
    expect(dims).toEqual(["all", ...ctx.dimensions, "plan", "product"].map((dimension) => ({dimension, months: n})));
    const [churned] = await db.all<{c: number}>(`SELECT sum(accounts_churned)::INTEGER AS c FROM churn WHERE dimension = 'all'`);
    expect(churned.c).toBeGreaterThan(0);
  });

  it("agrees between churn (all) and the bridge, and leaves rates empty exactly when their denominator is 0", async () => {
    const {db} = result;
    const [r] = await db.all<Record<string, number>>(`
      SELECT count(*) FILTER (WHERE c.mrr_start <> v.mrr_start OR c.mrr_churned <> v.churn OR c.mrr_contraction <> v.contraction) AS bridge,
             (SELECT count(*) FROM churn WHERE (accounts_start = 0) <> (logo_churn_rate IS NULL) OR (mrr_start = 0) <> (grr IS NULL)
                OR isnan(coalesce(grr, 0)) OR isnan(coalesce(nrr, 0))) AS rates,
             (SELECT count(*) FROM retention_t12m WHERE (mrr_start = 0) <> (nrr_t12m IS NULL)) AS t12m,
             (SELECT count(*) FROM nps WHERE nps < -100 OR nps > 100 OR ci_low > nps OR ci_high < nps) AS nps
      FROM churn c JOIN mrr_movements v USING (month) WHERE c.dimension = 'all'`);
    expect(r).toEqual({bridge: 0, rates: 0, t12m: 0, nps: 0});
  });
});
