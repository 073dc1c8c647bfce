/**
 * Property test: on seeded random inputs, the SQL tables equal a plain TypeScript reading of the
 * contract (reference.ts), row by row and in order. Money is compared exactly (in cents); rates to a
 * relative 1e-9 (the SQL divides decimals converted to doubles, the reference divides cents).
 */
import {describe, expect, it} from "vitest";
import type {Db, Param} from "../../loaders/db.js";
import {buildFamilies, type Fixture} from "../helpers/staged.js";
import {CORE_FAMILIES} from "./fixture.js";
import {randomInputs} from "./random-inputs.js";
import {DIMENSIONS, Reference, type RefInput} from "./reference.js";

const MONEY = new Set([
  "mrr_start", "new", "expansion", "contraction", "churn", "reactivation", "mrr_end", "mrr_churned", "mrr_contraction",
  "mrr_retained_gross", "mrr_now", "mrr"
]);
const RATES = new Set([
  "logo_churn_rate", "revenue_churn_rate", "grr", "nrr", "grr_t12m", "nrr_t12m", "logo_retention", "revenue_retention",
  "nps", "ci_low", "ci_high"
]);

/** Differences between SQL rows and reference rows (money in cents on the reference side). */
function diff(table: string, sql: Record<string, unknown>[], ref: Record<string, unknown>[]): string[] {
  const out: string[] = [];
  if (sql.length !== ref.length) out.push(`${table}: ${sql.length} rows, reference has ${ref.length}`);
  for (let i = 0; i < Math.min(sql.length, ref.length); i++) {
    for (const [k, want] of Object.entries(ref[i])) {
      const got = sql[i][k];
      let same: boolean;
      if (MONEY.has(k)) same = typeof got === "number" && Math.round(got * 100) === want;
      else if (RATES.has(k) && typeof want === "number" && typeof got === "number") {
        same = Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));
      } else same = got === want;
      if (!same) out.push(`${table}[${i}].${k}: sql ${JSON.stringify(got)}, reference ${JSON.stringify(want)} (row ${JSON.stringify(sql[i])})`);
    }
    if (out.length > 20) break;
  }
  return out;
}

function fixtureOf(input: RefInput): Fixture {
  return {
    accounts: input.accounts as unknown as Record<string, Param>[],
    subscriptions: input.subscriptions as unknown as Record<string, Param>[],
    nps_responses: input.nps_responses as unknown as Record<string, Param>[]
  };
}

async function check(db: Db, ref: Reference, minResponses: number): Promise<string[]> {
  const problems: string[] = [];
  problems.push(...diff("mrr_movements", await db.all(`SELECT * FROM mrr_movements`), ref.months.map((m) => ref.movements(m))));

  const churnRef = ref.months.flatMap((month) =>
    DIMENSIONS.flatMap((dimension) =>
      ref.segmentValues(dimension).map((segment) => {
        const {mrr_expansion: _, ...r} = ref.churn(month, dimension, segment);
        return {month, dimension, segment, ...r};
      })
    )
  );
  problems.push(...diff("churn", await db.all(`SELECT * FROM churn`), churnRef));

  const t12mRef = ref.months.slice(12).flatMap((month) =>
    DIMENSIONS.flatMap((dimension) => ref.segmentValues(dimension).map((segment) => ({month, dimension, segment, ...ref.t12m(month, dimension, segment)})))
  );
  problems.push(...diff("retention_t12m", await db.all(`SELECT * FROM retention_t12m`), t12mRef));

  // Cohorts: SQL orders by cohort, dimension, segment, k; compare one dimension at a time.
  for (const dimension of DIMENSIONS) {
    const sql = await db.all(`SELECT * FROM retention_cohorts WHERE dimension = ?`, [dimension]);
    const want = ref.cohorts(dimension).map((r) => ({dimension, ...r}));
    problems.push(...diff(`retention_cohorts(${dimension})`, sql, want));
  }

  const key = (r: Record<string, unknown>) => `${r.period} ${r.dimension} ${r.segment}`;
  const npsSql = (await db.all(`SELECT * FROM nps`)).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const npsRef = ref.nps(minResponses).sort((a, b) => (key(a) < key(b) ? -1 : 1));
  problems.push(...diff("nps", npsSql, npsRef));
  return problems;
}

describe("SQL metrics = reference implementation on random inputs", () => {
  for (const seed of [1, 7, 42, 2024, 31337]) {
    it(`seed ${seed}: 200 accounts over 24 months`, async () => {
      const input = randomInputs(seed);
      const ref = new Reference(input);
      const {db, ctx} = await buildFamilies(fixtureOf(input), CORE_FAMILIES, {asOf: input.asOf, segments: ["segment"], npsMinResponses: 5});
      expect([ctx.firstMonth, ctx.asOf]).toEqual([ref.firstMonth, input.asOf]);
      expect(ref.months).toHaveLength(24);
      expect(await check(db, ref, 5)).toEqual([]);

      // The inputs do exercise what the definitions distinguish.
      const [m] = await db.all<Record<string, number>>(
        `SELECT sum("new") n, sum(reactivation) r, sum(expansion) e, sum(contraction) c, sum(churn) ch FROM mrr_movements`
      );
      expect(Object.values(m).every((v) => v > 0)).toBe(true);
      db.close();
    });
  }
});
