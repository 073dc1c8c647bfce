// Deterministic PDFs (scripts/pdf/stable.ts): Chromium's creation and modification stamps become the
// report period's first day, same length, so the file's byte offsets do not move.
import {describe, expect, it} from "vitest";
import {periodDate, pinPdfDates} from "../../../scripts/pdf/stable.js";

describe("pinPdfDates", () => {
  it("replaces both stamps with the period's date, keeping the length", () => {
    const pdf = Buffer.from("%PDF-1.4\n<</Creator (Chromium)\n/CreationDate (D:20261130151207+00'00')\n/ModDate (D:20261130151208+00'00')>>\n", "latin1");
    const out = pinPdfDates(pdf, "20261001");
    expect(out.toString("latin1")).toBe("%PDF-1.4\n<</Creator (Chromium)\n/CreationDate (D:20261001000000+00'00')\n/ModDate (D:20261001000000+00'00')>>\n");
    expect(out.length).toBe(pdf.length);
  });

  it("leaves binary streams byte for byte", () => {
    const bytes = Buffer.from([0x25, 0x50, 0xff, 0x00, 0x80, 0xe3, 0x81, 0x82]);
    expect(pinPdfDates(bytes, "20240101").equals(bytes)).toBe(true);
  });
});

describe("periodDate", () => {
  it("a month's and a quarter's first day", () => {
    expect(periodDate("2026-10")).toBe("20261001");
    expect(periodDate("2026-Q3")).toBe("20260701");
    expect(periodDate("2026-Q1")).toBe("20260101");
  });
});
