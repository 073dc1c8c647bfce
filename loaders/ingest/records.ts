/**
 * One fast pass over a CSV's UTF-8 bytes that finds each record's physical line number.
 *
 * DuckDB's CSV reader cannot say on which line a record with an embedded newline starts, so this
 * pass splits records itself (RFC 4180: a quote opens a quoted field only at the start of a field,
 * `""` inside quotes is a quote) and writes a copy of the file with the record's start line
 * prepended as a first field. DuckDB then reads that copy with fixed options (no sniffing), so the
 * two parsers agree record for record.
 *
 * Lines: the header's line is 1 when it is the file's first line; LF, CRLF and a lone CR each end a
 * line, inside quotes too. Blank lines and rows whose cells are all empty carry no data: they are
 * skipped and not counted as read. Records DuckDB could not read the same way (wrong number of
 * fields, text after a closing quote, a quote never closed) are returned as malformed instead of
 * being written, so they are quarantined with their line.
 */
import {closeSync, openSync, writeSync} from "node:fs";
import {InputError} from "./errors.js";

export interface MalformedRecord {
  line: number;
  /** The record's text (first 1000 characters). */
  text: string;
  reason: string;
  /** issue 16: the file's index in a partitioned table (load-partitioned.ts); absent for one file. */
  part?: number;
}

export interface ScannedCsv {
  /** Header cells as written (unquoted, untrimmed). */
  header: string[];
  delimiter: string;
  /** Data records written to the copy. */
  written: number;
  /** Bytes in the copy's longest line (its line-number field included, newline excluded). */
  longest: number;
  malformed: MalformedRecord[];
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const DELIMITERS = [",", ";", "\t", "|"];
const MAX_TEXT = 1000;

/** The delimiter the header line (the first non-blank line) uses most, outside quotes; comma when it has none. */
function sniffDelimiter(bytes: Uint8Array): string {
  const counts = new Map(DELIMITERS.map((d) => [d.charCodeAt(0), 0]));
  let quoted = false;
  let blank = true;
  for (let i = 0; i < bytes.length && i < 65536; ++i) {
    const c = bytes[i];
    if (c === QUOTE) quoted = !quoted;
    if (!quoted && (c === LF || c === CR)) {
      if (!blank) break;
    } else if (c !== SPACE && c !== TAB) blank = false;
    if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ",";
  let max = 0;
  for (const [code, n] of counts) if (n > max) [best, max] = [String.fromCharCode(code), n];
  return best;
}

/** Splits one record's text into unquoted cells (used for the header only). */
function splitRecord(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; ++i) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), ++i;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = "";
      atStart = true;
      continue;
    } else if (ch === '"' && atStart) quoted = true;
    else cell += ch;
    atStart = false;
  }
  cells.push(cell);
  return cells;
}

/** Buffered writer: the copy is written in 4 MiB chunks. */
class Writer {
  private buf = Buffer.allocUnsafe(4 << 20);
  private pos = 0;
  private digits = new Uint8Array(20);
  constructor(private fd: number) {}
  /** Writes `n` in decimal, then `delimiter`. */
  number(n: number, delimiter: number): void {
    if (this.pos + 24 > this.buf.length) this.flush();
    let k = 0;
    do {
      this.digits[k++] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    while (k > 0) this.buf[this.pos++] = this.digits[--k];
    this.buf[this.pos++] = delimiter;
  }
  /** Writes source[start, end), then LF. */
  bytes(source: Buffer, start: number, end: number): void {
    if (this.pos + end - start + 1 > this.buf.length) {
      this.flush();
      if (end - start + 1 > this.buf.length) {
        writeSync(this.fd, source, start, end - start);
        this.buf[this.pos++] = LF;
        return;
      }
    }
    this.pos += source.copy(this.buf, this.pos, start, end);
    this.buf[this.pos++] = LF;
  }
  flush(): void {
    if (this.pos) writeSync(this.fd, this.buf, 0, this.pos);
    this.pos = 0;
  }
}

/**
 * The `max_line_size` DuckDB reads the copy with: its default (2 MB) unless a record is longer.
 * DuckDB sizes each CSV reader's buffer at 16× this and reserves it against memory_limit, so a
 * fixed large bound (100 MB: a 1.5 GB buffer) would take half the memory of a large run.
 */
export function maxLineSize(scanned: Pick<ScannedCsv, "longest">): number {
  return Math.max(2_000_000, scanned.longest + 1);
}

// Byte classes for the scan.
const ORDINARY = 0;
const BLANK = 1; // space or tab: not content
const DELIM = 2;
const NEWLINE = 3; // LF or CR
const STOP = DELIM; // classes >= STOP end an unquoted field

/**
 * Scans `bytes` (UTF-8, no BOM) and writes the data records, each prefixed with `LINE<delimiter>`
 * and ended by LF, to `outPath`. Returns the header (null when the file has no non-blank line).
 * `file` names the file in the fatal message for an unreadable header.
 */
export function scanCsv(bytes: Buffer, outPath: string, file: string): ScannedCsv | null {
  return scanCsvChunks([bytes], outPath, file);
}

/** Bytes the scan needs before it sniffs the delimiter (sniffDelimiter reads up to 64 KiB). */
const SNIFF_BYTES = 65536;

/**
 * scanCsv over a file given as consecutive chunks (a large file is read a chunk at a time, so its
 * memory is a chunk, not the file). The result is the same however the bytes are cut: a record that
 * runs past a chunk's end is scanned again from its start with the next chunk appended.
 */
export function scanCsvChunks(chunks: Iterable<Buffer>, outPath: string, file: string): ScannedCsv | null {
  const fd = openSync(outPath, "w");
  const out = new Writer(fd);
  const decoder = new TextDecoder();
  let header: string[] | null = null;
  let delimiter = ",";
  let delim = 44;
  const cls = new Uint8Array(256);
  const malformed: MalformedRecord[] = [];
  let written = 0;
  let longest = 0;
  // Line of the next record's start (carried from chunk to chunk).
  let line = 1;
  let bytes: Buffer = Buffer.alloc(0);

  const text = (start: number, end: number) => {
    const s = decoder.decode(bytes.subarray(start, Math.min(end, start + MAX_TEXT * 4)));
    return s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s;
  };
  // Arguments rather than captured variables: the scan loop's state stays in registers.
  const endRecord = (start: number, end: number, startLine: number, fields: number, content: boolean, bad: string | null) => {
    if (header === null) {
      if (!content) return;
      if (bad) throw new InputError(`${file}: the header line cannot be read (${bad.replace("malformed_row: ", "")})`);
      header = splitRecord(decoder.decode(bytes.subarray(start, end)), delimiter);
    } else if (bad) malformed.push({line: startLine, text: text(start, end), reason: bad});
    else if (!content) return;
    else if (fields !== header.length) {
      malformed.push({line: startLine, text: text(start, end), reason: `malformed_row: ${fields} fields, expected ${header.length}`});
    } else {
      out.number(startLine, delim);
      out.bytes(bytes, start, end);
      ++written;
      longest = Math.max(longest, end - start + String(startLine).length + 1);
    }
  };

  /**
   * Scans the complete records of `bytes` and returns where the first incomplete one starts (`n`
   * when none). With `last`, the end of `bytes` ends the file, so every record is complete. A record
   * is complete only when its line end lies before the last byte: what follows a CR or a quote at the
   * chunk's end is not known yet.
   */
  const scan = (last: boolean): number => {
    const n = bytes.length;
    let i = 0;
    let start = 0;
    let startLine = line;
    let fields = 1;
    let content = false;
    let bad: string | null = null;
    let lineAt = line;
    // Each turn reads one field and the byte that ends it.
    while (i < n) {
      if (bytes[i] === QUOTE) {
        const quoteLine = lineAt;
        let closed = false;
        for (++i; i < n; ++i) {
          const c = bytes[i];
          if (c === QUOTE) {
            if (bytes[i + 1] === QUOTE) ++i; // "" is a quote
            else {
              closed = true;
              ++i;
              break;
            }
          } else if (c === LF || (c === CR && bytes[i + 1] !== LF)) ++lineAt;
          content = true;
        }
        if (!closed) {
          if (!last) return start;
          bad = `malformed_row: the quote opened on line ${quoteLine} is never closed`;
          break;
        }
        if (i < n && cls[bytes[i]] < STOP) bad ??= "malformed_row: text after a closing quote";
      }
      // Unquoted text (or what follows a closing quote) up to the delimiter or the line end.
      const from = i;
      while (i < n && cls[bytes[i]] < STOP) ++i;
      // Spaces alone are not content; check only when there is something to check.
      if (!content && i > from) for (let j = from; j < i; ++j) if (cls[bytes[j]] === ORDINARY) content = true;
      if (i >= n) break;
      if (cls[bytes[i]] === DELIM) {
        ++fields;
        ++i;
        continue;
      }
      if (!last && i >= n - 1) return start;
      endRecord(start, i, startLine, fields, content, bad);
      i += bytes[i] === CR && bytes[i + 1] === LF ? 2 : 1;
      line = ++lineAt;
      start = i;
      startLine = lineAt;
      fields = 1;
      content = false;
      bad = null;
    }
    if (!last) return start;
    if (start < n) endRecord(start, n, startLine, fields, content, bad);
    return n;
  };

  let sniffed = false;
  const sniff = () => {
    delimiter = sniffDelimiter(bytes);
    delim = delimiter.charCodeAt(0);
    cls[SPACE] = BLANK;
    cls[TAB] = BLANK;
    cls[LF] = NEWLINE;
    cls[CR] = NEWLINE;
    cls[delim] = DELIM;
    sniffed = true;
  };

  try {
    // Chunks wait in `pending` until there are `want` bytes: a record longer than a chunk doubles
    // `want`, so however long it is, its bytes are joined and scanned O(1) times each on average.
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let want = SNIFF_BYTES;
    const take = () => (bytes = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
    for (const chunk of chunks) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < want) continue;
      take();
      if (!sniffed) sniff();
      const rest = bytes.subarray(scan(false));
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      want = 2 * rest.length;
    }
    take();
    if (!sniffed) sniff();
    scan(true);
    out.flush();
  } finally {
    closeSync(fd);
  }
  return header === null ? null : {header, delimiter, written, longest, malformed};
}
