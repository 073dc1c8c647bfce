// issue 16: the README's DuckDB usage roll-up (the block after <!-- rollup:duckdb -->) runs on a
// small event file, and its hive-partitioned Parquet output ingests as the usage table.
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {PROJECT_ROOT, resolveConfig} from "../../loaders/config.js";
import {literal, openDb} from "../../loaders/db.js";
import {ingest} from "../../loaders/ingest/index.js";

const dir = mkdtempSync(join(tmpdir(), "cs-rollup-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function readmeSql(): string {
  const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
  const block = /<!-- rollup:duckdb -->\n```sql\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no <!-- rollup:duckdb --> sql block");
  return block;
}

describe("README: the DuckDB usage roll-up", () => {
  it("rolls events up to Tokyo months (distinct users, key events), and the partitioned output ingests", async () => {
    const sql = readmeSql();
    expect(sql).toContain("'events/*.parquet'");
    expect(sql).toContain("'exports/usage'");
    const db = await openDb();
    mkdirSync(join(dir, "events"));
    // Hand-computed months in Asia/Tokyo (UTC+9):
    //  A1: Jan: u1 report_published (key), u2 login -> 2 users, 1 key event
    //      Feb: u1 campaign_sent at 2024-01-31 20:00Z = Feb 1 05:00 Tokyo (key), u1 login -> 1 user, 1 key event
    //  A2: Feb: u3 report_published twice -> 1 user, 2 key events
    await db.run(`COPY (SELECT account_id, user_id, event_name, CAST(ts AS TIMESTAMPTZ) AS occurred_at FROM (VALUES
      ('A1', 'u1', 'report_published', '2024-01-10 03:00:00+00'),
      ('A1', 'u2', 'login', '2024-01-20 03:00:00+00'),
      ('A1', 'u1', 'campaign_sent', '2024-01-31 20:00:00+00'),
      ('A1', 'u1', 'login', '2024-02-15 03:00:00+00'),
      ('A2', 'u3', 'report_published', '2024-02-01 00:00:00+00'),
      ('A2', 'u3', 'report_published', '2024-02-02 00:00:00+00')
    ) t(account_id, user_id, event_name, ts)) TO ${literal(join(dir, "events", "part-0.parquet"))} (FORMAT parquet)`);

    const data = join(dir, "data");
    mkdirSync(data);
    await db.run(sql.replace("'events/*.parquet'", literal(join(dir, "events", "*.parquet"))).replace("'exports/usage'", literal(join(data, "usage"))));
    db.close();
    expect(readdirSync(join(data, "usage")).sort()).toEqual(["month=2024-01", "month=2024-02"]);

    writeFileSync(join(data, "accounts.csv"), "account_id,account_name\nA1,Acme\nA2,Beta\n");
    writeFileSync(join(data, "subscriptions.csv"), "subscription_id,account_id,product,plan,start_date,end_date,mrr,seats\nS1,A1,CMS,Pro,2023-02-01,,100,5\n");
    const staged = await openDb();
    const report = await ingest(staged, resolveConfig({dataDir: data, timeZone: "Asia/Tokyo"}));
    expect(await staged.all(`SELECT account_id, month, active_users, key_events FROM usage ORDER BY account_id, month`)).toEqual([
      {account_id: "A1", month: "2024-01-01", active_users: 2, key_events: 1},
      {account_id: "A1", month: "2024-02-01", active_users: 1, key_events: 1},
      {account_id: "A2", month: "2024-02-01", active_users: 1, key_events: 2}
    ]);
    expect(report.tables.find((t) => t.table === "usage")).toMatchObject({file: "usage/", rowsRead: 3, rowsAccepted: 3, rowsRejected: 0});
    staged.close();
  });
});
