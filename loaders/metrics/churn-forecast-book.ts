/**
 * What the churn forecast reads, kept small enough for a million accounts (issue 16): the calibration
 * statistics are aggregated in SQL into per-month, per-cell tables (a few hundred rows a month), and
 * the accounts themselves are read one month at a time, only where a forecast is simulated, into typed
 * arrays (MRR and an integer cell code; churn lookups are done in SQL, so no account ids).
 *
 * MRR and churned amounts are DECIMAL sums converted to a double once, so each statistic is the
 * correctly rounded exact sum whatever order DuckDB adds in.
 */
import {ident, type Db} from "../db.js";

export const NO_BAND = "none";

/** One cell of an origin month: accounts active in it (n) and their Σ MRR. */
export interface MonthCell {
  cell: string;
  n: number;
  mrr: number;
}

/** The churners of origin month m at horizon h (they churned in m + h). */
export interface ChurnStats {
  /** Per cell at m: churners (c) and their Σ MRR at m. */
  cells: Map<string, {c: number; mrr: number}>;
  /** Σ churned amount (MRR in the month before the churn). */
  amount: number;
  /** Σ churned amount². */
  squares: number;
  /** Σ MRR at m of the churners. */
  mrr: number;
}

/** Everything the forecast reads except the accounts of a month, by month index (0 = first month). */
export interface Book {
  months: string[];
  /** Active accounts (MRR > 0) per month, and their Σ MRR. */
  accounts: number[];
  mrrSum: number[];
  /** Per month, its cells in the order their first account (by account id) appears. */
  cells: MonthCell[][];
  /** churners[m][h]; absent when nobody active in m churned in m + h. */
  churners: (ChurnStats | undefined)[][];
  /** Churned MRR of each month (mrr_movements). */
  churnMrr: number[];
  /** Cell of each integer cell code (readMonth). */
  cellNames: string[];
}

/** The accounts active in one month, in account id order: MRR and cell code (Book.cellNames). */
export interface MonthAccounts {
  mrr: Float64Array;
  cell: Int32Array;
}

/**
 * Stages the active account-months (temp tables __cf_*) and reads the calibration statistics of
 * horizons 1..maxHorizon. The cell: health band in the month (or 'none') × the first segment
 * dimension. Finer health bins (10-point score bins) and a first-year flag were tried: neither
 * improved the backtest consistently.
 */
export async function readBook(db: Db, dimension: string | null, maxHorizon: number): Promise<Book> {
  const months = (await db.all<{month: string}>(`SELECT month FROM months ORDER BY idx`)).map((r) => r.month);
  const parts = [`coalesce(h.band, '${NO_BAND}')`, dimension ? `am.${ident(dimension)}` : "'all'"];
  // k: the account's rank by account id, so "account id order" is an integer sort.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __cf_active AS
    WITH ids AS (SELECT account_id, (row_number() OVER (ORDER BY account_id))::INTEGER AS k
                 FROM (SELECT DISTINCT account_id FROM account_months WHERE mrr > 0))
    SELECT mo.idx::INTEGER AS idx, ids.k, am.account_id, am.mrr, concat_ws('|', ${parts.join(", ")}) AS cell
    FROM account_months am JOIN months mo USING (month) JOIN ids USING (account_id) LEFT JOIN health h USING (month, account_id)
    WHERE am.mrr > 0`);
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __cf_cells AS
    SELECT cell, (row_number() OVER (ORDER BY cell) - 1)::INTEGER AS code FROM (SELECT DISTINCT cell FROM __cf_active)`);
  // Each churn against the account's active months up to the longest horizon before it: h = churn month − m.
  await db.run(`
    CREATE OR REPLACE TEMP TABLE __cf_churners AS
    SELECT a.idx AS m, (c.idx - a.idx)::INTEGER AS h, a.cell, a.mrr, c.amount
    FROM (SELECT mo.idx::INTEGER AS idx, account_id, amount FROM account_movements JOIN months mo USING (month) WHERE movement = 'churn') c
    JOIN __cf_active a ON a.account_id = c.account_id AND a.idx BETWEEN c.idx - ${maxHorizon} AND c.idx - 1`);

  const accounts = months.map(() => 0);
  const mrrSum = months.map(() => 0);
  for (const r of await db.all<{idx: number; n: number; mrr: number}>(`SELECT idx, count(*) AS n, sum(mrr) AS mrr FROM __cf_active GROUP BY idx`)) {
    accounts[r.idx] = r.n;
    mrrSum[r.idx] = r.mrr;
  }
  const cells: MonthCell[][] = months.map(() => []);
  for (const r of await db.all<{idx: number; cell: string; n: number; mrr: number}>(`
      SELECT idx, cell, count(*) AS n, sum(mrr) AS mrr FROM __cf_active GROUP BY idx, cell ORDER BY idx, min(k)`)) {
    cells[r.idx].push({cell: r.cell, n: r.n, mrr: r.mrr});
  }
  const churners: Book["churners"] = months.map(() => []);
  for (const r of await db.all<{m: number; h: number; amount: number; squares: number; mrr: number}>(`
      SELECT m, h, sum(amount) AS amount, sum(amount * amount) AS squares, sum(mrr) AS mrr FROM __cf_churners GROUP BY m, h`)) {
    churners[r.m][r.h] = {cells: new Map(), amount: r.amount, squares: r.squares, mrr: r.mrr};
  }
  for (const r of await db.all<{m: number; h: number; cell: string; c: number; mrr: number}>(`
      SELECT m, h, cell, count(*) AS c, sum(mrr) AS mrr FROM __cf_churners GROUP BY m, h, cell`)) {
    churners[r.m][r.h]!.cells.set(r.cell, {c: r.c, mrr: r.mrr});
  }
  const cellNames: string[] = [];
  for (const r of await db.all<{cell: string; code: number}>(`SELECT cell, code FROM __cf_cells`)) cellNames[r.code] = r.cell;
  const churnMrr = (await db.all<{churn: number}>(`SELECT churn::DOUBLE AS churn FROM mrr_movements JOIN months USING (month) ORDER BY idx`)).map(
    (r) => r.churn
  );
  return {months, accounts, mrrSum, cells, churners, churnMrr, cellNames};
}

/** The accounts active in month index x, streamed chunk by chunk into typed arrays. */
export async function readMonth(db: Db, book: Book, x: number): Promise<MonthAccounts> {
  const n = book.accounts[x];
  const out: MonthAccounts = {mrr: new Float64Array(n), cell: new Int32Array(n)};
  const result = await db.connection.stream(
    `SELECT a.mrr::DOUBLE AS mrr, c.code FROM __cf_active a JOIN __cf_cells c USING (cell) WHERE a.idx = ${x} ORDER BY a.k`
  );
  let i = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    out.mrr.set(chunk.getColumnValues(0) as number[], i);
    out.cell.set(chunk.getColumnValues(1) as number[], i);
    i += chunk.rowCount;
  }
  if (i !== n) throw new Error(`churn forecast: month ${book.months[x]} has ${i} active accounts, expected ${n}`);
  return out;
}

/** Drops the staged tables (they hold every active account-month). */
export async function dropBook(db: Db): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS __cf_churners; DROP TABLE IF EXISTS __cf_cells; DROP TABLE IF EXISTS __cf_active`);
}
