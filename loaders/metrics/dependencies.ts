/**
 * Which metric families read which (by family name), so `npm run metrics -- --tables a,b` builds only
 * the families its tables need. Every family in FAMILIES has an entry. tests/metrics/dependencies.test.ts
 * records the SQL each family runs on the sample and checks these lists against the tables it reads.
 *
 * READS lists families only; INPUTS lists the input tables of the data contract each family reads,
 * so that with an as-of month given, `--tables` also stages only the inputs it needs.
 */
import type {TableName} from "../config.js";

/** Families whose tables (or internal tables such as segment_months) a family's SQL reads. */
export const READS: Record<string, string[]> = {
  "account-months": [],
  movements: ["account-months"],
  segments: ["account-months"],
  churn: ["segments"],
  "revenue-retention": ["segments"],
  retention: ["segments"],
  nps: [],
  health: ["account-months"],
  "health-validity": ["health"],
  onboarding: ["account-months"],
  adoption: ["account-months"],
  support: ["account-months"],
  expansion: ["account-months"],
  ltv: ["account-months"],
  "csm-portfolio": ["account-months", "health"],
  "activity-effect": ["account-months"],
  // Reads only what it extends (and, for retention_t12m, what retention_t12m's family reads): see EXTENDS.
  intervals: [],
  billing: [],
  "churn-forecast": ["account-months", "health", "movements"],
  "health-weights": ["health"],
  "change-attribution": ["segments", "churn", "revenue-retention"],
  leads: ["account-months", "movements"]
};

/**
 * Families that add columns to other families' tables. Such a family is built whenever one of those
 * tables is, so a table has the same columns whether or not other tables were asked for; it extends
 * only the tables that exist.
 */
export const EXTENDS: Record<string, string[]> = {
  intervals: ["churn", "retention_t12m", "nps", "onboarding_completion", "csm_portfolio"]
};

/**
 * Input tables each family reads directly (accounts and subscriptions are always staged: the calendar
 * and every reference check need them). The default as-of month reads the activity feeds too
 * (calendar.ts latestObservedMonth): pipeline.ts adds them when no as-of month is given.
 */
export const INPUTS: Record<string, TableName[]> = {
  "account-months": ["subscriptions", "accounts"],
  movements: [],
  segments: ["accounts"],
  churn: [],
  "revenue-retention": [],
  retention: [],
  nps: ["nps_responses", "accounts"],
  health: ["csm_activities", "support_tickets", "accounts", "usage", "nps_responses", "onboarding", "outcomes"],
  "health-validity": [],
  onboarding: ["accounts", "onboarding"],
  adoption: ["usage"],
  support: ["support_tickets", "accounts"],
  expansion: [],
  ltv: [],
  "csm-portfolio": ["accounts"],
  "activity-effect": ["csm_activities"],
  intervals: [],
  billing: ["accounts"],
  "churn-forecast": [],
  "health-weights": [],
  "change-attribution": ["accounts"],
  leads: ["leads", "accounts"]
};

/** The activity feeds the default as-of month is read from (with subscriptions). */
export const AS_OF_INPUTS: TableName[] = ["nps_responses", "usage", "support_tickets", "csm_activities"];
