/**
 * Acceptance: on the bundled sample (data/sample), the project's own health score separates the
 * accounts that churn within 3 months from those that stay: pooled AUC above 0.7, and red accounts
 * churn more often than yellow, yellow more often than green.
 */
import {resolve} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT, resolveConfig} from "../../loaders/config.js";
import {runPipeline, type PipelineResult} from "../../loaders/pipeline.js";

let result: PipelineResult;

beforeAll(async () => {
  result = await runPipeline(resolveConfig({dataDir: resolve(PROJECT_ROOT, "data/sample")}));
});
afterAll(() => result?.db.close());

describe("health score on the sample data", () => {
  it("predicts churn within 3 months with a pooled AUC above 0.7", async () => {
    const [row] = await result.db.all<{auc: number; accounts: number; churned: number}>(
      `SELECT auc, accounts, churned FROM health_validity WHERE month = 'all' AND kind = 'auc' AND bucket = 'score'`
    );
    expect(row.churned).toBeGreaterThan(100);
    expect(row.auc).toBeGreaterThan(0.7);
  });

  it("orders the bands by churn rate: red > yellow > green", async () => {
    const rows = await result.db.all<{bucket: string; churn_rate: number}>(
      `SELECT bucket, churn_rate FROM health_validity WHERE month = 'all' AND kind = 'band'`
    );
    const rate = Object.fromEntries(rows.map((r) => [r.bucket, r.churn_rate]));
    expect(rate.red).toBeGreaterThan(rate.yellow);
    expect(rate.yellow).toBeGreaterThan(rate.green);
  });
});
