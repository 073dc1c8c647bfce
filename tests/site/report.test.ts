// The monthly report's data (loaders/site/datasets/report.ts) from the hand-written book of
// tests/fixtures/site/report.ts: KPI values, deltas and targets, the bridge, the movers, the at-risk
// rules and the summary sentences in both languages.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Db} from "../../loaders/db.js";
import {FAMILIES} from "../../loaders/metrics/index.js";
import {buildReports} from "../../loaders/site/datasets/report.js";
import {summarize, type SummaryInput} from "../../loaders/site/report/summary.js";
import type {Kpi, MonthlyReport, ReportIndexRow} from "../../loaders/site/report/types.js";
import {reportConfig, reportFixture} from "../fixtures/site/report.js";
import {buildFamilies} from "../helpers/staged.js";

let db: Db;
let reports: MonthlyReport[];
let index: ReportIndexRow[];
let june: MonthlyReport;

beforeAll(async () => {
  const built = await buildFamilies(reportFixture, FAMILIES, reportConfig);
  db = built.db;
  ({reports, index} = await buildReports(db, built.ctx));
  june = reports.find((r) => r.month === "2024-06")!;
});
afterAll(() => db?.close());

const kpi = (r: MonthlyReport, key: string, view = "all") => r.views[view].kpis.find((k) => k.key === key)!;

describe("report months", () => {
  it("writes one report per computed month, the as-of month marked latest", () => {
    expect(reports.map((r) => r.month)).toEqual([
      "2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12",
      "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"
    ]);
    expect(reports.filter((r) => r.latest).map((r) => r.month)).toEqual(["2024-06"]);
    expect(june).toMatchObject({asOf: "2024-06", previousMonth: "2024-05", lastYearMonth: "2023-06", dimension: "segment"});
    expect(june.segments).toEqual(["Enterprise", "Mid-Market", "SMB"]);
    expect(Object.keys(june.views)).toEqual(["all", "Enterprise", "Mid-Market", "SMB"]);
    expect(reports[0].previousMonth).toBeNull();
  });

  it("stays small", () => {
    expect(JSON.stringify(june).length).toBeLessThan(60_000);
  });
});

describe("KPI tiles", () => {
  it("has the eight KPIs in tile order", () => {
    expect(june.views.all.kpis.map((k) => k.key)).toEqual([
      "mrr", "nrr", "grr", "logo_churn_rate", "revenue_churn_rate", "nps", "health_green_share", "onboarding_completion_rate"
    ]);
  });

  it("MRR: value, change against last month and last year, target not met", () => {
    expect(kpi(june, "mrr")).toMatchObject({
      unit: "money",
      value: 3_000_000,
      previous: 2_850_000,
      lastYear: 2_850_000,
      lastYearMonth: "2023-06",
      deltaPrevious: 150_000,
      deltaLastYear: 150_000,
      target: 3_500_000,
      met: false
    });
    expect(kpi(june, "mrr").changePrevious).toBeCloseTo(150 / 2850, 10);
    const series = kpi(june, "mrr").series;
    expect(series).toHaveLength(13);
    expect(series[0]).toEqual({month: "2023-06", value: 2_850_000});
    expect(series[12]).toEqual({month: "2024-06", value: 3_000_000});
  });

  it("NRR and GRR over the trailing 12 months (retention_t12m), the monthly rates as the second line", () => {
    // June 2024 against June 2023: the 7 accounts with MRR then (2,850,000) have 2,950,000 now; GRR caps
    // A at 1,000,000 and loses B (200,000) and C's 200,000: 2,450,000. Monthly rates are the same here
    // (MRR did not move in the 11 months between).
    const nrr = kpi(june, "nrr");
    expect(nrr.value).toBeCloseTo(2950 / 2850, 12);
    expect(nrr).toMatchObject({period: "trailing-12-months", n: 7, nUnit: "accounts", interval: null, small: false, target: 1.05, met: false, better: "higher"});
    expect(nrr.secondary!.kind).toBe("monthly");
    expect(nrr.secondary!.value).toBeCloseTo(2950 / 2850, 12);
    // May has no trailing-12-month figure yet (M-12 is before the first month): no previous, no verdict.
    expect(nrr).toMatchObject({previous: null, deltaPrevious: null, verdictPrevious: null, lastYear: null});
    expect(kpi(june, "grr").value).toBeCloseTo(2450 / 2850, 12);
    expect(kpi(june, "grr").met).toBe(false);
    // The sparkline is the trailing-12-month series: empty before June 2024.
    expect(nrr.series.filter((p) => p.value !== null).map((p) => p.month)).toEqual(["2024-06"]);
    expect(kpi(reports[11], "nrr").value).toBeNull();
  });

  it("churn rates are monthly, with the Wilson interval, n, and the trailing-12-month churn as the second line", () => {
    const logo = kpi(june, "logo_churn_rate");
    expect(logo.value).toBeCloseTo(1 / 7, 12);
    expect(logo).toMatchObject({period: "monthly", n: 7, previous: 0, target: 0.2, met: true, better: "lower", small: false});
    // Wilson(1, 7): centre = (1/7 + 3.8416/14) / (1 + 3.8416/7) = 0.417257 / 1.548800 = 0.269407;
    // half = (1.96 / 1.5488) · √((1/7)(6/7)/7 + 3.8416/196) = 1.265496 · √0.037093 = 1.265496 · 0.192596 = 0.243728.
    expect(logo.interval![0]).toBeCloseTo(0.025679, 5);
    expect(logo.interval![1]).toBeCloseTo(0.513135, 5);
    // May: 0 of 7 -> [0, 0.354]; the intervals overlap, so the rise from 0% is within normal variation.
    expect(logo.verdictPrevious).toBe("same");
    expect(logo.secondary).toMatchObject({kind: "t12m"});
    expect(logo.secondary!.value).toBeCloseTo(1 / 7, 12); // of the 7 with MRR in June 2023, B has none now
    const rev = kpi(june, "revenue_churn_rate");
    expect(rev.value).toBeCloseTo(400 / 2850, 12);
    expect(rev).toMatchObject({period: "monthly", target: 0.1, met: false});
    expect(rev.secondary!.value).toBeCloseTo(1 - 2450 / 2850, 12); // 1 − GRR over 12 months
    // The first month has no MRR at its start: rates are empty, and so is the year-ago comparison.
    expect(kpi(reports[0], "logo_churn_rate").value).toBeNull();
  });

  it("small-sample rule on the tiles: a rate from fewer observations than minSampleSize is marked and gets no verdict", () => {
    // Mid-Market is D alone: n = 1 < 3.
    const mid = kpi(june, "logo_churn_rate", "Mid-Market");
    expect(mid).toMatchObject({value: 0, n: 1, small: true, target: 0.2, met: null, verdictPrevious: "same"});
    expect(kpi(june, "nrr", "Mid-Market")).toMatchObject({n: 1, small: true, met: null});
    // The same view with a minimum of 1 reads it, and gives the verdict.
    expect(kpi(june, "logo_churn_rate", "SMB")).toMatchObject({n: 4, small: false, met: false});
  });

  it("NPS: the month when it has enough responses, else the quarter, saying which", () => {
    const n = kpi(june, "nps");
    expect(n).toMatchObject({value: 25, target: 20, met: true, basis: {kind: "month", period: "2024-06", responses: 4}, n: 4, nUnit: "responses", small: false});
    // The 95% interval of June's NPS (P 2, D 1 of 4): 25 ± 1.96 · 100 · √((3·4 − 1)/64) = 25 ± 81.26 -> [−56.26, 100].
    expect(n.interval![0]).toBeCloseTo(-56.2573, 3);
    expect(n.interval![1]).toBe(100);
    expect(n.verdictPrevious).toBe("same");
    expect(n.previous).toBeCloseTo(200 / 7, 10);
    const may = kpi(reports.find((r) => r.month === "2024-05")!, "nps");
    expect(may.value).toBeCloseTo(200 / 7, 10);
    expect(may.basis).toEqual({kind: "quarter", period: "2024-Q2", responses: 7});
    // Anonymous responses count in the total only.
    expect(kpi(june, "nps", "SMB").value).toBeNull();
  });

  it("health: green share against target, and the band mix", () => {
    const h = kpi(june, "health_green_share");
    expect(h.value).toBeCloseTo(3 / 7, 12);
    expect(h).toMatchObject({target: 0.4, met: true});
    expect(h.previous).toBeCloseTo(3 / 7, 12);
    expect(h.mix!.scored).toBe(7);
    expect(h.mix!.green).toBeCloseTo(3 / 7, 12);
    expect(h.mix!.yellow).toBeCloseTo(2 / 7, 12);
    expect(h.mix!.red).toBeCloseTo(2 / 7, 12);
  });

  it("no onboarding data: the tile is empty, no target", () => {
    expect(kpi(june, "onboarding_completion_rate")).toMatchObject({value: null, target: null, met: null});
  });

  it("segment views: the segment's own numbers; the MRR target applies to the whole book only", () => {
    expect(kpi(june, "mrr", "SMB")).toMatchObject({value: 400_000, previous: 750_000, deltaPrevious: -350_000, target: null, met: null});
    expect(kpi(june, "logo_churn_rate", "SMB").value).toBeCloseTo(1 / 4, 12);
    expect(kpi(june, "grr", "SMB").value).toBeCloseTo(350 / 750, 12);
    expect(kpi(june, "nrr", "SMB").target).toBe(1.05);
    expect(kpi(june, "mrr", "Enterprise").value).toBe(2_200_000);
  });
});

describe("onboarding completion", () => {
  it("is onboarding_monthly's completion of the onboardings due in the trailing quarter, on-time rate second, in every month", async () => {
    const built = await buildFamilies(
      {
        ...reportFixture,
        onboarding: [
          // A: deadline 04-30 (start 03-01 + 60 days), last required milestone done 04-20: on time.
          {account_id: "A", milestone: "kickoff", started_at: "2024-03-01", completed_at: "2024-03-10"},
          {account_id: "A", milestone: "setup", started_at: "2024-03-01", completed_at: "2024-04-20"},
          // D: deadline 05-31, setup never done: late. C's only milestone is optional: not counted.
          {account_id: "D", milestone: "kickoff", started_at: "2024-04-01", completed_at: "2024-04-03"},
          {account_id: "D", milestone: "setup", started_at: "2024-04-01"},
          {account_id: "C", milestone: "kickoff", started_at: "2024-06-01", required: false}
        ]
      },
      FAMILIES,
      {...reportConfig, onboardingDeadlineDays: 60}
    );
    const {reports} = await buildReports(built.db, built.ctx);
    built.db.close();
    const [march, april, may, june] = reports.slice(-4);
    expect(kpi(june, "onboarding_completion_rate")).toMatchObject({value: 0.5, previous: 0.5, target: null, n: 2, nUnit: "onboardings", period: "trailing-quarter"}); // A, D
    expect(kpi(june, "onboarding_completion_rate").secondary).toEqual({kind: "on_time", value: 0.5});
    expect(kpi(june, "onboarding_completion_rate").small).toBe(true); // 2 due < 3
    expect(kpi(june, "onboarding_completion_rate", "Enterprise").value).toBe(1);
    expect(kpi(june, "onboarding_completion_rate", "Mid-Market").value).toBe(0);
    expect(kpi(may, "onboarding_completion_rate").value).toBe(0.5); // Mar..May: A, D
    expect(kpi(april, "onboarding_completion_rate").value).toBe(1); // Feb..Apr: A only
    expect(kpi(march, "onboarding_completion_rate").value).toBeNull(); // nothing due
  });
});

describe("MRR bridge", () => {
  it("is the month's mrr_movements row, and per segment the sum of its accounts' movements", () => {
    expect(june.views.all.bridge).toEqual({
      month: "2024-06",
      mrr_start: 2_850_000,
      new: 50_000,
      expansion: 500_000,
      reactivation: 0,
      contraction: 200_000,
      churn: 200_000,
      fx: 0,
      mrr_end: 3_000_000
    });
    expect(june.views.SMB.bridge).toMatchObject({mrr_start: 750_000, new: 50_000, expansion: 0, contraction: 200_000, churn: 200_000, mrr_end: 400_000});
    expect(june.views.Enterprise.bridge).toMatchObject({mrr_start: 1_700_000, expansion: 500_000, mrr_end: 2_200_000});
  });
});

describe("largest movers", () => {
  it("lists churns, contractions and expansions with names, segments and MRR before/after", () => {
    expect(june.views.all.movers).toEqual({
      churn: [{account_id: "B", account_name: "Beta Inc", segment: "SMB", mrr_before: 200_000, mrr_after: 0, delta: -200_000}],
      contraction: [
        {account_id: "C", account_name: "<img src=x onerror=alert(1)>", segment: "SMB", mrr_before: 300_000, mrr_after: 100_000, delta: -200_000}
      ],
      expansion: [{account_id: "A", account_name: "Alpha KK", segment: "Enterprise", mrr_before: 1_000_000, mrr_after: 1_500_000, delta: 500_000}]
    });
    expect(june.views.Enterprise.movers).toMatchObject({churn: [], contraction: [], expansion: [{account_id: "A"}]});
    expect(june.views["Mid-Market"].movers).toEqual({churn: [], contraction: [], expansion: []});
    // A quiet month has no movers.
    expect(reports.find((r) => r.month === "2024-03")!.views.all.movers).toEqual({churn: [], contraction: [], expansion: []});
  });
});

describe("at-risk accounts", () => {
  it("selects red health, and renewals within 90 days with falling usage; largest MRR first", () => {
    const risk = june.views.all.atRisk;
    expect(risk).toMatchObject({count: 3, mrr: 550_000, red: 2, renewal: 1});
    expect(risk.accounts.map((a) => a.account_id)).toEqual(["D", "C", "F"]);
    expect(risk.accounts[0]).toEqual({
      account_id: "D",
      account_name: "Delta GK",
      segment: "Mid-Market",
      csm: "Kato",
      mrr: 400_000,
      score: 50,
      band: "yellow",
      reasons: ["renewal"],
      renewal_date: "2024-09-28", // exactly 90 days after 2024-06-30: inside the window
      users_recent: 5,
      users_prior: 10
    });
    expect(risk.accounts[1]).toMatchObject({account_id: "C", band: "red", score: 30, reasons: ["red"], renewal_date: null, users_recent: 5, users_prior: 6});
    expect(risk.accounts[2]).toMatchObject({account_id: "F", reasons: ["red"], users_recent: 0.33, users_prior: 0});
  });

  it("leaves out a dip under 10% (E), a line covered by another of the same product (G), and day 91 (H)", () => {
    const ids = june.views.all.atRisk.accounts.map((a) => a.account_id);
    for (const id of ["E", "G", "H", "A", "B"]) expect(ids).not.toContain(id);
  });

  it("counts per segment view", () => {
    expect(june.views.SMB.atRisk).toMatchObject({count: 2, red: 2, renewal: 0});
    expect(june.views["Mid-Market"].atRisk).toMatchObject({count: 1, renewal: 1});
    expect(june.views.Enterprise.atRisk).toEqual({count: 0, mrr: 0, red: 0, renewal: 0, accounts: []});
  });
});

describe("archive index", () => {
  it("has one row per month with the headline numbers", () => {
    expect(index).toHaveLength(13);
    const last = index.at(-1)!;
    expect(last).toMatchObject({month: "2024-06", mrr: 3_000_000, accounts_churned: 1, at_risk: 3, nps: 25});
    expect(last.mrr_change).toBeCloseTo(150 / 2850, 10);
    // The archive's NRR and GRR are the trailing-12-month figures of the tiles (none before June 2024).
    expect(last.nrr).toBeCloseTo(2950 / 2850, 12);
    expect(last.grr).toBeCloseTo(2450 / 2850, 12);
    expect(index[11].nrr).toBeNull();
  });
});

describe("summary", () => {
  it("English, from the numbers", () => {
    expect(june.views.all.summary).toEqual([
      "MRR grew 5.3% to ¥3M (+¥150K; target ¥3.5M, not met).",
      "Added: new business ¥50K, expansion ¥500K; removed: contraction ¥200K, churn ¥200K.",
      "Trailing-12-month NRR 103.5% (target 105.0%, not met); GRR 86.0% (target 90.0%, not met).",
      "1 account churned (SMB, ¥200K MRR).",
      "Monthly logo churn 14.3% (95% interval 2.6%–51.3%; target 20.0%, met), within normal variation of last month's 0.0%; monthly revenue churn 14.0% (target 10.0%, not met).",
      "Over the trailing 12 months, logo churn was 14.3% and revenue churn 14.0%.",
      "Differences in monthly logo churn between segments are within normal variation.",
      "NPS +25 (4 responses; 95% interval −56 to +100; target +20, met), within normal variation of last month's +29.",
      "42.9% of scored accounts are green (target 40.0%, met); 3 accounts (¥550K MRR) are at risk: 2 with red health, 1 with a line ending within 90 days and falling usage."
    ]);
  });

  it("Japanese, with the glossary's terms", async () => {
    const built = await buildFamilies(reportFixture, FAMILIES, {...reportConfig, locale: "ja-JP"});
    const ja = (await buildReports(built.db, built.ctx)).reports.find((r) => r.month === "2024-06")!;
    built.db.close();
    expect(ja.views.all.summary).toEqual([
      "MRRは前月比5.3%増の¥300万（+¥15万、目標値¥350万、未達）となりました。",
      "新規で¥5万、拡大で¥50万増加し、縮小で¥20万、解約で¥20万減少しました。",
      "過去12か月の売上継続率はNRR 103.5%（目標値105.0%、未達）、GRR 86.0%（目標値90.0%、未達）でした。",
      "1社が解約しました（中小企業（SMB）、解約MRR ¥20万）。",
      "月次のカスタマーチャーンは14.3%（95%信頼区間2.6%〜51.3%、目標値20.0%、達成）で、前月（0.0%）との差は通常の変動の範囲内です。月次のレベニューチャーンは14.0%（目標値10.0%、未達）でした。",
      "過去12か月ではカスタマーチャーン14.3%、レベニューチャーン14.0%でした。",
      "セグメント間の月次カスタマーチャーンの差は通常の変動の範囲内です。",
      "NPSは+25（回答4件、95%信頼区間−56〜+100、目標値+20、達成）で、前月（+29）との差は通常の変動の範囲内です。",
      "ヘルススコアが緑の顧客は42.9%（目標値40.0%、達成）で、解約リスクの高い顧客は3社（MRR ¥55万。ヘルススコアが赤 2社、90日以内に契約終了かつ利用減少 1社）です。"
    ]);
  });

  it("small-sample rule in a sentence: a segment view with too few accounts states n and no verdict", () => {
    // Mid-Market: D alone (n = 1 < 3): no target verdict, no change claim.
    expect(june.views["Mid-Market"].summary).toContain(
      "Monthly logo churn 0.0%; monthly revenue churn 0.0%: from 1 account, too few to read (minimum 3)."
    );
    expect(june.views["Mid-Market"].summary.join(" ")).not.toMatch(/not met|, met/);
  });

  // The rules the fixture does not reach: "mostly", flat MRR, a quarter NPS, no churn, no at-risk.
  const tile = (key: Kpi["key"], unit: Kpi["unit"], over: Partial<Kpi>): Kpi => ({
    key,
    unit,
    better: "higher",
    value: null,
    previous: null,
    lastYear: null,
    lastYearMonth: "2025-10",
    deltaPrevious: null,
    deltaLastYear: null,
    changePrevious: null,
    changeLastYear: null,
    target: null,
    met: null,
    series: [],
    period: "monthly",
    n: null,
    nUnit: null,
    interval: null,
    small: false,
    verdictPrevious: null,
    verdictLastYear: null,
    ...over
  });
  const input = (locale: string, over: Partial<SummaryInput> = {}): SummaryInput => ({
    locale,
    currency: "JPY",
    view: "all",
    kpis: [
      tile("mrr", "money", {value: 412_000_000, previous: 412_100_000, deltaPrevious: -100_000, changePrevious: -0.00024}),
      tile("nrr", "rate", {}),
      tile("grr", "rate", {}),
      tile("logo_churn_rate", "rate", {}),
      tile("revenue_churn_rate", "rate", {}),
      tile("nps", "nps", {value: -5, deltaPrevious: 2, basis: {kind: "quarter", period: "2026-Q3", responses: 45}, n: 45, nUnit: "responses", interval: [-30, 20]}),
      tile("health_green_share", "rate", {}),
      tile("onboarding_completion_rate", "rate", {value: 0.82, target: 0.85, met: false, n: 50, nUnit: "onboardings", secondary: {kind: "on_time", value: 0.4}})
    ],
    bridge: null,
    accountsChurned: 12,
    mrrChurned: 3_100_000,
    churnBySegment: [
      {segment: "Enterprise", accounts: 1, mrr: 1_500_000},
      {segment: "SMB", accounts: 9, mrr: 1_200_000},
      {segment: "Mid-Market", accounts: 2, mrr: 400_000}
    ],
    atRisk: {count: 0, mrr: 0, red: 0, renewal: 0, accounts: []},
    ...over
  });

  it("flat MRR, quarter NPS with its interval, no one at risk, onboarding with n and on-time rate (en)", () => {
    expect(summarize(input("en-US"))).toEqual([
      "MRR was flat at ¥412M.",
      "12 accounts churned (¥3.1M MRR).",
      "NPS −5 (Q3 2026, as the month had too few responses; 45 responses; 95% interval −30 to +20).",
      "No account is at risk.",
      "Onboarding completion 82.0% of the 50 onboardings whose deadline fell in the last 3 months (target 85.0%, not met); 40.0% finished on time."
    ]);
  });

  it("flat MRR, quarter NPS with its interval, no one at risk, onboarding with n and on-time rate (ja)", () => {
    expect(summarize(input("ja-JP"))).toEqual([
      "MRRは前月から横ばいの¥4.12億でした。",
      "12社が解約しました（解約MRR ¥310万）。",
      "NPSは−5（当月の回答が少ないため2026年第3四半期の値、回答45件、95%信頼区間−30〜+20）でした。",
      "解約リスクの高い顧客はいません。",
      "直近3か月に期限を迎えたオンボーディング50件の完了率は82.0%（目標値85.0%、未達）。期限内の完了は40.0%です。"
    ]);
  });

  it("no churn, and a segment view never compares segments", () => {
    expect(summarize(input("en-US", {accountsChurned: 0}))[1]).toBe("No account churned.");
    expect(summarize(input("ja-JP", {accountsChurned: 0}))[1]).toBe("解約した顧客はありませんでした。");
    expect(summarize(input("en-US", {view: "SMB", churnBySegment: []}))[1]).toBe("12 accounts churned (¥3.1M MRR).");
  });

  it("a segment difference is stated only when the 95% intervals do not overlap (hand-computed Wilson intervals)", () => {
    // 1,000 accounts at start, 30 churned. SMB 24 of 400: 6.0%, Wilson [4.06%, 8.77%]; the rest 6 of
    // 600: 1.0%, [0.46%, 2.16%]: apart -> stated. Enterprise 1 of 200 [0.09%, 2.78%] against 29 of 800
    // [2.54%, 5.16%] and Mid-Market 5 of 400 [0.54%, 2.89%] against 25 of 600 [2.84%, 6.08%] overlap -> not.
    const real = summarize(
      input("en-US", {
        accountsChurned: 30,
        accountsStart: 1000,
        minSampleSize: 30,
        churnBySegment: [
          {segment: "SMB", accounts: 24, mrr: 0, start: 400},
          {segment: "Mid-Market", accounts: 5, mrr: 0, start: 400},
          {segment: "Enterprise", accounts: 1, mrr: 0, start: 200}
        ]
      })
    );
    expect(real).toContain("SMB's monthly logo churn (6.0%, 95% interval 4.1%–8.8%) was higher than the rest of the book's (1.0%, 0.5%–2.2%), beyond normal variation.");
    expect(real.filter((x) => x.includes("beyond normal variation"))).toHaveLength(1);
    // Industries of 80, 90 and 130 accounts, 6 churned: 4 of 80 (5.0%, [1.96%, 12.16%]) against 2 of 220
    // ([0.25%, 3.25%]) overlap: a 5% month in a segment of 80 is within normal variation.
    const noise = summarize(
      input("ja-JP", {
        accountsChurned: 6,
        accountsStart: 300,
        minSampleSize: 30,
        churnBySegment: [
          {segment: "製造", accounts: 4, mrr: 0, start: 80},
          {segment: "小売", accounts: 1, mrr: 0, start: 90},
          {segment: "教育", accounts: 1, mrr: 0, start: 130}
        ]
      })
    );
    expect(noise).toContain("セグメント間の月次カスタマーチャーンの差は通常の変動の範囲内です。");
    expect(noise.join("")).not.toContain("通常の変動を超える");
  });

  it("a small segment never gets a difference claim, however far apart", () => {
    // 3 of 10 (small: 10 < 30) against 0 of 500: intervals [10.8%, 60.3%] and [0, 0.77%] are apart, but n is too small.
    const out = summarize(
      input("en-US", {accountsChurned: 3, accountsStart: 510, minSampleSize: 30, churnBySegment: [{segment: "SMB", accounts: 3, mrr: 0, start: 10}, {segment: "Enterprise", accounts: 0, mrr: 0, start: 500}]})
    );
    expect(out).toContain("Differences in monthly logo churn between segments are within normal variation.");
  });
});
