/** Segment names and the calendar's span are checked before any metric runs (issue 14). */
import {describe, expect, it} from "vitest";
import {resolveConfig} from "../../loaders/config.js";
import {metricContext} from "../../loaders/metrics/calendar.js";
import {stagedDb} from "../helpers/staged.js";

const accounts = [{account_id: "A", segment: "SMB", plan: "Gold", mrr: "1", tier: "T1"}];

async function contextError(fixture: Parameters<typeof stagedDb>[0], config: Parameters<typeof resolveConfig>[0]): Promise<string> {
  const db = await stagedDb(fixture);
  try {
    await metricContext(db, resolveConfig(config));
  } catch (e) {
    expect((e as Error).name).toBe("ConfigError");
    return (e as Error).message;
  } finally {
    db.close();
  }
  throw new Error("metricContext did not fail");
}

describe("segments", () => {
  it("a misspelt segment is an error listing the text columns of accounts", async () => {
    expect(await contextError({accounts, subscriptions: [{account_id: "A", start_date: "2024-01-01", mrr: 1}]}, {segments: ["segment", "regoin"]})).toBe(
      'config: "segments" lists "regoin", which is not a column of accounts (text columns: segment, industry, region, csm, tier)'
    );
  });

  it.each([
    ["plan", "dimension"],
    ["mrr", "column"],
    ["month", "column"]
  ])("an account column named %s (the report's own %s) is an error saying how to rename it", async (name, what) => {
    expect(await contextError({accounts, subscriptions: [{account_id: "A", start_date: "2024-01-01", mrr: 1}]}, {segments: [name]})).toBe(
      `config: "segments" lists "${name}", a name the report uses for its own ${what}; ` +
        `rename that accounts column in the config (tables: {accounts: {columns: {"${name}": "${name}_tier"}}}) and list "${name}_tier" instead`
    );
  });

  it("the same column renamed by the config mapping works", async () => {
    const db = await stagedDb({accounts: [{account_id: "A", segment: "SMB", plan_tier: "Gold"}], subscriptions: [{account_id: "A", start_date: "2024-01-01", mrr: 1}]});
    const ctx = await metricContext(db, resolveConfig({segments: ["segment", "plan_tier"]}));
    expect(ctx.dimensions).toEqual(["segment", "plan_tier"]);
    db.close();
  });
});

describe("calendar span", () => {
  it("a calendar longer than maxMonths stops with the earliest start and the latest event named", async () => {
    const subscriptions = [
      {account_id: "A", start_date: "2020-01-15", mrr: 1},
      {account_id: "A", start_date: "2090-06-01", mrr: 1}
    ];
    expect(await contextError({accounts, subscriptions}, {segments: ["segment"]})).toBe(
      "the report would span 2020-01..2090-06 (846 months), more than maxMonths (360): from the earliest subscription start_date 2020-01-15 (account A) " +
        "to the latest observed event subscriptions.start_date 2090-06-01 (account A). Fix that date, set asOf closer to the data, or raise maxMonths in the config"
    );
  });

  it("an as-of month far from the data names the as-of setting", async () => {
    expect(await contextError({accounts, subscriptions: [{account_id: "A", start_date: "2020-01-15", mrr: 1}]}, {segments: ["segment"], asOf: "2099-12"})).toBe(
      "the report would span 2020-01..2099-12 (960 months), more than maxMonths (360): from the earliest subscription start_date 2020-01-15 (account A) " +
        "to the as-of month 2099-12 (asOf / --as-of). Fix that date, set asOf closer to the data, or raise maxMonths in the config"
    );
  });

  it("an as-of month outside dateRange is a config error", () => {
    expect(() => resolveConfig({asOf: "2999-12"})).toThrow(
      'config: "asOf" 2999-12 is outside the plausible dates 1990-01-01..2099-12-31 (dateRange); choose a month inside it'
    );
  });
});
