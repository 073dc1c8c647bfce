/**
 * The sample company, generated: every input table of the data contract for `accounts` customers
 * over `months` months ending with `end`, fully determined by `seed`.
 *
 * Accounts are simulated one at a time and their rows appended to per-table CSV writers, so
 * memory depends on neither the number of accounts (beyond the set of names) nor the length of
 * the history. Each account draws from its own random streams (one per concern), so the same
 * arguments always give byte-identical files.
 */
import {mkdirSync, renameSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";
import {TABLE_NAMES, type TableName} from "../../loaders/config.js";
import {openDb} from "../../loaders/db.js";
import {drawAccount, drawTeam, startMonthWeights} from "./accounts.js";
import {activityRows} from "./activities.js";
import {historyWindow, isoDate, monthStart} from "./calendar.js";
import {PRODUCTS, type Product} from "./company.js";
import {leadRows} from "./leads.js";
import {drawLifecycle} from "./lifecycle.js";
import {npsResponses} from "./nps.js";
import {observedOnboarding, planOnboarding} from "./onboarding.js";
import {outcomeRows} from "./outcomes.js";
import {rng} from "./random.js";
import {drawLines, monthlyBook} from "./subscriptions.js";
import {supportTickets} from "./support.js";
import {usageRows} from "./usage.js";
import {csvTable, csvToParquet, type TableWriter} from "./write.js";

export interface SampleOptions {
  accounts: number;
  months: number;
  seed: number;
  /** Last month of the history, "YYYY-MM": the sample's fixed "today" is its last day. */
  end: string;
  out: string;
  format: "csv" | "parquet";
}

export const SAMPLE_DEFAULTS: SampleOptions = {accounts: 1500, months: 36, seed: 42, end: "2026-10", out: "data/sample", format: "csv"};

export interface SampleSummary {
  rows: Record<TableName, number>;
  files: string[];
  bytes: number;
}

/** One random stream per concern, so a change in one module leaves the others' draws alone. */
const STREAM = {account: 1, onboarding: 2, lifecycle: 3, subscriptions: 4, usage: 5, outcomes: 6, support: 7, nps: 8, activities: 9, leads: 10};

const productIndex = (p: Product) => PRODUCTS.indexOf(p);

/** "S0000001": fixed-width ids sort the way they were issued. */
function counter(prefix: string): () => string {
  let n = 0;
  return () => prefix + String(++n).padStart(7, "0");
}

export async function generateSample(options: Partial<SampleOptions> = {}): Promise<SampleSummary> {
  const o = {...SAMPLE_DEFAULTS, ...options};
  mkdirSync(o.out, {recursive: true});
  // Write next to the destination first, so an interrupted run leaves the previous sample intact.
  const tmp = join(o.out, `.sample-tmp-${process.pid}`);
  rmSync(tmp, {recursive: true, force: true});
  mkdirSync(tmp);
  try {
    const rows = writeTables(o, tmp);
    const files = await publish(tmp, o);
    return {rows, files, bytes: files.reduce((sum, f) => sum + statSync(f).size, 0)};
  } finally {
    rmSync(tmp, {recursive: true, force: true});
  }
}

/** Simulates every account in turn, appending its rows to one CSV per table in `dir`. */
function writeTables(o: SampleOptions, dir: string): Record<TableName, number> {
  const win = historyWindow(o);
  const team = drawTeam(o.seed, o.accounts);
  const startMonths = startMonthWeights(win);
  const taken = new Set<string>();
  const ids = {subscription: counter("S"), response: counter("R"), ticket: counter("T"), lead: counter("L")};
  const out = Object.fromEntries(TABLE_NAMES.map((t) => [t, csvTable(join(dir, `${t}.csv`), t)])) as Record<TableName, TableWriter>;
  try {
    for (let index = 0; index < o.accounts; ++index) {
      const stream = (s: number) => rng(o.seed, index, s);
      const account = drawAccount(stream(STREAM.account), {index, win, team, taken, startMonths});
      const onboarding = account.existing || account.trialOnly ? null : planOnboarding(stream(STREAM.onboarding), account);
      const life = drawLifecycle(stream(STREAM.lifecycle), account, {win, onboardingStalled: onboarding?.stalled ?? false});
      const lines = drawLines(stream(STREAM.subscriptions), account, life, win);
      const book = monthlyBook(lines, win, productIndex);

      out.accounts.write([[account.id, account.name, account.segment, account.industry, account.region, account.csm, isoDate(account.createdAt)]]);
      out.subscriptions.write(
        lines.map((l) => [ids.subscription(), account.id, l.product, l.plan, isoDate(l.start), l.end === null ? null : isoDate(l.end), l.mrr, l.seats])
      );
      let goLive: number | null = null;
      if (onboarding) {
        // A customer lost in its first spell leaves its onboarding where it was (the month's start is near enough).
        const churn = life.spells[0]?.churnMonth ?? null;
        const observed = observedOnboarding(account, onboarding, {lastDay: win.lastDay, leftOn: churn === null ? null : monthStart(win, churn)});
        out.onboarding.write(observed.rows);
        goLive = observed.goLive;
      }
      out.usage.write(usageRows(stream(STREAM.usage), account, life, book, win));
      out.outcomes.write(outcomeRows(stream(STREAM.outcomes), account, life, book, win));
      const support = supportTickets(stream(STREAM.support), account, life, book, win, ids.ticket);
      out.support_tickets.write(support.rows);
      out.nps_responses.write(npsResponses(stream(STREAM.nps), account, life, book, win, {goLive, resolved: support.resolved, nextId: ids.response}));
      out.csm_activities.write(activityRows(stream(STREAM.activities), account, life, book, win, team));
      out.leads.write(leadRows(stream(STREAM.leads), account, life, book, win, ids.lead));
    }
  } finally {
    for (const w of Object.values(out)) w.close();
  }
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, out[t].rows])) as Record<TableName, number>;
}

/** Moves the CSVs in `dir` to `o.out` (or converts them to Parquet there); returns the files written. */
async function publish(dir: string, o: SampleOptions): Promise<string[]> {
  // Replace every format of the previous sample: a stale accounts.parquet next to a fresh
  // accounts.csv would be read as a second copy of the table.
  for (const t of TABLE_NAMES) {
    for (const ext of [".csv", ".csv.gz", ".parquet"]) rmSync(join(o.out, t + ext), {force: true});
  }
  const files: string[] = [];
  if (o.format === "csv") {
    for (const t of TABLE_NAMES) {
      renameSync(join(dir, `${t}.csv`), join(o.out, `${t}.csv`));
      files.push(join(o.out, `${t}.csv`));
    }
    return files;
  }
  const db = await openDb();
  try {
    await db.run("SET preserve_insertion_order = true");
    for (const t of TABLE_NAMES) {
      await csvToParquet(db, t, join(dir, `${t}.csv`), join(o.out, `${t}.parquet`));
      files.push(join(o.out, `${t}.parquet`));
    }
  } finally {
    db.close();
  }
  return files;
}
