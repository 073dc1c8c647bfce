/** Config keys of issue 14 (timeZone, dateRange, maxMonths) and config files that cannot be loaded: one line each. */
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {DEFAULT_CONFIG, loadConfig, resolveConfig} from "../loaders/config.js";

const error = (user: unknown) => {
  try {
    resolveConfig(user);
  } catch (e) {
    return (e as Error).message;
  }
  return null;
};

describe("timeZone, dateRange, maxMonths", () => {
  it("defaults: UTC, 1990-01-01..2099-12-31, 360 months; a partial dateRange merges", () => {
    expect([DEFAULT_CONFIG.timeZone, DEFAULT_CONFIG.dateRange, DEFAULT_CONFIG.maxMonths]).toEqual(["UTC", {from: "1990-01-01", to: "2099-12-31"}, 360]);
    expect(resolveConfig({dateRange: {from: "2010-01-01"}}).dateRange).toEqual({from: "2010-01-01", to: "2099-12-31"});
    expect(resolveConfig({timeZone: "Asia/Tokyo"}).timeZone).toBe("Asia/Tokyo");
  });

  it.each([
    [{timeZone: "JST+9"}, 'config: "timeZone" must be an IANA time-zone name like "UTC" or "Asia/Tokyo", got "JST+9"'],
    [{dateRange: "2000..2030"}, 'config: "dateRange" must be an object like {from: "1990-01-01", to: "2099-12-31"}, got "2000..2030"'],
    [{dateRange: {start: "2000-01-01"}}, 'config: unknown key "dateRange.start" (expected one of: from, to)'],
    [{dateRange: {from: "2000-02-30"}}, 'config: "dateRange.from" must be a date "YYYY-MM-DD", got "2000-02-30"'],
    [{dateRange: {from: "2030-01-01", to: "2020-01-01"}}, 'config: "dateRange" must be from < to, got {"from":"2030-01-01","to":"2020-01-01"}'],
    [{maxMonths: 0}, 'config: "maxMonths" must be a whole number of months from 1 to 1200, got 0'],
    [{asOf: "2999-12"}, 'config: "asOf" 2999-12 is outside the plausible dates 1990-01-01..2099-12-31 (dateRange); choose a month inside it']
  ])("%j", (user, message) => {
    expect(error(user)).toBe(message);
  });
});

describe("a config file that cannot be loaded", () => {
  const dir = mkdtempSync(join(tmpdir(), "cs-config-"));

  it("a syntax error is one line naming the file, the problem and its line", async () => {
    const path = join(dir, "syntax.config.ts");
    writeFileSync(path, 'export default {\n  locale: "ja-JP",\n  segments: ["segment",\n};\n');
    const message = await loadConfig({CS_CONFIG: path}).then(
      () => "loaded",
      (e: Error) => `${e.name}: ${e.message}`
    );
    expect(message).toMatch(new RegExp(`^ConfigError: config: ${path.replaceAll(".", "\\.")} cannot be loaded: .+ \\(line 4, column \\d+\\)$`));
  });

  it("an exception thrown while the file runs is one line", async () => {
    const path = join(dir, "throws.config.ts");
    writeFileSync(path, 'throw new Error("no such setting");\nexport default {};\n');
    await expect(loadConfig({CS_CONFIG: path})).rejects.toThrow(`config: ${path} cannot be loaded: no such setting`);
  });
});
