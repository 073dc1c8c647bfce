import {createHash} from "node:crypto";
import {readdirSync, readFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {TABLE_NAMES} from "../../loaders/config.js";
import {openDb} from "../../loaders/db.js";
import {SAMPLE_DEFAULTS} from "../../scripts/sample/index.js";
import {generate, removeGenerated} from "./fixture.js";

const small = {accounts: 300, months: 24, end: "2025-06"};

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")])
  );
}

describe("sample generator: determinism", () => {
  const dbs: {close(): void}[] = [];
  afterAll(() => {
    dbs.forEach((db) => db.close());
    removeGenerated();
  });

  it("gives byte-identical files for the same arguments", async () => {
    const a = await generate("det-a", {...small, seed: 5});
    const b = await generate("det-b", {...small, seed: 5});
    expect(readdirSync(a).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.csv`).sort());
    expect(digest(b)).toEqual(digest(a));
  });

  it("gives a different company for a different seed", async () => {
    const a = await generate("det-c", {...small, seed: 5});
    const b = await generate("det-d", {...small, seed: 6});
    const da = digest(a);
    const db = digest(b);
    for (const file of Object.keys(da)) expect(db[file], file).not.toBe(da[file]);
    const names = (dir: string) => readFileSync(join(dir, "accounts.csv"), "utf8").split("\n").slice(1, 21).join("\n");
    expect(names(b)).not.toBe(names(a));
  });

  it("writes Parquet with the contract's types and the same rows, deterministically", async () => {
    const csv = await generate("det-csv", {...small, seed: 9});
    const pq1 = await generate("det-pq1", {...small, seed: 9, format: "parquet"});
    const pq2 = await generate("det-pq2", {...small, seed: 9, format: "parquet"});
    expect(readdirSync(pq1).sort()).toEqual(TABLE_NAMES.map((t) => `${t}.parquet`).sort());
    expect(digest(pq2)).toEqual(digest(pq1));
    const db = await openDb();
    dbs.push(db);
    for (const t of TABLE_NAMES) {
      const [fromCsv] = await db.all<{n: number}>(`SELECT count(*) AS n FROM read_csv(?, header = true, quote = '"', escape = '"')`, [join(csv, `${t}.csv`)]);
      const [fromParquet] = await db.all<{n: number}>(`SELECT count(*) AS n FROM read_parquet(?)`, [join(pq1, `${t}.parquet`)]);
      expect(fromParquet.n, t).toBe(fromCsv.n);
    }
    const types = Object.fromEntries(
      (await db.columns(`SELECT * FROM read_parquet('${join(pq1, "subscriptions.parquet")}')`)).map((c) => [c.name, c.type])
    );
    expect(types).toMatchObject({start_date: "DATE", end_date: "DATE", mrr: "DECIMAL(18,2)", seats: "BIGINT"});
    const tickets = await db.columns(`SELECT * FROM read_parquet('${join(pq1, "support_tickets.parquet")}')`);
    expect(tickets.find((c) => c.name === "created_at")?.type).toBe("TIMESTAMP");
  });

  it("is what data/sample holds: the committed sample is the default output", async () => {
    const committed = resolve(import.meta.dirname, "../../data/sample");
    const fresh = await generate("det-default", {...SAMPLE_DEFAULTS});
    expect(digest(fresh)).toEqual(Object.fromEntries(Object.entries(digest(committed)).filter(([f]) => f.endsWith(".csv"))));
  });
});
