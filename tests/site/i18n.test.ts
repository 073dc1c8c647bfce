// Number, money and date formats of both report languages (src/components/i18n.js).
import {describe, expect, it} from "vitest";
import {formatters, labels, t} from "../../src/components/i18n.js";

describe("formatters", () => {
  const en = formatters("en-US", "JPY");
  const ja = formatters("ja-JP", "JPY");

  it("money: yen without decimals, compact in the reader's units", () => {
    expect(en.money(412_345_678.4)).toBe("¥412,345,678");
    expect(ja.money(-1234)).toBe("−¥1,234");
    expect(en.moneyCompact(412_345_678)).toBe("¥412M");
    expect(en.moneyCompact(12_345_678)).toBe("¥12.3M");
    expect(ja.moneyCompact(123_456_789)).toBe("¥1.23億");
    expect(ja.moneyCompact(120_000_000)).toBe("¥1.2億");
    expect(ja.moneyCompact(34_000_000)).toBe("¥3,400万");
    expect(ja.moneyCompact(5_400)).toBe("¥5,400");
    expect(en.moneyDelta(-3_100_000)).toBe("−¥3.1M");
    expect(en.moneyCompact(4_123_456)).toBe("¥4.12M");
    expect(ja.moneyDelta(150_000)).toBe("+¥15万");
    expect(formatters("en-US", "USD").money(1234.5)).toBe("$1,234.50");
  });

  it("percent, point deltas and NPS", () => {
    expect(en.percent(0.031)).toBe("3.1%");
    expect(en.pp(0.004)).toBe("+0.4 pt");
    expect(ja.pp(-0.0123)).toBe("−1.2ポイント");
    expect(en.pp(-0.00001)).toBe("±0.0 pt");
    expect(en.percentDelta(0.021)).toBe("+2.1%");
    expect(ja.points(3)).toBe("+3.0ポイント");
    expect(en.nps(32)).toBe("+32");
    expect(en.nps(-5)).toBe("−5");
  });

  it("months, dates, quarters", () => {
    expect(en.month("2026-10")).toBe("Oct 2026");
    expect(ja.month("2026-10")).toBe("2026年10月");
    expect(en.date("2026-10-05")).toBe("Oct 5, 2026");
    expect(ja.date("2026-10-05")).toBe("2026年10月5日");
    expect(en.quarter("2026-Q3")).toBe("Q3 2026");
    expect(ja.quarter("2026-Q3")).toBe("2026年第3四半期");
  });

  it("missing values are a dash", () => {
    for (const f of [en.money, en.moneyCompact, en.percent, en.pp, en.nps, en.month, en.date]) {
      expect(f(null)).toBe("—");
      expect(f(undefined)).toBe("—");
    }
    expect(en.percent(NaN)).toBe("—");
  });
});

describe("labels", () => {
  it("every key exists in both languages", () => {
    expect(Object.keys(labels("ja-JP")).sort()).toEqual(Object.keys(labels("en-US")).sort());
  });

  it("translates with parameters, in the glossary's terms", () => {
    expect(t("ja-JP")("kpi.nrr")).toBe("売上継続率（NRR）");
    expect(t("ja-JP")("report.at_risk")).toBe("解約リスクの高い顧客");
    expect(t("ja-JP")("movement.reactivation")).toBe("復帰");
    expect(t("en-US")("report.title", {month: "Oct 2026"})).toBe("Monthly report — Oct 2026");
    expect(t("en-US")("no.such.key")).toBe("no.such.key");
  });
});

describe("formatters: one precision per measure, never a negative zero (issue 12)", () => {
  const en = formatters("en-US", "JPY");
  const ja = formatters("ja-JP", "JPY");

  it("no negative zero in any format", () => {
    expect(en.nps(-0.3)).toBe("0");
    expect(en.nps(-0.04, 1)).toBe("0.0");
    expect(en.number(-0.2)).toBe("0");
    expect(en.percent(-0.00001)).toBe("0.0%");
    expect(en.money(-0.4)).toBe("¥0");
    expect(ja.moneyCompact(-0.4)).toBe("¥0");
    expect(en.moneyDelta(-0.4)).toBe("±¥0");
    expect(en.nps(-0.6)).toBe("−1");
    expect(en.number(-1.5)).toBe("−2");
  });

  it("a measure keeps its decimals whatever the value (44.0 next to 44.5)", () => {
    expect(en.score(44)).toBe("44.0");
    expect(en.score(44.46)).toBe("44.5");
    expect(en.csat(3.7)).toBe("3.70");
    expect(en.csat(3.734)).toBe("3.73");
    expect(en.users(345)).toBe("345.0");
    expect(ja.users(391.25)).toBe("391.3");
    expect(en.componentScore(71.6)).toBe("72");
    expect(en.number(1234.5, 1)).toBe("1,234.5");
    expect(en.number(1234, 1)).toBe("1,234.0");
  });
});
