/**
 * Writes what the site reads into SITE_DATA_DIR/metrics, from one pipeline run: every dataset (see
 * datasets/index.ts), the manifest (calendar, locale, targets), the metric definitions and the
 * data-quality summary.
 */
import {mkdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {qualitySummary} from "../ingest/index.js";
import {FAMILIES, WORKING_TABLES} from "../metrics/index.js";
import type {PipelineResult} from "../pipeline.js";
import {DATASETS} from "./datasets/index.js";
import {QBR_DEFINITIONS} from "./qbr/definitions.js";
import {MANIFEST_PATH, SITE_DATA_DIR} from "./paths.js";

export interface Manifest {
  asOf: string;
  firstMonth: string;
  /** Every month computed, oldest first. */
  months: string[];
  locale: string;
  currency: string;
  title: string | null;
  dimensions: string[];
  targets: Record<string, number>;
  redact: boolean;
  tables: string[];
  // issue 11: the small-sample minimums and the onboarding deadline, for the pages' notes
  minSampleSize: number;
  npsMinResponses: number;
  onboardingDeadlineDays: number;
  /** The custom metric tables (custom/metrics/*.sql), in build order. */
  customTables: string[];
}

export async function exportSiteData({db, ctx, tables}: PipelineResult, dir = SITE_DATA_DIR): Promise<Manifest> {
  await rm(dir, {recursive: true, force: true});
  await mkdir(join(dir, "metrics"), {recursive: true});
  for (const v of WORKING_TABLES.views) await db.run(`DROP VIEW IF EXISTS ${v}`);
  for (const t of WORKING_TABLES.tables) await db.run(`DROP TABLE IF EXISTS ${t}`);
  for (const dataset of DATASETS) await dataset.write(db, ctx, join(dir, "metrics"));
  const months = (await db.all<{month: string}>(`SELECT month FROM months ORDER BY idx`)).map((r) => r.month);
  const {config} = ctx;
  const manifest: Manifest = {
    asOf: ctx.asOf,
    firstMonth: ctx.firstMonth,
    months,
    locale: config.locale,
    currency: config.currency,
    title: config.title,
    dimensions: ctx.dimensions,
    targets: config.targets as Record<string, number>,
    redact: config.redact,
    tables,
    minSampleSize: config.minSampleSize,
    npsMinResponses: config.npsMinResponses,
    onboardingDeadlineDays: config.onboardingDeadlineDays,
    customTables: (ctx.custom ?? []).map((c) => c.table)
  };
  await writeFile(join(dir, "metrics", "manifest.json"), JSON.stringify(manifest, null, 1));
  await writeFile(join(dir, "metrics", "definitions.json"), JSON.stringify([...FAMILIES.flatMap((f) => f.definitions), ...QBR_DEFINITIONS, ...(ctx.custom ?? []).map((c) => c.definition)], null, 1));
  await writeFile(join(dir, "metrics", "quality.json"), JSON.stringify(await qualitySummary(db), null, 1));
  await writeFile(dir === SITE_DATA_DIR ? MANIFEST_PATH : join(dir, "manifest.json"), JSON.stringify(manifest, null, 1));
  return manifest;
}
