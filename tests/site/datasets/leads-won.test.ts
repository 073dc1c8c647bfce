import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDb, type Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {leadsWon, leadsWonSql} from "../../../loaders/site/datasets/leads-won.js";
import {arrowRows, writeDataset} from "./read.js";

const WON: [string, string][] = [
  ["L1", "2024-01"],
  ["L4", "2024-02"],
  ["L2", "2024-03"],
  ["L3", "2024-03"]
];

describe("service_leads_won_recent.arrow", () => {
  let db: Db;
  const ctx = {asOf: "2024-04"} as MetricContext;
  beforeAll(async () => {
    db = await openDb();
    await db.run(`CREATE TABLE service_leads_won (lead_id VARCHAR, won_month VARCHAR)`);
    for (const r of WON) await db.run(`INSERT INTO service_leads_won VALUES (?, ?)`, r);
  });
  afterAll(() => db.close());

  it("keeps the newest won leads (month won, then lead id), in the table's order", async () => {
    expect((await db.all(leadsWonSql(ctx, {cap: 2}))).map((r) => r.lead_id)).toEqual(["L2", "L3"]);
    expect((await db.all(leadsWonSql(ctx, {cap: 3}))).map((r) => r.lead_id)).toEqual(["L4", "L2", "L3"]);
  });

  it("under the cap, every won lead is written", async () => {
    const files = await writeDataset(leadsWon, db, ctx);
    expect(arrowRows(files.get("service_leads_won_recent.arrow")!).rows.map((r) => r.lead_id)).toEqual(["L1", "L4", "L2", "L3"]);
  });
});
