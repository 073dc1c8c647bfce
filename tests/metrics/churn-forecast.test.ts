/**
 * The churn forecast on the bundled sample: no look-ahead (a forecast made at X is the same whether the
 * run stops at X or later) and the backtest acceptance figures (80% interval coverage 65–95%,
 * aggregate error |Σ expected − Σ actual| / Σ actual under 20%).
 */
import {resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT, resolveConfig} from "../../loaders/config.js";
import {runPipeline, type PipelineResult} from "../../loaders/pipeline.js";

const dataDir = resolve(PROJECT_ROOT, "data/sample");
const STOP = "2025-06";
let full: PipelineResult;
let stopped: PipelineResult;

beforeAll(async () => {
  full = await runPipeline(resolveConfig({dataDir}));
  stopped = await runPipeline(resolveConfig({dataDir, asOf: STOP}));
}, 240_000);
afterAll(() => {
  full?.db.close();
  stopped?.db.close();
});

const FORECAST = `SELECT made_at, month, horizon, accounts, calibration_months, expected_churns,
  expected_churn_mrr::VARCHAR AS e, low::VARCHAR AS lo, high::VARCHAR AS hi FROM churn_forecast`;

describe("churn_forecast on the sample", () => {
  it("makes the same forecast at X whether the run stops at X or later (no look-ahead)", async () => {
    const a = await stopped.db.all(`${FORECAST} ORDER BY made_at, horizon`);
    const b = await full.db.all(`${FORECAST} WHERE made_at <= '${STOP}' ORDER BY made_at, horizon`);
    expect(a.length).toBeGreaterThan(40);
    expect(a.filter((r) => r.e !== null).length).toBeGreaterThan(20);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // The actual is empty after the as-of month, and known up to it.
    const after = await stopped.db.all(`SELECT count(*) AS n FROM churn_forecast WHERE month > '${STOP}' AND actual_churn_mrr IS NOT NULL`);
    expect(after).toEqual([{n: 0}]);
  });

  it("covers the actual with its 80% interval in 65–95% of backtest months, with an aggregate error under 20%", async () => {
    const rows = await full.db.all<{horizon: string; months: number; coverage: number; error: number}>(
      `SELECT horizon, months, coverage, error FROM churn_forecast_backtest`
    );
    expect(rows.map((r) => r.horizon)).toEqual(["1", "2", "3", "quarter"]);
    for (const r of rows) {
      expect(r.months).toBeGreaterThan(20);
      expect(r.coverage).toBeGreaterThanOrEqual(0.65);
      expect(r.coverage).toBeLessThanOrEqual(0.95);
      expect(r.error).toBeLessThan(0.2);
    }
  });

  it("fits suggested weights on the sample and compares them with the configured ones on the holdout", async () => {
    const [s] = await full.db.all<{status: string; auc_configured: number; auc_suggested: number}>(`SELECT * FROM health_weight_fit_summary`);
    expect(s.status).toBe("ok");
    expect(s.auc_configured).toBeGreaterThan(0.7);
    expect(s.auc_suggested).toBeGreaterThan(0.7);
    const weights = await full.db.all<{suggested_weight: number}>(`SELECT suggested_weight FROM health_weight_fit`);
    expect(weights.reduce((t, w) => t + w.suggested_weight, 0)).toBeCloseTo(1, 2);
  });
});
