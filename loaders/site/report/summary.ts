/**
 * The monthly report's written summary: a few sentences generated from the report's numbers, in the
 * report's language. Numbers are formatted by the pages' own formatters (src/components/i18n.js), so
 * the text matches the tiles exactly.
 *
 * Sentences, each left out when its numbers are missing:
 *  1. MRR and its change against last month (and the MRR target, if set).
 *  2. The bridge: what new business, expansion and reactivation added, contraction and churn removed.
 *  3. NRR and GRR against their targets.
 *  4. Churned accounts and MRR; in the total view, the segment of a single churned account, or
 *     "mostly <segment>" when one segment has more than half of two or more churned accounts.
 *  5. Logo and revenue churn rates against their targets.
 *  6. NPS, its basis (month, or the quarter when the month has too few responses) and change.
 *  7. Health: green share against target; at-risk accounts, their MRR and why.
 *  8. Onboarding completion against target.
 */
import {formatters, t} from "../../../src/components/i18n.js";
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
  /** Churned accounts per segment in the month (total view only), largest first. */
  churnBySegment: {segment: string; accounts: number; mrr: number}[];
  atRisk: AtRisk;
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

  // 3. NRR / GRR
  const nrr = kpi("nrr");
  const grr = kpi("grr");
  if (nrr.value !== null && grr.value !== null) {
    out.push(
      ja
        ? `売上継続率はNRR ${f.percent(nrr.value)}${target(nrr)}、GRR ${f.percent(grr.value)}${target(grr)}でした。`
        : `NRR ${f.percent(nrr.value)}${target(nrr)}; GRR ${f.percent(grr.value)}${target(grr)}.`
    );
  }

  // 4. Churned accounts
  const n = input.accountsChurned;
  if (n !== null && n !== undefined) {
    if (n === 0) out.push(ja ? "解約した顧客はありませんでした。" : "No account churned.");
    else {
      // In the total view, name the segment: the only one, or the one with more than half of the accounts.
      const bySegment = input.view === "all" ? [...input.churnBySegment].sort((a, b) => b.accounts - a.accounts || a.segment.localeCompare(b.segment)) : [];
      const only = n === 1 && bySegment.length === 1 ? bySegment[0].segment : null;
      const mostly = n > 1 && bySegment[0] && bySegment[0].accounts * 2 > n ? bySegment[0].segment : null;
      const money = f.moneyCompact(input.mrrChurned);
      out.push(
        ja
          ? `${f.number(n)}社が解約しました（${only ? `${segmentName(only)}、` : ""}解約MRR ${money}${mostly ? `、主に${segmentName(mostly)}` : ""}）。`
          : `${f.number(n)} ${n === 1 ? "account" : "accounts"} churned (${only ? `${segmentName(only)}, ` : ""}${money} MRR)${mostly ? `, mostly ${segmentName(mostly)}` : ""}.`
      );
    }
  }

  // 5. Churn rates
  const logo = kpi("logo_churn_rate");
  const rev = kpi("revenue_churn_rate");
  if (logo.value !== null && rev.value !== null) {
    out.push(
      ja
        ? `カスタマーチャーンは${f.percent(logo.value)}${target(logo)}、レベニューチャーンは${f.percent(rev.value)}${target(rev)}でした。`
        : `Logo churn ${f.percent(logo.value)}${target(logo)}; revenue churn ${f.percent(rev.value)}${target(rev)}.`
    );
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
    const d = nps.deltaPrevious;
    const size = d === null ? "" : f.points(Math.abs(d)).replace(/^[+−±]/, "");
    // The change is stated only month against month (a quarter value is not comparable to last month's).
    const change =
      d === null || kind === "quarter"
        ? ""
        : ja
        ? d === 0
          ? "で、前月から変化はありませんでした"
          : `で、前月から${size}${d > 0 ? "上昇" : "低下"}しました`
        : d === 0
        ? ", unchanged from last month"
        : `, ${d > 0 ? "up" : "down"} ${size} from last month`;
    out.push(
      ja
        ? `NPSは${f.nps(nps.value)}${target(nps)}${change || "でした"}（${basis}）。`
        : `NPS ${f.nps(nps.value)}${target(nps)}${change} (${basis}).`
    );
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

  // 8. Onboarding
  const onb = kpi("onboarding_completion_rate");
  if (onb.value !== null) {
    out.push(
      ja
        ? `オンボーディング完了率は${f.percent(onb.value)}${target(onb)}でした。`
        : `Onboarding completion ${f.percent(onb.value)}${target(onb)}.`
    );
  }
  return out;
}
