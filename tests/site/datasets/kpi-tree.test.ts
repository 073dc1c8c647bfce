// kpi-tree.json (loaders/site/datasets/kpi-tree.ts) on the core fixture: the tree's shape, targets
// from config, values that add up, and movers named only when big enough and moving the node's way.
import {afterAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import {changeAttributionFamily} from "../../../loaders/metrics/change-attribution.js";
import {kpiTreeData} from "../../../loaders/site/datasets/kpi-tree.js";
import {buildFixture} from "../../metrics/fixture.js";

const dbs: Db[] = [];
afterAll(() => dbs.forEach((db) => db.close()));

async function tree(config: object) {
  const {db, ctx} = await buildFixture("core", config);
  dbs.push(db);
  await changeAttributionFamily.build(db, ctx);
  return {db, data: await kpiTreeData(db, ctx)};
}

describe("KPI tree data", () => {
  it("has the KGI at the root, GRR and expansion under it, churn and contraction under GRR, targets from config", async () => {
    const {data} = await tree({kpiTree: {targets: {nrr: 1.05, churn: 0.06}}});
    expect(data.nodes.map((n) => [n.node, n.parent, n.better, n.target])).toEqual([
      ["nrr", null, "higher", 1.05],
      ["grr", "nrr", "higher", null],
      ["expansion", "nrr", "higher", null],
      ["churn", "grr", "lower", 0.06],
      ["contraction", "grr", "lower", null]
    ]);
    expect(data.months).toEqual(["2024-01", "2024-02"]);
  });

  it("values come from retention_t12m and add up: NRR = GRR + expansion, GRR = 1 − churn − contraction", async () => {
    const {db, data} = await tree({});
    const [t] = await db.all<{nrr_t12m: number; grr_t12m: number}>(`SELECT nrr_t12m, grr_t12m FROM retention_t12m WHERE dimension = 'all' AND month = '2024-02'`);
    const v = data.values["2024-02"];
    expect(v.nrr.value).toBeCloseTo(t.nrr_t12m, 10);
    expect(v.grr.value).toBeCloseTo(t.grr_t12m, 10);
    expect(v.nrr.value!).toBeCloseTo(v.grr.value! + v.expansion.value!, 10);
    expect(v.grr.value!).toBeCloseTo(1 - v.churn.value! - v.contraction.value!, 10);
    expect(v.nrr.change.mom).toBeCloseTo(t.nrr_t12m - data.values["2024-01"].nrr.value!, 10);
    expect(v.nrr.change.yoy).toBeNull(); // 2023-02 has no trailing 12 months
  });

  it("names no mover when no segment has enough accounts (the fixture's segments are all small)", async () => {
    const {data} = await tree({});
    for (const month of data.months) {
      for (const node of Object.values(data.values[month])) {
        for (const byBasis of Object.values(node.movers)) expect(Object.values(byBasis).every((m) => m === null)).toBe(true);
      }
    }
  });
});
