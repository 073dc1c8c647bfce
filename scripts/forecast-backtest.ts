/**
 * npx tsx scripts/forecast-backtest.ts [--books LIST] [--dir DIR]
 *
 * How good the churn forecast is on several books: generates companies of other seeds and sizes
 * (scripts/sample/) into DIR (kept between runs: a book is generated once), runs the pipeline up to
 * the churn forecast on each, and prints per horizon (1, 2, 3 months and the quarter) the backtest
 * months, the coverage of the 80% intervals, the aggregate error |Σ expected − Σ actual| / Σ actual
 * (the acceptance's "aggregate backtest error", as in churn_forecast_backtest), the WAPE, the bias
 * Σ expected / Σ actual, and the aggregate error chance alone would give (error_sd). A measurement, not a test: it takes minutes.
 *
 * LIST: comma-separated books, "sample" (the committed data/sample) or ACCOUNTS:MONTHS:SEED.
 */
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {tmpdir} from "node:os";
import {loadConfig} from "../loaders/config.js";
import {openDb} from "../loaders/db.js";
import {ingest} from "../loaders/ingest/index.js";
import {metricContext} from "../loaders/metrics/calendar.js";
import {FAMILIES} from "../loaders/metrics/index.js";
import {generateSample} from "./sample/index.js";

const DEFAULT_BOOKS = "sample,1500:36:99,3000:36:11,800:48:7,300:24:5,300:24:21,600:36:3";

const {values} = parseArgs({options: {books: {type: "string"}, dir: {type: "string"}}});
const dir = resolve(values.dir ?? join(tmpdir(), "forecast-books"));
const books = (values.books ?? DEFAULT_BOOKS).split(",");

/** Generates the book (unless already there) and returns its data directory. */
async function bookDir(book: string): Promise<string> {
  if (book === "sample") return resolve(import.meta.dirname, "..", "data/sample");
  const [accounts, months, seed] = book.split(":").map(Number);
  const out = join(dir, `${accounts}x${months}s${seed}`);
  if (!existsSync(join(out, "accounts.csv"))) await generateSample({accounts, months, seed, out, end: "2026-10", format: "csv"});
  return out;
}

interface BacktestRow {
  horizon: string;
  months: number;
  coverage: number;
  sum_expected: number;
  sum_actual: number;
  error: number;
  wape: number;
  error_sd: number;
}

async function measure(book: string): Promise<BacktestRow[]> {
  const data = await bookDir(book);
  const config = await loadConfig({...process.env, CS_DATA_DIR: data, CS_CONFIG: undefined});
  const db = await openDb(":memory:", {memoryLimit: config.memoryLimit});
  try {
    await ingest(db, config);
    const ctx = await metricContext(db, config);
    // Every family up to the forecast (later families may not be built before it).
    for (const family of FAMILIES) {
      await family.build(db, ctx);
      if (family.name === "churn-forecast") break;
    }
    return await db.all<BacktestRow>(`
      SELECT horizon, months::INTEGER AS months, coverage, sum_expected::DOUBLE AS sum_expected,
             sum_actual::DOUBLE AS sum_actual, error, wape, error_sd FROM churn_forecast_backtest ORDER BY horizon`);
  } finally {
    db.close();
  }
}

const pct = (v: number | null) => (v === null ? "    –" : `${(100 * v).toFixed(1).padStart(5)}%`);
console.log(`books in ${dir}`);
console.log(["book".padEnd(14), "horizon", "months", "coverage", " error ", "  wape ", "  bias", "chance SD"].join("  "));
const all: Record<string, {e: number; a: number}> = {};
for (const book of books) {
  for (const r of await measure(book)) {
    const bias = r.sum_actual > 0 ? r.sum_expected / r.sum_actual : NaN;
    console.log([book.padEnd(14), r.horizon.padEnd(7), String(r.months).padStart(6), pct(r.coverage).padStart(8), pct(r.error), pct(r.wape), bias.toFixed(3).padStart(6), pct(r.error_sd).padStart(9)].join("  "));
    const t = (all[r.horizon] ??= {e: 0, a: 0});
    t.e += r.sum_expected;
    t.a += r.sum_actual;
  }
}
console.log(`pooled bias (Σ expected / Σ actual over every book): ${Object.entries(all).map(([h, t]) => `${h} ${(t.e / t.a).toFixed(3)}`).join(", ")}`);
