/**
 * Verbatim NPS comments, in Japanese and English, by how the respondent scored. Real comments
 * carry commas, quotes, markup, leading "+" or "-" and line breaks; so do some of these, so that
 * every consumer of the sample has to quote, escape and neutralise them properly.
 */
export type Sentiment = "promoter" | "passive" | "detractor";

export const COMMENTS: Record<"ja" | "en", Record<Sentiment, string[]>> = {
  ja: {
    promoter: [
      "サポートの対応が早く、安心して使えています。",
      "CSの方が毎回具体的な改善提案をくれるので助かっています。",
      "ページ更新が現場だけでできるようになり、制作会社への依頼が減りました。",
      "MAのシナリオ機能のおかげで商談化率が上がりました。",
      "デジタルカタログにしてから印刷コストが大幅に下がりました。",
      "管理画面が分かりやすく、新しいメンバーもすぐに使いこなせています。",
      "定例会で成果が数字で見えるのが良いです。",
      "他部署にも紹介したいと思っています。",
      "導入から運用まで伴走していただき、感謝しています。",
      "問い合わせフォーム経由のリードが前年比で1.5倍になりました。"
    ],
    passive: [
      "機能には満足していますが、価格がもう少し安いと嬉しいです。",
      "概ね問題ありませんが、レポートの出力形式を増やしてほしいです。",
      "使いやすいですが、権限設定が細かくできないのが不便です。",
      "サポートは丁寧ですが、回答まで時間がかかることがあります。",
      "Salesforce連携の設定が少し難しかったです。",
      "特に不満はありません。",
      "UIは良いですが、APIのrate limitが厳しいです。",
      "マニュアルがもう少し充実していると助かります。"
    ],
    detractor: [
      "動作が重く、ページの保存に時間がかかります。",
      "担当者が頻繁に変わり、説明を何度もする必要がありました。",
      "導入時の設定が複雑で、まだ十分に活用できていません。",
      "障害が続いており、他社ツールへの切り替えを検討しています。",
      "費用対効果が見えにくく、来期の予算確保が難しいです。",
      "問い合わせへの返信が遅く、業務に支障が出ました。",
      "メール配信の到達率が下がっている気がします。",
      "- 表示が遅い\n- 権限設定が不便\n- 請求書の発行が分かりにくい"
    ]
  },
  en: {
    promoter: [
      "Great support team, always quick to respond.",
      "The \"drag and drop\" page editor saved us weeks of agency work.",
      "Lead scoring finally lets sales and marketing agree on what a qualified lead is.",
      "Our catalogue is now updated in minutes, not months.",
      "+1 for the new editor, much faster."
    ],
    passive: [
      "Solid product, but some screens are still only in Japanese.",
      "Works well, though pricing for extra seats is steep.",
      "Reporting is fine; we'd like scheduled exports.",
      "The <iframe> embed for forms does not work on our site."
    ],
    detractor: [
      "Too slow, and the editor crashes with large pages.",
      "We never finished the CRM integration, so the MA tool is barely used.",
      "Support replies take days; we're evaluating alternatives.",
      "Hard to justify the cost to our CFO. We will review at renewal."
    ]
  }
};

export function sentiment(score: number): Sentiment {
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}
