/**
 * Long free text (VoC comments, rejected values, reasons) for table cells: wrapped instead of cut off,
 * and always a text node (htl interpolates strings as text, never as HTML).
 */
import {html} from "npm:htl";

export function wrapText(value) {
  return html`<span class="cs-wraptext">${value == null ? "" : String(value)}</span>`;
}
