/**
 * The declared family dependencies (loaders/metrics/dependencies.ts) against the SQL each family
 * actually runs: the full pipeline on the sample company, every statement recorded per family, and
 * each table name after FROM/JOIN/UPDATE/INTO/TABLE/EXISTS mapped to the family that created it.
 */
import {resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {loadConfig, PROJECT_ROOT} from "../../loaders/config.js";
import {openDb, type Db} from "../../loaders/db.js";
import {ingest} from "../../loaders/ingest/index.js";
import {metricContext} from "../../loaders/metrics/calendar.js";
import {TABLE_NAMES} from "../../loaders/config.js";
import {EXTENDS, INPUTS, READS} from "../../loaders/metrics/dependencies.js";
import {FAMILIES} from "../../loaders/metrics/index.js";

const derived = new Map<string, Set<string>>();
const inputs = new Map<string, Set<string>>();

beforeAll(async () => {
  const config = await loadConfig({...process.env, CS_DATA_DIR: resolve(PROJECT_ROOT, "data/sample"), CS_CONFIG: ""});
  const db = await openDb();
  await ingest(db, config);
  const ctx = await metricContext(db, config);
  const tables = async () => (
    await db.all<{n: string}>(`SELECT lower(table_name) AS n FROM duckdb_tables() UNION ALL SELECT lower(view_name) FROM duckdb_views() WHERE NOT internal`)
  ).map((r) => r.n);
  const owner = new Map<string, string>((await tables()).map((t) => [t, "(input)"]));
  for (const family of FAMILIES) {
    const statements: string[] = [];
    const recording: Db = {
      ...db,
      run: (sql, params) => (statements.push(sql), db.run(sql, params)),
      all: (sql, params) => (statements.push(sql), db.all(sql, params)),
      columns: (sql) => (statements.push(sql), db.columns(sql))
    } as Db;
    await family.build(recording, ctx);
    for (const t of await tables()) if (!owner.has(t)) owner.set(t, family.name);
    const reads = new Set<string>();
    const read = new Set<string>();
    for (const sql of statements) {
      for (const m of sql.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO|TABLE|EXISTS)\s+"?([A-Za-z_][A-Za-z_0-9]*)/gi)) {
        const o = owner.get(m[1].toLowerCase());
        if (o && o !== family.name && o !== "(input)") reads.add(o);
        if (o === "(input)" && (TABLE_NAMES as readonly string[]).includes(m[1].toLowerCase())) read.add(m[1].toLowerCase());
      }
    }
    derived.set(family.name, reads);
    inputs.set(family.name, read);
  }
  db.close();
}, 300_000);

/** A family and everything it reads, transitively. */
function closure(names: string[]): Set<string> {
  const out = new Set<string>();
  const visit = (n: string) => {
    if (out.has(n)) return;
    out.add(n);
    for (const r of READS[n] ?? []) visit(r);
  };
  names.forEach(visit);
  return out;
}

describe("metric family dependencies", () => {
  it("declares every registered family, and only those", () => {
    expect(Object.keys(READS).sort()).toEqual(FAMILIES.map((f) => f.name).sort());
    const tables = new Set(FAMILIES.flatMap((f) => f.tables));
    for (const extended of Object.values(EXTENDS)) for (const t of extended) expect(tables.has(t)).toBe(true);
  });

  it("lists exactly the families whose tables each family's SQL reads", () => {
    for (const family of FAMILIES.filter((f) => !EXTENDS[f.name])) {
      expect({family: family.name, reads: [...derived.get(family.name)!].sort()}).toEqual({family: family.name, reads: [...READS[family.name]].sort()});
    }
  });

  it("lists exactly the input tables each family's SQL reads", () => {
    expect(Object.keys(INPUTS).sort()).toEqual(FAMILIES.map((f) => f.name).sort());
    for (const family of FAMILIES) {
      expect({family: family.name, inputs: [...inputs.get(family.name)!].sort()}).toEqual({family: family.name, inputs: [...INPUTS[family.name]].sort()});
    }
  });

  it("an extending family reads nothing beyond the families of the tables it extends", () => {
    const owner = new Map(FAMILIES.flatMap((f) => f.tables.map((t) => [t, f.name] as const)));
    for (const [name, extended] of Object.entries(EXTENDS)) {
      const allowed = closure(extended.map((t) => owner.get(t)!));
      expect([...derived.get(name)!].filter((r) => !allowed.has(r))).toEqual([]);
      expect(derived.get(name)!.size).toBeGreaterThan(0);
    }
  });

  it("each family reads only families built before it", () => {
    const order = FAMILIES.map((f) => f.name);
    for (const [name, reads] of Object.entries(READS)) for (const r of reads) expect(order.indexOf(r)).toBeLessThan(order.indexOf(name));
  });
});
