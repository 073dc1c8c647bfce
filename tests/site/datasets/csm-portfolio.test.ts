import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openDb, type Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {csmPortfolio, csmPortfolioSql, csmShownSql} from "../../../loaders/site/datasets/csm-portfolio.js";
import {arrowRows, writeDataset} from "./read.js";

// As of 2024-04. Kato has no book in April (left the team); Mori is new in April.
const ROWS: [string, string, number][] = [
  ["2024-03", "all", 450],
  ["2024-03", "(none)", 0],
  ["2024-03", "Ito", 300],
  ["2024-03", "Kato", 50],
  ["2024-03", "Sato", 100],
  ["2024-04", "all", 750],
  ["2024-04", "Ito", 150],
  ["2024-04", "Mori", 400],
  ["2024-04", "Sato", 200]
];

describe("csm_portfolio_top.arrow", () => {
  let db: Db;
  const ctx = {asOf: "2024-04"} as MetricContext;
  beforeAll(async () => {
    db = await openDb();
    await db.run(`CREATE TABLE csm_portfolio (month VARCHAR, csm VARCHAR, mrr DOUBLE)`);
    for (const r of ROWS) await db.run(`INSERT INTO csm_portfolio VALUES (?, ?, ?)`, r);
  });
  afterAll(() => db.close());

  it("ranks the named CSMs by their book's MRR in the as-of month; a CSM without one ranks last", async () => {
    expect((await db.all(csmShownSql(ctx, {cap: 10}))).map((r) => r.csm)).toEqual(["Mori", "Sato", "Ito", "Kato"]);
  });

  it("keeps every month of the whole book, the unassigned accounts and the largest books, in the table's order", async () => {
    const rows = await db.all(csmPortfolioSql(ctx, {cap: 2}));
    expect(rows.map((r) => `${r.month} ${r.csm}`)).toEqual([
      "2024-03 all",
      "2024-03 (none)",
      "2024-03 Sato",
      "2024-04 all",
      "2024-04 Mori",
      "2024-04 Sato"
    ]);
  });

  it("under the cap, every CSM is written", async () => {
    const files = await writeDataset(csmPortfolio, db, ctx);
    expect(arrowRows(files.get("csm_portfolio_top.arrow")!).rows).toHaveLength(ROWS.length);
  });
});
