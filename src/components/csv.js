/**
 * CSV for the site's downloads (pure; no DOM): RFC 4180 quoting, and spreadsheet formulas
 * neutralised: a text cell starting with =, +, -, @, tab or CR gets a leading single quote, so a
 * name like =HYPERLINK(...) from the exports opens as text. Numbers stay numbers.
 */

/** Text cells starting with one of these would run as a formula in Excel / Sheets / LibreOffice. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): numbers as they are; text neutralised with a leading ' and quoted when needed. */
export function csvField(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * rows → CSV text (RFC 4180: CRLF line ends, quoted fields). `columns` is a list of keys (default:
 * the keys of the first row); `header` maps a key to its heading (default: the key).
 */
export function toCsv(rows, columns, header = {}) {
  const list = Array.from(rows ?? []);
  const cols = columns ?? (list.length ? Object.keys(list[0]) : []);
  const heading = (c) => {
    const h = header[c] ?? c;
    return typeof h === "object" && h !== null && "textContent" in h ? h.textContent : h;
  };
  const lines = [cols.map((c) => csvField(heading(c))).join(",")];
  for (const row of list) lines.push(cols.map((c) => csvField(row?.[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}
