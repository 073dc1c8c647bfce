/**
 * Test helper: generate a sample into tests/.tmp/ and load it into DuckDB with the contract's
 * column types (read directly, not through ingest, so the generator is checked against the
 * contract itself), plus `account_months`: every account's MRR per month by the contract's
 * month rule (a line counts in M when start_date <= last day of M < end_date).
 */
import {mkdirSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {TABLE_NAMES} from "../../loaders/config.js";
import {literal, openDb, type Db} from "../../loaders/db.js";
import {SCHEMA, SQL_TYPES} from "../../loaders/ingest/schema.js";
import {generateSample, type SampleOptions} from "../../scripts/sample/index.js";

export const TMP = resolve(import.meta.dirname, "../.tmp");

const made: string[] = [];

/** A fresh directory under tests/.tmp/ (unique per test file: vitest runs files in parallel). */
export function tmpDir(name: string): string {
  const dir = join(TMP, `${name}-${process.pid}`);
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  made.push(dir);
  return dir;
}

/** Removes the directories this test file generated (call from afterAll). */
export function removeGenerated(): void {
  for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
}

export async function generate(name: string, options: Partial<SampleOptions>): Promise<string> {
  const out = tmpDir(name);
  await generateSample({...options, out});
  return out;
}

/** Loads the 8 CSVs of `dir` with their contract types, and builds account_months for the window. */
export async function loadSample(dir: string, {months, end}: {months: number; end: string}): Promise<Db> {
  const db = await openDb();
  for (const t of TABLE_NAMES) {
    const columns = SCHEMA[t].columns.map((c) => `${literal(c.name)}: ${literal(SQL_TYPES[c.type])}`).join(", ");
    await db.run(`CREATE TABLE ${t} AS SELECT * FROM read_csv(${literal(join(dir, `${t}.csv`))}, header = true,
      auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '', columns = {${columns}})`);
  }
  const first = `(DATE '${end}-01' - INTERVAL ${months - 1} MONTH)::DATE`;
  await db.run(`
    CREATE TABLE months AS
      SELECT i AS m, (${first} + to_months(i::INTEGER))::DATE AS first_day, last_day(${first} + to_months(i::INTEGER)) AS last_day
      FROM range(${months}) r(i);
    CREATE TABLE account_months AS
      SELECT a.account_id, a.segment, mo.m, mo.first_day,
        coalesce(sum(s.mrr), 0)::DOUBLE AS mrr,
        list_distinct(list(s.product) FILTER (WHERE s.mrr > 0)) AS products
      FROM accounts a CROSS JOIN months mo
      LEFT JOIN subscriptions s ON s.account_id = a.account_id AND s.start_date <= mo.last_day
        AND (s.end_date IS NULL OR s.end_date > mo.last_day)
      GROUP BY ALL;
    -- Each month after the first: was the account a customer at the end of M-1, and did it churn in M?
    CREATE TABLE transitions AS
      SELECT cur.account_id, cur.segment, cur.m, prev.mrr AS mrr_prev, cur.mrr, prev.products AS products_prev,
        prev.mrr > 0 AND cur.mrr = 0 AS churned
      FROM account_months cur JOIN account_months prev ON prev.account_id = cur.account_id AND prev.m = cur.m - 1;
  `);
  return db;
}

/** Area under the ROC curve of `score` for predicting `label` (higher score = more likely positive). */
export function auc(items: {score: number; label: boolean}[]): number {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j].score === sorted[i].score) ++j;
    const rank = (i + 1 + j) / 2; // average rank of the tie block
    for (let k = i; k < j; ++k) if (sorted[k].label) {
      rankSum += rank;
      ++positives;
    }
    i = j;
  }
  const negatives = sorted.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
