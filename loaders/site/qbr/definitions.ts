/**
 * The quarterly business review's rules, as the Definitions page (definitions.json) and data/README.md
 * (npm run docs) state them. The QBR adds no metric table: it combines the monthly tables, and these
 * say how.
 */
import type {Definition} from "../../metrics/family.js";

const d = (id: string, name: Definition["name"], formula: string, text: Definition["text"]): Definition => ({id, table: "qbr", name, formula, text});

export const QBR_DEFINITIONS: Definition[] = [
  d(
    "qbr_quarter",
    {en: "Quarter and partial quarter", ja: "四半期と途中の四半期"},
    "Q = calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec) with ≥ 1 computed month; partial ⇔ fewer than 3 of its months computed",
    {
      en: "Every calendar quarter with at least one computed month has a review (/reports/q/YYYY-Qn). A quarter the data starts or ends inside (the as-of month falls in it) is partial: it is kept, labelled with the months it covers (\"Q4 2026, partial: Oct – Nov\"), and its sums cover those months only. Quarter-end figures are read at the end of its last computed month.",
      ja: "計算対象の月が1か月以上ある暦四半期ごとにレビュー（/reports/q/YYYY-Qn）を作成します。データがその四半期の途中で始まる・終わる（基準月が含まれる）四半期は「途中」とし、対象の月を表示します（例:「2026年第4四半期（途中: 10月〜11月）」）。合計値はその月だけの値で、四半期末の値は最後の計算対象月の月末時点です。"
    }
  ),
  d(
    "qbr_bridge",
    {en: "Quarter MRR bridge and net new MRR", ja: "四半期のMRR増減内訳とネット新規MRR"},
    "start = mrr_start(first month); each movement = Σ over the quarter's months; end = mrr_end(last month) = start + new + expansion + reactivation − contraction − churn + fx; net new MRR = new + expansion + reactivation − contraction − churn",
    {
      en: "The sum of the quarter's monthly bridges (mrr_movements): the MRR at the end of the month before the quarter, the movements of its months added up, and the MRR at the end of its last month. Each month starts where the previous one ended, so the quarter adds up exactly. Net new MRR leaves out exchange-rate movement. A partial quarter's net new MRR is not compared with a full quarter's.",
      ja: "四半期の各月のMRR増減内訳（mrr_movements）の合計です。四半期直前の月末MRRに各月の増減を足し合わせると、最後の月の月末MRRに一致します。ネット新規MRRは為替変動を含みません。途中の四半期のネット新規MRRは完了した四半期と比較しません。"
    }
  ),
  d(
    "qbr_pooled_churn",
    {en: "Quarter churn (monthly rate, pooled)", ja: "四半期の解約率（月次の率・通算）"},
    "logo_churn(Q) = Σ_M∈Q accounts_churned(M) / Σ_M∈Q accounts_start(M); revenue_churn(Q) = Σ (mrr_churned + mrr_contraction) / Σ mrr_start; n = Σ accounts_start (account-months)",
    {
      en: "The quarter's churn pools its months (churn table): churned accounts of the three months over the accounts at the start of each month, added up, not the mean of the three monthly rates, so a month with more accounts at risk weighs more. It is still a monthly rate (the share of accounts lost in a month, on average over the quarter), not the share of the quarter-start book lost by its end; the page labels it so. n is the account-months at risk; the 95% Wilson interval and the small-sample rule use it. Per segment the same, on the segment's rows.",
      ja: "四半期の解約率は各月をまとめて計算します（churn表）。3か月の解約顧客数の合計を、各月の期首顧客数の合計で割ります。3か月の率の平均ではないため、期首顧客の多い月ほど重みが大きくなります。値は月次の率（四半期を通じた1か月あたりの解約の割合）であり、四半期初めの顧客のうち期末までに失われた割合ではありません。ページでもそのように表示します。n は延べ社・月（期首顧客数の合計）で、95% Wilson 信頼区間と少数サンプルのルールに使います。セグメント別も同じです。"
    }
  ),
  d(
    "qbr_kpis",
    {en: "Quarter KPIs and their comparisons", ja: "四半期のKPIと比較"},
    "MRR = MRR at the end of the last month; NRR, GRR = trailing 12 months at the last month; NPS = the quarter's responses; green share at the last month; Δ vs Q−1 and vs Q−4",
    {
      en: "MRR and the health mix are read at the end of the quarter's last computed month, NRR and GRR over the 12 months ending then (retention_t12m), NPS from the quarter's responses (nps, period YYYY-Qn) with its 95% interval. Each is compared with the previous quarter and the same quarter a year earlier; a change is coloured only when the 95% intervals do not overlap, and a figure below the minimum number of observations is marked with its n and never judged.",
      ja: "MRRとヘルスの構成は四半期の最後の計算対象月の月末時点、NRR・GRRはその月までの直近12か月（retention_t12m）、NPSは四半期の回答（nps表の YYYY-Qn）で95%信頼区間付きです。前四半期と前年同期と比較し、95%信頼区間が重ならない場合のみ変化に色を付けます。観測数が最小数未満の値は n を付けて表示し、判定しません。"
    }
  ),
  d(
    "qbr_wins_losses",
    {en: "Largest wins and losses", ja: "主な増加と減少"},
    "delta(a, Q) = Σ_M∈Q (new + expansion + reactivation − contraction − churn)(a, M); wins: delta > 0, largest first; losses: delta < 0, largest first; ties by account id; 10 each",
    {
      en: "Each account's net MRR change over the quarter: its movements in the quarter's months added up (account_movements; exchange-rate movement left out). An account that grew one month and shrank the next shows its net. Shown with its MRR at the end of the month before the quarter and at the end of its last month.",
      ja: "顧客ごとの四半期のMRRの純増減です（account_movements の各月の増減の合計。為替変動は除く）。ある月に拡大し別の月に縮小した顧客は差し引きで示します。四半期直前の月末と最後の月末のMRRを併記します。"
    }
  ),
  d(
    "qbr_health_movement",
    {en: "Health mix movement", ja: "ヘルスの構成の推移"},
    "mix at the end of the month before Q vs at the end of Q's last month; up / down / same over accounts scored at both; left / joined: scored at one date only",
    {
      en: "The band counts and shares at the quarter's start and end (health_mix), and of the active accounts scored at both dates how many moved to a better band, to a worse one, or stayed; scored accounts present at only one date are counted as left or joined. Without scores at the start no movement is stated.",
      ja: "四半期の開始時点と終了時点の区分別の顧客数と割合（health_mix）と、両時点でスコアのある顧客のうち良い区分へ移った数・悪い区分へ移った数・変わらない数です。一方の時点にのみスコアのある顧客は離脱・追加として数えます。開始時点のスコアがなければ推移は示しません。"
    }
  ),
  d(
    "qbr_voice",
    {en: "Voice of the customer in the QBR", ja: "QBRのVoC（顧客の声）"},
    "comments(Q, category) = #{responses in Q with a non-blank comment}; verbatims: up to 3 per category, newest first",
    {
      en: "The data has no theme classification, so the review shows how many of the quarter's promoters, passives and detractors left a comment, and up to three verbatim comments per category, newest first (detractors listed first). Comments are shown as text, never as markup.",
      ja: "データにテーマ分類はないため、四半期の推奨者・中立者・批判者のうちコメントを残した数と、区分ごとに最大3件のコメント原文（新しい順、批判者から）を示します。コメントは文字列として表示し、マークアップとして解釈しません。"
    }
  )
];
