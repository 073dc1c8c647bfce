/**
 * explore_by_month.arrow: the Explore page's two charts (the whole book's MRR and paying accounts by
 * month), computed here so the page draws them without starting DuckDB-wasm: the engine and the
 * account-month table load only when the reader runs a query. One row per month, whatever the book's size.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {SiteDataset} from "../dataset.js";
import {queryToArrow} from "../arrow.js";

/** The same query the page's first example runs over account_months (paying = MRR > 0). */
export const EXPLORE_BY_MONTH_SQL = `
  SELECT month, count(*) FILTER (WHERE mrr > 0) AS accounts, sum(mrr)::DOUBLE AS mrr
  FROM account_months GROUP BY month ORDER BY month`;

export const exploreByMonth: SiteDataset = {
  name: "explore-by-month",
  async write(db, _ctx, dir) {
    await writeFile(join(dir, "explore_by_month.arrow"), await queryToArrow(db, EXPLORE_BY_MONTH_SQL, {month: "dictionary", accounts: "int32"}));
  }
};
