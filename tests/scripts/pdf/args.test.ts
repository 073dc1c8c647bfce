// `npm run pdf` argument parsing and its user errors (scripts/pdf/args.ts): one line each, naming
// what was wrong and what is accepted.
import {describe, expect, it} from "vitest";
import {InputError} from "../../../loaders/ingest/errors.js";
import {parsePdfArgs, PDF_USAGE} from "../../../scripts/pdf/args.js";
import {userErrorMessage} from "../../../scripts/cli-errors.js";

describe("parsePdfArgs", () => {
  it("no option: the latest month of dist/", () => {
    expect(parsePdfArgs([])).toEqual({selection: {kind: "latest"}, dist: "dist"});
  });

  it("--month YYYY-MM (both spellings), --all, --dist", () => {
    expect(parsePdfArgs(["--month", "2026-10"])).toEqual({selection: {kind: "month", month: "2026-10"}, dist: "dist"});
    expect(parsePdfArgs(["--month=2024-01", "--dist", "out/site"])).toEqual({selection: {kind: "month", month: "2024-01"}, dist: "out/site"});
    expect(parsePdfArgs(["--all"])).toEqual({selection: {kind: "all"}, dist: "dist"});
  });

  it("a month that is not YYYY-MM is refused, saying the format", () => {
    for (const bad of ["2026-13", "2026-00", "2026-1", "202610", "Oct 2026", "2026-Q3"]) {
      expect(() => parsePdfArgs(["--month", bad])).toThrow(new InputError(`--month ${JSON.stringify(bad)} is not a month: write it as YYYY-MM, e.g. 2026-10`));
    }
  });

  it("--month with --all, an unknown option, a stray argument and a missing value are one-line user errors with the usage", () => {
    const message = (argv: string[]) => {
      try {
        parsePdfArgs(argv);
      } catch (e) {
        return userErrorMessage(e);
      }
      return "no error";
    };
    expect(message(["--all", "--month", "2026-10"])).toBe(`--month and --all cannot be combined; ${PDF_USAGE}`);
    expect(message(["--mnth", "2026-10"])).toMatch(/^Unknown option '--mnth'.*; usage: npm run pdf/);
    expect(message(["2026-10"])).toMatch(/^Unexpected argument '2026-10'.*; usage: npm run pdf/);
    expect(message(["--month"])).toMatch(/^Option '--month <value>' argument missing; usage: npm run pdf/);
    for (const argv of [["--mnth"], ["x"], ["--month"]]) expect(message(argv)).not.toContain("\n");
  });
});
