/**
 * Acceptance (issue 19) on the bundled sample with the touch dimension: for every month, dimension,
 * basis and measure of nrr_change_attribution, the segment contributions add up to the total change,
 * mix + rate = contribution on every row, and the totals are the book's own figures. Also the leads
 * metrics reconcile with the staged leads.
 */
import {resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT, resolveConfig} from "../../loaders/config.js";
import {runPipeline, type PipelineResult} from "../../loaders/pipeline.js";
import {kpiTreeData} from "../../loaders/site/datasets/kpi-tree.js";

let result: PipelineResult;

beforeAll(async () => {
  result = await runPipeline(resolveConfig({dataDir: resolve(PROJECT_ROOT, "data/sample"), segments: ["segment", "industry", "region", "touch"]}));
});
afterAll(() => result?.db.close());

describe("nrr_change_attribution on the sample", () => {
  it("covers every dimension (csm and touch included), both bases and every measure", async () => {
    const rows = await result.db.all<{dimension: string; n: number}>(
      `SELECT dimension, count(DISTINCT basis || measure)::INTEGER AS n FROM nrr_change_attribution GROUP BY dimension ORDER BY dimension`
    );
    expect(rows.map((r) => r.dimension)).toEqual(["csm", "industry", "plan", "product", "region", "segment", "touch"]);
    expect(rows.every((r) => r.n === 12)).toBe(true);
  });

  it("adds up in every group and splits exactly on every row", async () => {
    const [r] = await result.db.all<{groups: number; worst: number; worstRow: number; missing: number}>(`
      WITH g AS (
        SELECT month, dimension, basis, measure,
               sum(contribution) FILTER (WHERE segment <> 'all') AS parts,
               any_value(contribution) FILTER (WHERE segment = 'all') AS total
        FROM nrr_change_attribution GROUP BY ALL)
      SELECT count(*)::INTEGER AS groups, max(abs(parts - total)) AS worst,
             count(*) FILTER (WHERE total IS NULL OR parts IS NULL)::INTEGER AS missing,
             (SELECT max(abs(mix + rate - contribution)) FROM nrr_change_attribution) AS "worstRow" FROM g`);
    expect(r.groups).toBeGreaterThan(1000);
    expect(r.missing).toBe(0);
    expect(r.worst).toBeLessThan(1e-12);
    expect(r.worstRow).toBeLessThan(1e-12);
  });

  it("totals are the book's NRR, GRR (retention_t12m) and logo churn (churn) of both months compared", async () => {
    const [bad] = await result.db.all<{n: number; checked: number}>(`
      SELECT count(*) FILTER (WHERE abs(x.value - CASE x.measure WHEN 'nrr_t12m' THEN t.nrr_t12m WHEN 'grr_t12m' THEN t.grr_t12m ELSE c.logo_churn_rate END) > 1e-12
                           OR abs(x.value_prev - CASE x.measure WHEN 'nrr_t12m' THEN tp.nrr_t12m WHEN 'grr_t12m' THEN tp.grr_t12m ELSE cp.logo_churn_rate END) > 1e-12)::INTEGER AS n,
             count(*)::INTEGER AS checked
      FROM nrr_change_attribution x
      JOIN retention_t12m t ON t.month = x.month AND t.dimension = 'all'
      JOIN retention_t12m tp ON tp.month = x.compare_month AND tp.dimension = 'all'
      JOIN churn c ON c.month = x.month AND c.dimension = 'all'
      JOIN churn cp ON cp.month = x.compare_month AND cp.dimension = 'all'
      WHERE x.segment = 'all' AND x.measure IN ('nrr_t12m', 'grr_t12m', 'logo_churn_rate')`);
    expect(bad.checked).toBeGreaterThan(100);
    expect(bad.n).toBe(0);
  });
});

describe("service leads on the sample", () => {
  it("counts every staged lead created in a computed month once per source total, and matches most won leads", async () => {
    const [r] = await result.db.all<{staged: number; counted: number; won: number; matched: number}>(`
      SELECT (SELECT count(*) FROM leads WHERE strftime(created_at, '%Y-%m') IN (SELECT month FROM months))::INTEGER AS staged,
             (SELECT sum(leads_created) FROM service_leads_monthly WHERE dimension = 'all' AND source = 'all')::INTEGER AS counted,
             (SELECT count(*) FROM service_leads_won)::INTEGER AS won,
             (SELECT count(*) FILTER (WHERE matched) FROM service_leads_won)::INTEGER AS matched`);
    expect(r.counted).toBe(r.staged);
    expect(r.won).toBeGreaterThan(300);
    expect(r.matched / r.won).toBeGreaterThan(0.5);
    expect(r.matched).toBeLessThan(r.won);
  });
});

describe("the KPI tree's movers on the sample", () => {
  it("name only segments with enough accounts that moved the node the way it moved", async () => {
    const data = await kpiTreeData(result.db, result.ctx);
    let named = 0;
    for (const month of data.months) {
      for (const node of Object.values(data.values[month])) {
        for (const byBasis of Object.values(node.movers)) {
          for (const [basis, m] of Object.entries(byBasis)) {
            if (!m) continue;
            ++named;
            expect(m.accounts).toBeGreaterThanOrEqual(30);
            expect(m.segment).not.toBe("(between segments)");
            expect(Math.sign(m.contribution)).toBe(Math.sign(node.change[basis as "mom" | "yoy"]!));
          }
        }
      }
    }
    expect(named).toBeGreaterThan(100);
  });
});
