/**
 * Tables that fit their column: when a table is wider than the space it has, the columns of least
 * priority are hidden one by one (a note says how many, with a button to show them all); what still
 * does not fit scrolls sideways inside the table's own frame, with the first column kept in view and
 * a fade plus a note at the edge that hides columns. The page itself never scrolls sideways, and
 * print always shows every column (the hiding rules in src/style.css apply to screens only).
 *
 * Hiding is by class on the frame (cs-hide-N hides the N-th cell of every row, rules for N ≤ 40 in
 * style.css), so Inputs.table's lazily added rows are hidden too and no inline style is needed.
 */
import {html} from "npm:htl";
import {t} from "./i18n.js";

const MAX_COLUMNS = 40;

/**
 * Wraps `scroller` (the element that scrolls sideways: Inputs.table's form, or a div around a plain
 * table) in a frame that keeps it fitted. Options:
 *   columns   the table's column keys, in order
 *   priority  {key: n}: 1 is never hidden, higher numbers are hidden first (default 2; the first
 *             column is always 1); a table without `priority` hides nothing and only scrolls
 *   offset    cells before the first column in each row (1 for Inputs.table's selection cell)
 *   kind      "static" (a plain table: its first cell stays in view), "inputs" (Inputs.table without
 *             selection: the empty selection cell is dropped and the first column stays in view) or
 *             "select" (Inputs.table with a radio per row: nothing sticky)
 *   locale
 * Returns {frame, note}: place `note` (the cue) above the frame.
 */
export function fitColumns(scroller, {columns, priority, offset = 0, kind = "static", locale = "en-US"} = {}) {
  const tr = t(locale);
  const frame = html`<div class=${`cs-fit cs-fit-${kind}`}>${scroller}</div>`;
  const note = html`<div class="cs-fit-note" aria-live="polite"></div>`;
  const order = hideOrder(columns, priority);
  let showAll = false;
  let hidden = [];

  const setHidden = (keys) => {
    for (const c of frame.classList) if (c.startsWith("cs-hide-")) frame.classList.remove(c);
    for (const k of keys) {
      const n = columns.indexOf(k) + 1 + offset;
      if (n > 0 && n <= MAX_COLUMNS) frame.classList.add(`cs-hide-${n}`);
    }
    hidden = keys;
  };
  const overflowing = () => scroller.scrollWidth > scroller.clientWidth + 1;

  const edges = () => {
    const more = scroller.scrollWidth - scroller.clientWidth - scroller.scrollLeft > 1;
    frame.classList.toggle("cs-more-right", more);
    frame.classList.toggle("cs-more-left", scroller.scrollLeft > 1);
    return overflowing();
  };

  const renderNote = () => {
    const scrolls = overflowing();
    const parts = [];
    if (hidden.length || showAll && order.length) {
      const toggle = html`<button type="button" class="cs-fit-toggle">${tr(showAll ? "table.show_fewer" : "table.show_all")}</button>`;
      toggle.onclick = () => {
        showAll = !showAll;
        refit();
      };
      if (hidden.length) parts.push(html`<span>${tr("table.columns_hidden", {n: hidden.length, total: columns.length})}</span>`);
      if (hidden.length || showAll) parts.push(toggle);
    }
    if (scrolls) parts.push(html`<span class="cs-fit-scroll">${tr("table.scroll_more")}</span>`);
    note.replaceChildren(...parts);
    note.hidden = parts.length === 0;
  };

  function refit() {
    if (!frame.isConnected || scroller.clientWidth === 0) return;
    setHidden([]);
    if (!showAll) {
      const keys = [];
      // At least three columns stay (or all, if fewer): past that, the table scrolls sideways instead.
      const hideable = order.slice(0, Math.max(0, columns.length - Math.max(3, columns.length - order.length)));
      for (const k of hideable) {
        if (!overflowing()) break;
        keys.push(k);
        setHidden(keys);
      }
    }
    edges();
    renderNote();
  }

  scroller.addEventListener("scroll", edges, {passive: true});
  let pending = 0;
  let lastWidth = -1;
  const observer = new ResizeObserver(() => {
    const width = frame.clientWidth;
    if (width === lastWidth) return;
    lastWidth = width;
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(refit);
  });
  observer.observe(frame);
  // Inputs.table adds rows as the reader scrolls down: wider cells may arrive.
  new MutationObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      edges();
      renderNote();
    });
  }).observe(scroller, {childList: true, subtree: true});
  note.hidden = true;
  return {frame, note, refit};
}

/** The columns that may be hidden, in the order they are hidden (highest number first, rightmost first). */
export function hideOrder(columns, priority) {
  if (!priority) return [];
  return columns
    .map((key, i) => ({key, i, p: i === 0 ? 1 : priority[key] ?? 2}))
    .filter((d) => d.p > 1)
    .sort((a, b) => b.p - a.p || b.i - a.i)
    .map((d) => d.key);
}

/** fitColumns with its cue, as one element (for a table a page builds itself, e.g. a selectable one). */
export function fitted(scroller, options) {
  const {frame, note} = fitColumns(scroller, options);
  return html`<div class="cs-fitted">${note}${frame}</div>`;
}
