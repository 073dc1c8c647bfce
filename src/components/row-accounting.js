/** Rows read from each input file, split into accepted and rejected (the ingest's row accounting). */
import * as Plot from "npm:@observablehq/plot";
import {formatters, t} from "./i18n.js";
import {OKABE_ITO} from "./palette.js";

/** rows: {table, rows_accepted, rows_rejected}; tableLabel: table → text. */
export function rowAccounting(rows, {width = 640, tableLabel = String, title, subtitle, caption, locale = "en-US", currency = "JPY"} = {}) {
  width = Math.max(width, 200); // resize() may report a transient tiny width while the grid lays out
  const f = formatters(locale, currency);
  const tr = t(locale);
  const list = Array.from(rows);
  const parts = list.flatMap((d) => [
    {table: d.table, part: "accepted", rows: d.rows_accepted},
    {table: d.table, part: "rejected", rows: d.rows_rejected}
  ]);
  const label = (p) => tr(`quality.rows_${p}`);
  const longest = Math.max(0, ...list.map((d) => String(tableLabel(d.table)).length));
  return Plot.plot({
    width,
    height: Math.max(100, list.length * 28 + 70),
    title,
    subtitle,
    caption,
    marginLeft: Math.min(180, width * 0.4, 16 + longest * 7.5),
    marginRight: 80,
    x: {grid: true, label: null, tickFormat: (v) => f.number(v)},
    y: {domain: list.map((d) => d.table), label: null, tickFormat: tableLabel},
    color: {type: "ordinal", domain: ["accepted", "rejected"], range: [OKABE_ITO.blue, OKABE_ITO.vermillion], tickFormat: label, legend: true},
    ariaLabel: title,
    ariaDescription: list
      .map((d) => `${tableLabel(d.table)}: ${tr("quality.rows_read")} ${f.number(d.rows_accepted + d.rows_rejected)}, ${label("rejected")} ${f.number(d.rows_rejected)}`)
      .join("; "),
    marks: [
      Plot.barX(parts, {x: "rows", y: "table", fill: "part", order: ["accepted", "rejected"], inset: 2}),
      Plot.ruleX([0]),
      Plot.text(list, {
        x: (d) => d.rows_accepted + d.rows_rejected,
        y: "table",
        text: (d) => (d.rows_rejected ? `${f.number(d.rows_rejected)} ✗` : `${f.number(d.rows_accepted)} ✓`),
        textAnchor: "start",
        dx: 5,
        fontSize: 10
      }),
      Plot.tip(parts, Plot.pointerY(Plot.stackX({x: "rows", y: "table", fill: "part", order: ["accepted", "rejected"], title: (d) => `${tableLabel(d.table)}\n${label(d.part)} ${f.number(d.rows)}`})))
    ]
  });
}
