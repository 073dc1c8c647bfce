/**
 * Matches a file's header to its contract table: names compare case-insensitively after trimming;
 * the config mapping (`tables.NAME.columns`, keys case-insensitive) renames a user's columns first;
 * aliases (usage `date` -> `month`) come last. A missing required column or two columns claiming one
 * name stop the build with one message naming the file, the column, the expected schema and the
 * columns found.
 */
import type {TableConfig} from "../config.js";
import {expectedColumns, InputError} from "./errors.js";
import type {TableSpec} from "./schema.js";

export interface HeaderMatch {
  /** For each file column (by position): its staged name, or null when dropped (unknown, not accounts). */
  targets: (string | null)[];
  /** Extra columns kept (accounts only), in file order, lower-cased and trimmed. */
  extras: string[];
}

const norm = (s: string) => s.trim().toLowerCase();

/** issue 16: the contract column a header cell gives (config mapping, then name or alias), or null when it gives none. */
export function columnTarget(spec: TableSpec, tableConfig: TableConfig | undefined, cell: string): string | null {
  const mapped = Object.entries(tableConfig?.columns ?? {}).find(([from]) => norm(from) === norm(cell))?.[1];
  const name = norm(mapped ?? cell);
  return spec.columns.find((c) => c.name === name)?.name ?? spec.columns.find((c) => c.aliases?.includes(name))?.name ?? null;
}

export function matchHeader(
  spec: TableSpec,
  header: string[],
  tableConfig: TableConfig | undefined,
  {file, csv}: {file: string; csv: boolean}
): HeaderMatch {
  const mapping = new Map(Object.entries(tableConfig?.columns ?? {}).map(([from, to]) => [norm(from), norm(to)]));
  const known = new Map<string, string>();
  for (const c of spec.columns) {
    known.set(c.name, c.name);
    for (const a of c.aliases ?? []) if (!known.has(a)) known.set(a, c.name);
  }
  const found = header.map((h) => h.trim());
  if (csv && header.length === 1 && !known.has(mapping.get(norm(header[0])) ?? norm(header[0]))) {
    // One unknown "column": a text file without delimiters (notes, HTML, a log) rather than a CSV.
    const first = found[0].length > 60 ? `${found[0].slice(0, 60)}...` : found[0];
    throw new InputError(
      `${file}: not a CSV file (no delimiter , ; tab or | in the first line "${first}"). Expected columns: ${expectedColumns(spec)}.`
    );
  }
  const claimedBy = new Map<string, number>();
  const extras: string[] = [];
  const targets = header.map((h, i) => {
    const name = mapping.get(norm(h)) ?? norm(h);
    const target = known.get(name) ?? (spec.keepExtra ? name || `column_${i + 1}` : null);
    if (target === null) return null;
    const other = claimedBy.get(target);
    if (other !== undefined) {
      throw new InputError(
        `${file}: columns "${found[other]}" and "${found[i]}" both give column "${target}". ` +
          `Expected columns: ${expectedColumns(spec)}. Found: ${found.join(", ")}.`
      );
    }
    claimedBy.set(target, i);
    if (!known.has(name)) extras.push(target);
    return target;
  });

  const missing = spec.columns.filter((c) => c.required && !claimedBy.has(c.name)).map((c) => c.name);
  if (missing.length) {
    // Say so when the config mapping was meant to supply the column: the usual cause is a renamed export column.
    const mapped = missing.flatMap((m) =>
      Object.entries(tableConfig?.columns ?? {})
        .filter(([, to]) => norm(to) === m)
        .map(([from]) => `the config maps "${from}" to "${m}" but the file has no column "${from}"`)
    );
    const what = missing.length === 1 ? `column "${missing[0]}"` : `columns ${missing.map((m) => `"${m}"`).join(", ")}`;
    throw new InputError(
      `${file}: missing required ${what}${mapped.length ? ` (${mapped.join("; ")})` : ""}. ` +
        `Expected columns: ${expectedColumns(spec)}. Found: ${found.join(", ")}.`
    );
  }
  return {targets, extras};
}
