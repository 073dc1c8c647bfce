/**
 * Which metric families read which (by family name), so `npm run metrics -- --tables a,b` builds only
 * the families its tables need. Every family in FAMILIES has an entry. tests/metrics/dependencies.test.ts
 * records the SQL each family runs on the sample and checks these lists against the tables it reads.
 *
 * Inputs (accounts, subscriptions, ..., rejected_rows) and the `months` calendar exist before any
 * family is built, so they are not listed.
 */

/** Families whose tables (or internal tables such as segment_months) a family's SQL reads. */
export const READS: Record<string, string[]> = {
  "account-months": [],
  movements: ["account-months"],
  segments: ["account-months"],
  churn: ["account-months", "segments"],
  "revenue-retention": ["segments"],
  retention: ["account-months", "segments"],
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
  "change-attribution": ["account-months", "segments"],
  leads: ["account-months", "movements"]
};

/**
 * Families that add columns to other families' tables. Such a family is built whenever one of those
 * tables is, so a table has the same columns whether or not other tables were asked for; it extends
 * only the tables that exist.
 */
export const EXTENDS: Record<string, string[]> = {
  intervals: ["churn", "retention_t12m", "nps", "onboarding_completion"]
};
