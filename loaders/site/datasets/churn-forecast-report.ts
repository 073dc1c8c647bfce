/**
 * forecast-quarter.json: for every month, the churned MRR expected over the next three months with its
 * 80% interval (churn_forecast_quarter), keyed by the month the forecast was made at. The monthly
 * report shows the row of its own month; a small JSON keeps Arrow off the report pages.
 */
import {writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {SiteDataset} from "../dataset.js";

export const churnForecastReport: SiteDataset = {
  name: "churn-forecast-report",
  async write(db, _ctx, dir) {
    const rows = await db.all<Record<string, string | number | null>>(`
      SELECT made_at, first_month, last_month, expected_churn_mrr::DOUBLE AS expected_churn_mrr, low::DOUBLE AS low, high::DOUBLE AS high
      FROM churn_forecast_quarter ORDER BY made_at`);
    await writeFile(join(dir, "forecast-quarter.json"), JSON.stringify(Object.fromEntries(rows.map((r) => [r.made_at, r]))));
  }
};
