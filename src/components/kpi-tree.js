/**
 * The KPI tree (issue 19): the KGI at the root and the KPIs it is made of, as nested cards. Each card
 * shows the node's value, target, change against last month and last year, and the segment that moved
 * it most, and links to the page that details the node. An indented outline rather than a drawn
 * tree, so it reads the same at 390px and at 1440px. Draws kpi-tree.json (loaders/site/datasets/kpi-tree.ts).
 */
import {html} from "npm:htl";
import {formatters, t} from "./i18n.js";

/** Options: month, dimension (whose segments are named as movers), locale, currency, base (link prefix). */
export function kpiTree(data, {month, dimension = "segment", locale = "en-US", currency = "JPY", base = "./"} = {}) {
  const tr = t(locale);
  const f = formatters(locale, currency);
  const values = data.values[month] ?? {};
  const children = (parent) => data.nodes.filter((n) => n.parent === parent);
  const branch = (parent) => {
    const kids = children(parent);
    return kids.length ? html`<ul class="cs-tree">${kids.map((n) => html`<li>${card(n)}${branch(n.node)}</li>`)}</ul>` : null;
  };
  const card = (n) => nodeCard(n, values[n.node], {tr, f, dimension, base, minAccounts: data.minAccounts});
  const root = data.nodes.find((n) => n.parent === null);
  return html`<div class="cs-kpi-tree" data-month=${month}>
    <ul class="cs-tree cs-tree-root"><li>${card(root)}${branch(root.node)}</li></ul>
  </div>`;
}

function nodeCard(n, v, {tr, f, dimension, base, minAccounts}) {
  const value = v?.value ?? null;
  const better = n.better === "higher" ? 1 : -1;
  const met = n.target === null || value === null ? null : better > 0 ? value >= n.target : value <= n.target;
  const changeText = (basis) => {
    const c = v?.change?.[basis];
    if (c == null) return html`<span class="cs-tree-change">${tr(`kpitree.${basis}`)} —</span>`;
    const good = c * better > 0;
    const cls = Math.abs(c) < 0.0005 ? "flat" : good ? "good" : "bad";
    return html`<span class="cs-tree-change ${cls}">${tr(`kpitree.${basis}`)} <span class="cs-tree-num">${f.pp(c)}</span></span>`;
  };
  const mover = (basis) => {
    const m = v?.movers?.[dimension]?.[basis];
    if (m === undefined) return null;
    if (m === null) return html`<li>${tr(`kpitree.${basis}`)}: ${tr("kpitree.no_mover", {n: minAccounts})}</li>`;
    const key = `segment.${m.segment}`;
    const seg = tr(key) === key ? m.segment : tr(key);
    const kind = Math.abs(m.mix) > Math.abs(m.rate) ? tr("kpitree.by_mix") : tr("kpitree.by_rate");
    return html`<li>${tr(`kpitree.${basis}`)}: <strong>${seg}</strong> <span class="cs-tree-num">${f.pp(m.contribution)}</span> <span class="cs-muted">(${kind})</span></li>`;
  };
  const movers = [mover("mom"), mover("yoy")].filter(Boolean);
  return html`<a class="cs-tree-node ${n.parent === null ? "cs-tree-kgi" : ""}" href=${`${base}${n.page}`} data-node=${n.node}>
    <span class="cs-tree-name">${n.parent === null ? html`<span class="cs-tree-badge">KGI</span> ` : null}${tr(`kpitree.node.${n.node}`)}</span>
    <span class="cs-tree-value">${f.percent(value)}</span>
    <span class="cs-tree-target">${
      n.target === null ? tr("common.no_target") : html`${tr("common.target")} ${f.percent(n.target)} · <span class=${met ? "good" : "bad"}>${met ? `✓ ${tr("common.met")}` : `✗ ${tr("common.not_met")}`}</span>`
    }</span>
    <span class="cs-tree-changes">${changeText("mom")}${changeText("yoy")}</span>
    ${movers.length ? html`<span class="cs-tree-movers-h">${tr("kpitree.moved_most")}</span><ul class="cs-tree-movers">${movers}</ul>` : null}
  </a>`;
}
