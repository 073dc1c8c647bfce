/** The scripts' error reporting: --out is checked before any work, user errors are one line (issue 14). */
import {existsSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {ConfigError} from "../../loaders/config.js";
import {InputError} from "../../loaders/ingest/errors.js";
import {checkOutDir, userErrorMessage} from "../../scripts/cli-errors.js";

const root = mkdtempSync(join(tmpdir(), "cs-out-"));
const file = join(root, "report.txt");
writeFileSync(file, "x");

describe("checkOutDir", () => {
  it("an existing file is refused, whether the directory would be created or not", () => {
    for (const create of [true, false]) {
      expect(() => checkOutDir(file, {create})).toThrow(new InputError(`${file}: --out is an existing file, not a directory; choose a directory`));
    }
  });

  it("a path under a file is refused", () => {
    for (const create of [true, false]) {
      expect(() => checkOutDir(join(file, "dist"), {create})).toThrow(`${join(file, "dist")}: a part of this path is a file, not a directory; check the path`);
    }
  });

  it("a new directory is accepted; created only when asked", () => {
    checkOutDir(join(root, "a", "b"), {create: false});
    expect(existsSync(join(root, "a"))).toBe(false);
    checkOutDir(join(root, "c", "d"), {create: true});
    expect(existsSync(join(root, "c", "d"))).toBe(true);
  });
});

describe("userErrorMessage", () => {
  it("input, config and file-system errors are one line; anything else is a bug (null: print the stack)", () => {
    expect(userErrorMessage(new InputError("x.csv: bad"))).toBe("x.csv: bad");
    expect(userErrorMessage(new ConfigError("config: bad"))).toBe("config: bad");
    expect(userErrorMessage(Object.assign(new Error("ENOSPC"), {code: "ENOSPC", path: "/out/a.csv", syscall: "write"}))).toBe(
      "/out/a.csv: no space left on the device; free some space"
    );
    expect(userErrorMessage(new TypeError("undefined is not a function"))).toBeNull();
  });
});
