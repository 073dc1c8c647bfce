/**
 * What the command-line scripts print for a failure: one line for every problem the user can fix
 * (input, config, file system, memory), a stack trace only for a bug.
 */
import {accessSync, constants, mkdirSync, statSync} from "node:fs";
import {dirname} from "node:path";
import {ConfigError} from "../loaders/config.js";
import {displayPath, InputError} from "../loaders/ingest/errors.js";
import {fsProblem, withFs} from "../loaders/ingest/fs-errors.js";

/** The one-line message for a user-fixable error, or null for a bug (print its stack). */
export function userErrorMessage(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  // Subclasses count too (a custom metric's CustomSqlError is a ConfigError).
  if (error instanceof InputError || error instanceof ConfigError || error.name === "InputError" || error.name === "ConfigError") return error.message;
  // A file-system error not caught where it happened still names its path.
  const path = (error as {path?: unknown}).path;
  if (typeof path === "string") return fsProblem(error, path, {writing: /write|mkdir|rename|copy|unlink|rm/i.test(String((error as {syscall?: unknown}).syscall))});
  return null;
}

/** Prints the error (one line when the user can fix it) to stderr. */
export function reportError(error: unknown): void {
  const message = userErrorMessage(error);
  if (message !== null) console.error(`error: ${message.split("\n")[0]}`);
  else console.error(error);
}

/**
 * Checks an output directory before any work starts: it is a directory (or can be created) and is
 * writable. `create: false` (the site build, which swaps a finished directory into place) checks
 * the nearest existing parent instead of creating it.
 */
export function checkOutDir(path: string, {create}: {create: boolean}): void {
  const existing = withFs(path, () => {
    try {
      return statSync(path);
    } catch (e) {
      if ((e as {code?: string}).code === "ENOENT") return null;
      throw e;
    }
  });
  if (existing && !existing.isDirectory()) throw new InputError(`${displayPath(path)}: --out is an existing file, not a directory; choose a directory`);
  if (existing || create) {
    if (create) withFs(path, () => mkdirSync(path, {recursive: true}), {writing: true});
    withFs(path, () => accessSync(path, constants.W_OK), {writing: true});
    return;
  }
  let parent = dirname(path);
  while (parent !== dirname(parent) && !withFs(parent, () => statSync(parent, {throwIfNoEntry: false}))) parent = dirname(parent);
  const stat = statSync(parent);
  if (!stat.isDirectory()) throw new InputError(`${displayPath(parent)}: is a file, so --out ${displayPath(path)} cannot be created under it; choose another path`);
  withFs(parent, () => accessSync(parent, constants.W_OK), {writing: true});
}
