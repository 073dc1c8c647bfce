/**
 * The monthly report's written summary: a few sentences generated from the report's numbers, in the
 * report's language. Numbers are formatted by the pages' own formatters (src/components/i18n.js), so
 * the text matches the tiles exactly.
 *
 * Sentences, each left out when its numbers are missing:
 *  1. MRR and its change against last month (and the MRR target, if set).
 *  2. The bridge: what new business, expansion and reactivation added, contraction and churn removed.
 *  3. Trailing-12-month NRR and GRR against their targets.
 *  4. Churned accounts and MRR; in the total view, the segment of a single churned account. And
 *     (total view) whether any segment's monthly logo churn differs from the rest of the book: only
 *     when the two 95% intervals do not overlap, else "within normal variation" (after sentence 5).
 *  5. Monthly logo and revenue churn against their targets, the logo churn interval and whether the
 *     change from last month is real; the trailing-12-month churn.
 *  6. NPS, its basis (month, or the quarter when the month has too few responses), its 95% interval
 *     and whether the change from last month is real.
 *  7. Health: green share against target; at-risk accounts, their MRR and why.
 *  8. Onboarding completion of the onboardings past their deadline, against target; the on-time rate.
 * The small-sample rule (loaders/metrics/small-sample.ts) applies throughout: a figure from too few
 * observations is stated with its n as too few to read, with no target verdict and no change claim.
 */
import {formatters, t} from "../../../src/components/i18n.js";
import {compareWithIntervals, isSmallSample, wilson} from "../../metrics/small-sample.js";
import type {AtRisk, Bridge, Kpi, KpiKey} from "./types.js";

export interface SummaryInput {
  locale: string;
  currency: string;
  /** "all" or a segment. */
  view: string;
  kpis: Kpi[];
  bridge: Bridge | null;
  accountsChurned: number | null;
  mrrChurned: number | null;
  /** Per segment in the month (total view only): churned accounts and MRR, accounts at start. */
  churnBySegment: {segment: string; accounts: number; mrr: number; start?: number}[];
  atRisk: AtRisk;
  /** Accounts at the start of the month (total view: the whole book), for the segment comparison. */
  accountsStart?: number | null;
  /** The small-sample minimum (config.minSampleSize) and NPS's (config.npsMinResponses). */
  minSampleSize?: number;
  npsMinResponses?: number;
}

export function summarize(input: SummaryInput): string[] {
  const ja = input.locale === "ja-JP";
  const f = formatters(input.locale, input.currency);
  const tr = t(input.locale);
  const kpi = (k: KpiKey) => input.kpis.find((x) => x.key === k)!;
  const fmt = (k: Kpi, v: number | null) => (k.unit === "money" ? f.moneyCompact(v) : k.unit === "nps" ? f.nps(v) : f.percent(v));
  /** "target 105.0%, not met" / "目標値105.0%、未達"; empty without a target. */
  const targetText = (k: Kpi) => {
    if (k.target === null || k.met === null) return "";
    return ja ? `目標値${fmt(k, k.target)}、${k.met ? "達成" : "未達"}` : `target ${fmt(k, k.target)}, ${k.met ? "met" : "not met"}`;
  };
  /** " (target …)" / "（目標値…）" */
  const target = (k: Kpi) => {
    const s = targetText(k);
    return s ? (ja ? `（${s}）` : ` (${s})`) : "";
  };
  const segmentName = (s: string) => {
    const label = tr(`segment.${s}`);
    return label === `segment.${s}` ? s : label;
  };
  const minSample = input.minSampleSize ?? 30;
  const fmtInterval = (k: Kpi, i: [number, number] | null | undefined) =>
    !i ? "" : k.unit === "nps" ? (ja ? `95%信頼区間${f.nps(i[0])}〜${f.nps(i[1])}` : `95% interval ${f.nps(i[0])} to ${f.nps(i[1])}`) : ja ? `95%信頼区間${f.percent(i[0])}〜${f.percent(i[1])}` : `95% interval ${f.percent(i[0])}–${f.percent(i[1])}`;
  /** "(95% interval …; target …, met)" / "（95%信頼区間…、目標値…、達成）"; empty when neither. */
  const details = (k: Kpi) => {
    const parts = [fmtInterval(k, k.interval), targetText(k)].filter(Boolean);
    return parts.length ? (ja ? `（${parts.join("、")}）` : ` (${parts.join("; ")})`) : "";
  };
  /** The small-sample statement: "from 12 accounts, too few to read (minimum 30)". */
  const tooFew = (k: Kpi) => {
    const min = k.unit === "nps" ? input.npsMinResponses ?? 30 : minSample;
    const en = k.nUnit ?? "observations";
    const unit = ja ? (k.nUnit === "responses" ? "件の回答" : k.nUnit === "onboardings" ? "件" : "社") : k.n === 1 ? en.replace(/s$/, "") : en;
    return ja ? `${f.number(k.n ?? 0)}${unit}に基づくため参考値です（最小${f.number(min)}）` : `from ${f.number(k.n ?? 0)} ${unit}, too few to read (minimum ${f.number(min)})`;
  };
  /** The change from last month, stated as real only when the intervals support it. */
  const change = (k: Kpi) => {
    if (k.previous === null || k.value === null || k.verdictPrevious === null || k.small) return "";
    const prev = k.unit === "nps" ? f.nps(k.previous) : f.percent(k.previous);
    if (k.verdictPrevious === "same") return ja ? `前月（${prev}）との差は通常の変動の範囲内です` : `within normal variation of last month's ${prev}`;
    const up = k.verdictPrevious === "higher";
    return ja ? `前月（${prev}）から${up ? "上昇" : "低下"}しました` : `${up ? "up" : "down"} from ${prev} last month`;
  };
  const out: string[] = [];

  // 1. MRR
  const mrr = kpi("mrr");
  if (mrr.value !== null) {
    const v = f.moneyCompact(mrr.value);
    const rel = mrr.changePrevious;
    if (mrr.previous === null || rel === null) {
      out.push(ja ? `MRRは${v}でした${target(mrr)}。` : `MRR was ${v}${target(mrr)}.`);
    } else if (Math.abs(rel) < 0.0005) {
      out.push(ja ? `MRRは前月から横ばいの${v}でした${target(mrr)}。` : `MRR was flat at ${v}${target(mrr)}.`);
    } else {
      const pct = f.percent(Math.abs(rel));
      const amount = f.moneyDelta(mrr.deltaPrevious);
      const tt = targetText(mrr);
      out.push(
        ja
          ? `MRRは前月比${pct}${rel > 0 ? "増" : "減"}の${v}（${amount}${tt ? `、${tt}` : ""}）となりました。`
          : `MRR ${rel > 0 ? "grew" : "fell"} ${pct} to ${v} (${amount}${tt ? `; ${tt}` : ""}).`
      );
    }
  }

  // 2. Bridge
  const b = input.bridge;
  if (b && (b.new || b.expansion || b.reactivation || b.contraction || b.churn)) {
    const gains = (
      [
        ["new", b.new],
        ["expansion", b.expansion],
        ["reactivation", b.reactivation]
      ] as const
    ).filter(([, v]) => v > 0);
    const losses = (
      [
        ["contraction", b.contraction],
        ["churn", b.churn]
      ] as const
    ).filter(([, v]) => v > 0);
    if (ja) {
      const g = gains.map(([k, v]) => `${tr(`movement.${k}`)}で${f.moneyCompact(v)}`).join("、");
      const l = losses.map(([k, v]) => `${tr(`movement.${k}`)}で${f.moneyCompact(v)}`).join("、");
      out.push(g && l ? `${g}増加し、${l}減少しました。` : g ? `${g}増加しました。` : `${l}減少しました。`);
    } else {
      const name = {new: "new business", expansion: "expansion", reactivation: "reactivation", contraction: "contraction", churn: "churn"};
      const g = gains.map(([k, v]) => `${name[k]} ${f.moneyCompact(v)}`).join(", ");
      const l = losses.map(([k, v]) => `${name[k]} ${f.moneyCompact(v)}`).join(", ");
      out.push(g && l ? `Added: ${g}; removed: ${l}.` : g ? `Added: ${g}.` : `Removed: ${l}.`);
    }
  }

  // 3. NRR / GRR over the trailing 12 months
  const nrr = kpi("nrr");
  const grr = kpi("grr");
  if (nrr.value !== null && grr.value !== null) {
    const note = nrr.small ? (ja ? `。${tooFew(nrr)}` : `; ${tooFew(nrr)}`) : "";
    out.push(
      ja
        ? `過去12か月の売上継続率はNRR ${f.percent(nrr.value)}${target(nrr)}、GRR ${f.percent(grr.value)}${target(grr)}でした${note}。`
        : `Trailing-12-month NRR ${f.percent(nrr.value)}${target(nrr)}; GRR ${f.percent(grr.value)}${target(grr)}${note}.`
    );
  }

  // 4. Churned accounts
  const n = input.accountsChurned;
  const churned = input.view === "all" ? input.churnBySegment.filter((c) => c.accounts > 0) : [];
  if (n !== null && n !== undefined) {
    if (n === 0) out.push(ja ? "解約した顧客はありませんでした。" : "No account churned.");
    else {
      // In the total view, name the segment of a single churned account (a fact, not a rate).
      const only = n === 1 && churned.length === 1 ? churned[0].segment : null;
      const money = f.moneyCompact(input.mrrChurned);
      out.push(
        ja
          ? `${f.number(n)}社が解約しました（${only ? `${segmentName(only)}、` : ""}解約MRR ${money}）。`
          : `${f.number(n)} ${n === 1 ? "account" : "accounts"} churned (${only ? `${segmentName(only)}, ` : ""}${money} MRR).`
      );
    }
  }
  // 5. Churn rates: monthly, with the logo churn interval and whether the change is real; then 12 months.
  const logo = kpi("logo_churn_rate");
  const rev = kpi("revenue_churn_rate");
  if (logo.value !== null && rev.value !== null) {
    if (logo.small) {
      out.push(
        ja
          ? `月次のカスタマーチャーンは${f.percent(logo.value)}、月次のレベニューチャーンは${f.percent(rev.value)}で、${tooFew(logo)}。`
          : `Monthly logo churn ${f.percent(logo.value)}; monthly revenue churn ${f.percent(rev.value)}: ${tooFew(logo)}.`
      );
    } else {
      const c = change(logo);
      out.push(
        ja
          ? `月次のカスタマーチャーンは${f.percent(logo.value)}${details(logo)}${c ? `で、${c}` : "でした"}。月次のレベニューチャーンは${f.percent(rev.value)}${target(rev)}でした。`
          : `Monthly logo churn ${f.percent(logo.value)}${details(logo)}${c ? `, ${c}` : ""}; monthly revenue churn ${f.percent(rev.value)}${target(rev)}.`
      );
    }
    const logoYear = logo.secondary?.value ?? null;
    const revYear = rev.secondary?.value ?? null;
    if (logoYear !== null && revYear !== null) {
      out.push(
        ja
          ? `過去12か月ではカスタマーチャーン${f.percent(logoYear)}、レベニューチャーン${f.percent(revYear)}でした。`
          : `Over the trailing 12 months, logo churn was ${f.percent(logoYear)} and revenue churn ${f.percent(revYear)}.`
      );
    }
  }

  // 5b. Segment differences in monthly logo churn: real only when the intervals do not overlap.
  const total = input.accountsStart ?? null;
  if (input.view === "all" && n && total && input.churnBySegment.some((c) => c.start !== undefined)) {
    const diffs = input.churnBySegment
      .filter((c) => c.start !== undefined)
      .map((c) => {
        const start = c.start!;
        const restN = total - start;
        const restK = n - c.accounts;
        const seg = {value: c.accounts / start, interval: wilson(c.accounts, start), small: isSmallSample(start, minSample)};
        const rest = {value: restN > 0 ? restK / restN : null, interval: wilson(restK, restN), small: isSmallSample(restN, minSample)};
        return {c, seg, rest, cmp: compareWithIntervals(seg, rest)};
      })
      .filter((d) => d.cmp === "higher" || d.cmp === "lower")
      .sort((a, b) => (b.seg.value ?? 0) - (a.seg.value ?? 0));
    if (diffs.length) {
      for (const d of diffs.slice(0, 2)) {
        const segI = d.seg.interval!;
        const restI = d.rest.interval!;
        const name = segmentName(d.c.segment);
        out.push(
          ja
            ? `${name}の月次カスタマーチャーン（${f.percent(d.seg.value)}、95%信頼区間${f.percent(segI[0])}〜${f.percent(segI[1])}）は、それ以外の顧客（${f.percent(d.rest.value)}、${f.percent(restI[0])}〜${f.percent(restI[1])}）より${d.cmp === "higher" ? "高く" : "低く"}、通常の変動を超える差です。`
            : `${name}'s monthly logo churn (${f.percent(d.seg.value)}, 95% interval ${f.percent(segI[0])}–${f.percent(segI[1])}) was ${d.cmp} than the rest of the book's (${f.percent(d.rest.value)}, ${f.percent(restI[0])}–${f.percent(restI[1])}), beyond normal variation.`
        );
      }
    } else {
      out.push(ja ? "セグメント間の月次カスタマーチャーンの差は通常の変動の範囲内です。" : "Differences in monthly logo churn between segments are within normal variation.");
    }
  }

  // 6. NPS
  const nps = kpi("nps");
  if (nps.value !== null && nps.basis) {
    const {kind, period, responses} = nps.basis;
    const basis =
      kind === "quarter"
        ? ja
          ? `当月の回答が少ないため${f.quarter(period)}の値、回答${f.number(responses)}件`
          : `${f.quarter(period)}, as the month had too few responses; ${f.number(responses)} responses`
        : ja
        ? `回答${f.number(responses)}件`
        : `${f.number(responses)} responses`;
    const interval = fmtInterval(nps, nps.interval);
    if (nps.small) {
      // The count is in the "too few" clause; a quarter basis still names its quarter.
      const where = kind === "quarter" ? f.quarter(period) : "";
      const inner = [where, interval].filter(Boolean).join(ja ? "、" : "; ");
      out.push(ja ? `NPSは${f.nps(nps.value)}（${inner}）で、${tooFew(nps)}。` : `NPS ${f.nps(nps.value)} (${inner}): ${tooFew(nps)}.`);
    } else {
      // The change is stated only month against month (a quarter value is not comparable to last month's).
      const c = kind === "quarter" ? "" : change(nps);
      const tt = targetText(nps);
      const inner = [basis, interval, tt].filter(Boolean).join(ja ? "、" : "; ");
      out.push(ja ? `NPSは${f.nps(nps.value)}（${inner}）${c ? `で、${c}` : "でした"}。` : `NPS ${f.nps(nps.value)} (${inner})${c ? `, ${c}` : ""}.`);
    }
  }

  // 7. Health and at-risk accounts
  const green = kpi("health_green_share");
  const risk = input.atRisk;
  const reasons = ja
    ? [risk.red ? `ヘルススコアが赤 ${f.number(risk.red)}社` : "", risk.renewal ? `90日以内に契約終了かつ利用減少 ${f.number(risk.renewal)}社` : ""]
    : [
        risk.red ? `${f.number(risk.red)} with red health` : "",
        risk.renewal ? `${f.number(risk.renewal)} with a line ending within 90 days and falling usage` : ""
      ];
  const why = reasons.filter(Boolean).join(ja ? "、" : ", ");
  const riskText =
    risk.count === 0
      ? ja
        ? "解約リスクの高い顧客はいません"
        : "no account is at risk"
      : ja
      ? `解約リスクの高い顧客は${f.number(risk.count)}社（MRR ${f.moneyCompact(risk.mrr)}。${why}）です`
      : `${f.number(risk.count)} ${risk.count === 1 ? "account" : "accounts"} (${f.moneyCompact(risk.mrr)} MRR) ${risk.count === 1 ? "is" : "are"} at risk: ${why}`;
  if (green.value !== null) {
    out.push(
      ja
        ? `ヘルススコアが緑の顧客は${f.percent(green.value)}${target(green)}で、${riskText}。`
        : `${f.percent(green.value)} of scored accounts are green${target(green)}; ${riskText}.`
    );
  } else {
    out.push(ja ? `${riskText}。` : `${riskText.charAt(0).toUpperCase()}${riskText.slice(1)}.`);
  }

  // 8. Onboarding: completion of the onboardings past their deadline; the on-time share.
  const onb = kpi("onboarding_completion_rate");
  if (onb.value !== null) {
    const due = f.number(onb.n ?? 0);
    const onTime = onb.secondary?.value ?? null;
    const tail = onTime === null ? "" : ja ? `。期限内の完了は${f.percent(onTime)}です` : `; ${f.percent(onTime)} finished on time`;
    if (onb.small) {
      out.push(
        ja
          ? `直近3か月に期限を迎えたオンボーディング${due}件の完了率は${f.percent(onb.value)}で、${tooFew(onb)}。`
          : `Onboarding completion ${f.percent(onb.value)} of the ${due} onboardings whose deadline fell in the last 3 months: ${tooFew(onb)}.`
      );
    } else {
      out.push(
        ja
          ? `直近3か月に期限を迎えたオンボーディング${due}件の完了率は${f.percent(onb.value)}${details(onb)}${tail}。`
          : `Onboarding completion ${f.percent(onb.value)} of the ${due} onboardings whose deadline fell in the last 3 months${details(onb)}${tail}.`
      );
    }
  }
  return out;
}
