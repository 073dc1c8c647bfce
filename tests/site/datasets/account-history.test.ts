import {createHash} from "node:crypto";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {HEALTH_COMPONENTS} from "../../../loaders/config.js";
import {gunzipSync} from "node:zlib";
import {
  accountHistory, accountHistoryShards, historyFileName, historyShardCount, HISTORY_COLUMNS, HISTORY_SHARDS, shardName, type ShardFile
} from "../../../loaders/site/datasets/account-history.js";
import {accountsIndex} from "../../../loaders/site/datasets/accounts-index.js";
import {buildBook} from "./fixture.js";
import {arrowRows, writeDataset} from "./read.js";

const shardOf = (id: string) => parseInt(createHash("md5").update(id).digest("hex").slice(0, 8), 16) % HISTORY_SHARDS;

describe("account-history-NN.json.gz", () => {
  let db: Db;
  let ctx: MetricContext;
  let shards: ShardFile[];
  beforeAll(async () => {
    ({db, ctx} = await buildBook());
    shards = (await accountHistoryShards(db, ctx)).map((text) => JSON.parse(text));
  });
  afterAll(() => db.close());

  it("writes 256 gzipped shard files for a small book, each valid JSON with the column names", async () => {
    const files = await writeDataset(accountHistory, db, ctx);
    expect([...files.keys()]).toEqual(Array.from({length: 256}, (_, i) => `account-history-${String(i).padStart(3, "0")}.json.gz`));
    for (const bytes of files.values()) expect(JSON.parse(gunzipSync(bytes).toString("utf8")).columns).toEqual(HISTORY_COLUMNS);
    // The shards are the JSON accountHistoryShards gives.
    expect([...files.values()].map((b) => JSON.parse(gunzipSync(b).toString("utf8")))).toEqual(shards);
  });

  it("grows the shard count with the book past 102,400 accounts: ≤ 400 accounts a shard on average, 256 at least, 4096 at most", () => {
    expect([0, 1, 100_000, 102_400, 102_401, 204_800, 409_601, 1_638_400, 1_638_401, 5_000_000].map(historyShardCount)).toEqual([256, 256, 256, 256, 512, 512, 2048, 4096, 4096, 4096]);
    expect([shardName(7), shardName(7, 1024), shardName(1023, 1024), shardName(63, 64), shardName(7, 256)]).toEqual(["007", "0007", "1023", "63", "007"]);
    expect(historyFileName(5, 128)).toBe("account-history-005.json.gz");
  });

  it("carries each account's index row as its profile (an account linked by id needs no index)", async () => {
    const index = arrowRows((await writeDataset(accountsIndex, db, ctx)).get("accounts_index.arrow")!).rows;
    for (const row of index) expect(entry(row.account_id as string).profile).toEqual(row);
  });

  it("puts every account in exactly the shard of its id's MD5, and nowhere else", () => {
    for (const id of ["A", "B", "C", "D"]) {
      const holders = shards.flatMap((s, i) => (id in s.accounts ? [i] : []));
      expect(holders).toEqual([shardOf(id)]);
    }
    expect(shards.reduce((n, s) => n + Object.keys(s.accounts).length, 0)).toBe(4);
  });

  const entry = (id: string) => shards[shardOf(id)].accounts[id];
  // The first six cells of a month; the health drivers' cells are checked below.
  const base = (id: string) => entry(id).months.map((m: unknown[]) => m.slice(0, 6));

  it("holds each account's months (MRR, seats, movement, health) and events, oldest first", () => {
    expect(base("A")).toEqual([
      ["2024-01", 1000, 10, "new", 55, "yellow"],
      ["2024-02", 1000, 10, null, 72.5, "green"],
      ["2024-03", 1200, 12, "expansion", 80, "green"],
      ["2024-04", 1000, 10, "contraction", 77.25, "green"]
    ]);
    const {months: _, profile: __, ...events} = entry("A");
    expect(events).toEqual({
      // Comments are data: stored as written, the page shows them as text.
      nps: [["2024-02-10", 9, "relationship", "Great <script>alert(1)</script>"]],
      activities: [
        ["2024-03-03", "qbr", "Sato"],
        ["2024-04-04", "call", "Sato"]
      ],
      tickets: [["2024-04-02", "high", 3.5, "2024-04-03", 4]]
    });
    // B churns in March: the month its MRR went to 0 is kept (movement churn), nothing after.
    expect(base("B")).toEqual([
      ["2024-01", 500, 5, "new", 35, "red"],
      ["2024-02", 500, 5, null, 30, "red"],
      ["2024-03", 0, null, "churn", null, null]
    ]);
    expect(base("C")).toEqual([
      ["2024-02", 300, 3, "new", null, null],
      ["2024-03", 300, 3, null, 42, "yellow"],
      ["2024-04", 300, 3, null, 38, "red"]
    ]);
    expect(entry("C").nps).toEqual([["2024-04-05", 7, "onboarding", null]]);
    const {profile: _d, ...d} = entry("D");
    expect(d).toEqual({months: [], nps: [], activities: [], tickets: []});
  });

  // The fixture replaces health by hand-written scores after the families ran, so the drivers' cells
  // are checked against the health_drivers and health_products tables they are read from (their
  // values are hand-computed in tests/metrics/health-drivers.test.ts).
  it("carries each month's score change and component changes, and product scores for accounts on several products", async () => {
    const cols = HEALTH_COMPONENTS.map((c) => `${c}_change::DOUBLE AS ${c}_change`).join(", ");
    const drivers = await db.all<Record<string, string | number | null>>(
      `SELECT month, account_id, score_change::DOUBLE AS score_change, ${cols} FROM health_drivers`
    );
    for (const id of ["A", "B", "C"]) {
      for (const m of entry(id).months) {
        const d = drivers.find((r) => r.month === m[0] && r.account_id === id);
        const change = d?.score_change ?? null;
        expect(m[6]).toBe(change === null ? null : Math.round(Number(change) * 100) / 100);
        expect(m[7]).toEqual(change === null ? null : HEALTH_COMPONENTS.map((c) => Math.round(Number(d![`${c}_change`]) * 100) / 100));
      }
    }
    // A is on two products only in March (MA counted in March): MRR shares 1000/1200 and 200/1200.
    const products = entry("A").months.map((m: unknown[]) => (m[8] as [string, number, number][] | null)?.map(([p, share]) => [p, share]) ?? null);
    expect(products).toEqual([null, null, [["CMS", 0.8333], ["MA", 0.1667]], null]);
    for (const id of ["B", "C"]) expect(entry(id).months.every((m: unknown[]) => m[8] === null)).toBe(true);
  });
});
