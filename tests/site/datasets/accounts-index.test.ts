import {createHash} from "node:crypto";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {accountsIndex, accountsSummary, accountsTopSql} from "../../../loaders/site/datasets/accounts-index.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

/** The shard rule written independently: first 32 bits of the MD5 of the id, modulo 256 (a small book). */
const shard = (id: string) => parseInt(createHash("md5").update(id).digest("hex").slice(0, 8), 16) % 256;

describe("accounts_index.arrow", () => {
  let db: Db;
  let ctx: MetricContext;
  beforeAll(async () => ({db, ctx} = await buildBook()));
  afterAll(() => db.close());

  it("has one row per account with its as-of status, MRR, health, latest NPS and history shard", async () => {
    const files = await writeDataset(accountsIndex, db, ctx);
    expect([...files.keys()]).toEqual(["accounts_index.arrow", "accounts_summary.json", "accounts_top.arrow"]);
    const {rows} = arrowRows(files.get("accounts_index.arrow")!);
    const base = {health_score: null, health_band: null, nps_score: null, nps_date: null};
    expect(rows).toEqual([
      // Paying in April (1000 after the MA line ended); health of April; NPS of February.
      {account_id: "A", account_name: "Alpha <b>", segment: "Enterprise", industry: "Retail", csm: "Sato", status: "active", mrr: 1000,
       first_month: "2024-01", last_month: "2024-04", health_score: 77.25, health_band: "green", nps_score: 9, nps_date: "2024-02-10", shard: shard("A")},
      // Churned in March: MRR 0 now, no health in April; the name is data, kept as written.
      {...base, account_id: "B", account_name: "=HYPERLINK()", segment: "SMB", industry: "IT", csm: null, status: "churned", mrr: 0,
       first_month: "2024-01", last_month: "2024-02", nps_score: 3, nps_date: "2024-02-20", shard: shard("B")},
      {account_id: "C", account_name: "Gamma", segment: "SMB", industry: "Retail", csm: "Sato", status: "active", mrr: 300,
       first_month: "2024-02", last_month: "2024-04", health_score: 38, health_band: "red", nps_score: 7, nps_date: "2024-04-05", shard: shard("C")},
      // Never had a line counted.
      {...base, account_id: "D", account_name: "Delta", segment: "Mid-Market", industry: "IT", csm: null, status: "none", mrr: 0,
       first_month: null, last_month: null, shard: shard("D")}
    ]);
  });

  it("dictionary-encodes the repeated columns and keeps counts as integers", async () => {
    const {types} = arrowRows((await writeDataset(accountsIndex, db, ctx)).get("accounts_index.arrow")!);
    expect(types).toMatchObject({
      account_id: "Dictionary<Int8, Utf8>",
      segment: "Dictionary<Int8, Utf8>",
      csm: "Dictionary<Int8, Utf8>",
      status: "Dictionary<Int8, Utf8>",
      mrr: "Float64",
      nps_score: "Int32",
      shard: "Int32"
    });
  });

  it("lists the top accounts by as-of MRR (largest first, ties by id), capped, with the index's columns", async () => {
    const index = arrowRows((await writeDataset(accountsIndex, db, ctx)).get("accounts_index.arrow")!).rows;
    const byId = Object.fromEntries(index.map((r) => [r.account_id, r]));
    // MRR in April: A 1000, C 300, B 0 and D 0 (a tie, kept in id order).
    const top = await db.all(accountsTopSql(ctx));
    expect(top.map((r) => r.account_id)).toEqual(["A", "C", "B", "D"]);
    const capped = await db.all(accountsTopSql(ctx, 64, 2));
    expect(capped.map((r) => r.account_id)).toEqual(["A", "C"]);
    const {rows} = arrowRows((await writeDataset(accountsIndex, db, ctx)).get("accounts_top.arrow")!);
    expect(rows).toEqual(["A", "C", "B", "D"].map((id) => byId[id]));
  });

  it("counts the book by status and says how many the top list holds and how many shards there are", async () => {
    const files = await writeDataset(accountsIndex, db, ctx);
    expect(JSON.parse(files.get("accounts_summary.json")!.toString("utf8"))).toEqual({
      accounts: 4, status: {active: 2, churned: 1, none: 1}, top: 4, shards: 256
    });
    // With a top list of 3, the page knows the list is the top 3 of 4.
    expect(await accountsSummary(db, ctx, 3)).toEqual({accounts: 4, status: {active: 2, churned: 1, none: 1}, top: 3});
  });
});
