// The report's settings. Every key is optional; see loaders/config.ts for defaults and meaning.
import {defineConfig} from "./loaders/config.js";

export default defineConfig({
  dataDir: "data/sample",
  locale: "en-US",
  currency: "JPY",
  segments: ["segment", "industry", "region"],
  targets: {
    nrr: {value: 1.05, period: "trailing-12-months"},
    grr: {value: 0.92, period: "trailing-12-months"},
    logo_churn_rate: {value: 0.015, period: "monthly"},
    revenue_churn_rate: {value: 0.01, period: "monthly"},
    nps: 30,
    health_green_share: 0.6,
    onboarding_completion_rate: 0.85
  }
});
