/**
 * Tables with a "Download CSV" button. Cell text is always inserted as text (Inputs.table turns
 * strings into text nodes), and the CSV neutralises spreadsheet formulas, because account names and
 * comments come from the exports and may hold anything.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {html} from "npm:htl";
import {toCsv} from "./csv.js";
import {fitColumns} from "./fit-columns.js";
import {t} from "./i18n.js";

export {csvField, toCsv} from "./csv.js";

/** Saves `text` as a file through a blob: URL (same origin; no request leaves the page). */
export function downloadText(text, filename, type = "text/csv;charset=utf-8") {
  // The BOM lets Excel read UTF-8 (Japanese names) correctly.
  const url = URL.createObjectURL(new Blob(["\ufeff", text], {type}));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A "Download CSV" button for `rows`. */
export function csvButton(rows, {columns, header = {}, filename = "table", locale = "en-US", label} = {}) {
  const name = filename.endsWith(".csv") ? filename : `${filename}.csv`;
  const button = html`<button type="button" class="cs-download">${label ?? t(locale)("common.download_csv")}</button>`;
  button.onclick = () => downloadText(toCsv(rows, columns, header), name);
  return button;
}

/**
 * A table with a caption and a Download CSV button.
 *  rows      array of objects (or an Arrow table / Arquero table: anything iterable)
 *  columns   keys to show, in order (default: every key of the first row)
 *  header    {key: heading}; format {key: (value, i, rows) => string | Node}; align {key: "left" | "right"}
 *  csvColumns / csvHeader / csvRows  what the CSV holds (default: columns / header / rows; raw values)
 *  title     optional caption above the table; filename for the CSV (without .csv)
 *  static    true: a plain <table> with every row (prints fully; for short lists like the report's);
 *            widths {key: css width} fixes the layout (tables that should line up), nowrap [keys],
 *            else Inputs.table (scrolling, sortable); other options (rows, width, sort, reverse,
 *            layout) go to Inputs.table.
 *  priority  {key: n} which columns give way first when the table is too wide (1 = never hidden,
 *            higher = hidden sooner; see fit-columns.js); without it the table scrolls sideways in its
 *            own frame (first column kept in view, a cue at the edge), never the page
 *  empty     text shown instead of an empty table
 */
export function dataTable(rows, options = {}) {
  const {
    columns,
    header = {},
    format = {},
    align = {},
    locale = "en-US",
    filename = "table",
    title,
    csvColumns,
    csvHeader,
    empty,
    static: plain = false,
    priority,
    csvRows,
    ...rest
  } = options;
  const list = Array.from(rows ?? []);
  const cols = columns ?? (list.length ? Object.keys(list[0]) : []);
  const tr = t(locale);
  const body = !list.length
    ? html`<p class="cs-empty">${empty ?? tr("common.no_data")}</p>`
    : plain
    ? staticTable(list, {columns: cols, header, format, align, widths: rest.widths, nowrap: rest.nowrap})
    : Inputs.table(list, {columns: cols, header, format, align, locale, select: false, rows: Math.max(11.5, Math.min(list.length + 0.5, 30.5)), ...rest});
  const button = csvButton(csvRows ?? list, {columns: csvColumns ?? cols, header: csvHeader ?? header, filename, locale});
  // Fitted to its column: low-priority columns hidden first, then sideways scrolling inside the frame.
  const fit = list.length ? fitColumns(plain ? html`<div class="cs-scroll">${body}</div>` : body, {columns: cols, priority, offset: plain ? 0 : 1, kind: plain ? "static" : "inputs", locale}) : null;
  return html`<div class=${plain ? "cs-table cs-table-static" : "cs-table"}>
    <div class="cs-table-head">${title ? html`<h3 class="cs-table-title">${title}</h3>` : html`<span></span>`}${list.length ? button : null}</div>
    ${fit ? fit.note : null}${fit ? fit.frame : body}
  </div>`;
}

/** Every row as a plain table; values through format[key] (string → text node; never HTML). */
export function staticTable(rows, {columns, header = {}, format = {}, align = {}, widths, nowrap = []} = {}) {
  const numeric = (c) => align[c] ?? (rows.some((r) => typeof r[c] === "number") ? "right" : "left");
  const cell = (row, c, i) => {
    const v = row[c];
    if (v === null || v === undefined) return "—";
    return format[c] ? format[c](v, i, rows) : String(v);
  };
  const cls = (c) => `cs-align-${numeric(c)}`;
  const tdCls = (c) => `cs-align-${numeric(c)}${nowrap.includes(c) ? " cs-nowrap" : ""}`;
  return html`<table class=${widths ? "cs-static-table cs-fixed" : "cs-static-table"}>
    ${widths ? html`<colgroup>${columns.map((c) => html`<col style=${{width: widths[c] ?? "auto"}}>`)}</colgroup>` : null}
    <thead><tr>${columns.map((c) => html`<th class=${cls(c)} scope="col">${header[c] ?? c}</th>`)}</tr></thead>
    <tbody>${rows.map((row, i) => html`<tr>${columns.map((c) => html`<td class=${tdCls(c)}>${cell(row, c, i)}</td>`)}</tr>`)}</tbody>
  </table>`;
}
