import {describe, expect, it} from "vitest";
import {churn} from "../../loaders/metrics/churn.js";
import {movements} from "../../loaders/metrics/movements.js";
import {nps} from "../../loaders/metrics/nps.js";
import {retention} from "../../loaders/metrics/retention.js";
import {revenueRetention} from "../../loaders/metrics/revenue-retention.js";
import {segmentMonths} from "../../loaders/metrics/segments.js";

const families = [movements, segmentMonths, churn, revenueRetention, retention, nps];
const defs = families.flatMap((f) => f.definitions);

describe("definitions of the core metric families", () => {
  it("are complete in both languages, with unique ids, for every output table", () => {
    expect(new Set(defs.map((d) => d.id)).size).toBe(defs.length);
    for (const d of defs) {
      for (const s of [d.id, d.table, d.name.en, d.name.ja, d.formula, d.text.en, d.text.ja]) expect(s.trim().length, d.id).toBeGreaterThan(0);
      // Japanese text is Japanese.
      expect(d.text.ja, d.id).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    const tables = families.flatMap((f) => f.tables);
    expect(tables).toEqual(["mrr_movements", "churn", "retention_t12m", "retention_cohorts", "nps"]);
    for (const t of tables) expect(defs.some((d) => d.table === t), t).toBe(true);
    for (const d of defs) expect(tables, d.id).toContain(d.table);
  });

  it("define every movement, rate and documented extra column", () => {
    const ids = defs.map((d) => d.id);
    for (const id of [
      "mrr_new", "mrr_reactivation", "mrr_expansion", "mrr_contraction", "mrr_churn", "mrr_bridge",
      "logo_churn_rate", "revenue_churn_rate", "grr", "nrr", "grr_t12m", "nrr_t12m",
      "cohort", "logo_retention", "revenue_retention", "nps", "nps_ci", "nps_low_responses",
      "line_segment_rule", "empty_segments"
    ]) expect(ids).toContain(id);
    // Extra columns beyond the contract are documented where they appear.
    expect(defs.find((d) => d.id === "nps_low_responses")!.text.en).toMatch(/after ci_high/);
    expect(defs.find((d) => d.id === "cohort")!.text.en).toMatch(/dimension, segment, after cohort/);
    // The glossary's terms.
    expect(defs.find((d) => d.id === "logo_churn_rate")!.name.ja).toContain("解約率（チャーンレート）");
    expect(defs.find((d) => d.id === "grr")!.name.ja).toContain("売上継続率");
    expect(defs.find((d) => d.id === "logo_retention")!.name.ja).toContain("コホート別継続率");
    expect(defs.find((d) => d.id === "nps")!.text.ja).toMatch(/推奨者.*批判者.*中立者/);
  });
});
