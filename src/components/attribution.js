/**
 * "Why the headline moved" on the monthly report (issue 19): one sentence naming the drivers of the
 * change in NRR, GRR (trailing 12 months) or logo churn (monthly), and a small chart of the largest
 * segment contributions, each bar split into its mix and rate parts in the tooltip and table. Segments
 * with too few accounts are drawn faded and marked; the sentence (written by the loader,
 * loaders/site/report/attribution.ts) never names them. Draws data.attribution of a report JSON.
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {html} from "npm:htl";
import {formatters, t} from "./i18n.js";
import {OKABE_ITO} from "./palette.js";
import {labelWidth} from "./text.js";

const BETTER_LOWER = new Set(["logo_churn_rate"]);

/** The section, or null when the report month has no comparison yet. Options: locale, currency, width. */
export function attributionSection(attribution, {locale = "en-US", currency = "JPY", width = 640} = {}) {
  if (!attribution || !attribution.changes?.length) return null;
  const tr = t(locale);
  const f = formatters(locale, currency);
  const changes = attribution.changes;
  const measures = [...new Set(changes.map((c) => c.measure))];
  const bases = [...new Set(changes.map((c) => c.basis))];
  const measureInput = Inputs.radio(measures, {value: measures[0], format: (m) => tr(`attribution.measure.${m}`)});
  const basisInput = Inputs.radio(bases, {value: bases[0], format: (b) => tr(`attribution.basis.${b}`)});
  const body = html`<div></div>`;
  const draw = () => {
    const c = changes.find((x) => x.measure === measureInput.value && x.basis === basisInput.value) ?? changes[0];
    body.replaceChildren(attributionBody(c, attribution, {tr, f, width}));
  };
  measureInput.addEventListener("input", draw);
  basisInput.addEventListener("input", draw);
  draw();
  return html`<section class="cs-attribution card" aria-labelledby="cs-attr-h">
    <h2 id="cs-attr-h">${tr("attribution.title")}</h2>
    <div class="cs-attr-controls">${measureInput}${basisInput}</div>
    ${body}
  </section>`;
}

function itemLabel(d, tr) {
  const key = `segment.${d.segment}`;
  const seg = tr(key) === key ? d.segment : tr(key);
  // The part with its direction ("lower churn"), so a bar's sign never reads as "more churn".
  return d.part === "rate" ? seg : `${seg} · ${tr(`attribution.part.${d.part}.${d.contribution > 0 ? "up" : "down"}`)}`;
}

function attributionBody(c, attribution, {tr, f, width}) {
  const lowerBetter = BETTER_LOWER.has(c.measure);
  const good = (v) => (lowerBetter ? v < 0 : v > 0);
  const rows = c.items.map((d) => ({...d, label: itemLabel(d, tr), pt: d.contribution * 100, good: good(d.contribution)}));
  const anySmall = rows.some((d) => d.small);
  const fmt = (v) => f.points(v, 2);
  // In the chart the axis names the unit: bare signed numbers keep narrow charts legible.
  const num = (v, d) => (Math.round(Math.abs(v) * 10 ** d) === 0 ? "±" : v > 0 ? "+" : "−") + f.number(Math.abs(v), d);
  // Widths count a CJK character as two: Japanese labels were cut at the chart's left edge.
  const longest = Math.max(0, ...rows.map((d) => labelWidth(d.label)));
  const w = Math.max(280, Math.min(width, 720));
  // On a phone the labels go above their bars: beside them they would take half the width and be cut.
  const narrow = w < 560;
  const chart = rows.length
    ? Plot.plot({
        width: w,
        height: rows.length * (narrow ? 44 : 28) + 44,
        marginLeft: narrow ? 8 : Math.min(w * 0.45, 16 + longest * 7.5),
        marginRight: 56,
        x: {grid: true, label: tr("attribution.axis"), tickFormat: (v) => num(v, 1), ticks: Math.max(3, Math.floor(w / 130)), nice: true, insetLeft: 36, insetRight: 8},
        y: {domain: rows.map((d) => d.label), label: null, axis: narrow ? null : "left", padding: narrow ? 0.45 : 0.1},
        ariaLabel: tr("attribution.title"),
        ariaDescription: rows.map((d) => `${d.label}: ${fmt(d.pt)}${d.small ? ` (${tr("attribution.small_short")})` : ""}`).join("; "),
        marks: [
          Plot.barX(rows, {
            x: "pt",
            y: "label",
            fill: (d) => (d.good ? OKABE_ITO.bluishGreen : OKABE_ITO.vermillion),
            fillOpacity: (d) => (d.small ? 0.3 : 1),
            inset: 3
          }),
          Plot.ruleX([0]),
          narrow ? Plot.text(rows, {y: "label", text: "label", frameAnchor: "left", textAnchor: "start", dy: -15, fontSize: 11}) : null,
          // Value labels outside each bar's end (dx must be a constant: one mark per side).
          ...[
            [(d) => d.pt >= 0, "start", 4],
            [(d) => d.pt < 0, "end", -4]
          ].map(([side, textAnchor, dx]) =>
            Plot.text(rows.filter(side), {x: "pt", y: "label", text: (d) => num(d.pt, 2) + (d.small ? " †" : ""), textAnchor, dx, fontSize: 10})
          ),
          Plot.tip(rows, Plot.pointerY({
            x: "pt",
            y: "label",
            title: (d) => [d.label, `${tr("attribution.contribution")} ${fmt(d.pt)}`, `${tr("attribution.mix")} ${fmt(d.mix * 100)}`, `${tr("attribution.rate")} ${fmt(d.rate * 100)}`, tr("attribution.accounts", {n: f.number(d.accounts)})].join("\n")
          }))
        ]
      })
    : null;
  return html`<div>
    <p class="cs-attr-sentence">${c.sentence}</p>
    ${chart}
    <p class="cs-help">${tr("attribution.caption", {dimension: dimLabel(attribution.dimension, tr), month: f.month(c.compareMonth)})}${
      anySmall ? ` ${tr("attribution.small_note", {n: attribution.minAccounts})}` : ""
    }</p>
  </div>`;
}

function dimLabel(d, tr) {
  const key = `dimension.${d}`;
  return tr(key) === key ? d : tr(key);
}
