/** Runs the whole pipeline on a billing fixture (tests/fixtures/billing/NAME) and reads MRR back. */
import {join} from "node:path";
import {resolveConfig, type UserConfig} from "../../../loaders/config.js";
import type {Db} from "../../../loaders/db.js";
import {runPipeline, type PipelineResult} from "../../../loaders/pipeline.js";

export const billingFixture = (name: string) => join("tests/fixtures/billing", name);

export async function pipelineOn(name: string, config: UserConfig = {}): Promise<PipelineResult> {
  return runPipeline(resolveConfig({...config, dataDir: billingFixture(name)}));
}

/** {account: {month: mrr}} from account_months (every account-month with a counted line). */
export async function mrrByAccount(db: Db): Promise<Record<string, Record<string, number>>> {
  const rows = await db.all<{account_id: string; month: string; mrr: number}>(`SELECT account_id, month, mrr FROM account_months ORDER BY account_id, month`);
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows) (out[r.account_id] ??= {})[r.month] = r.mrr;
  return out;
}

/** The same MRR for every month from `from` to `to` ("YYYY-MM", same year). */
export function months(from: string, to: string, mrr: number): Record<string, number> {
  const [y, a] = from.split("-").map(Number);
  const b = Number(to.split("-")[1]);
  return Object.fromEntries(Array.from({length: b - a + 1}, (_, i) => [`${y}-${String(a + i).padStart(2, "0")}`, mrr]));
}
