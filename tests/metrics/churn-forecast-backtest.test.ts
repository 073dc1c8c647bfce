/** churn_forecast_backtest on a hand-made two-month backtest: coverage, aggregate error, WAPE and error_sd. */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDb, type Db} from "../../loaders/db.js";
import {buildBacktest} from "../../loaders/metrics/churn-forecast.js";

let db: Db;
beforeAll(async () => {
  db = await openDb(":memory:");
  await db.run(`CREATE TABLE churn_forecast AS SELECT * FROM (VALUES
    (1, 100.0, 50.0, 150.0, 120.0),
    (1, 200.0, 100.0, 300.0, 90.0),
    (1, 80.0, 40.0, 120.0, NULL),  -- actual not known yet: not in the backtest
    (2, NULL, NULL, NULL, 70.0)    -- no forecast (history too short): not in the backtest
  ) t(horizon, expected_churn_mrr, low, high, actual_churn_mrr)`);
  await db.run(`CREATE TABLE churn_forecast_quarter AS SELECT 300.0 AS expected_churn_mrr, 200.0 AS low, 400.0 AS high, 330.0 AS actual_churn_mrr`);
  await buildBacktest(db);
});
afterAll(() => db.close());

describe("churn_forecast_backtest", () => {
  it("measures coverage, the aggregate error, WAPE and the error chance alone gives, by hand", async () => {
    const rows = await db.all<Record<string, number | string>>(
      `SELECT horizon, months::INTEGER AS months, covered::INTEGER AS covered, coverage, error, wape, error_sd FROM churn_forecast_backtest`
    );
    expect(rows.map((r) => r.horizon)).toEqual(["1", "quarter"]);
    const [h1, q] = rows;
    // Horizon 1: 120 ∈ [50, 150] covered, 90 ∉ [100, 300]: 1 of 2. Σe = 300, Σa = 210.
    expect(h1).toMatchObject({months: 2, covered: 1, coverage: 0.5});
    expect(h1.error).toBeCloseTo(90 / 210, 12); // |300 − 210| / 210
    expect(h1.wape).toBeCloseTo(130 / 210, 12); // (|100 − 120| + |200 − 90|) / 210
    // SDs from the intervals: 100 / 2.5631 = 39.0153 and 200 / 2.5631 = 78.0305; √(39.0153² + 78.0305²) = 87.2408; / 300.
    expect(h1.error_sd).toBeCloseTo(Math.sqrt((100 / 2.5631) ** 2 + (200 / 2.5631) ** 2) / 300, 12);
    expect(h1.error_sd).toBeCloseTo(0.290803, 5);
    // Quarter: one month, 330 ∈ [200, 400]; error 30 / 330; error_sd (200 / 2.5631) / 300 = 78.0305 / 300 = .260102.
    expect(q).toMatchObject({months: 1, covered: 1, coverage: 1});
    expect(q.error).toBeCloseTo(30 / 330, 12);
    expect(q.error_sd).toBeCloseTo(0.260102, 5);
  });
});
