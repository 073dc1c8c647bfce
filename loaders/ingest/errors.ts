/** The fatal input error, and the wording shared by every fatal message. */
import {isAbsolute, relative} from "node:path";
import type {TableSpec} from "./schema.js";

/** A fatal input problem: the message names the file, the column, the expected schema and the columns found. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** A path as the user should read it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** "subscription_id, account_id (required), ..., month (required, or date)": the expected columns. */
export function expectedColumns(spec: TableSpec): string {
  return spec.columns
    .map((c) => {
      const notes = [c.required ? "required" : "", c.aliases?.length ? `or ${c.aliases.join(" / ")}` : ""].filter(Boolean);
      return notes.length ? `${c.name} (${notes.join(", ")})` : c.name;
    })
    .join(", ");
}
