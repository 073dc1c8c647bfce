// Searching a built site for customer data: every file (and every member of gzip and zip files)
// for account names and MRR figures (tests/e2e/protect.test.ts).
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import JSZip from "jszip";
import {tableFromIPC} from "apache-arrow";
import {createHash} from "node:crypto";
import {VENDORED} from "../../scripts/vendor-npm.js";
import {DIST} from "./harness.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** Every file under `root` with its bytes, and the members of gzip and zip files as files of their own. */
export async function contents(root: string): Promise<[string, Buffer][]> {
  const out: [string, Buffer][] = [];
  const add = async (name: string, bytes: Buffer): Promise<void> => {
    out.push([name, bytes]);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) await add(`${name}!gunzip`, gunzipSync(bytes));
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      const zip = await JSZip.loadAsync(bytes);
      for (const entry of Object.values(zip.files)) if (!entry.dir) await add(`${name}!${entry.name}`, await entry.async("nodebuffer"));
    }
  };
  for (const name of (readdirSync(root, {recursive: true}) as string[]).sort()) {
    const path = join(root, name);
    if (statSync(path).isFile()) await add(name, readFileSync(path));
  }
  return out;
}

/**
 * The byte patterns of a figure: its decimal text, and its 64-bit binary encodings (float, int);
 * with `short`, also its 32-bit ones. Four bytes recur by chance in megabytes of ciphertext (about
 * one hit per 300 patterns over 15 MB), so 32-bit patterns serve only to show that the ordinary
 * build's Arrow files carry the figures; that the protected build's data files are all ciphertext
 * is checked directly.
 */
function numberPatterns(v: number, short: boolean): {text: Buffer[]; binary: Buffer[]} {
  const i32 = Buffer.alloc(4), f32 = Buffer.alloc(4), f64 = Buffer.alloc(8), i64 = Buffer.alloc(8);
  f64.writeDoubleLE(v);
  const binary = [f64];
  if (Number.isInteger(v)) i64.writeBigInt64LE(BigInt(v)), binary.push(i64);
  if (short) {
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 31) i32.writeInt32LE(v), binary.push(i32);
    f32.writeFloatLE(v), binary.push(f32);
  }
  return {text: [Buffer.from(String(v))], binary};
}

/**
 * Account names and MRR figures found in the files under `root`. Decimal text is searched in every
 * file; binary encodings (4-byte patterns recur by chance in megabytes of code) in every file but
 * the vendored libraries, which are built from node_modules, not from the data.
 */
/**
 * Files the build copies verbatim from installed npm packages (the DuckDB engine's .wasm, 70 MB of
 * the site): byte-identical to a file of node_modules, so not derived from the data. Searching
 * them for thousands of strings would take minutes on a busy machine.
 */
export function verbatimPackageFiles(): Set<string> {
  const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
  return new Set(VENDORED.flatMap(({name, files = []}) => files.map((f) => sha(readFileSync(join(ROOT, "node_modules", name, f))))));
}

export async function leaks(
  root: string,
  names: string[],
  figures: number[],
  {short = false, skipped = []}: {short?: boolean; skipped?: string[]} = {}
): Promise<{names: string[]; figures: string[]}> {
  const verbatim = verbatimPackageFiles();
  const files = (await contents(root)).filter(([file, bytes]) => {
    const skip = verbatim.has(createHash("sha256").update(bytes).digest("hex"));
    if (skip) skipped.push(file);
    return !skip;
  });
  const library = (name: string) => /^(_npm|_observablehq)[/\\]/.test(name);
  const found = {names: new Set<string>(), figures: new Set<string>()};
  const patterns = new Map(figures.map((v) => [v, numberPatterns(v, short)]));
  for (const [file, bytes] of files) {
    await new Promise((resolve) => setImmediate(resolve)); // long scans must not starve the test runner
    for (const name of names) if (bytes.includes(Buffer.from(name, "utf8"))) found.names.add(`${name} in ${file}`);
    for (const v of figures) {
      const {text, binary} = patterns.get(v)!;
      const hit = text.some((p) => bytes.includes(p)) || (!library(file) && binary.some((p) => bytes.includes(p)));
      if (hit) found.figures.add(`${v} in ${file}`);
    }
  }
  return {names: [...found.names], figures: [...found.figures]};
}

export function accountNames(): string[] {
  const [header, ...lines] = readFileSync(join(ROOT, "data", "sample", "accounts.csv"), "utf8").replace(/^\ufeff/, "").trim().split(/\r?\n/);
  const col = header.split(",").indexOf("account_name");
  // The sample's names contain no quoted commas (checked: every line has the header's field count).
  return lines.map((l) => l.split(",")).filter((f) => f.length === header.split(",").length).map((f) => f[col]);
}

/** MRR figures of the metric tables: the 150 largest distinct account MRRs of the account-month table (5+ digits). */
export function mrrFigures(): number[] {
  const file = readdirSync(join(DIST, "_file", "data", "metrics")).find((f) => /^account_months\.[0-9a-f]{8}\.arrow$/.test(f))!;
  const table = tableFromIPC(readFileSync(join(DIST, "_file", "data", "metrics", file)));
  const mrr = Array.from(table.getChild("mrr")!.toArray() as ArrayLike<number>, Number);
  return [...new Set(mrr)].filter((v) => v >= 10_000).sort((a, b) => b - a).slice(0, 150);
}

