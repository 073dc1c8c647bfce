/**
 * Checks on a whole staged table, after its rows were checked one by one (stage.ts):
 * - a required table must keep at least one accepted row: a header-only file, or one whose every row
 *   was quarantined, would otherwise give an all-zero report that looks real;
 * - the total of a money column must stay far inside the staged DECIMAL(18,2) range, so every sum a
 *   metric takes (a month's MRR, a trailing-12-month total) is exact and cannot overflow.
 */
import {ident, type Db} from "../db.js";
import {InputError} from "./errors.js";
import type {TableSpec} from "./schema.js";

/**
 * The largest total of one money column over all its rows. A metric sums at most 12 months of totals
 * (trailing-12-month retention), and 12 × 10^14 stays below DECIMAL(18,2)'s 10^16.
 */
export const MONEY_TOTAL_MAX = 100_000_000_000_000;

export interface StageCounts {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

/** Throws when a required table has no accepted row, naming the file and the rejection reasons with their counts. */
export async function checkRequiredRows(db: Db, spec: TableSpec, file: string, counts: StageCounts): Promise<void> {
  if (!spec.required || counts.rowsAccepted > 0) return;
  if (counts.rowsRead === 0) throw new InputError(`${file}: no data rows (only a header); the required table "${spec.name}" needs at least one row`);
  const reasons = await db.all<{code: string; n: number}>(
    `SELECT split_part(reason, ':', 1) AS code, count(*) AS n FROM rejected_rows WHERE "table" = ? GROUP BY 1 ORDER BY n DESC, code`,
    [spec.name]
  );
  throw new InputError(
    `${file}: every row was rejected (${counts.rowsRead} read: ${reasons.map((r) => `${r.code} ${r.n}`).join(", ")}); ` +
      `the required table "${spec.name}" needs at least one valid row (see rejected_rows for each line)`
  );
}

/** Throws when a money column's total over the staged table exceeds MONEY_TOTAL_MAX. */
export async function checkMoneyTotals(db: Db, spec: TableSpec, file: string): Promise<void> {
  for (const col of spec.columns.filter((c) => c.type === "money")) {
    const [{total}] = await db.all<{total: number | null}>(`SELECT sum(${ident(col.name)})::DOUBLE AS total FROM ${ident(spec.name)}`);
    if (total !== null && total > MONEY_TOTAL_MAX) {
      throw new InputError(
        `${file}: the ${col.name} column totals ${total.toExponential(3)}, above ${MONEY_TOTAL_MAX.toExponential(0)} (the largest total the report sums exactly); ` +
          `check that amounts are monthly and in the reporting currency's main unit`
      );
    }
  }
}
