// The report's "why the headline moved" sentence (loaders/site/report/attribution.ts) in both
// languages, the small-sample rule, and the block built from the two-segment book.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {resolveConfig} from "../../../loaders/config.js";
import type {Db} from "../../../loaders/db.js";
import {accountMonths} from "../../../loaders/metrics/account-months.js";
import {changeAttributionFamily} from "../../../loaders/metrics/change-attribution.js";
import {churn} from "../../../loaders/metrics/churn.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {movements} from "../../../loaders/metrics/movements.js";
import {revenueRetention} from "../../../loaders/metrics/revenue-retention.js";
import {segmentMonths} from "../../../loaders/metrics/segments.js";
import {reportAttribution, sentence, type AttributionItem, type HeadlineChange} from "../../../loaders/site/report/attribution.js";
import {buildFamilies} from "../../helpers/staged.js";

const ctx = (locale: "en-US" | "ja-JP", minAccounts = 30) =>
  ({asOf: "2026-10", firstMonth: "2024-01", dimensions: ["segment"], config: resolveConfig({locale, attribution: {minAccounts}})}) as MetricContext;

const item = (segment: string, part: AttributionItem["part"], contribution: number, accounts = 100): AttributionItem => ({
  segment, part, contribution, mix: 0, rate: contribution, accounts, small: accounts < 30
});
const change = (items: AttributionItem[], c = -0.012): HeadlineChange => ({
  measure: "nrr_t12m", basis: "mom", compareMonth: "2026-09", value: 1.021, valuePrev: 1.033, change: c, items, sentence: ""
});

describe("the attribution sentence", () => {
  const items = [item("SMB", "churn", -0.008), item("Tiny", "churn", -0.006, 5), item("Enterprise", "expansion", -0.004), item("Mid-Market", "expansion", 0.001)];

  it("names the two largest drivers moving the same way, skipping segments with too few accounts (en)", () => {
    expect(sentence(change(items), items, "segment", ctx("en-US"))).toBe(
      "NRR (trailing 12 months) −1.2 pt vs last month (now 102.1%): SMB higher churn −0.8 pt, Enterprise less expansion −0.4 pt."
    );
  });

  it("in Japanese, with the glossary's segment names", () => {
    expect(sentence(change(items), items, "segment", ctx("ja-JP"))).toBe(
      "NRR（過去12か月）は前月比−1.2ポイントの102.1%となりました。主な要因は中小企業（SMB）の解約の増加−0.8ポイント、エンタープライズの拡大の減少−0.4ポイントです。"
    );
  });

  it("says so when only small segments moved it, and when nothing moved", () => {
    const small = [item("Tiny", "churn", -0.01, 5)];
    expect(sentence(change(small), small, "segment", ctx("en-US"))).toBe(
      "NRR (trailing 12 months) −1.2 pt vs last month (now 102.1%); no segment with 30 or more accounts stands out."
    );
    expect(sentence(change([], 0.0001), [], "segment", ctx("en-US"))).toBe("NRR (trailing 12 months) was unchanged vs last month, at 102.1%.");
  });
});

describe("the report's attribution block on a two-segment book", () => {
  let db: Db;
  let built: {ctx: MetricContext};
  beforeAll(async () => {
    const accounts = ["a1", "a2", "a3", "b1", "b2", "b3", "b4", "b5", "b6"].map((id) => ({account_id: id, segment: id[0].toUpperCase()}));
    const line = (account_id: string, start_date: string, end_date?: string) => ({account_id, start_date, mrr: "100", ...(end_date ? {end_date} : {})});
    const subscriptions = [
      line("a1", "2024-01-01", "2024-02-15"), line("a2", "2024-01-01"), line("a3", "2024-02-01", "2024-03-15"),
      line("b1", "2024-01-01"), line("b2", "2024-01-01"), ...["b3", "b4", "b5", "b6"].map((id) => line(id, "2024-02-01"))
    ];
    const r = await buildFamilies({accounts, subscriptions}, [accountMonths, movements, segmentMonths, churn, revenueRetention, changeAttributionFamily], {segments: ["segment"], asOf: "2024-03", attribution: {minAccounts: 2}});
    db = r.db;
    built = r;
  });
  afterAll(() => db.close());

  it("holds March's logo-churn change against February, its items largest first, and a sentence", async () => {
    const block = (await reportAttribution(db, built.ctx, "segment")).get("2024-03")!;
    const c = block.changes.find((x) => x.measure === "logo_churn_rate" && x.basis === "mom")!;
    expect(c).toMatchObject({compareMonth: "2024-02", valuePrev: 0.25, value: 0.125, change: -0.125});
    expect(c.items.map((i) => [i.segment, i.part, i.contribution])).toEqual([
      ["A", "rate", -0.078125],
      ["B", "rate", -0.046875]
    ]);
    expect(c.sentence).toBe("Logo churn (monthly) −12.5 pt vs last month (now 12.5%): A −7.8 pt, B −4.7 pt.");
    expect(block.changes.some((x) => x.measure === "nrr_t12m")).toBe(false); // no trailing 12 months yet
  });
});
