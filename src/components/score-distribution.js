/** NPS answers by score 0–10, coloured by category (detractor 0–6, passive 7–8, promoter 9–10). */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {OKABE_ITO} from "./palette.js";

export const NPS_CATEGORIES = ["detractor", "passive", "promoter"];
export const NPS_COLORS = {detractor: OKABE_ITO.vermillion, passive: OKABE_ITO.orange, promoter: OKABE_ITO.bluishGreen};

/** A Plot colour scale for NPS categories, labelled in the report's language. */
export function npsCategoryScale(tr) {
  return {domain: NPS_CATEGORIES, range: NPS_CATEGORIES.map((c) => NPS_COLORS[c]), tickFormat: (c) => tr(`nps.${c}`)};
}

/** rows: {score, category, responses} (several rows per score are summed, e.g. over months). */
export function scoreDistribution(rows, {width = 640, height = 260, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const byScore = new Map(Array.from({length: 11}, (_, s) => [s, 0]));
  for (const d of rows) byScore.set(d.score, (byScore.get(d.score) ?? 0) + d.responses);
  const data = [...byScore].map(([score, responses]) => ({score, responses, category: score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor"}));
  const total = data.reduce((s, d) => s + d.responses, 0);
  const share = (d) => (total ? d.responses / total : null);
  return Plot.plot({
    width,
    height,
    title,
    subtitle,
    caption,
    marginLeft: 48,
    marginTop: 20,
    x: {type: "band", domain: data.map((d) => d.score), label: tr("nps.score_axis"), labelAnchor: "center", labelOffset: 32},
    y: {grid: true, label: null, tickFormat: (v) => f.number(v)},
    color: {...npsCategoryScale(tr), legend: true},
    ariaLabel: title,
    ariaDescription: total
      ? tr("nps.distribution_alt", {
          n: f.number(total),
          parts: NPS_CATEGORIES.map((c) => `${tr(`nps.${c}`)} ${f.number(data.filter((d) => d.category === c).reduce((s, d) => s + d.responses, 0))}`).join(", ")
        })
      : tr("common.no_data"),
    marks: [
      Plot.barY(data, {x: "score", y: "responses", fill: "category", inset: 1}),
      Plot.text(data, {x: "score", y: "responses", text: (d) => (d.responses ? f.percent(share(d), 0) : ""), dy: -7, fontSize: 10}),
      Plot.ruleY([0]),
      Plot.tip(data, Plot.pointerX({x: "score", y: "responses", title: (d) => `${tr("nps.score")} ${d.score} · ${tr(`nps.${d.category}`)}\n${tr("nps.responses_n", {n: f.number(d.responses)})} (${f.percent(share(d))})`}))
    ]
  });
}
