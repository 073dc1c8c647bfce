// The monthly digest (loaders/site/report/digest.ts, datasets/digest.ts) of the hand-written book of
// tests/fixtures/site/report.ts, June 2024. The numbers are worked out in that file and in
// tests/site/report.test.ts: MRR 3,000,000 (target 3,500,000); NRR 2,950 / 2,850 = 103.5% and GRR
// 2,450 / 2,850 = 86.0% of 7 accounts; logo churn 1 / 7 = 14.3% (Wilson 2.6%–51.3%); revenue churn
// 400 / 2,850 = 14.0%; NPS (2 − 1) / 4 = +25 (−56 to +100); green 3 / 7 = 42.9%, whose Wilson
// interval is centre (3/7 + 1.9208/7) / 1.5488 = 0.453881 ± 1.265496 · √(0.034985 + 0.019600)
// = ± 0.295664 -> 15.8%–75.0%; no onboarding data.
import {mkdtemp, readdir, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../../loaders/db.js";
import {FAMILIES} from "../../../loaders/metrics/index.js";
import type {MetricContext} from "../../../loaders/metrics/family.js";
import {digest} from "../../../loaders/site/datasets/digest.js";
import {buildReports} from "../../../loaders/site/datasets/report.js";
import {digestMarkdown, digestOf, digestText, escapeMarkdown} from "../../../loaders/site/report/digest.js";
import type {MonthlyReport} from "../../../loaders/site/report/types.js";
import {reportConfig, reportFixture} from "../../fixtures/site/report.js";
import {buildFamilies} from "../../helpers/staged.js";

let db: Db;
let ctx: MetricContext;
let reports: MonthlyReport[];
let june: MonthlyReport;

beforeAll(async () => {
  const built = await buildFamilies(reportFixture, FAMILIES, reportConfig);
  db = built.db;
  ctx = built.ctx;
  reports = (await buildReports(db, ctx)).reports;
  june = reports.find((r) => r.month === "2024-06")!;
});
afterAll(() => db?.close());

const options = {title: "Acme", path: "/reports/2024-06"};

describe("plain-text digest", () => {
  it("states each headline KPI with its period, n, interval and target verdict, then the summary and the link", () => {
    const text = digestText(digestOf(june, options));
    const lines = text.split("\n");
    expect(lines.slice(0, 13)).toEqual([
      "Acme — Monthly report — Jun 2024",
      "Data as of Jun 2024",
      "",
      "Key metrics",
      "- MRR (month end): ¥3M — Target ¥3.5M: Not met",
      "- NRR (trailing 12 months): 103.5% (n = 7 accounts) — Target 105.0%: Not met",
      "- GRR (trailing 12 months): 86.0% (n = 7 accounts) — Target 90.0%: Not met",
      "- Logo churn (monthly): 14.3% (95% interval 2.6% – 51.3%, n = 7 accounts) — Target 20.0%: Met",
      "- Revenue churn (monthly): 14.0% (n = 7 accounts) — Target 10.0%: Not met",
      "- NPS (monthly): +25 (95% interval −56 – +100, n = 4 responses) — Target +20: Met",
      "- Health: green share (month end): 42.9% (95% interval 15.8% – 75.0%, n = 7 accounts) — Target 40.0%: Met",
      "- Onboarding completion (deadlines in the last 3 months): No data",
      ""
    ]);
    // The summary is the page's own sentences (9 for June), unchanged.
    expect(lines.slice(13, 23)).toEqual(["Summary", ...june.views.all.summary.map((s) => `- ${s}`)]);
    expect(lines[14]).toBe("- MRR grew 5.3% to ¥3M (+¥150K; target ¥3.5M, not met).");
    expect(lines.slice(23)).toEqual(["", "Report: /reports/2024-06", ""]);
    // Short enough to paste: 25 lines and a final newline.
    expect(lines.length - 1).toBeLessThanOrEqual(25);
  });

  it("the default title names the report when the config has none", () => {
    expect(digestText(digestOf(june, {title: null, path: "/reports/2024-06"})).split("\n")[0]).toBe("Customer Success Report — Monthly report — Jun 2024");
  });

  it("escapes nothing: data text is copied as it is", () => {
    const text = digestText(digestOf(june, {title: "A&B <CS> *team*", path: "/reports/2024-06"}));
    expect(text.split("\n")[0]).toBe("A&B <CS> *team* — Monthly report — Jun 2024");
  });

  it("NPS from the quarter says so (May 2024: 2 responses < 3, so 2024-Q2's 7)", () => {
    const may = reports.find((r) => r.month === "2024-05")!;
    const line = digestText(digestOf(may, {title: "Acme", path: "/reports/2024-05"})).split("\n").find((l) => l.startsWith("- NPS"));
    // P 4, D 2 of 7: 100 · (4 − 2) / 7 = +29; interval 28.57 ± 1.96 · 100 · √((6/7 − (2/7)²) / 7)
    // = 28.57 ± 196 · √0.110787 = 28.57 ± 65.24 -> −37 to +94.
    expect(line).toBe("- NPS (Q2 2024): +29 (95% interval −37 – +94, n = 7 responses) — Target +20: Met");
  });
});

describe("small samples", () => {
  it("a rate from fewer observations than the minimum is marked as on the tile and gets no verdict", async () => {
    // The same book with the default minimum of 30: every rate rests on 7 accounts (or 4 responses).
    const built = await buildFamilies(reportFixture, FAMILIES, {...reportConfig, minSampleSize: 30, npsMinResponses: 30});
    const r = (await buildReports(built.db, built.ctx)).reports.find((x) => x.month === "2024-06")!;
    built.db.close();
    const lines = digestText(digestOf(r, options)).split("\n");
    expect(lines.find((l) => l.startsWith("- Logo churn"))).toBe(
      "- Logo churn (monthly): 14.3% (95% interval 2.6% – 51.3%, n = 7 accounts) — ⚠ Small sample (under 30): shown, not judged; Target 20.0%: no verdict"
    );
    // MRR is a census figure: never small.
    expect(lines.find((l) => l.startsWith("- MRR"))).toBe("- MRR (month end): ¥3M — Target ¥3.5M: Not met");
  });
});

describe("Japanese digest", () => {
  it("uses the glossary's terms and the Japanese formatting", async () => {
    const built = await buildFamilies(reportFixture, FAMILIES, {...reportConfig, locale: "ja-JP"});
    const r = (await buildReports(built.db, built.ctx)).reports.find((x) => x.month === "2024-06")!;
    built.db.close();
    const lines = digestText(digestOf(r, {title: null, path: "/reports/2024-06"})).split("\n");
    expect(lines.slice(0, 12)).toEqual([
      "CS月次レポート — 月次レポート（2024年6月）",
      "データ基準月: 2024年6月",
      "",
      "主要KPI",
      "・MRR（月次経常収益）（月末時点）：¥300万 — 目標値¥350万：未達",
      "・売上継続率（NRR）（過去12か月）：103.5%（n = 7社） — 目標値105.0%：未達",
      "・売上継続率（GRR）（過去12か月）：86.0%（n = 7社） — 目標値90.0%：未達",
      "・カスタマーチャーン（月次）：14.3%（95%信頼区間 2.6%〜51.3%、n = 7社） — 目標値20.0%：達成",
      "・レベニューチャーン（月次）：14.0%（n = 7社） — 目標値10.0%：未達",
      "・NPS（月次）：+25（95%信頼区間 −56〜+100、n = 回答4件） — 目標値+20：達成",
      "・ヘルススコア（緑の割合）（月末時点）：42.9%（95%信頼区間 15.8%〜75.0%、n = 7社） — 目標値40.0%：達成",
      "・オンボーディング完了率（直近3か月に期限到来分）：データがありません"
    ]);
    expect(lines).toContain("サマリー");
    expect(lines).toContain("・MRRは前月比5.3%増の¥300万（+¥15万、目標値¥350万、未達）となりました。");
    expect(lines.at(-2)).toBe("レポート: /reports/2024-06");
  });
});

describe("Markdown digest", () => {
  it("has a table of the headline KPIs, the summary as a list and the link", () => {
    const md = digestMarkdown(digestOf(june, options)).split("\n");
    expect(md.slice(0, 8)).toEqual([
      "## Acme — Monthly report — Jun 2024",
      "",
      "Data as of Jun 2024",
      "",
      "| Metric | Period | Value | Target | Interval and n |",
      "|---|---|--:|---|---|",
      "| MRR | month end | ¥3M | ¥3.5M: Not met |  |",
      "| NRR | trailing 12 months | 103.5% | 105.0%: Not met | n = 7 accounts |"
    ]);
    expect(md).toContain("| Logo churn | monthly | 14.3% | 20.0%: Met | 95% interval 2.6% – 51.3%, n = 7 accounts |");
    expect(md).toContain("- MRR grew 5.3% to ¥3M (+¥150K; target ¥3.5M, not met).");
    expect(md.at(-2)).toBe("Report: [/reports/2024-06](/reports/2024-06)");
  });

  it("escapes Markdown in text from the data (title, segment names in the summary)", () => {
    const d = digestOf(june, {title: "Acme | *CS* [x](javascript:y) <b>", path: "/reports/2024-06"});
    d.summary = ["1 account churned (SMB_*promo* | <img src=x>, ¥200K MRR).", "# not a heading", "1. not a list"];
    const md = digestMarkdown(d);
    expect(md).toContain("## Acme \\| \\*CS\\* \\[x\\](javascript:y) \\<b\\> — Monthly report");
    expect(md).toContain("- 1 account churned (SMB\\_\\*promo\\* \\| \\<img src=x\\>, ¥200K MRR).");
    expect(md).toContain("- \\# not a heading");
    expect(md).toContain("- 1\\. not a list");
  });

  it("escapeMarkdown: inline markers anywhere, block markers at the start, newlines to spaces", () => {
    expect(escapeMarkdown("a_b*c`d[e]f<g>h|i~j&k\\l")).toBe("a\\_b\\*c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\&k\\\\l");
    expect(escapeMarkdown("- x")).toBe("\\- x");
    expect(escapeMarkdown("> x")).toBe("\\> x");
    expect(escapeMarkdown("12) x")).toBe("12\\) x");
    expect(escapeMarkdown("line\r\nbreak")).toBe("line break");
    expect(escapeMarkdown("5.3% (+¥150K)")).toBe("5.3% (+¥150K)");
    expect(escapeMarkdown("-5.3%")).toBe("-5.3%");
    expect(escapeMarkdown("+ x")).toBe("\\+ x");
  });
});

describe("digest dataset", () => {
  it("writes digest-YYYY-MM.txt/.md for every report JSON in the directory, and digest-latest.* for the as-of month", async () => {
    const dir = await mkdtemp(join(tmpdir(), "digest-"));
    try {
      for (const r of reports.slice(-2)) await writeFile(join(dir, `report-${r.month}.json`), JSON.stringify(r));
      await digest.write(db, ctx, dir);
      expect((await readdir(dir)).filter((n) => n.startsWith("digest-")).sort()).toEqual([
        "digest-2024-05.md", "digest-2024-05.txt", "digest-2024-06.md", "digest-2024-06.txt", "digest-latest.md", "digest-latest.txt"
      ]);
      const latest = await readFile(join(dir, "digest-latest.txt"), "utf8");
      expect(latest).toBe(await readFile(join(dir, "digest-2024-06.txt"), "utf8"));
      expect(latest).toBe(digestText(digestOf(june, {title: ctx.config.title, path: "/reports/2024-06"})));
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
