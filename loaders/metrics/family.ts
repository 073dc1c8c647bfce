/** What every metric module exports: its output tables, their written definitions, and a builder. */
import type {ReportConfig} from "../config.js";
import type {Db} from "../db.js";

/** A calendar month, "YYYY-MM". */
export type Month = string;

export interface MetricContext {
  /** Last month computed (config.asOf, else the latest month with an observed event). */
  asOf: Month;
  /** First month with any subscription line counted (the start of account_months). */
  firstMonth: Month;
  config: ReportConfig;
  /** Account columns reported as segment dimensions (config.segments that exist in accounts). */
  dimensions: string[];
  /** The custom metric tables (config.customDir), set by the pipeline once the built-in families are built. */
  custom?: {table: string; definition: Definition}[];
}

/** One metric's definition, in words and symbols, in both report languages. */
export interface Definition {
  /** Stable id, e.g. "logo_churn_rate". */
  id: string;
  /** Output table the metric appears in. */
  table: string;
  name: {en: string; ja: string};
  /** The formula in symbols, e.g. "churned accounts(M) / accounts with MRR > 0 at end of M-1". */
  formula: string;
  text: {en: string; ja: string};
}

export interface MetricFamily {
  /** Module name, e.g. "churn". */
  name: string;
  /** DuckDB tables this family creates (CREATE OR REPLACE TABLE), all written to the metrics output. */
  tables: string[];
  definitions: Definition[];
  /** Creates this family's tables from the staged inputs and from earlier families' tables. */
  build(db: Db, ctx: MetricContext): Promise<void>;
}
