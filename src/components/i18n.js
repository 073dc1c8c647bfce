/**
 * Every UI string and number/date format of the site, for en-US and ja-JP (one place, both languages).
 *
 * HOW TO ADD STRINGS (other pages): each locale's dictionary below has sections. Add your keys ONLY
 * inside the section marked "analysis pages" of BOTH dictionaries (same key in each; namespace keys
 * by page, e.g. "churn.title", "nps.responses"). Keys of the "common" and "report" sections belong to
 * the monthly report; reuse them freely, but ask before renaming. Japanese text is written for a
 * Japanese reader, with the terms of /work/shared/spec/glossary.md (MRR（月次経常収益）, 解約率,
 * 売上継続率（NRR / GRR）, 新規 / 拡大 / 縮小 / 解約 / 復帰, 推奨者 / 中立者 / 批判者, ヘルススコア,
 * 解約リスクの高い顧客 …).
 *
 * A value is a string with {param} placeholders, or a function (params) => string (plurals, word
 * order). Usage:
 *   const tr = t(locale); tr("kpi.mrr"); tr("report.title", {month: "…"});
 *   const f = formatters(locale, currency); f.money(412e6); f.moneyCompact(412e6); f.percent(0.031);
 * Missing keys render as the key itself (visible, never a crash).
 */

const EN = {
  // ───────────────────────────── common ─────────────────────────────
  "common.download_csv": "Download CSV",
  "common.none": "None",
  "common.no_data": "No data",
  "common.rows": ({n}) => `${n} ${n === 1 ? "row" : "rows"}`,
  "common.all": "All",
  "common.segment": "Segment",
  "common.product": "Product",
  "common.month": "Month",
  "common.from": "From",
  "common.to": "To",
  "common.account": "Account",
  "common.account_id": "Account ID",
  "common.csm": "CSM",
  "common.industry": "Industry",
  "common.region": "Region",
  "common.mrr": "MRR",
  "common.target": "Target",
  "common.met": "Met",
  "common.not_met": "Not met",
  "common.no_target": "No target",
  "common.vs_prev": "vs last month",
  "common.vs_year": ({month}) => `vs ${month}`,
  "common.as_of": ({month}) => `Data as of ${month}`,
  "common.print": "Print",
  "segment.Enterprise": "Enterprise",
  "segment.Mid-Market": "Mid-Market",
  "segment.SMB": "SMB",
  "segment.(none)": "(none)",
  "band.red": "Red",
  "band.yellow": "Yellow",
  "band.green": "Green",

  // ───────────────────────────── KPIs ─────────────────────────────
  "kpi.mrr": "MRR",
  "kpi.nrr": "NRR",
  "kpi.grr": "GRR",
  "kpi.logo_churn_rate": "Logo churn",
  "kpi.revenue_churn_rate": "Revenue churn",
  "kpi.nps": "NPS",
  "kpi.health_green_share": "Health: green share",
  "kpi.onboarding_completion_rate": "Onboarding completion",
  "kpi.mrr.help": "Monthly recurring revenue at month end",
  "kpi.nrr.help": "Net revenue retention (month)",
  "kpi.grr.help": "Gross revenue retention (month)",
  "kpi.logo_churn_rate.help": "Accounts churned ÷ accounts at start",
  "kpi.revenue_churn_rate.help": "Churned + contracted MRR ÷ MRR at start",
  "kpi.nps.help": "Promoters − detractors, % of responses",
  "kpi.health_green_share.help": "Share of accounts with green health",
  "kpi.onboarding_completion_rate.help": "Share of onboardings completed",
  "kpi.nps.basis_quarter": ({period, n}) => `Quarter ${period} (${n} responses; too few in the month)`,
  "kpi.nps.basis_month": ({n}) => `${n} responses`,
  "kpi.sparkline": ({label, from, to}) => `${label}, ${from} to ${to}`,
  "kpi.health_mix": ({green, yellow, red}) => `Green ${green} · Yellow ${yellow} · Red ${red}`,
  "kpi.lower_is_better": "lower is better",
  "kpi.note.as_of_only": "All onboardings so far; computed for the latest month only",

  // ───────────────────────────── movements ─────────────────────────────
  "movement.start": "Start MRR",
  "movement.new": "New",
  "movement.expansion": "Expansion",
  "movement.reactivation": "Reactivation",
  "movement.contraction": "Contraction",
  "movement.churn": "Churn",
  "movement.end": "End MRR",

  // ───────────────────────────── monthly report ─────────────────────────────
  "report.title": ({month}) => `Monthly report — ${month}`,
  "report.latest": "Latest monthly report",
  "report.kpis": "Key metrics",
  "report.summary": "Summary",
  "report.bridge": "MRR bridge",
  "report.bridge.title": ({month}) => `MRR bridge, ${month}`,
  "report.bridge.alt": ({start, end, parts}) => `Waterfall chart: MRR went from ${start} at the start of the month to ${end} at the end. ${parts}.`,
  "report.movers": "Largest movements",
  "report.churns": "Largest churns",
  "report.contractions": "Largest contractions",
  "report.expansions": "Largest expansions",
  "report.mrr_before": "MRR before",
  "report.mrr_after": "MRR after",
  "report.delta": "Change",
  "report.at_risk": "At-risk accounts",
  "report.at_risk.help":
    "Health band red at month end, or a subscription line ending within 90 days after month end while usage is falling (average monthly active users over the last 3 months at least 10% below the 3 months before).",
  "report.at_risk.count": ({n, shown}) => (n > shown ? `${n} accounts (largest ${shown} by MRR shown)` : `${n} ${n === 1 ? "account" : "accounts"}`),
  "report.reason": "Reason",
  "report.reason.red": "Red health",
  "report.reason.renewal": ({date}) => `Ends ${date}, usage falling`,
  "report.health_score": "Health score",
  "report.renewal": "Line ends",
  "report.band": "Health band",
  "report.users_recent": "Active users, last 3 months",
  "report.users_prior": "Active users, prior 3 months",
  "report.usage_trend": "Users (3 mo / prior 3)",
  "report.archive": "Monthly reports",
  "report.archive.intro": "Every month with data, newest first. Each report shows the month as it was computed from the current exports.",
  "report.archive.open": "Open report",
  "report.no_prev": "no earlier month",
  "report.filter.segment": "Segment",
  "report.filter.all_segments": "All segments",
  "report.kpi_table": "KPI table",
  "report.metric": "Metric",
  "report.value": "Value",
  "report.prev": "Last month",
  "report.year": "Same month last year",

  // ───────────────────────────── analysis pages ─────────────────────────────
  // (other engineer: add keys for the analysis pages below this line, and the same keys in JA)
};

const JA = {
  // ───────────────────────────── common ─────────────────────────────
  "common.download_csv": "CSVをダウンロード",
  "common.none": "なし",
  "common.no_data": "データがありません",
  "common.rows": ({n}) => `${n}件`,
  "common.all": "すべて",
  "common.segment": "セグメント",
  "common.product": "製品",
  "common.month": "月",
  "common.from": "開始月",
  "common.to": "終了月",
  "common.account": "顧客",
  "common.account_id": "顧客ID",
  "common.csm": "担当CSM",
  "common.industry": "業界",
  "common.region": "地域",
  "common.mrr": "MRR",
  "common.target": "目標値",
  "common.met": "達成",
  "common.not_met": "未達",
  "common.no_target": "目標値なし",
  "common.vs_prev": "前月比",
  "common.vs_year": () => "前年同月比",
  "common.as_of": ({month}) => `データ基準月: ${month}`,
  "common.print": "印刷",
  "segment.Enterprise": "エンタープライズ",
  "segment.Mid-Market": "ミッドマーケット",
  "segment.SMB": "中小企業（SMB）",
  "segment.(none)": "（未設定）",
  "band.red": "赤",
  "band.yellow": "黄",
  "band.green": "緑",

  // ───────────────────────────── KPIs ─────────────────────────────
  "kpi.mrr": "MRR（月次経常収益）",
  "kpi.nrr": "売上継続率（NRR）",
  "kpi.grr": "売上継続率（GRR）",
  "kpi.logo_churn_rate": "カスタマーチャーン",
  "kpi.revenue_churn_rate": "レベニューチャーン",
  "kpi.nps": "NPS",
  "kpi.health_green_share": "ヘルススコア（緑の割合）",
  "kpi.onboarding_completion_rate": "オンボーディング完了率",
  "kpi.mrr.help": "月末時点の月次経常収益",
  "kpi.nrr.help": "当月の売上継続率（拡大を含む）",
  "kpi.grr.help": "当月の売上継続率（拡大を含まない）",
  "kpi.logo_churn_rate.help": "解約顧客数 ÷ 期首の顧客数",
  "kpi.revenue_churn_rate.help": "（解約＋縮小MRR）÷ 期首MRR",
  "kpi.nps.help": "推奨者の割合 − 批判者の割合",
  "kpi.health_green_share.help": "ヘルススコアが緑の顧客の割合",
  "kpi.onboarding_completion_rate.help": "オンボーディングを完了した顧客の割合",
  "kpi.nps.basis_quarter": ({period, n}) => `${period}の四半期値（回答${n}件。当月の回答が少ないため）`,
  "kpi.nps.basis_month": ({n}) => `回答${n}件`,
  "kpi.sparkline": ({label, from, to}) => `${label}の推移（${from}〜${to}）`,
  "kpi.health_mix": ({green, yellow, red}) => `緑 ${green}・黄 ${yellow}・赤 ${red}`,
  "kpi.lower_is_better": "低いほど良い",
  "kpi.note.as_of_only": "これまでの全オンボーディング（最新月のみ算出）",

  // ───────────────────────────── movements ─────────────────────────────
  "movement.start": "期首MRR",
  "movement.new": "新規",
  "movement.expansion": "拡大",
  "movement.reactivation": "復帰",
  "movement.contraction": "縮小",
  "movement.churn": "解約",
  "movement.end": "期末MRR",

  // ───────────────────────────── monthly report ─────────────────────────────
  "report.title": ({month}) => `月次レポート（${month}）`,
  "report.latest": "最新の月次レポート",
  "report.kpis": "主要KPI",
  "report.summary": "サマリー",
  "report.bridge": "MRRの増減内訳",
  "report.bridge.title": ({month}) => `${month}のMRRの増減内訳`,
  "report.bridge.alt": ({start, end, parts}) => `ウォーターフォールチャート：MRRは期首の${start}から期末の${end}に変化しました。内訳は${parts}です。`,
  "report.movers": "MRRの変動が大きい顧客",
  "report.churns": "解約MRRの大きい顧客",
  "report.contractions": "縮小MRRの大きい顧客",
  "report.expansions": "拡大MRRの大きい顧客",
  "report.mrr_before": "前月MRR",
  "report.mrr_after": "当月MRR",
  "report.delta": "増減",
  "report.at_risk": "解約リスクの高い顧客",
  "report.at_risk.help":
    "月末時点でヘルススコアが赤の顧客、または月末から90日以内に契約明細が終了し、かつ利用が減少している顧客（直近3か月の月平均アクティブユーザー数が、その前の3か月より10%以上少ない）。",
  "report.at_risk.count": ({n, shown}) => (n > shown ? `${n}社（MRRの大きい上位${shown}社を表示）` : `${n}社`),
  "report.reason": "理由",
  "report.reason.red": "ヘルススコアが赤",
  "report.reason.renewal": ({date}) => `${date}に契約終了・利用減少`,
  "report.health_score": "ヘルススコア",
  "report.renewal": "契約終了日",
  "report.band": "ヘルス区分",
  "report.users_recent": "アクティブユーザー数（直近3か月平均）",
  "report.users_prior": "アクティブユーザー数（その前の3か月平均）",
  "report.usage_trend": "利用者数（直近／前3か月）",
  "report.archive": "月次レポート一覧",
  "report.archive.intro": "データのあるすべての月を新しい順に表示します。各レポートは現在のデータから算出した当該月の値です。",
  "report.archive.open": "レポートを開く",
  "report.no_prev": "前月のデータなし",
  "report.filter.segment": "セグメント",
  "report.filter.all_segments": "すべてのセグメント",
  "report.kpi_table": "KPI一覧",
  "report.metric": "指標",
  "report.value": "値",
  "report.prev": "前月",
  "report.year": "前年同月",

  // ───────────────────────────── analysis pages ─────────────────────────────
  // (other engineer: add keys for the analysis pages below this line, and the same keys in EN)
};

const DICTIONARIES = {"en-US": EN, "ja-JP": JA};

/** The dictionary of a locale (en-US for anything unknown). */
export function labels(locale) {
  return DICTIONARIES[locale] ?? EN;
}

/** A translator for `locale`: t(locale)(key, params) → string. */
export function t(locale) {
  const dict = labels(locale);
  return (key, params = {}) => {
    const v = dict[key] ?? EN[key];
    if (v === undefined) return key;
    if (typeof v === "function") return v(params);
    return v.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined ? m : String(params[name])));
  };
}

/** "ja" / "en": the value for <html lang>. */
export function langOf(locale) {
  return locale === "ja-JP" ? "ja" : "en";
}

/** Sets <html lang> for the report's language (screen readers, CJK font selection, hyphenation). */
export function setDocumentLang(locale) {
  if (typeof document !== "undefined") document.documentElement.lang = langOf(locale);
}

const DASH = "—";
const missing = (v) => v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v));

/**
 * Formatters for a locale and an ISO 4217 currency. Every function returns "—" for null/undefined/NaN.
 *  money(v)            ¥412,345,678 (no decimals for JPY; the currency's own digits otherwise)
 *  moneyCompact(v)     ja: ¥4.1億, ¥3,400万, ¥1.2万; en: ¥412M, ¥12.3M, ¥8.5K
 *  moneyDelta(v)       +¥1.2M / −¥3,400万 (compact, always signed)
 *  number(v, digits)   1,234 (digits = max fraction digits, default 0)
 *  percent(f, digits)  fractions → "3.1%"
 *  percentDelta(f)     relative change → "+2.1%"
 *  pp(d)               difference of two fractions → "+0.4 pt" / "+0.4ポイント"
 *  points(d)           difference in points (NPS) → "+3.0 pt" / "+3.0ポイント"
 *  nps(v)              NPS score → "+32" / "−5"
 *  month("2026-10")    "Oct 2026" / "2026年10月"
 *  monthShort("2026-10") "Oct 26" / "26年10月"
 *  date("2026-10-05")  "Oct 5, 2026" / "2026年10月5日"
 *  quarter("2026-Q3")  "Q3 2026" / "2026年第3四半期"
 */
export function formatters(locale = "en-US", currency = "JPY") {
  const ja = locale === "ja-JP";
  const base = new Intl.NumberFormat(locale, {style: "currency", currency, currencyDisplay: "narrowSymbol"});
  const digits = base.resolvedOptions().maximumFractionDigits;
  // Half-width ¥ in both locales (ja-JP's Intl gives the full-width ￥).
  const symbol = (base.formatToParts(1).find((p) => p.type === "currency")?.value ?? currency).replace("￥", "¥");
  const fixed = (d) => new Intl.NumberFormat(locale, {minimumFractionDigits: d, maximumFractionDigits: d});
  const upTo = (d) => new Intl.NumberFormat(locale, {maximumFractionDigits: d});
  const sign = (v) => (v > 0 ? "+" : v < 0 ? "−" : "±");
  const minus = (v) => (v < 0 ? "−" : "");

  function money(v) {
    if (missing(v)) return DASH;
    return minus(v) + symbol + fixed(digits).format(Math.abs(v));
  }

  /** Large amounts in the reader's units: 万/億 in Japanese, K/M/B in English (3 significant digits or so). */
  function compactAbs(a) {
    const short = (x) => (x >= 100 ? fixed(0).format(x) : upTo(1).format(x));
    if (ja) {
      if (a >= 1e8) return symbol + short(a / 1e8) + "億";
      if (a >= 1e4) return symbol + short(a / 1e4) + "万";
    } else {
      if (a >= 1e9) return symbol + short(a / 1e9) + "B";
      if (a >= 1e6) return symbol + short(a / 1e6) + "M";
      if (a >= 1e3) return symbol + short(a / 1e3) + "K";
    }
    return symbol + upTo(digits).format(a);
  }

  function moneyCompact(v) {
    if (missing(v)) return DASH;
    return minus(v) + compactAbs(Math.abs(v));
  }

  function moneyDelta(v) {
    if (missing(v)) return DASH;
    return sign(v) + compactAbs(Math.abs(v));
  }

  function number(v, d = 0) {
    if (missing(v)) return DASH;
    return minus(v) + upTo(d).format(Math.abs(v));
  }

  function percent(v, d = 1) {
    if (missing(v)) return DASH;
    return minus(v) + fixed(d).format(Math.abs(v) * 100) + "%";
  }

  /** The sign of v as shown with d decimals: "±" when it rounds to zero (no "−0.0"). */
  const shownSign = (v, d) => (Math.round(Math.abs(v) * 10 ** d) === 0 ? "±" : sign(v));

  function percentDelta(v, d = 1) {
    if (missing(v)) return DASH;
    return shownSign(v * 100, d) + fixed(d).format(Math.abs(v) * 100) + "%";
  }

  function points(v, d = 1) {
    if (missing(v)) return DASH;
    return shownSign(v, d) + fixed(d).format(Math.abs(v)) + (ja ? "ポイント" : " pt");
  }

  function pp(v, d = 1) {
    return missing(v) ? DASH : points(v * 100, d);
  }

  function nps(v, d = 0) {
    if (missing(v)) return DASH;
    return (v > 0 ? "+" : minus(v)) + fixed(d).format(Math.abs(v));
  }

  const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function parts(s) {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(String(s));
    return m ? {y: +m[1], m: +m[2], d: m[3] ? +m[3] : null} : null;
  }

  function month(s) {
    if (missing(s)) return DASH;
    const p = parts(s);
    if (!p) return String(s);
    return ja ? `${p.y}年${p.m}月` : `${MONTHS_EN[p.m - 1]} ${p.y}`;
  }

  function monthShort(s) {
    if (missing(s)) return DASH;
    const p = parts(s);
    if (!p) return String(s);
    return ja ? `${String(p.y).slice(2)}年${p.m}月` : `${MONTHS_EN[p.m - 1]} ${String(p.y).slice(2)}`;
  }

  function date(s) {
    if (missing(s)) return DASH;
    const p = parts(s);
    if (!p || p.d === null) return month(s);
    return ja ? `${p.y}年${p.m}月${p.d}日` : `${MONTHS_EN[p.m - 1]} ${p.d}, ${p.y}`;
  }

  /** "2026-Q3" → "Q3 2026" / "2026年第3四半期". */
  function quarter(s) {
    if (missing(s)) return DASH;
    const m = /^(\d{4})-Q([1-4])$/.exec(String(s));
    if (!m) return String(s);
    return ja ? `${m[1]}年第${m[2]}四半期` : `Q${m[2]} ${m[1]}`;
  }

  return {locale, currency, symbol, quarter, money, moneyCompact, moneyDelta, number, percent, percentDelta, pp, points, nps, month, monthShort, date};
}
