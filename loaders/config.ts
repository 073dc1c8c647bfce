/**
 * The report's configuration: read once (loadConfig), validated, then passed down. Users edit
 * `report.config.ts` (or point CS_CONFIG at another file); CS_DATA_DIR overrides the data directory.
 */
import {existsSync} from "node:fs";
import {rm} from "node:fs/promises";
import {isAbsolute, join, resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {DEFAULT_DATE_RANGE, isIsoDay, isTimeZone, type DateRange} from "./ingest/dates.js";
import {SCHEMA} from "./ingest/schema.js";

export const TABLE_NAMES = [
  "accounts",
  "subscriptions",
  "nps_responses",
  "usage",
  "onboarding",
  "support_tickets",
  "csm_activities",
  "outcomes",
  // issue 19: Service Qualified Leads (optional)
  "leads"
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const LOCALES = ["en-US", "ja-JP"] as const;
export type Locale = (typeof LOCALES)[number];

export const ENCODINGS = ["auto", "utf-8", "shift_jis"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export const HEALTH_COMPONENTS = ["usage", "engagement", "support", "nps", "onboarding", "outcomes"] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];
export type HealthWeights = Record<HealthComponent, number>;

/** KPI targets shown on the monthly report. Rates are fractions (0.02 = 2%); NPS is -100..100. */
export const TARGET_KEYS = [
  "mrr",
  "nrr",
  "grr",
  "logo_churn_rate",
  "revenue_churn_rate",
  "nps",
  "health_green_share",
  "onboarding_completion_rate"
] as const;
export type TargetKey = (typeof TARGET_KEYS)[number];

// ─── issue 11: target periods ───
/**
 * The period each KPI tile compares its target with. NRR and GRR tiles show trailing-12-month values;
 * churn rates are monthly. A target for these four must state its period ({value, period}), and a
 * period that does not match is rejected; the others may be a bare number (their period is fixed).
 */
export const TARGET_PERIODS = {
  mrr: "month-end",
  nrr: "trailing-12-months",
  grr: "trailing-12-months",
  logo_churn_rate: "monthly",
  revenue_churn_rate: "monthly",
  nps: "quarter-or-month",
  health_green_share: "month-end",
  onboarding_completion_rate: "trailing-quarter"
} as const satisfies Record<TargetKey, string>;
export type TargetPeriod = (typeof TARGET_PERIODS)[TargetKey];
/** Rates that exist both monthly and over 12 months: their targets must say which. */
export const TARGETS_NEEDING_PERIOD: TargetKey[] = ["nrr", "grr", "logo_churn_rate", "revenue_churn_rate"];
export type TargetInput = number | {value: number; period: string};

export interface TableConfig {
  /** Rename a user's columns to the contract's: {"Customer ID": "account_id"} (case-insensitive). */
  columns?: Record<string, string>;
  /** Encoding of this table's CSV, overriding the global one. */
  encoding?: Encoding;
  /** strptime format for this table's date columns when they are not ISO (e.g. "%Y/%m/%d"). */
  dateFormat?: string;
}

/** Issue 13: the billing export (billing_lines, or a recognised layout); see loaders/ingest/billing/. */
export interface BillingConfig {
  /** Force a layout instead of recognising it from the header. */
  preset?: "billing_lines" | "stripe" | "baremetrics" | "chartmogul" | "board";
  /** Rename the export's columns to billing_lines columns: {"Customer": "account_id"} (case-insensitive). */
  columns?: Record<string, string>;
  encoding?: Encoding;
  /** strptime format of the export's dates when not ISO (a layout may imply one). */
  dateFormat?: string;
}

export interface HealthBands {
  red: number;
  yellow: number;
}

export interface HealthConfig {
  /** Component weights; they need not sum to 1 (scores are re-weighted over present components). */
  weights: HealthWeights;
  /**
   * Per product line overrides, merged over `weights`, e.g. {MA: {usage: 0.5}}: an account takes the
   * weights of the product of its largest subscription line (by MRR) in the month.
   */
  productWeights: Record<string, Partial<HealthWeights>>;
  /** Score below `red` is red, below `yellow` is yellow, otherwise green. 0 <= red < yellow <= 100. */
  bands: HealthBands;
  /** Per product line band overrides, merged over `bands`, e.g. {MA: {yellow: 75}}; red < yellow after merging. */
  productBands: Record<string, Partial<HealthBands>>;
}

// ─── issue 19: touch model, KPI tree, change attribution ───
/**
 * The touch-model rule behind the derived `touch` dimension (used when "touch" is in `segments` and
 * accounts has no `touch` column of its own). Amounts are in the report's currency.
 */
export interface TouchConfig {
  /** An account with a named CSM and MRR at or above this is high touch. */
  highMrr: number;
  /** Below this MRR an account is tech touch even with a named CSM; between the two, low touch. */
  lowMrr: number;
  /** CSM names that stand for a pooled (one-to-many) team rather than a named CSM. */
  pooledCsms: string[];
}

/** Nodes of the KPI tree page (trailing 12 months): the KGI and the KPIs under it. */
export const KPI_TREE_NODES = ["nrr", "grr", "expansion", "churn", "contraction"] as const;
export type KpiTreeNode = (typeof KPI_TREE_NODES)[number];

export interface KpiTreeConfig {
  /** Target per node, as fractions of the starting MRR (nrr 1.05; churn 0.06 = 6% of MRR lost in 12 months). */
  targets: Partial<Record<KpiTreeNode, number>>;
}

export interface AttributionConfig {
  /**
   * A segment whose base has fewer accounts than this (at either end of the comparison) is too small
   * to be named as a driver of a change on the report and the KPI tree; its contribution still counts.
   */
  minAccounts: number;
}

export interface ReportConfig {
  /** Directory holding the exports; relative to the project root. */
  dataDir: string;
  /** Encoding of CSV inputs: detected ("auto") or forced. */
  encoding: Encoding;
  tables: Partial<Record<TableName, TableConfig>>;
  /** Last month reported ("YYYY-MM"); null = the latest month with an observed event. */
  asOf: string | null;
  locale: Locale;
  /** ISO 4217 code of the reporting currency (JPY, USD ...). */
  currency: string;
  /** Report title; null = a default in the report's language. */
  title: string | null;
  /** Account columns reported as segment dimensions (each must be a string column of accounts). */
  segments: string[];
  targets: Partial<Record<TargetKey, number>>;
  health: HealthConfig;
  /** Gross margin used by LTV (fraction). */
  grossMargin: number;
  /** NPS cells with fewer responses than this are flagged as too few to read. */
  npsMinResponses: number;
  /** Days after its start by which an onboarding should be complete (overdue after; the on-time KPI). */
  onboardingDeadlineDays: number;
  /** Replace account names with stable pseudonyms everywhere in the output. */
  redact: boolean;
  /** DuckDB's memory limit for the build ("3GB"); beyond it DuckDB spills to the system temp directory. */
  memoryLimit: string;
  // issue 20: the passphrase-protected build
  /** Encrypt every data file of the site; the passphrase comes from CS_PASSPHRASE (scripts/postbuild/protect.ts). */
  protect: boolean;
  // ─── issue 11: small samples ───
  /** Rates from fewer observations than this (accounts, onboardings) are marked and get no verdict. */
  minSampleSize: number;
  // ─── issue 14: hostile inputs ───
  /** IANA zone timestamps are staged in: offsets are converted to it, times without one are taken as in it. */
  timeZone: string;
  /** Plausible dates ("YYYY-MM-DD", inclusive): input dates outside are quarantined as out_of_range. */
  dateRange: DateRange;
  /** Most months the reporting calendar (first subscription month .. as-of) may span; more stops the build. */
  maxMonths: number;
  // issue 13: billing exports normalised to MRR
  billing: BillingConfig;
  // issue 18: custom metrics and pages
  /** The analysts' folder (relative to the project root): metrics/*.sql become metric tables, pages/*.md site pages. */
  customDir: string;
  // issue 19: the touch-model rule, the KPI tree's targets, the change attribution's small-sample rule.
  touch: TouchConfig;
  kpiTree: KpiTreeConfig;
  attribution: AttributionConfig;
}

export type UserConfig = Partial<Omit<ReportConfig, "health" | "targets" | "touch" | "kpiTree" | "attribution">> & {
  targets?: Partial<Record<TargetKey, TargetInput>>;
  health?: Partial<Omit<HealthConfig, "weights" | "bands">> & {weights?: Partial<HealthWeights>; bands?: Partial<HealthBands>};
  touch?: Partial<TouchConfig>;
  kpiTree?: Partial<KpiTreeConfig>;
  attribution?: Partial<AttributionConfig>;
};

/** Typed helper for report.config.ts. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

export const DEFAULT_CONFIG: ReportConfig = {
  dataDir: "data/sample",
  encoding: "auto",
  tables: {},
  asOf: null,
  locale: "en-US",
  currency: "JPY",
  title: null,
  segments: ["segment", "industry", "region"],
  targets: {},
  health: {
    weights: {usage: 0.35, engagement: 0.15, support: 0.15, nps: 0.15, onboarding: 0.1, outcomes: 0.1},
    productWeights: {},
    bands: {red: 40, yellow: 70},
    productBands: {}
  },
  grossMargin: 0.8,
  npsMinResponses: 30,
  onboardingDeadlineDays: 90,
  redact: false,
  memoryLimit: "3GB",
  // issue 20: the passphrase-protected build
  protect: false,
  minSampleSize: 30,
  timeZone: "UTC",
  dateRange: DEFAULT_DATE_RANGE,
  maxMonths: 360,
  billing: {},
  customDir: "custom",
  // issue 19: JPY thresholds (set them in your currency): Enterprise-sized accounts are high touch.
  touch: {highMrr: 500_000, lowMrr: 100_000, pooledCsms: []},
  kpiTree: {targets: {}},
  attribution: {minAccounts: 30}
};

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkKeys(where: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new ConfigError(`config: unknown key "${where}${key}" (expected one of: ${allowed.join(", ")})`);
    }
  }
}

function fail(key: string, expected: string, value: unknown): never {
  throw new ConfigError(`config: "${key}" must be ${expected}, got ${JSON.stringify(value)}`);
}

function checkFraction(key: string, v: unknown, {min = 0, max = 1} = {}): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) fail(key, `a number from ${min} to ${max}`, v);
  return v;
}

function checkWeights(key: string, v: unknown): Partial<HealthWeights> {
  if (!isObject(v)) fail(key, "an object of component weights", v);
  checkKeys(`${key}.`, v, HEALTH_COMPONENTS);
  for (const [k, w] of Object.entries(v)) checkFraction(`${key}.${k}`, w, {min: 0, max: 100});
  return v as Partial<HealthWeights>;
}

function checkBands(key: string, v: unknown, base: HealthBands): HealthBands {
  if (!isObject(v)) fail(key, "an object like {red: 40, yellow: 70}", v);
  checkKeys(`${key}.`, v, ["red", "yellow"]);
  const red = checkFraction(`${key}.red`, v.red ?? base.red, {min: 0, max: 100});
  const yellow = checkFraction(`${key}.yellow`, v.yellow ?? base.yellow, {min: 0, max: 100});
  if (!(red < yellow)) fail(key, "red < yellow", {red, yellow});
  return {red, yellow};
}

/** Validates the `health` section (weights, per-product weights, bands, per-product bands). */
function resolveHealth(value: unknown): HealthConfig {
  const h = value ?? {};
  if (!isObject(h)) fail("health", "an object", h);
  checkKeys("health.", h, ["weights", "productWeights", "bands", "productBands"]);
  const weights = {...DEFAULT_CONFIG.health.weights, ...(h.weights === undefined ? {} : checkWeights("health.weights", h.weights))};
  if (Object.values(weights).every((w) => w === 0)) fail("health.weights", "at least one weight above 0", weights);
  const productWeights = h.productWeights ?? {};
  if (!isObject(productWeights)) fail("health.productWeights", "an object keyed by product line", productWeights);
  for (const [product, pw] of Object.entries(productWeights)) {
    const merged = {...weights, ...checkWeights(`health.productWeights.${product}`, pw)};
    if (Object.values(merged).every((w) => w === 0)) fail(`health.productWeights.${product}`, "weights leaving at least one above 0", pw);
  }
  const bands = checkBands("health.bands", h.bands ?? {}, DEFAULT_CONFIG.health.bands);
  const productBands = h.productBands ?? {};
  if (!isObject(productBands)) fail("health.productBands", "an object keyed by product line", productBands);
  for (const [product, pb] of Object.entries(productBands)) checkBands(`health.productBands.${product}`, pb, bands);
  return {
    weights,
    productWeights: productWeights as HealthConfig["productWeights"],
    bands,
    productBands: productBands as HealthConfig["productBands"]
  };
}

// ─── issue 19: touch model, KPI tree, change attribution ───
function resolveTouch(value: unknown): TouchConfig {
  const v = value ?? {};
  if (!isObject(v)) fail("touch", "an object like {highMrr: 500000, lowMrr: 100000, pooledCsms: []}", v);
  checkKeys("touch.", v, ["highMrr", "lowMrr", "pooledCsms"]);
  const t = {...DEFAULT_CONFIG.touch, ...v} as TouchConfig;
  for (const k of ["highMrr", "lowMrr"] as const) {
    if (typeof t[k] !== "number" || !Number.isFinite(t[k]) || t[k] < 0) fail(`touch.${k}`, "an amount of 0 or more", t[k]);
  }
  if (!(t.lowMrr <= t.highMrr)) fail("touch", "lowMrr <= highMrr", {lowMrr: t.lowMrr, highMrr: t.highMrr});
  if (!Array.isArray(t.pooledCsms) || t.pooledCsms.some((s) => typeof s !== "string" || !s)) {
    fail("touch.pooledCsms", "a list of CSM names", t.pooledCsms);
  }
  return {highMrr: t.highMrr, lowMrr: t.lowMrr, pooledCsms: [...t.pooledCsms]};
}

function resolveKpiTree(value: unknown): KpiTreeConfig {
  const v = value ?? {};
  if (!isObject(v)) fail("kpiTree", "an object like {targets: {nrr: 1.05}}", v);
  checkKeys("kpiTree.", v, ["targets"]);
  const targets = v.targets ?? {};
  if (!isObject(targets)) fail("kpiTree.targets", "an object keyed by node", targets);
  checkKeys("kpiTree.targets.", targets, KPI_TREE_NODES);
  for (const [k, x] of Object.entries(targets)) checkFraction(`kpiTree.targets.${k}`, x, {min: 0, max: 10});
  return {targets: targets as KpiTreeConfig["targets"]};
}

function resolveAttribution(value: unknown): AttributionConfig {
  const v = value ?? {};
  if (!isObject(v)) fail("attribution", "an object like {minAccounts: 30}", v);
  checkKeys("attribution.", v, ["minAccounts"]);
  const minAccounts = v.minAccounts ?? DEFAULT_CONFIG.attribution.minAccounts;
  if (!Number.isInteger(minAccounts) || (minAccounts as number) < 1) fail("attribution.minAccounts", "a positive integer", minAccounts);
  return {minAccounts: minAccounts as number};
}

/**
 * A column mapping must rename to the table's contract columns (or aliases), one source each;
 * accounts may also rename extra columns (they become segment dimensions).
 */
function checkMapping(table: TableName, columns: Record<string, string>): void {
  const spec = SCHEMA[table];
  const names = spec.columns.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  const seen = new Map<string, string>();
  for (const [from, to] of Object.entries(columns)) {
    const target = to.trim().toLowerCase();
    if (!spec.keepExtra && !names.includes(target)) {
      fail(`tables.${table}.columns.${from}`, `a column of ${table} (${names.join(", ")})`, to);
    }
    const other = seen.get(target);
    if (other !== undefined) fail(`tables.${table}.columns`, `a mapping with one source per column ("${other}" and "${from}" both map to "${target}")`, columns);
    seen.set(target, from);
  }
}

// issue 13: the billing section.
const BILLING_PRESETS = ["billing_lines", "stripe", "baremetrics", "chartmogul", "board"] as const;
const BILLING_COLUMNS_KNOWN = [
  "line_id", "subscription_id", "account_id", "customer_id", "account_name", "customer_name", "product", "plan", "amount", "amount_minor",
  "currency", "interval", "interval_count", "quantity", "seats", "discount_percent", "discount_amount", "discount_amount_minor",
  "discount_end", "discount_periods", "status", "billing_type", "trial_start", "trial_end", "start_date", "end_date", "last_date",
  "canceled_at", "cancel_at_period_end", "current_period_end", "auto_renew"
];
function resolveBilling(v: unknown): BillingConfig {
  if (!isObject(v)) fail("billing", "an object", v);
  checkKeys("billing.", v, ["preset", "columns", "encoding", "dateFormat"]);
  if (v.preset !== undefined && !BILLING_PRESETS.includes(v.preset as never)) fail("billing.preset", BILLING_PRESETS.join(" | "), v.preset);
  if (v.columns !== undefined) {
    if (!isObject(v.columns)) fail("billing.columns", 'an object like {"Customer": "account_id"}', v.columns);
    for (const [from, to] of Object.entries(v.columns)) {
      if (typeof to !== "string" || !BILLING_COLUMNS_KNOWN.includes(to.trim().toLowerCase())) fail(`billing.columns.${from}`, `a billing_lines column (${BILLING_COLUMNS_KNOWN.join(", ")})`, to);
    }
  }
  if (v.encoding !== undefined && !ENCODINGS.includes(v.encoding as Encoding)) fail("billing.encoding", ENCODINGS.join(" | "), v.encoding);
  if (v.dateFormat !== undefined && (typeof v.dateFormat !== "string" || !v.dateFormat.includes("%"))) fail("billing.dateFormat", 'a strptime format like "%Y/%m/%d"', v.dateFormat);
  return v as BillingConfig;
}

/** Merges a user's config over the defaults and validates every key; throws ConfigError naming the key. */
export function resolveConfig(user: unknown, env: Record<string, string | undefined> = {}): ReportConfig {
  if (!isObject(user)) fail("(root)", "an object", user);
  checkKeys("", user, Object.keys(DEFAULT_CONFIG));
  const c = {...DEFAULT_CONFIG, ...user} as ReportConfig;
  if (env.CS_DATA_DIR) c.dataDir = env.CS_DATA_DIR;

  if (typeof c.dataDir !== "string" || !c.dataDir) fail("dataDir", "a directory path", c.dataDir);
  if (!ENCODINGS.includes(c.encoding)) fail("encoding", ENCODINGS.join(" | "), c.encoding);
  if (!LOCALES.includes(c.locale)) fail("locale", LOCALES.join(" | "), c.locale);
  if (typeof c.currency !== "string" || !/^[A-Z]{3}$/.test(c.currency)) fail("currency", "an ISO 4217 code like JPY", c.currency);
  if (c.asOf !== null && (typeof c.asOf !== "string" || !/^\d{4}-(0[1-9]|1[0-2])$/.test(c.asOf))) fail("asOf", 'null or "YYYY-MM"', c.asOf);
  if (c.title !== null && typeof c.title !== "string") fail("title", "null or a string", c.title);
  if (typeof c.redact !== "boolean") fail("redact", "true or false", c.redact);
  if (typeof c.protect !== "boolean") fail("protect", "true or false", c.protect);
  if (typeof c.memoryLimit !== "string" || !/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i.test(c.memoryLimit)) {
    fail("memoryLimit", 'a size like "3GB" or "512MB"', c.memoryLimit);
  }
  if (typeof c.customDir !== "string" || !c.customDir) fail("customDir", "a directory path", c.customDir);
  checkFraction("grossMargin", c.grossMargin, {min: 0.0001, max: 1});
  if (!Number.isInteger(c.npsMinResponses) || c.npsMinResponses < 1) fail("npsMinResponses", "a positive integer", c.npsMinResponses);
  if (!Number.isInteger(c.onboardingDeadlineDays) || c.onboardingDeadlineDays < 1 || c.onboardingDeadlineDays > 730) {
    fail("onboardingDeadlineDays", "a whole number of days from 1 to 730", c.onboardingDeadlineDays);
  }

  if (!Array.isArray(c.segments) || c.segments.some((s) => typeof s !== "string" || !s)) {
    fail("segments", "a list of account column names", c.segments);
  }
  if (new Set(c.segments).size !== c.segments.length) fail("segments", "a list without repeats", c.segments);

  if (!isObject(c.tables)) fail("tables", "an object keyed by table name", c.tables);
  checkKeys("tables.", c.tables, TABLE_NAMES);
  for (const [table, tc] of Object.entries(c.tables)) {
    if (!isObject(tc)) fail(`tables.${table}`, "an object", tc);
    checkKeys(`tables.${table}.`, tc, ["columns", "encoding", "dateFormat"]);
    if (tc.columns !== undefined) {
      if (!isObject(tc.columns) || Object.values(tc.columns).some((v) => typeof v !== "string" || !v.trim())) {
        fail(`tables.${table}.columns`, 'an object like {"Customer ID": "account_id"}', tc.columns);
      }
      checkMapping(table as TableName, tc.columns as Record<string, string>);
    }
    if (tc.encoding !== undefined && !ENCODINGS.includes(tc.encoding as Encoding)) {
      fail(`tables.${table}.encoding`, ENCODINGS.join(" | "), tc.encoding);
    }
    if (tc.dateFormat !== undefined && (typeof tc.dateFormat !== "string" || !tc.dateFormat.includes("%"))) {
      fail(`tables.${table}.dateFormat`, 'a strptime format like "%Y/%m/%d"', tc.dateFormat);
    }
  }

  if (!isObject(c.targets)) fail("targets", "an object keyed by KPI", c.targets);
  checkKeys("targets.", c.targets, TARGET_KEYS);
  c.targets = resolveTargets(c.targets as Record<string, unknown>);
  if (!Number.isInteger(c.minSampleSize) || c.minSampleSize < 1) fail("minSampleSize", "a positive integer", c.minSampleSize);

  c.health = resolveHealth(user.health);
  resolveDates(c);
  c.billing = resolveBilling(c.billing);
  // issue 19
  c.touch = resolveTouch(user.touch);
  c.kpiTree = resolveKpiTree(user.kpiTree);
  c.attribution = resolveAttribution(user.attribution);
  return c;
}

/**
 * Targets as numbers, each checked against the period its tile compares it with (TARGET_PERIODS):
 * {nrr: {value: 1.05, period: "trailing-12-months"}}. A bare number is accepted only for KPIs with one
 * period; a wrong or missing period names the key and the period expected.
 */
function resolveTargets(targets: Record<string, unknown>): Partial<Record<TargetKey, number>> {
  const out: Partial<Record<TargetKey, number>> = {};
  for (const [k, v] of Object.entries(targets)) {
    const key = k as TargetKey;
    const expected = TARGET_PERIODS[key];
    const shape = `a number or {value: number, period: "${expected}"}`;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) fail(`targets.${k}`, "a number", v);
      if (TARGETS_NEEDING_PERIOD.includes(key)) {
        throw new ConfigError(
          `config: "targets.${k}" must state its period: {value: ${v}, period: "${expected}"} (the ${k} tile compares ${expected} values)`
        );
      }
      out[key] = v;
      continue;
    }
    if (!isObject(v)) fail(`targets.${k}`, TARGETS_NEEDING_PERIOD.includes(key) ? `{value: number, period: "${expected}"}` : shape, v);
    checkKeys(`targets.${k}.`, v, ["value", "period"]);
    if (typeof v.value !== "number" || !Number.isFinite(v.value)) fail(`targets.${k}.value`, "a number", v.value);
    if (v.period !== expected) {
      throw new ConfigError(
        `config: "targets.${k}.period" is ${JSON.stringify(v.period)}, but the ${k} tile compares ${expected} values: set period: "${expected}" and a ${expected} target`
      );
    }
    out[key] = v.value;
  }
  return out;
}

/** Validates timeZone, dateRange, maxMonths, and that asOf lies inside dateRange. */
function resolveDates(c: ReportConfig): void {
  if (!isTimeZone(c.timeZone)) fail("timeZone", 'an IANA time-zone name like "UTC" or "Asia/Tokyo"', c.timeZone);
  const range = c.dateRange as unknown;
  if (!isObject(range)) fail("dateRange", 'an object like {from: "1990-01-01", to: "2099-12-31"}', range);
  checkKeys("dateRange.", range, ["from", "to"]);
  const merged = {...DEFAULT_DATE_RANGE, ...range};
  for (const k of ["from", "to"] as const) if (!isIsoDay(merged[k])) fail(`dateRange.${k}`, 'a date "YYYY-MM-DD"', merged[k]);
  if (!(merged.from < merged.to)) fail("dateRange", "from < to", merged);
  c.dateRange = merged;
  if (!Number.isInteger(c.maxMonths) || c.maxMonths < 1 || c.maxMonths > 1200) fail("maxMonths", "a whole number of months from 1 to 1200", c.maxMonths);
  checkAsOf("asOf", c.asOf, c);
}

/** An as-of month must lie inside dateRange: a far-future month would make a calendar of centuries. */
export function checkAsOf(key: string, asOf: string | null, c: Pick<ReportConfig, "dateRange">): void {
  if (asOf === null) return;
  if (asOf < c.dateRange.from.slice(0, 7) || asOf > c.dateRange.to.slice(0, 7)) {
    throw new ConfigError(
      `config: "${key}" ${asOf} is outside the plausible dates ${c.dateRange.from}..${c.dateRange.to} (dateRange); choose a month inside it`
    );
  }
}

/** The first line of what went wrong loading a config file, with esbuild's location when it gives one. */
function configLoadProblem(e: unknown): string {
  const err = e as {message?: string; errors?: {text?: string; location?: {line?: number; column?: number}}[]};
  const first = err.errors?.[0];
  if (first?.text) return `${first.text}${first.location?.line ? ` (line ${first.location.line}, column ${(first.location.column ?? 0) + 1})` : ""}`;
  const lines = String(err.message ?? e).split("\n").map((l) => l.trim()).filter(Boolean);
  // esbuild: "Transform failed with 1 error:\n/path/file.ts:3:2: ERROR: Expected ..."
  const located = lines.find((l) => /:\d+:\d+: ERROR: /.test(l));
  return located ? located.replace(/^.*?:(\d+):(\d+): ERROR: (.*)$/, "$3 (line $1, column $2)") : (lines[0] ?? "unknown error");
}

/**
 * Imports the config module. Under tsx (the build, the tests) Node imports TypeScript directly; the
 * metrics CLI runs as a plain bundle without tsx's loader (its start-up cost a fifth of a second, issue
 * 16), so there a TypeScript config is compiled by esbuild to a temporary module and imported.
 */
async function importConfig(path: string): Promise<{default?: UserConfig}> {
  try {
    return await import(pathToFileURL(path).href);
  } catch (e) {
    if ((e as {code?: string}).code !== "ERR_UNKNOWN_FILE_EXTENSION") throw e;
  }
  const {build} = await import("esbuild");
  // Inside the project, so the module's package imports resolve from its node_modules.
  const out = join(PROJECT_ROOT, "node_modules", ".cache", "cs-report", `config-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [path], outfile: out, bundle: true, packages: "external", platform: "node", format: "esm",
    target: "node20", logLevel: "silent",
    // The config's own modules (e.g. loaders/config.ts for defineConfig) still find the project root.
    define: {"import.meta.url": JSON.stringify(pathToFileURL(join(PROJECT_ROOT, "loaders", "config.js")).href)}
  });
  try {
    return await import(pathToFileURL(out).href);
  } finally {
    await rm(out, {force: true});
  }
}

/** The project root (where package.json lives). */
export const PROJECT_ROOT = resolve(new URL("..", import.meta.url).pathname);

/**
 * Loads and validates the config file: CS_CONFIG, else report.config.ts at the project root.
 * The data directory is resolved against the project root.
 */
export async function loadConfig(env: Record<string, string | undefined> = process.env): Promise<ReportConfig> {
  const path = env.CS_CONFIG ? resolve(env.CS_CONFIG) : resolve(PROJECT_ROOT, "report.config.ts");
  if (!existsSync(path)) throw new ConfigError(`config: file not found: ${path}`);
  let module;
  try {
    module = await importConfig(path);
  } catch (e) {
    // A syntax error (esbuild's multi-line report) or an exception while the file runs: one line.
    throw new ConfigError(`config: ${path} cannot be loaded: ${configLoadProblem(e)}`);
  }
  const config = resolveConfig(module.default ?? {}, env);
  if (!isAbsolute(config.dataDir)) config.dataDir = resolve(PROJECT_ROOT, config.dataDir);
  if (!isAbsolute(config.customDir)) config.customDir = resolve(PROJECT_ROOT, config.customDir);
  return config;
}
