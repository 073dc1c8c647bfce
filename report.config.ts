// The report's settings. Every key is optional; see loaders/config.ts for defaults and meaning.
import {defineConfig} from "./loaders/config.js";

export default defineConfig({
  dataDir: "data/sample",
  locale: "en-US",
  currency: "JPY",
  // "touch": the derived touch-model dimension (high / low / tech; rule in `touch`, see data/README.md).
  segments: ["segment", "industry", "region", "touch"],
  targets: {
    nrr: {value: 1.05, period: "trailing-12-months"},
    grr: {value: 0.92, period: "trailing-12-months"},
    logo_churn_rate: {value: 0.015, period: "monthly"},
    revenue_churn_rate: {value: 0.01, period: "monthly"},
    nps: 30,
    health_green_share: 0.6,
    onboarding_completion_rate: 0.85
  },
  // Targets of the KPI tree's nodes (trailing 12 months, shares of the MRR 12 months earlier).
  kpiTree: {targets: {nrr: 1.05, grr: 0.92, expansion: 0.13, churn: 0.05, contraction: 0.03}}
});
