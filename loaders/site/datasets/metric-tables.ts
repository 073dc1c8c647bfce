/**
 * The metric tables as Arrow files, for pages that chart them directly. Account-level tables grow with
 * the book of business (accounts × months), so only the as-of month of those is written here; pages
 * that need an account's history read the dedicated datasets.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import {ident, literal} from "../../db.js";
import {FAMILIES} from "../../metrics/index.js";
import {queryToArrow} from "../arrow.js";
import type {SiteDataset} from "../dataset.js";

/** Tables with one row per account per month: written for the as-of month only, as <table>_latest. */
export const ACCOUNT_MONTH_TABLES = new Set(["health", "health_products", "health_drivers"]);

/** Tables loaded into DuckDB-wasm in the browser. */
export const DUCKDB_WASM_TABLES = new Set(["account_months"]);

export const metricTables: SiteDataset = {
  name: "metric-tables",
  async write(db, ctx, dir) {
    // Custom metric tables (custom/metrics/*.sql) are packed whole, like every other metric table.
    for (const table of [...FAMILIES.flatMap((f) => f.tables), ...(ctx.custom ?? []).map((c) => c.table)]) {
      if (ACCOUNT_MONTH_TABLES.has(table)) {
        const sql = `SELECT * FROM ${ident(table)} WHERE month = ${literal(ctx.asOf)}`;
        await writeFile(join(dir, `${table}_latest.arrow`), await queryToArrow(db, sql));
      } else {
        // DuckDB-wasm (the Explore page) ingests account_months, and it reads only the stream format.
        const format = DUCKDB_WASM_TABLES.has(table) ? "stream" : "file";
        await writeFile(join(dir, `${table}.arrow`), await queryToArrow(db, `SELECT * FROM ${ident(table)}`, {}, {format}));
      }
    }
    await writeFile(join(dir, "rejected_rows.arrow"), await queryToArrow(db, `SELECT * FROM rejected_rows`));
  }
};
