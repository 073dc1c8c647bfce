// The report's settings. Every key is optional; see loaders/config.ts for defaults and meaning.
import {defineConfig} from "./loaders/config.js";

export default defineConfig({
  dataDir: "data/sample",
  locale: "en-US",
  currency: "JPY",
  segments: ["segment", "industry", "region"],
  targets: {
    nrr: 1.05,
    grr: 0.92,
    logo_churn_rate: 0.015,
    revenue_churn_rate: 0.01,
    nps: 30,
    health_green_share: 0.6,
    onboarding_completion_rate: 0.85
  }
});
