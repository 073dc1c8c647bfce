/**
 * Loads a fixture directory of contract CSVs (tests/fixtures/metrics/<name>/) as hand-written rows for
 * buildFamilies: every cell as text (DuckDB casts it to the staged column's type), empty cells as NULL.
 * The same directories feed the CLI end-to-end test through the real ingest.
 */
import {readdirSync} from "node:fs";
import {basename, join, resolve} from "node:path";
import type {TableName, UserConfig} from "../../loaders/config.js";
import {openDb, type Param} from "../../loaders/db.js";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {churn} from "../../loaders/metrics/churn.js";
import {movements} from "../../loaders/metrics/movements.js";
import {nps} from "../../loaders/metrics/nps.js";
import {retention} from "../../loaders/metrics/retention.js";
import {revenueRetention} from "../../loaders/metrics/revenue-retention.js";
import {segmentMonths} from "../../loaders/metrics/segments.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";

/** The families of issue #5 with their dependencies, in build order (as in loaders/metrics/index.ts). */
export const CORE_FAMILIES = [accountMonths, movements, segmentMonths, churn, revenueRetention, retention, nps];

export const FIXTURES_DIR = resolve(import.meta.dirname, "../fixtures/metrics");

export async function loadFixture(name: string): Promise<Fixture> {
  const dir = join(FIXTURES_DIR, name);
  const db = await openDb();
  const fixture: Fixture = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv")).sort()) {
    const rows = await db.all<Record<string, Param>>(
      `SELECT * FROM read_csv(?, header = true, all_varchar = true, quote = '"', escape = '"')`,
      [join(dir, file)]
    );
    fixture[basename(file, ".csv") as TableName] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== ""))
    );
  }
  db.close();
  return fixture;
}

/** Builds the core families on a fixture directory. */
export async function buildFixture(name: string, config: UserConfig = {}) {
  return buildFamilies(await loadFixture(name), CORE_FAMILIES, config);
}
