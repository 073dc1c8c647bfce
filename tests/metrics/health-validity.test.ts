import {describe, expect, it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {healthValidity} from "../../loaders/metrics/health-validity.js";
import {health} from "../../loaders/metrics/health.js";
import {validityFixture} from "../fixtures/kpi/validity.js";
import {buildFamilies} from "../helpers/staged.js";

const build = () => buildFamilies(validityFixture, [accountMonths, health, healthValidity], {asOf: "2024-06", segments: ["segment"]});

describe("health_validity", () => {
  it("computes the AUC (churner scored lower, ties half) per month and pooled", async () => {
    const {db} = await build();
    const rows = await db.all(`SELECT month, accounts, churned, churn_rate, auc FROM health_validity WHERE kind = 'auc' AND bucket = 'score'`);
    expect(rows).toEqual([
      // C 30 vs A 90, B 80, D 50, F 60 (lower: 4) and E 30 (tie: 0.5) -> 4.5 / 5
      {month: "2024-01", accounts: 6, churned: 1, churn_rate: 1 / 6, auc: 0.9},
      // C 30: 3 + 0.5 (tie E); F 60: A, B -> 2; (3.5 + 2) / (2 · 4)
      {month: "2024-02", accounts: 6, churned: 2, churn_rate: 2 / 6, auc: 5.5 / 8},
      // D 50: A, B; F 60: A, B -> 4 / (2 · 3)
      {month: "2024-03", accounts: 5, churned: 2, churn_rate: 2 / 5, auc: 4 / 6},
      // Pooled, 5 churner rows vs 12 others: C30 10.5 (twice), F60 6.5 (twice), D50 8 -> 42 / 60
      {month: "all", accounts: 17, churned: 5, churn_rate: 5 / 17, auc: 0.7}
    ]);
    // The score is usage alone here, so usage has the same AUC; components without data have no row.
    expect(await db.all(`SELECT DISTINCT bucket FROM health_validity WHERE kind = 'auc' ORDER BY bucket`)).toEqual([
      {bucket: "score"},
      {bucket: "usage"}
    ]);
    expect(await db.all(`SELECT auc FROM health_validity WHERE kind = 'auc' AND bucket = 'usage' AND month = 'all'`)).toEqual([{auc: 0.7}]);
    db.close();
  });

  it("gives churn within 3 months by band and by decile", async () => {
    const {db} = await build();
    expect(await db.all(`SELECT month, bucket, accounts, churned, churn_rate, score_min, score_max FROM health_validity WHERE kind = 'band'`)).toEqual([
      {month: "2024-01", bucket: "red", accounts: 2, churned: 1, churn_rate: 0.5, score_min: 30, score_max: 30},
      {month: "2024-01", bucket: "yellow", accounts: 2, churned: 0, churn_rate: 0, score_min: 50, score_max: 60},
      {month: "2024-01", bucket: "green", accounts: 2, churned: 0, churn_rate: 0, score_min: 80, score_max: 90},
      {month: "2024-02", bucket: "red", accounts: 2, churned: 1, churn_rate: 0.5, score_min: 30, score_max: 30},
      {month: "2024-02", bucket: "yellow", accounts: 2, churned: 1, churn_rate: 0.5, score_min: 50, score_max: 60},
      {month: "2024-02", bucket: "green", accounts: 2, churned: 0, churn_rate: 0, score_min: 80, score_max: 90},
      {month: "2024-03", bucket: "red", accounts: 1, churned: 0, churn_rate: 0, score_min: 30, score_max: 30},
      {month: "2024-03", bucket: "yellow", accounts: 2, churned: 2, churn_rate: 1, score_min: 50, score_max: 60},
      {month: "2024-03", bucket: "green", accounts: 2, churned: 0, churn_rate: 0, score_min: 80, score_max: 90},
      {month: "all", bucket: "red", accounts: 5, churned: 2, churn_rate: 0.4, score_min: 30, score_max: 30},
      {month: "all", bucket: "yellow", accounts: 6, churned: 3, churn_rate: 0.5, score_min: 50, score_max: 60},
      {month: "all", bucket: "green", accounts: 6, churned: 0, churn_rate: 0, score_min: 80, score_max: 90}
    ]);
    // January, 6 accounts in 10 tiles: one each, ranked by score then account id: C, E, D, F, B, A.
    expect(await db.all(`SELECT bucket, accounts, churned, score_min FROM health_validity WHERE kind = 'decile' AND month = '2024-01'`)).toEqual([
      {bucket: "1", accounts: 1, churned: 1, score_min: 30},
      {bucket: "2", accounts: 1, churned: 0, score_min: 30},
      {bucket: "3", accounts: 1, churned: 0, score_min: 50},
      {bucket: "4", accounts: 1, churned: 0, score_min: 60},
      {bucket: "5", accounts: 1, churned: 0, score_min: 80},
      {bucket: "6", accounts: 1, churned: 0, score_min: 90}
    ]);
    // Pooled deciles add up each month's decile k: decile 1 = C (Jan), C (Feb), E (Mar).
    expect(await db.all(`SELECT accounts, churned FROM health_validity WHERE kind = 'decile' AND month = 'all' AND bucket = '1'`)).toEqual([
      {accounts: 3, churned: 2}
    ]);
    // Only months with a full 3-month horizon are evaluated.
    expect(await db.all(`SELECT DISTINCT month FROM health_validity ORDER BY month`)).toEqual([
      {month: "2024-01"},
      {month: "2024-02"},
      {month: "2024-03"},
      {month: "all"}
    ]);
    db.close();
  });
});

describe("health_transitions", () => {
  it("counts accounts by band at M-1 and M, with '(none)' for not scored", async () => {
    const {db} = await build();
    expect(await db.all(`SELECT * FROM health_transitions WHERE month IN ('2024-04', '2024-05')`)).toEqual([
      {month: "2024-04", from_band: "red", to_band: "red", accounts: 1, share_of_from: 1},
      {month: "2024-04", from_band: "yellow", to_band: "yellow", accounts: 2, share_of_from: 1},
      // B drops from 80 to 60
      {month: "2024-04", from_band: "green", to_band: "yellow", accounts: 1, share_of_from: 0.5},
      {month: "2024-04", from_band: "green", to_band: "green", accounts: 1, share_of_from: 0.5},
      // G is new
      {month: "2024-04", from_band: "(none)", to_band: "green", accounts: 1, share_of_from: null},
      {month: "2024-05", from_band: "red", to_band: "red", accounts: 1, share_of_from: 1},
      {month: "2024-05", from_band: "yellow", to_band: "yellow", accounts: 2, share_of_from: 2 / 3},
      // F churns in May
      {month: "2024-05", from_band: "yellow", to_band: "(none)", accounts: 1, share_of_from: 1 / 3},
      {month: "2024-05", from_band: "green", to_band: "green", accounts: 2, share_of_from: 1}
    ]);
    // The first month has no M-1 and no rows.
    expect(await db.all(`SELECT count(*) AS n FROM health_transitions WHERE month = '2024-01'`)).toEqual([{n: 0}]);
    db.close();
  });
});
