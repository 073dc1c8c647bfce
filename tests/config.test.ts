/** The config's own validation: defaults, overrides, and one clear ConfigError naming the key for each bad value. */
import {describe, expect, it} from "vitest";
import {ConfigError, DEFAULT_CONFIG, resolveConfig} from "../loaders/config.js";

const error = (user: unknown, env: Record<string, string | undefined> = {}) => {
  try {
    resolveConfig(user, env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("resolveConfig did not throw");
};

describe("resolveConfig: defaults and overrides", () => {
  it("an empty config is the defaults", () => {
    expect(resolveConfig({})).toEqual(DEFAULT_CONFIG);
  });

  it("CS_DATA_DIR overrides dataDir", () => {
    expect(resolveConfig({dataDir: "data/a"}, {CS_DATA_DIR: "data/b"}).dataDir).toBe("data/b");
    expect(resolveConfig({dataDir: "data/a"}, {}).dataDir).toBe("data/a");
  });

  it("health weights merge over the defaults; bands default", () => {
    const c = resolveConfig({health: {weights: {usage: 0.5}}});
    expect(c.health.weights).toEqual({...DEFAULT_CONFIG.health.weights, usage: 0.5});
    expect(c.health.bands).toEqual({red: 40, yellow: 70});
  });

  it("accepts ingest table settings: mapping (case-insensitive targets, aliases), encoding, dateFormat", () => {
    const tables = {
      subscriptions: {columns: {"Customer ID": "Account_ID", "Monthly Amount": "mrr"}, encoding: "shift_jis" as const, dateFormat: "%Y/%m/%d"},
      usage: {columns: {Day: "date"}},
      accounts: {columns: {"Sales Rep": "owner"}} // accounts may rename extra columns
    };
    expect(resolveConfig({tables}).tables).toEqual(tables);
  });
});

describe("resolveConfig: errors name the key", () => {
  it.each([
    [[], 'config: "(root)" must be an object, got []'],
    [{color: "red"}, 'config: unknown key "color" (expected one of: dataDir, encoding, tables, asOf, locale, currency, title, segments, targets, health, grossMargin, npsMinResponses, onboardingDeadlineDays, redact, memoryLimit, protect, minSampleSize, timeZone, dateRange, maxMonths, billing, customDir, touch, kpiTree, attribution)'],
    [{memoryLimit: "lots"}, 'config: "memoryLimit" must be a size like "3GB" or "512MB", got "lots"'],
    [{dataDir: ""}, 'config: "dataDir" must be a directory path, got ""'],
    [{customDir: 3}, 'config: "customDir" must be a directory path, got 3'],
    [{onboardingDeadlineDays: 0}, 'config: "onboardingDeadlineDays" must be a whole number of days from 1 to 730, got 0'],
    [{onboardingDeadlineDays: 45.5}, 'config: "onboardingDeadlineDays" must be a whole number of days from 1 to 730, got 45.5'],
    [{encoding: "latin1"}, 'config: "encoding" must be auto | utf-8 | shift_jis, got "latin1"'],
    [{locale: "fr-FR"}, 'config: "locale" must be en-US | ja-JP, got "fr-FR"'],
    [{currency: "yen"}, 'config: "currency" must be an ISO 4217 code like JPY, got "yen"'],
    [{asOf: "2024-13"}, 'config: "asOf" must be null or "YYYY-MM", got "2024-13"'],
    [{title: 3}, 'config: "title" must be null or a string, got 3'],
    [{redact: "yes"}, 'config: "redact" must be true or false, got "yes"'],
    [{protect: "yes"}, 'config: "protect" must be true or false, got "yes"'],
    [{grossMargin: 0}, 'config: "grossMargin" must be a number from 0.0001 to 1, got 0'],
    [{npsMinResponses: 2.5}, 'config: "npsMinResponses" must be a positive integer, got 2.5'],
    [{segments: "segment"}, 'config: "segments" must be a list of account column names, got "segment"'],
    [{segments: ["segment", "segment"]}, 'config: "segments" must be a list without repeats, got ["segment","segment"]'],
    [{targets: {arr: 1}}, 'config: unknown key "targets.arr" (expected one of: mrr, nrr, grr, logo_churn_rate, revenue_churn_rate, nps, health_green_share, onboarding_completion_rate)'],
    [{targets: {nrr: "1.1"}}, 'config: "targets.nrr" must be {value: number, period: "trailing-12-months"}, got "1.1"'],
    [{health: {weights: {usage: -1}}}, 'config: "health.weights.usage" must be a number from 0 to 100, got -1'],
    [{health: {weights: {vibes: 1}}}, 'config: unknown key "health.weights.vibes" (expected one of: usage, engagement, support, nps, onboarding, outcomes)'],
    [{health: {weights: {usage: 0, engagement: 0, support: 0, nps: 0, onboarding: 0, outcomes: 0}}}, 'config: "health.weights" must be at least one weight above 0, got {"usage":0,"engagement":0,"support":0,"nps":0,"onboarding":0,"outcomes":0}'],
    [{health: {bands: {red: 80, yellow: 70}}}, 'config: "health.bands" must be red < yellow, got {"red":80,"yellow":70}']
  ])("%j", (user, message) => {
    expect(error(user)).toBe(message);
  });
});

describe("resolveConfig: ingest table settings", () => {
  it.each([
    [{tables: []}, 'config: "tables" must be an object keyed by table name, got []'],
    [{tables: {invoices: {}}}, 'config: unknown key "tables.invoices" (expected one of: accounts, subscriptions, nps_responses, usage, onboarding, support_tickets, csm_activities, outcomes, leads)'],
    [{tables: {usage: "usage.csv"}}, 'config: "tables.usage" must be an object, got "usage.csv"'],
    [{tables: {usage: {file: "u.csv"}}}, 'config: unknown key "tables.usage.file" (expected one of: columns, encoding, dateFormat)'],
    [{tables: {usage: {columns: ["account_id"]}}}, 'config: "tables.usage.columns" must be an object like {"Customer ID": "account_id"}, got ["account_id"]'],
    [{tables: {usage: {columns: {Customer: 1}}}}, 'config: "tables.usage.columns" must be an object like {"Customer ID": "account_id"}, got {"Customer":1}'],
    [{tables: {usage: {columns: {Customer: " "}}}}, 'config: "tables.usage.columns" must be an object like {"Customer ID": "account_id"}, got {"Customer":" "}'],
    [
      {tables: {subscriptions: {columns: {"Monthly Amount": "amount"}}}},
      'config: "tables.subscriptions.columns.Monthly Amount" must be a column of subscriptions (subscription_id, account_id, product, plan, start_date, end_date, mrr, seats), got "amount"'
    ],
    [
      {tables: {subscriptions: {columns: {"Customer ID": "account_id", "Account": "Account_ID"}}}},
      'config: "tables.subscriptions.columns" must be a mapping with one source per column ("Customer ID" and "Account" both map to "account_id"), got {"Customer ID":"account_id","Account":"Account_ID"}'
    ],
    [{tables: {accounts: {encoding: "cp1252"}}}, 'config: "tables.accounts.encoding" must be auto | utf-8 | shift_jis, got "cp1252"'],
    [{tables: {accounts: {dateFormat: "YYYY/MM/DD"}}}, 'config: "tables.accounts.dateFormat" must be a strptime format like "%Y/%m/%d", got "YYYY/MM/DD"']
  ])("%j", (user, message) => {
    expect(error(user)).toBe(message);
  });
});
