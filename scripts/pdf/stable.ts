/**
 * Chromium stamps every PDF with the time it was made (/CreationDate, /ModDate in the document
 * information). Same site, same PDF: the stamps are replaced by a time derived from the report
 * itself, written with the same number of bytes so the cross-reference offsets stay valid.
 */
export function pinPdfDates(pdf: Buffer, date: string): Buffer {
  const text = pdf.toString("latin1");
  const pinned = text.replace(/\/(CreationDate|ModDate) \(D:([^)]*)\)/g, (whole, key: string, stamp: string) => {
    const fixed = `${date}${"0".repeat(14)}`.slice(0, 14); // YYYYMMDDHHmmSS
    const replacement = (fixed + stamp.slice(14).replace(/[0-9]/g, "0")).slice(0, stamp.length).padEnd(stamp.length, "0");
    return `/${key} (D:${replacement})`;
  });
  return Buffer.from(pinned, "latin1");
}

/** "2026-10" -> "20261001", "2026-Q3" -> "20260701": the report period's first day. */
export function periodDate(name: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(name);
  if (q) return `${q[1]}${String((Number(q[2]) - 1) * 3 + 1).padStart(2, "0")}01`;
  return `${name.replace("-", "")}01`;
}
