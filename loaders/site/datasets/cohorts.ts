/**
 * cohorts.arrow: the Retention page's cohort heatmap data, a slim copy of retention_cohorts (every
 * cohort, dimension and segment; only the columns the page shows), compactly encoded. Its size depends
 * on months × segments, not on the number of accounts.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {SiteDataset} from "../dataset.js";
import {queryToArrow} from "../arrow.js";

export const COHORTS_SQL = `
  SELECT cohort, dimension, segment, months_since, accounts_start, mrr_start, logo_retention, revenue_retention
  FROM retention_cohorts`;

export const cohorts: SiteDataset = {
  name: "cohorts",
  async write(db, _ctx, dir) {
    const bytes = await queryToArrow(db, COHORTS_SQL, {
      cohort: "dictionary",
      dimension: "dictionary",
      segment: "dictionary",
      months_since: "int32",
      accounts_start: "int32",
      // Shown as percentages (the page rounds away Float32 noise for its CSV).
      logo_retention: "float32",
      revenue_retention: "float32"
    });
    await writeFile(join(dir, "cohorts.arrow"), bytes);
  }
};
