/**
 * A CSV file to the line-numbered copy DuckDB reads (records.ts), decoded to UTF-8 by decode.ts's
 * rules. Files up to STREAM_BYTES, and every .csv.gz, are read whole; larger plain files a chunk at a
 * time, so a multi-gigabyte export costs a few chunks of memory, not its size. Both paths choose the
 * same encoding, say the same note and write the same copy (tests/ingest/scan-file.test.ts).
 *
 * Streaming decides the encoding before it scans: one pass checks the whole file is UTF-8 (and, for
 * a file valid as both, that it is valid Shift_JIS), then the scan pass decodes as chosen.
 */
import {isUtf8} from "node:buffer";
import {closeSync, openSync, readFileSync, readSync, statSync} from "node:fs";
import iconv from "iconv-lite";
import type {Encoding} from "../config.js";
import {BOM, decodeCsv, neitherEncoding, notText, notUtf8, startsWith} from "./decode.js";
import {ambiguousNote, guessSample} from "./encoding-guess.js";
import {InputError} from "./errors.js";
import {withFs} from "./fs-errors.js";
import {scanCsv, scanCsvChunks, type ScannedCsv} from "./records.js";

/** Plain CSV files larger than this are read a chunk at a time. */
export const STREAM_BYTES = 64 << 20;
const CHUNK_BYTES = 16 << 20;

export interface ScannedFile {
  /** Null when the file has no non-blank line. */
  scanned: ScannedCsv | null;
  encoding: "utf-8" | "shift_jis";
  /** How the encoding was chosen, when it was not obvious. */
  note?: string;
}

export interface ScanOptions {
  gzip: boolean;
  encoding: Encoding;
  /** The file as messages name it. */
  file: string;
  /** For tests: the size above which a file streams, and the chunk size. */
  streamBytes?: number;
  chunkBytes?: number;
}

/** Decodes and scans the CSV at `path`, writing the copy to `outPath`. */
export function scanCsvFile(path: string, outPath: string, options: ScanOptions): ScannedFile {
  const {gzip, encoding, file, streamBytes = STREAM_BYTES, chunkBytes = CHUNK_BYTES} = options;
  const size = withFs(path, () => statSync(path)).size;
  if (gzip || size <= streamBytes) {
    const decoded = decodeCsv(withFs(path, () => readFileSync(path)), {gzip, encoding, file});
    return {scanned: scanCsv(decoded.text, outPath, file), encoding: decoded.encoding, note: decoded.note};
  }
  const fd = withFs(path, () => openSync(path, "r"));
  try {
    const chunks = (from = 0) => fileChunks(fd, path, from, chunkBytes);
    // The encoding guess samples the first 256 KiB; the file-type check, the first 64 KiB.
    const head = fileChunks(fd, path, 0, 1 << 20).next().value ?? Buffer.alloc(0);
    const why = notText(head);
    if (why) throw new InputError(`${file}: not a CSV file (${why})`);
    const scan = (source: Iterable<Buffer>) => scanCsvChunks(source, outPath, file);
    if (startsWith(head, BOM)) return {scanned: scan(chunks(BOM.length)), encoding: "utf-8"};
    if (encoding === "shift_jis") return {scanned: scan(cp932(chunks())), encoding: "shift_jis", note: "set by config"};
    if (utf8Valid(chunks())) {
      if (encoding === "utf-8") return {scanned: scan(chunks()), encoding: "utf-8", note: "set by config"};
      const guess = guessSample(head);
      // Past the sample it may stop being valid Shift_JIS: then it is UTF-8 after all.
      if (guess?.shiftJisWins && cp932Valid(chunks())) {
        return {scanned: scan(cp932(chunks())), encoding: "shift_jis", note: ambiguousNote("shift_jis", guess.scores)};
      }
      return {scanned: scan(chunks()), encoding: "utf-8", note: guess ? ambiguousNote("utf-8", guess.scores) : undefined};
    }
    if (encoding === "utf-8") throw notUtf8(file);
    return {scanned: scan(cp932(chunks(), () => neitherEncoding(file))), encoding: "shift_jis"};
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes from `from` on, `size` at a time (a fresh buffer each, as the scan may keep one). */
function* fileChunks(fd: number, path: string, from: number, size: number): Generator<Buffer> {
  let position = from;
  for (;;) {
    const buf = Buffer.allocUnsafe(size);
    const n = withFs(path, () => readSync(fd, buf, 0, size, position));
    if (n === 0) return;
    position += n;
    yield buf.subarray(0, n);
  }
}

/**
 * The chunks re-cut so that each piece ends just after a byte `boundary` accepts (the rest is carried
 * into the next piece), so that no piece ends inside a character.
 */
function* pieces(chunks: Iterable<Buffer>, boundary: (byte: number) => boolean): Generator<Buffer> {
  let carry = Buffer.alloc(0);
  for (const chunk of chunks) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    let cut = bytes.length;
    while (cut > 0 && !boundary(bytes[cut - 1])) --cut;
    if (cut > 0) yield bytes.subarray(0, cut);
    carry = Buffer.from(bytes.subarray(cut));
  }
  if (carry.length) yield carry;
}

/** Whether the chunks together are valid UTF-8: each piece ends at an ASCII byte (never inside a character). */
function utf8Valid(chunks: Iterable<Buffer>): boolean {
  for (const piece of pieces(chunks, (b) => b < 0x80)) if (!isUtf8(piece)) return false;
  return true;
}

/**
 * The chunks decoded from CP932 to UTF-8; `invalid` (when given) is thrown at the first undecodable
 * byte. Each piece ends at a byte below 0x40, which is never half of a two-byte character, so the
 * pieces decode exactly as the whole file would, invalid bytes included.
 */
function* cp932(chunks: Iterable<Buffer>, invalid?: () => Error): Generator<Buffer> {
  for (const piece of pieces(chunks, (b) => b < 0x40)) {
    const text = iconv.decode(piece, "cp932");
    if (invalid && text.includes("\uFFFD")) throw invalid();
    yield Buffer.from(text, "utf8");
  }
}

function cp932Valid(chunks: Iterable<Buffer>): boolean {
  try {
    for (const _ of cp932(chunks, () => new Error("invalid")));
    return true;
  } catch {
    return false;
  }
}
