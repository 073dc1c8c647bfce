/**
 * Bytes that are valid UTF-8 *and* valid Shift_JIS (CP932): which did the exporter mean?
 *
 * Short Japanese Shift_JIS text can happen to form valid UTF-8 (e.g. a level-2 kanji E3 83 followed
 * by a kana lead byte 81 reads as UTF-8 "チ"). Each reading is scored by how much of its non-ASCII
 * text is ordinary Japanese: kana, CJK punctuation and full-width forms count 1, CJK ideographs 0.5
 * (mojibake is mostly rare ideographs), anything else 0. Shift_JIS wins only by a clear margin, as
 * UTF-8 is by far the commoner export; either way the choice is reported (the Data quality page).
 */
import iconv from "iconv-lite";

export interface Guess {
  encoding: "utf-8" | "shift_jis";
  /** The text, when read as Shift_JIS (UTF-8 bytes are used as they are). */
  text?: string;
  note: string;
}

/** How far the Shift_JIS reading must out-score UTF-8 to be chosen. */
const MARGIN = 0.25;
/** The guess reads at most this much of the file (cut at a line end), so large UTF-8 files stay cheap. */
const SAMPLE_BYTES = 256 * 1024;

/** The first SAMPLE_BYTES of the file, cut after a line feed (never inside a UTF-8 or Shift_JIS character). */
function sample(bytes: Uint8Array): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length <= SAMPLE_BYTES) return buf;
  const end = buf.lastIndexOf(0x0a, SAMPLE_BYTES);
  return buf.subarray(0, end > 0 ? end + 1 : SAMPLE_BYTES);
}

/** Share of a text's non-ASCII characters that are ordinary Japanese (0..1), and how many there are. */
export function japaneseScore(text: string): {score: number; count: number} {
  let sum = 0;
  let count = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    // Half-width katakana are common in old Shift_JIS systems and in mojibake alike: no evidence either way.
    if (c >= 0xff61 && c <= 0xff9f) continue;
    ++count;
    if ((c >= 0x3000 && c <= 0x30ff) || (c >= 0xff01 && c <= 0xff5e)) sum += 1;
    else if (c >= 0x4e00 && c <= 0x9fff) sum += 0.5;
  }
  return {score: count ? sum / count : 0, count};
}

/** The two readings of a head sample valid as UTF-8 and as CP932: which scores as more ordinary Japanese. */
export interface SampleGuess {
  shiftJisWins: boolean;
  /** The sample read as Shift_JIS. */
  sjisHead: string;
  scores: string;
}

/** For a head that is valid UTF-8: null when it is plain ASCII or not valid CP932 (no ambiguity). */
export function guessSample(bytes: Uint8Array): SampleGuess | null {
  const head = sample(bytes);
  if (!head.some((b) => b >= 0x80)) return null;
  const sjisHead = iconv.decode(head, "cp932");
  if (sjisHead.includes("\uFFFD")) return null;
  const u = japaneseScore(head.toString("utf8"));
  const s = japaneseScore(sjisHead);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return {shiftJisWins: s.score > u.score + MARGIN, sjisHead, scores: `ordinary Japanese characters: ${pct(s.score)} as Shift_JIS, ${pct(u.score)} as UTF-8`};
}

/** The note saying how an ambiguous file was read. */
export const ambiguousNote = (encoding: "utf-8" | "shift_jis", scores: string) =>
  `valid as UTF-8 and as Shift_JIS; read as ${encoding === "shift_jis" ? "Shift_JIS" : "UTF-8"} (${scores})`;

/**
 * For bytes already known to be valid UTF-8: null when they are plain ASCII or not valid CP932 (no
 * ambiguity); otherwise the chosen reading with a note saying both were possible.
 */
export function guessAmbiguous(bytes: Uint8Array): Guess | null {
  const guess = guessSample(bytes);
  if (!guess) return null;
  if (guess.shiftJisWins) {
    const sjis = sample(bytes).length === bytes.byteLength ? guess.sjisHead : iconv.decode(Buffer.from(bytes), "cp932");
    // Past the sample it may stop being valid Shift_JIS: then it is UTF-8 after all.
    if (!sjis.includes("\uFFFD")) return {encoding: "shift_jis", text: sjis, note: ambiguousNote("shift_jis", guess.scores)};
  }
  return {encoding: "utf-8", note: ambiguousNote("utf-8", guess.scores)};
}
