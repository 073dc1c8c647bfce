/**
 * kpi-tree.json (issue 19): what the KPI tree page draws, for every month with trailing-12-month
 * figures. The KGI, NRR over the trailing 12 months, and the KPIs it is made of, all as shares of the
 * MRR the accounts had 12 months earlier: NRR = GRR + expansion, GRR = 1 − churn − contraction.
 * Per node: value, target (config.kpiTree.targets), change against last month and last year, and per
 * dimension the segment whose contribution moved it most in the direction it moved (segments with
 * fewer than config.attribution.minAccounts accounts, and the plan/product residual, are never named).
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {KpiTreeNode} from "../../config.js";
import type {Db} from "../../db.js";
import {BETWEEN_SEGMENTS, type AttributionMeasure, type Basis} from "../../metrics/change-attribution.js";
import type {MetricContext, Month} from "../../metrics/family.js";
import type {SiteDataset} from "../dataset.js";

/** The tree: each node's measure, parent, which way is better, and the page that details it. */
export const KPI_TREE: {node: KpiTreeNode; measure: AttributionMeasure; parent: KpiTreeNode | null; better: "higher" | "lower"; page: string}[] = [
  {node: "nrr", measure: "nrr_t12m", parent: null, better: "higher", page: "retention"},
  {node: "grr", measure: "grr_t12m", parent: "nrr", better: "higher", page: "retention"},
  {node: "expansion", measure: "expansion_t12m", parent: "nrr", better: "higher", page: "adoption"},
  {node: "churn", measure: "churn_t12m", parent: "grr", better: "lower", page: "churn"},
  {node: "contraction", measure: "contraction_t12m", parent: "grr", better: "lower", page: "retention"}
];

export interface Mover {
  segment: string;
  contribution: number;
  mix: number;
  rate: number;
  accounts: number;
}

export interface TreeNodeMonth {
  value: number | null;
  change: Record<Basis, number | null>;
  /** dimension → basis → the top mover (null: none with enough accounts moved it that way). */
  movers: Record<string, Partial<Record<Basis, Mover | null>>>;
}

export interface KpiTreeData {
  asOf: Month;
  minAccounts: number;
  dimensions: string[];
  nodes: {node: KpiTreeNode; parent: KpiTreeNode | null; better: "higher" | "lower"; page: string; target: number | null}[];
  months: Month[];
  values: Record<Month, Record<KpiTreeNode, TreeNodeMonth>>;
}

interface Row {
  month: Month;
  dimension: string;
  segment: string;
  basis: Basis;
  measure: AttributionMeasure;
  value: number | null;
  accounts: number;
  accounts_prev: number;
  small: boolean;
  contribution: number;
  mix: number;
  rate: number;
}

const clean = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(12)));

export async function kpiTreeData(db: Db, ctx: MetricContext): Promise<KpiTreeData> {
  const measures = KPI_TREE.map((n) => `'${n.measure}'`).join(", ");
  const rows = await db.all<Row>(
    `SELECT month, dimension, segment, basis, measure, value, accounts, accounts_prev, small, contribution, mix, rate
     FROM nrr_change_attribution WHERE measure IN (${measures}) ORDER BY month`
  );
  // The node's value for months without a comparison (the first 12 months with t12m figures) comes from retention_t12m.
  const base = await db.all<{month: Month; grr_t12m: number | null; nrr_t12m: number | null}>(
    `SELECT month, grr_t12m, nrr_t12m FROM retention_t12m WHERE dimension = 'all' AND mrr_start > 0 ORDER BY month`
  );
  const values: KpiTreeData["values"] = {};
  const cell = (month: Month, node: KpiTreeNode): TreeNodeMonth => {
    values[month] ??= {} as Record<KpiTreeNode, TreeNodeMonth>;
    return (values[month][node] ??= {value: null, change: {mom: null, yoy: null}, movers: {}});
  };
  for (const b of base) {
    cell(b.month, "nrr").value = clean(b.nrr_t12m);
    cell(b.month, "grr").value = clean(b.grr_t12m);
  }
  const byMeasure = new Map(KPI_TREE.map((n) => [n.measure, n.node]));
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.month}|${r.dimension}|${r.basis}|${r.measure}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  for (const group of groups.values()) {
    const total = group.find((r) => r.segment === "all");
    if (!total) continue;
    const node = cell(total.month, byMeasure.get(total.measure)!);
    node.value = clean(total.value);
    node.change[total.basis] = clean(total.contribution);
    const sign = Math.sign(total.contribution);
    const top = group
      .filter((r) => r.segment !== "all" && r.segment !== BETWEEN_SEGMENTS && !r.small && sign !== 0 && Math.sign(r.contribution) === sign)
      .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.segment.localeCompare(b.segment))[0];
    node.movers[total.dimension] ??= {};
    node.movers[total.dimension][total.basis] = top
      ? {segment: top.segment, contribution: clean(top.contribution)!, mix: clean(top.mix)!, rate: clean(top.rate)!, accounts: Math.min(top.accounts, top.accounts_prev)}
      : null;
  }
  // expansion / churn / contraction values of months without a comparison: NRR − GRR etc. are not stored; leave those null.
  const months = Object.keys(values).sort();
  const dimensions = [...new Set(rows.map((r) => r.dimension))];
  const targets = ctx.config.kpiTree.targets;
  return {
    asOf: ctx.asOf,
    minAccounts: ctx.config.attribution.minAccounts,
    dimensions,
    nodes: KPI_TREE.map(({node, parent, better, page}) => ({node, parent, better, page, target: targets[node] ?? null})),
    months,
    values
  };
}

export const kpiTree: SiteDataset = {
  name: "kpi-tree",
  async write(db, ctx, dir) {
    await writeFile(join(dir, "kpi-tree.json"), JSON.stringify(await kpiTreeData(db, ctx)));
  }
};
