/**
 * Turns a CSV file's bytes into UTF-8 text: gunzips `.csv.gz`, strips a UTF-8 BOM, and transcodes
 * Shift_JIS/CP932 (detected: not valid UTF-8 but valid CP932, or valid as both and far more plausible
 * as Japanese in CP932 (encoding-guess.ts); or forced by config). Files that are not text at all
 * (a PNG, an .xlsx, UTF-16) stop the build here with a message saying what they look like.
 */
import {isUtf8} from "node:buffer";
import {gunzipSync} from "node:zlib";
import iconv from "iconv-lite";
import type {Encoding} from "../config.js";
import {guessAmbiguous} from "./encoding-guess.js";
import {InputError} from "./errors.js";

export interface Decoded {
  text: Buffer;
  encoding: "utf-8" | "shift_jis";
  /** How the encoding was chosen, when it was not obvious (shown on the Data quality page). */
  note?: string;
}

// Magic numbers of files people export by mistake instead of CSV.
const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive, e.g. an Excel .xlsx workbook"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an Excel .xls workbook"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x50, 0x41, 0x52, 0x31], "a Parquet file; name it .parquet"],
  [[0x1f, 0x8b], "a gzip file; name it .csv.gz"]
];

export const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Why these bytes are not CSV text, or null when they may be. */
export function notText(bytes: Uint8Array): string | null {
  for (const [sig, what] of SIGNATURES) if (startsWith(bytes, sig)) return `it looks like ${what}`;
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return "it is UTF-16 text; save it as CSV UTF-8";
  // NUL never occurs in UTF-8 or Shift_JIS text.
  if (bytes.subarray(0, 65536).includes(0)) return "binary content";
  return null;
}

export const BOM = [0xef, 0xbb, 0xbf];

export const notUtf8 = (file: string) =>
  new InputError(`${file}: not valid UTF-8 text (the config sets encoding "utf-8"; for Shift_JIS exports set "shift_jis" or "auto")`);

export const neitherEncoding = (file: string) => new InputError(`${file}: not a CSV file (the text is neither UTF-8 nor Shift_JIS)`);

export function decodeCsv(raw: Buffer, {gzip, encoding, file}: {gzip: boolean; encoding: Encoding; file: string}): Decoded {
  let bytes = raw;
  if (gzip) {
    try {
      bytes = gunzipSync(raw);
    } catch (e) {
      // With the gzip magic number the file is gzip, but cut short (an interrupted download or copy) or damaged.
      if (startsWith(raw, [0x1f, 0x8b])) {
        const truncated = (e as {code?: string}).code === "Z_BUF_ERROR";
        throw new InputError(
          `${file}: ${truncated ? "the gzip data ends early (the file is truncated)" : "the gzip data is damaged"}; export or download it again`
        );
      }
      throw new InputError(`${file}: not a gzip file (a .csv.gz must be a gzip-compressed CSV)`);
    }
  }
  const why = bytes.length ? notText(bytes) : null;
  if (why) throw new InputError(`${file}: not a CSV file (${why})`);
  if (startsWith(bytes, BOM)) return {text: bytes.subarray(3), encoding: "utf-8"};
  if (encoding === "shift_jis") return {text: Buffer.from(iconv.decode(bytes, "cp932"), "utf8"), encoding: "shift_jis", note: "set by config"};
  if (isUtf8(bytes)) {
    if (encoding === "utf-8") return {text: bytes, encoding: "utf-8", note: "set by config"};
    const guess = guessAmbiguous(bytes);
    if (guess?.encoding === "shift_jis") return {text: Buffer.from(guess.text!, "utf8"), encoding: "shift_jis", note: guess.note};
    return {text: bytes, encoding: "utf-8", note: guess?.note};
  }
  if (encoding === "utf-8") {
    throw notUtf8(file);
  }
  const text = iconv.decode(bytes, "cp932");
  if (text.includes("\uFFFD")) throw neitherEncoding(file);
  return {text: Buffer.from(text, "utf8"), encoding: "shift_jis"};
}
