/**
 * Long free text (VoC comments, rejected values, reasons) for table cells: wrapped instead of cut off,
 * and always a text node (htl interpolates strings as text, never as HTML).
 */
import {html} from "npm:htl";

export function wrapText(value) {
  return html`<span class="cs-wraptext">${value == null ? "" : String(value)}</span>`;
}

/**
 * A chart label cut to about `max` Latin characters' width (a CJK character counts as two), with
 * "…" when cut: long account names would otherwise run past a narrow chart's left edge.
 */
export function shortLabel(value, max = 24) {
  const s = value == null ? "" : String(value);
  let out = "";
  let width = 0;
  for (const c of s) {
    width += c.codePointAt(0) >= 0x2e80 ? 2 : 1;
    if (width > max - 1) return `${out}…`;
    out += c;
  }
  return s;
}

/** A label's width in Latin characters, a CJK character counting as two (for chart margins). */
export function labelWidth(value) {
  let width = 0;
  for (const c of value == null ? "" : String(value)) width += c.codePointAt(0) >= 0x2e80 ? 2 : 1;
  return width;
}
