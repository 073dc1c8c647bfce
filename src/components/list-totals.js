// "Showing the first N of TOTAL": the note under an account list the build capped
// (loaders/site/datasets/list-totals.ts), shown only when the cap cut the list.
import {html} from "npm:htl";

/** The note for one list's {shown, total} (nothing when the whole list is shown); `key` is its i18n text. */
export function truncationNote(total, {tr, f}, key = "list.truncated") {
  if (!total || total.total <= total.shown) return "";
  return html`<p class="cs-note cs-truncated">${tr(key, {shown: f.number(total.shown), total: f.number(total.total)})}</p>`;
}
