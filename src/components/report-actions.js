/**
 * The monthly report's board-pack actions (issue 17): a button that copies the month's digest (the
 * plain text loaders/site/datasets/digest.ts wrote, read by the page as a FileAttachment), and a
 * "PDF" link shown only when `npm run pdf` has made this month's PDF.
 *
 * Whether the PDF exists is known only after the build, so the page asks at run time: it fetches
 * reports/pdfs.json (same origin; the build ships it as [], `npm run pdf` rewrites it), never the PDF
 * itself, so a site without PDFs makes no failing request.
 */
import {html} from "npm:htl";
import {t} from "./i18n.js";

/** One request per list per page load, whatever the number of redraws (the report redraws on resize). */
const lists = new Map();
export function pdfList(url) {
  if (!lists.has(url)) {
    lists.set(
      url,
      fetch(url, {cache: "no-cache"})
        .then((r) => (r.ok ? r.json() : []))
        .then((list) => (Array.isArray(list) ? list : []))
        .catch(() => [])
    );
  }
  return lists.get(url);
}

/** Copies text: the Clipboard API where the page is a secure context, else a selected textarea. */
async function copyText(text) {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text);
  const area = html`<textarea readonly class="cs-copy-buffer"></textarea>`;
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}

/**
 * month: "YYYY-MM"; digest: the digest text (or null: no button); base: the URL of the reports
 * directory relative to the page ("./" on /reports/YYYY-MM, "./reports/" on the home page).
 */
export function reportActions({month, digest, locale = "en-US", base = "./"}) {
  const tr = t(locale);
  const status = html`<span class="cs-copy-status" role="status" aria-live="polite"></span>`;
  let timer;
  const button = html`<button type="button" class="cs-copy-digest" title=${tr("digest.copy.help")} onclick=${async () => {
    clearTimeout(timer);
    try {
      await copyText(digest);
      status.textContent = `✓ ${tr("digest.copied")}`;
      button.classList.add("cs-copied");
    } catch {
      status.textContent = tr("digest.copy_failed");
    }
    timer = setTimeout(() => {
      status.textContent = "";
      button.classList.remove("cs-copied");
    }, 4000);
  }}>${tr("digest.copy")}</button>`;
  const file = `${month}.pdf`;
  const link = html`<a class="cs-pdf-link" href=${`${base}${file}`} title=${tr("pdf.link.help")} hidden>${tr("pdf.link")}</a>`;
  pdfList(`${base}pdfs.json`).then((list) => {
    if (list.includes(file)) link.hidden = false;
  });
  return html`<span class="cs-report-actions">${typeof digest === "string" ? [button, status] : null}${link}</span>`;
}
