/**
 * Issue 13: billing exports in. The ingest hooks: find the billing export (load.ts), stage it and
 * fx_rates in the subscriptions slot, and normalise it to MRR once every table is staged (the as-of
 * month needs them all).
 */
import type {ReportConfig} from "../../config.js";
import {literal, type Db} from "../../db.js";
import {InputError} from "../errors.js";
import {findBilling, stageBilling, stageFxRates, billingTablesDdl, type BillingSource} from "./load.js";
import {LINE_MONTHS_DDL, normaliseBilling} from "./normalise.js";
import {BILLING_TABLE, FX_TABLE} from "./spec.js";

export {findBilling, type BillingSource};

/** The billing tables (empty): billing_lines, fx_rates, billing_line_months. Created with the staged tables. */
export async function createBillingTables(db: Db): Promise<void> {
  for (const ddl of [...billingTablesDdl(), LINE_MONTHS_DDL]) await db.run(ddl);
  await db.run(`CREATE OR REPLACE TABLE billing_export (file VARCHAR, preset VARCHAR, layout VARCHAR)`);
}

/** Stages the billing export and fx_rates, each with its row accounting in ingest_stats. */
export async function ingestBilling(db: Db, source: BillingSource, config: ReportConfig, tmpDir: string): Promise<void> {
  await db.run(`INSERT INTO billing_export VALUES (?, ?, ?)`, [source.file.name, source.layout.preset, source.layout.label]);
  const lines = await stageBilling(db, source, config, tmpDir);
  await db.run(`INSERT INTO ingest_stats VALUES (?, ?, ?, ?, ?)`, [BILLING_TABLE, source.file.name, lines.rowsRead, lines.rowsAccepted, lines.rowsRejected]);
  const fx = await stageFxRates(db, config, tmpDir);
  await db.run(`INSERT INTO ingest_stats VALUES (?, ?, ?, ?, ?)`, [FX_TABLE, fx?.file ?? null, fx?.rowsRead ?? 0, fx?.rowsAccepted ?? 0, fx?.rowsRejected ?? 0]);
}

/** After every table is staged: MRR per line and month; lines without an FX rate move to the quarantine. */
export async function finishBilling(db: Db, source: BillingSource, config: ReportConfig): Promise<void> {
  const quarantined = await normaliseBilling(db, config, source.file.name);
  if (quarantined) {
    await db.run(`UPDATE ingest_stats SET rows_accepted = rows_accepted - ?, rows_rejected = rows_rejected + ? WHERE "table" = ?`, [quarantined, quarantined, BILLING_TABLE]);
  }
  // Not one line to count: say why once, rather than build a report without revenue.
  const [{lines, rejected, reason}] = await db.all<{lines: number; rejected: number; reason: string | null}>(
    `SELECT (SELECT count(*) FROM subscriptions) AS lines,
            (SELECT count(*) FROM rejected_rows WHERE "table" = ${literal(BILLING_TABLE)}) AS rejected,
            (SELECT 'line ' || line || ': ' || reason FROM rejected_rows WHERE "table" = ${literal(BILLING_TABLE)} ORDER BY line LIMIT 1) AS reason`
  );
  if (lines === 0) {
    throw new InputError(
      `${source.file.name}: no billing line counts towards MRR (read as ${source.layout.label}; ${rejected} line${rejected === 1 ? "" : "s"} quarantined${reason ? `, first ${reason}` : ""}). ` +
        `Lines count when their status is active, past_due, trialing or canceled and they are recurring.`
    );
  }
}
