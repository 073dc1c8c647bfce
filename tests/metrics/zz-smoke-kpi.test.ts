import {it} from "vitest";
import {accountMonths} from "../../loaders/metrics/account-months.js";
import {health} from "../../loaders/metrics/health.js";
import {healthValidity} from "../../loaders/metrics/health-validity.js";
import {onboarding} from "../../loaders/metrics/onboarding.js";
import {adoption} from "../../loaders/metrics/adoption.js";
import {support} from "../../loaders/metrics/support.js";
import {expansion} from "../../loaders/metrics/expansion.js";
import {ltv} from "../../loaders/metrics/ltv.js";
import {csmPortfolio} from "../../loaders/metrics/csm-portfolio.js";
import {activityEffect} from "../../loaders/metrics/activity-effect.js";
import {buildFamilies} from "../helpers/staged.js";
import {healthFixture, healthConfig} from "../fixtures/kpi/health.js";
it("smoke", async () => {
  const fams = [accountMonths, health, healthValidity, onboarding, adoption, support, expansion, ltv, csmPortfolio, activityEffect];
  const {db} = await buildFamilies(healthFixture, fams, {...healthConfig, segments: ["segment"]} as any);
  for (const t of fams.flatMap((f) => f.tables)) {
    const rows = await db.all(`SELECT * FROM ${t} LIMIT 12`);
    console.log(t);
    console.table(rows);
  }
});
