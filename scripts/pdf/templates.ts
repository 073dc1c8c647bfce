/**
 * The PDF's page header and footer (Chromium's headerTemplate / footerTemplate): the company (the
 * site's title) and the report's title with its period at the top, "Page N of M" at the bottom, in
 * the report's language. Chromium renders them apart from the page, without its stylesheets: they
 * carry their own inline styles and fonts (they are not part of the site, so the CSP does not apply).
 */
import {t} from "../../src/components/i18n.js";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Fonts installed with Debian's fonts-noto-cjk (and its Latin fallback), Japanese first in a ja report. */
const font = (ja: boolean) =>
  ja ? `"Noto Sans CJK JP", "Noto Sans JP", "Noto Sans", sans-serif` : `"Noto Sans", "Noto Sans CJK JP", "DejaVu Sans", sans-serif`;

const box = (ja: boolean) =>
  `width:100%;margin:0 12mm;font-family:${font(ja)};font-size:7.5pt;color:#555;display:flex;justify-content:space-between;gap:8mm;`;

export interface PageTexts {
  /** The site's title (the company's report title). */
  company: string;
  /** The report's own title, naming its period ("Monthly report — Oct 2026"). */
  title: string;
  locale: string;
}

export function headerTemplate({company, title, locale}: PageTexts): string {
  const ja = locale === "ja-JP";
  return `<div style='${box(ja)}'><span>${escapeHtml(company)}</span><span>${escapeHtml(title)}</span></div>`;
}

export function footerTemplate({company, title, locale}: PageTexts): string {
  const ja = locale === "ja-JP";
  const page = t(locale)("pdf.page", {page: `<span class="pageNumber"></span>`, pages: `<span class="totalPages"></span>`});
  return `<div style='${box(ja)}'><span>${escapeHtml(title)} · ${escapeHtml(company)}</span><span>${page}</span></div>`;
}
