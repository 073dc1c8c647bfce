/**
 * File-system problems as one line each: the path, what is wrong with it and what to do. Node's own
 * errors ("ENOENT: no such file or directory, open ...") come with a stack trace and no advice; every
 * read of an input file and every write of an output goes through here instead.
 */
import {accessSync, constants, lstatSync, statSync} from "node:fs";
import {displayPath, InputError} from "./errors.js";

interface ErrnoLike {
  code?: string;
  path?: string;
  syscall?: string;
}

const isErrno = (e: unknown): e is Error & ErrnoLike => e instanceof Error && typeof (e as ErrnoLike).code === "string";

/** Whether `path` is a symbolic link (without following it). */
function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What went wrong with `path` and what to do, for a Node file-system error code; null when `e` is not one. */
export function fsProblem(e: unknown, path: string, {writing = false}: {writing?: boolean} = {}): string | null {
  if (!isErrno(e)) return null;
  const p = displayPath(path);
  switch (e.code) {
    case "ENOENT":
      return isSymlink(path)
        ? `${p}: is a symbolic link to a file that does not exist (a dangling link); point it at the export or replace it with the file`
        : `${p}: not found; check the path`;
    case "ELOOP":
      return `${p}: symbolic link loop (the link points back to itself); replace it with the file`;
    case "EISDIR":
      return `${p}: is a directory, not a file; ${writing ? "choose another path" : "put the export file there instead"}`;
    case "ENOTDIR":
      return `${p}: a part of this path is a file, not a directory; check the path`;
    case "EACCES":
    case "EPERM":
      return `${p}: permission denied; allow ${writing ? "write" : "read"} access (e.g. chmod ${writing ? "u+w" : "u+r"}) or run as a user who has it`;
    case "EROFS":
      return `${p}: the file system is read-only; choose a writable path`;
    case "ENOSPC":
      return `${p}: no space left on the device; free some space`;
    case "EEXIST":
      return `${p}: already exists and is not a directory; choose another path`;
    case "EMFILE":
    case "ENFILE":
      return `${p}: too many open files; raise the open-file limit (ulimit -n)`;
    case "EIO":
      return `${p}: input/output error reading the disk; copy the file to a healthy disk`;
    default:
      return `${p}: cannot be ${writing ? "written" : "read"} (${e.code}${e.syscall ? ` in ${e.syscall}` : ""})`;
  }
}

/** Runs a file-system call on `path`, turning a Node file-system error into an InputError of one line. */
export function withFs<T>(path: string, fn: () => T, options?: {writing?: boolean}): T {
  try {
    return fn();
  } catch (e) {
    const problem = fsProblem(e, path, options);
    if (problem) throw new InputError(problem);
    throw e;
  }
}

/**
 * Checks that an input file can be read before any work starts: it exists (a symlink's target too),
 * is a regular file and is readable. Throws an InputError naming the path otherwise.
 */
export function checkReadableFile(path: string): void {
  const stat = withFs(path, () => statSync(path));
  if (!stat.isFile()) {
    const err = Object.assign(new Error("not a file"), {code: stat.isDirectory() ? "EISDIR" : "EINVAL"});
    if (stat.isDirectory()) throw new InputError(fsProblem(err, path)!);
    throw new InputError(`${displayPath(path)}: not a regular file (a device, socket or pipe); put the export file there instead`);
  }
  withFs(path, () => accessSync(path, constants.R_OK));
}
