import {it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {health} from "../../loaders/metrics/health.js";
import {buildFamilies} from "../helpers/staged.js";
import {healthFixture, healthConfig} from "../fixtures/kpi/health.js";
it("smoke", async () => {
  const {db} = await buildFamilies(healthFixture, [accountMonths, health], healthConfig as any);
  console.table(await db.all(`SELECT * FROM health WHERE month IN ('2024-06','2024-01','2024-03')`));
});
