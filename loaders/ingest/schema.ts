/**
 * The input tables of the data contract (../shared/spec/data-contract.md), as data: each column's
 * type and rule. Ingest validates against these, and the staged DuckDB tables have exactly these
 * columns (plus, for accounts, the user's extra columns).
 */
import type {TableName} from "../config.js";

export type ColumnType = "string" | "date" | "timestamp" | "money" | "decimal" | "integer" | "boolean";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** A value must be present (a missing column is fatal; an empty cell quarantines the row). */
  required?: boolean;
  /** Values must be unique within the table (when present). */
  unique?: boolean;
  min?: number;
  max?: number;
  /** The value must exist in accounts.account_id. */
  referencesAccounts?: boolean;
  /** A calendar month: "YYYY-MM" is accepted too, and the value is staged as the month's first day. */
  monthly?: boolean;
  /** The value must be strictly after this (earlier) column's value when both are present. */
  after?: string;
  /** The value must not be before this (earlier) column's value when both are present (dates.ts). */
  notBefore?: string;
  /** Other header names accepted for this column (e.g. usage's `date` for `month`). */
  aliases?: string[];
  /** Value used when the cell is empty (optional columns only). */
  default?: string | number | boolean;
  /** Further checks of this column (after range, before reference), given the SQL names of any column's text and value. */
  checks?: (cols: (name: string) => {t: string; p: string}) => {when: string; reason: string}[];
  // issue 19 (leads): allowed values and a condition that makes a cell required.
  /** The only values accepted (compared case-insensitively; staged lower-case). */
  values?: string[];
  /** The value is required when another column has this (lower-case) value. */
  requiredWhen?: {column: string; equals: string};
}

export interface TableSpec {
  name: TableName;
  required: boolean;
  columns: ColumnSpec[];
  /** Keep unknown columns (accounts: they become segment dimensions). */
  keepExtra?: boolean;
}

/** DuckDB type of a staged column. Money is DECIMAL(18,2): sums are exact, bridges balance. */
export const SQL_TYPES: Record<ColumnType, string> = {
  string: "VARCHAR",
  date: "DATE",
  timestamp: "TIMESTAMP",
  money: "DECIMAL(18,2)",
  decimal: "DOUBLE",
  integer: "BIGINT",
  boolean: "BOOLEAN"
};

export const SCHEMA: Record<TableName, TableSpec> = {
  accounts: {
    name: "accounts",
    required: true,
    keepExtra: true,
    columns: [
      {name: "account_id", type: "string", required: true, unique: true},
      {name: "account_name", type: "string"},
      {name: "segment", type: "string"},
      {name: "industry", type: "string"},
      {name: "region", type: "string"},
      {name: "csm", type: "string"},
      {name: "created_at", type: "date"}
    ]
  },
  subscriptions: {
    name: "subscriptions",
    required: true,
    columns: [
      {name: "subscription_id", type: "string", unique: true},
      {name: "account_id", type: "string", required: true, referencesAccounts: true},
      {name: "product", type: "string"},
      {name: "plan", type: "string"},
      {name: "start_date", type: "date", required: true},
      // Empty = still active.
      {name: "end_date", type: "date", after: "start_date"},
      {name: "mrr", type: "money", required: true, min: 0},
      {name: "seats", type: "integer", min: 0}
    ]
  },
  nps_responses: {
    name: "nps_responses",
    required: false,
    columns: [
      {name: "response_id", type: "string", unique: true},
      {name: "account_id", type: "string", referencesAccounts: true},
      {name: "responded_at", type: "date", required: true},
      {name: "score", type: "integer", required: true, min: 0, max: 10},
      {name: "comment", type: "string"},
      {name: "survey", type: "string"}
    ]
  },
  usage: {
    name: "usage",
    required: false,
    columns: [
      {name: "account_id", type: "string", required: true, referencesAccounts: true},
      // Staged as the first day of the month; daily rows are summed (key_events) or maxed (users).
      {name: "month", type: "date", required: true, monthly: true, aliases: ["date"]},
      {name: "active_users", type: "integer", min: 0},
      {name: "seats", type: "integer", min: 0},
      {name: "key_events", type: "integer", min: 0}
    ]
  },
  onboarding: {
    name: "onboarding",
    required: false,
    columns: [
      {name: "account_id", type: "string", required: true, referencesAccounts: true},
      {name: "milestone", type: "string", required: true},
      {name: "started_at", type: "date"},
      {name: "completed_at", type: "date", notBefore: "started_at"},
      {name: "required", type: "boolean", default: true}
    ]
  },
  support_tickets: {
    name: "support_tickets",
    required: false,
    columns: [
      {name: "ticket_id", type: "string", required: true, unique: true},
      {name: "account_id", type: "string", required: true, referencesAccounts: true},
      {name: "created_at", type: "timestamp", required: true},
      {name: "first_response_at", type: "timestamp", notBefore: "created_at"},
      {name: "resolved_at", type: "timestamp", notBefore: "created_at"},
      {name: "priority", type: "string"},
      {name: "csat", type: "integer", min: 1, max: 5}
    ]
  },
  csm_activities: {
    name: "csm_activities",
    required: false,
    columns: [
      {name: "account_id", type: "string", required: true, referencesAccounts: true},
      {name: "date", type: "date", required: true},
      {name: "type", type: "string"},
      {name: "csm", type: "string"}
    ]
  },
  outcomes: {
    name: "outcomes",
    required: false,
    columns: [
      {name: "account_id", type: "string", required: true, referencesAccounts: true},
      {name: "month", type: "date", required: true, monthly: true},
      {name: "metric", type: "string", required: true},
      {name: "value", type: "decimal", required: true}
    ]
  },
  // issue 19: Service Qualified Leads: a support or CS conversation that surfaced a need sales can act on.
  leads: {
    name: "leads",
    required: false,
    columns: [
      {name: "lead_id", type: "string", required: true, unique: true},
      {name: "account_id", type: "string", required: true, referencesAccounts: true},
      {name: "created_at", type: "date", required: true},
      {name: "source", type: "string", required: true, values: ["support", "csm", "other"]},
      {name: "owner", type: "string"},
      {name: "status", type: "string", required: true, values: ["open", "won", "lost"]},
      {name: "won_at", type: "date", notBefore: "created_at", requiredWhen: {column: "status", equals: "won"}},
      {name: "won_mrr", type: "money", min: 0}
    ]
  }
};
