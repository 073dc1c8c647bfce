/**
 * The generated sample against the data contract's rules, checked directly (not through ingest):
 * headers, types, ids, references, ranges, date order, and nothing observed after the export date.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {TABLE_NAMES} from "../../loaders/config.js";
import type {Db} from "../../loaders/db.js";
import {SCHEMA} from "../../loaders/ingest/schema.js";
import {generate, loadSample, removeGenerated} from "./fixture.js";

const OPTIONS = {accounts: 2000, months: 36, end: "2026-10", seed: 11};
const FIRST = "2023-11-01";
const LAST = "2026-10-31";

let dir: string;
let db: Db;

beforeAll(async () => {
  dir = await generate("contract", OPTIONS);
  db = await loadSample(dir, OPTIONS);
});
afterAll(() => {
  db?.close();
  removeGenerated();
});

/** Number of rows matching a condition. */
async function count(sql: string): Promise<number> {
  const [row] = await db.all<{n: number}>(`SELECT count(*) AS n FROM ${sql}`);
  return row.n;
}

describe("sample generator: data contract", () => {
  it("writes every table with exactly the contract's header", () => {
    for (const t of TABLE_NAMES) {
      const text = readFileSync(join(dir, `${t}.csv`), "utf8");
      expect(text.charCodeAt(0), t).not.toBe(0xfeff);
      expect(text.slice(0, text.indexOf("\n")), t).toBe(SCHEMA[t].columns.map((c) => c.name).join(","));
      expect(text.endsWith("\n"), t).toBe(true);
      expect(text.includes("\r"), t).toBe(false);
    }
  });

  it("has rows in every table, in typed form (dates, timestamps, decimals and integers all parse)", async () => {
    for (const t of TABLE_NAMES) expect(await count(t), t).toBeGreaterThan(100);
    expect(await count("accounts")).toBe(OPTIONS.accounts);
  });

  it("keeps required values present and ids unique", async () => {
    for (const t of TABLE_NAMES) {
      for (const c of SCHEMA[t].columns) {
        if (c.required) expect(await count(`${t} WHERE "${c.name}" IS NULL`), `${t}.${c.name}`).toBe(0);
        if (c.unique) expect(await count(`(SELECT "${c.name}" FROM ${t} GROUP BY 1 HAVING count(*) > 1)`), `${t}.${c.name}`).toBe(0);
      }
    }
    // Optional ids are given everywhere in the sample.
    expect(await count("subscriptions WHERE subscription_id IS NULL")).toBe(0);
    expect(await count("nps_responses WHERE response_id IS NULL")).toBe(0);
  });

  it("references only known accounts", async () => {
    for (const t of TABLE_NAMES.filter((t) => t !== "accounts")) {
      expect(await count(`${t} x WHERE x.account_id IS NOT NULL AND x.account_id NOT IN (SELECT account_id FROM accounts)`), t).toBe(0);
    }
  });

  it("keeps numbers in range: MRR and seats >= 0 with at most 2 decimals, scores 0..10, CSAT 1..5", async () => {
    expect(await count("subscriptions WHERE mrr < 0 OR seats < 0")).toBe(0);
    const mrrText = await db.all<{mrr: string}>(`SELECT mrr FROM read_csv('${join(dir, "subscriptions.csv")}', header = true, all_varchar = true)`);
    expect(mrrText.filter((r) => !/^\d+(\.\d{1,2})?$/.test(r.mrr))).toEqual([]);
    expect(await count("nps_responses WHERE score NOT BETWEEN 0 AND 10")).toBe(0);
    expect(await count("support_tickets WHERE csat NOT BETWEEN 1 AND 5")).toBe(0);
    expect(await count("usage WHERE active_users < 0 OR seats < 0 OR key_events < 0")).toBe(0);
    expect(await count("outcomes WHERE value < 0")).toBe(0);
  });

  it("orders dates: end_date > start_date, responses after tickets open, milestones complete after they start", async () => {
    expect(await count("subscriptions WHERE end_date <= start_date")).toBe(0);
    expect(await count("support_tickets WHERE first_response_at < created_at OR resolved_at < first_response_at")).toBe(0);
    expect(await count("support_tickets WHERE resolved_at IS NOT NULL AND first_response_at IS NULL")).toBe(0);
    expect(await count("onboarding WHERE completed_at < started_at OR (completed_at IS NOT NULL AND started_at IS NULL)")).toBe(0);
    expect(await count("accounts a WHERE created_at > (SELECT min(start_date) FROM subscriptions s WHERE s.account_id = a.account_id)")).toBe(0);
  });

  it("observes nothing outside the history (only contract end dates run into the future)", async () => {
    const outside = (col: string) => `(${col} < DATE '${FIRST}' OR ${col} > DATE '${LAST}')`;
    expect(await count(`subscriptions WHERE ${outside("start_date")}`)).toBe(0);
    expect(await count(`nps_responses WHERE ${outside("responded_at")}`)).toBe(0);
    expect(await count(`usage WHERE ${outside("month")} OR day(month) <> 1`)).toBe(0);
    expect(await count(`outcomes WHERE ${outside("month")} OR day(month) <> 1`)).toBe(0);
    expect(await count(`csm_activities WHERE ${outside("date")}`)).toBe(0);
    expect(await count(`onboarding WHERE ${outside("started_at")} OR ${outside("completed_at")}`)).toBe(0);
    for (const c of ["created_at", "first_response_at", "resolved_at"]) {
      expect(await count(`support_tickets WHERE ${outside(`${c}::DATE`)}`), c).toBe(0);
    }
    expect(await count(`subscriptions WHERE end_date > DATE '${LAST}'`)).toBeGreaterThan(0);
  });

  it("writes usage and outcomes only for months the account pays for", async () => {
    const unpaid = (t: string) =>
      count(`${t} x JOIN account_months am ON am.account_id = x.account_id AND am.first_day = x.month WHERE am.mrr = 0`);
    expect(await unpaid("usage")).toBe(0);
    expect(await unpaid("outcomes")).toBe(0);
    // and every paid month has usage
    expect(await count("account_months am WHERE mrr > 0 AND NOT EXISTS (SELECT 1 FROM usage u WHERE u.account_id = am.account_id AND u.month = am.first_day)")).toBe(0);
  });

  it("round-trips text that needs quoting (commas, quotes, line breaks) through RFC 4180", async () => {
    expect(await count(`accounts WHERE account_name LIKE '%,%'`)).toBeGreaterThan(0);
    expect(await count(`nps_responses WHERE comment LIKE '%"%'`)).toBeGreaterThan(0);
    expect(await count(`nps_responses WHERE comment LIKE '%' || chr(10) || '%'`)).toBeGreaterThan(0);
    const [{n}] = await db.all<{n: number}>(`SELECT count(*) AS n FROM nps_responses WHERE comment = 'The "drag and drop" page editor saved us weeks of agency work.'`);
    expect(n).toBeGreaterThan(0);
  });
});
