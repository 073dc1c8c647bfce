/**
 * The families to build for a chosen set of output tables (`npm run metrics -- --tables`): the
 * families that create them, every family those read (dependencies.ts), and every family that
 * extends one of the tables built, in FAMILIES order (which is a valid build order).
 */
import {ConfigError} from "../config.js";
import {EXTENDS, READS} from "./dependencies.js";
import type {MetricFamily} from "./family.js";

/** Output tables that are no family's: the ingest quarantine. */
export const INGEST_TABLES = ["rejected_rows"];

/** The unknown names as one message listing the valid ones, or null when every name is valid. */
export function unknownTablesMessage(requested: string[], valid: string[]): string | null {
  const unknown = requested.filter((t) => !valid.includes(t));
  if (!unknown.length) return null;
  return `unknown table${unknown.length > 1 ? "s" : ""} ${unknown.map((t) => JSON.stringify(t)).join(", ")} for --tables; valid tables: ${valid.join(", ")}`;
}

/** The families that build `tables` (names of family output tables), in build order. */
export function selectFamilies(families: MetricFamily[], tables: string[]): MetricFamily[] {
  const byName = new Map(families.map((f) => [f.name, f]));
  const owner = new Map(families.flatMap((f) => f.tables.map((t) => [t, f] as const)));
  const chosen = new Set<MetricFamily>();
  const add = (f: MetricFamily) => {
    if (chosen.has(f)) return;
    chosen.add(f);
    const reads = READS[f.name];
    if (!reads) throw new Error(`metric family "${f.name}" has no entry in loaders/metrics/dependencies.ts READS`);
    for (const name of reads) add(byName.get(name) ?? missing(name, f.name));
  };
  for (const t of tables) {
    const f = owner.get(t);
    if (f) add(f);
  }
  // Extenders, to a fixed point (an extender's own reads may bring in more tables).
  for (let grew = true; grew; ) {
    grew = false;
    const built = new Set([...chosen].flatMap((f) => f.tables));
    for (const [name, extended] of Object.entries(EXTENDS)) {
      const f = byName.get(name);
      if (f && !chosen.has(f) && extended.some((t) => built.has(t))) {
        add(f);
        grew = true;
      }
    }
  }
  return families.filter((f) => chosen.has(f));
}

function missing(name: string, by: string): never {
  throw new ConfigError(`metric family "${by}" reads family "${name}", which is not registered`);
}
