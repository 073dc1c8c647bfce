/**
 * What every analysis page needs from the manifest: the report's locale and currency, a translator
 * and formatters for them, the calendar, the targets, and labels for dimensions and segments.
 *   const ctx = pageContext(manifest); ctx.tr("churn.title"); ctx.f.percent(0.031); ctx.segmentLabel("segment", "SMB")
 */
import {formatters, setDocumentLang, t} from "./i18n.js";

export function pageContext(manifest) {
  const locale = manifest.locale ?? "en-US";
  const currency = manifest.currency ?? "JPY";
  const tr = t(locale);
  const f = formatters(locale, currency);
  setDocumentLang(locale);

  /** "Segment", "Industry", … (a configured column without a label shows its own name). */
  const dimensionLabel = (dimension) => {
    const key = `dimension.${dimension}`;
    const label = tr(key);
    return label === key ? dimension : label;
  };
  /** "All accounts", "SMB" → "中小企業（SMB）", "(none)" → "（未設定）"; other values as they are. */
  const segmentLabel = (dimension, segment) => {
    if (dimension === "all" || segment === "all") return tr("analysis.all_accounts");
    const key = `segment.${segment}`;
    const label = tr(key);
    return label === key ? String(segment) : label;
  };
  /** "Segment: SMB" for a (dimension, segment) pair; the total is just "All accounts". */
  const pairLabel = (dimension, segment) =>
    dimension === "all" ? segmentLabel("all", "all") : `${dimensionLabel(dimension)}: ${segmentLabel(dimension, segment)}`;

  /** "2024-05" → the month; "2024-Q2" → "Q2 2024" / "2024年第2四半期". */
  const periodLabel = (period) => {
    const m = /^(\d{4})-Q(\d)$/.exec(String(period));
    return m ? tr("analysis.quarter", {year: m[1], q: m[2]}) : f.month(period);
  };

  return {
    manifest,
    periodLabel,
    locale,
    currency,
    tr,
    f,
    months: manifest.months ?? [],
    asOf: manifest.asOf,
    targets: manifest.targets ?? {},
    dimensions: manifest.dimensions ?? [],
    dimensionLabel,
    segmentLabel,
    pairLabel,
    /** Options every chart component takes. */
    chart: {locale, currency}
  };
}

/** An Arrow table (or any iterable of rows) as plain objects, for Plot, Inputs.table and CSVs. */
export function plainRows(table) {
  const rows = typeof table?.toArray === "function" ? table.toArray() : Array.from(table ?? []);
  return rows.map((r) => (typeof r?.toJSON === "function" ? r.toJSON() : {...r}));
}

/** Sets the document title to a page's localized title (the sidebar is localized by the config). */
export function setPageTitle(title, siteTitle) {
  if (typeof document !== "undefined") document.title = siteTitle ? `${title} | ${siteTitle}` : title;
  return title;
}
