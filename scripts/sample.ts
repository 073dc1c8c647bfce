/**
 * npm run sample -- [--accounts N] [--months M] [--seed S] [--end YYYY-MM] [--out DIR] [--format csv|parquet]
 *
 * Generates the sample company (see scripts/sample/ and data/README.md). The defaults produce
 * the committed data/sample/. Same arguments, same bytes: nothing reads the clock.
 */
import {resolve} from "node:path";
import {parseArgs} from "node:util";
import {parseMonth} from "./sample/calendar.js";
import {generateSample, SAMPLE_DEFAULTS, type SampleOptions} from "./sample/index.js";

const USAGE = `usage: npm run sample -- [options]
  --accounts N     accounts to generate (default ${SAMPLE_DEFAULTS.accounts})
  --months M       months of history (default ${SAMPLE_DEFAULTS.months})
  --end YYYY-MM    last month of the history (default ${SAMPLE_DEFAULTS.end})
  --seed S         random seed, a non-negative integer (default ${SAMPLE_DEFAULTS.seed})
  --out DIR        output directory (default ${SAMPLE_DEFAULTS.out})
  --format F       csv or parquet (default ${SAMPLE_DEFAULTS.format})`;

function positive(name: string, text: string | undefined, fallback: number, {min = 1} = {}): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got "${text}"`);
  return n;
}

function parse(argv: string[]): SampleOptions | null {
  const {values} = parseArgs({
    args: argv,
    options: {
      accounts: {type: "string"},
      months: {type: "string"},
      seed: {type: "string"},
      end: {type: "string"},
      out: {type: "string"},
      format: {type: "string"},
      help: {type: "boolean", short: "h"}
    },
    strict: true,
    allowPositionals: false
  });
  if (values.help) return null;
  const format = values.format ?? SAMPLE_DEFAULTS.format;
  if (format !== "csv" && format !== "parquet") throw new Error(`--format must be csv or parquet, got "${format}"`);
  const end = values.end ?? SAMPLE_DEFAULTS.end;
  parseMonth(end);
  return {
    accounts: positive("accounts", values.accounts, SAMPLE_DEFAULTS.accounts),
    months: positive("months", values.months, SAMPLE_DEFAULTS.months),
    seed: positive("seed", values.seed, SAMPLE_DEFAULTS.seed, {min: 0}),
    end,
    // The default is the project's data/sample; a given --out is relative to where the user ran
    // the command (npm run moves the working directory to the project root).
    out: values.out === undefined ? resolve(import.meta.dirname, "..", SAMPLE_DEFAULTS.out) : resolve(process.env.INIT_CWD ?? process.cwd(), values.out),
    format
  };
}

let options: SampleOptions | null;
try {
  options = parse(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
if (options === null) {
  process.stdout.write(USAGE + "\n");
} else {
  const summary = await generateSample(options);
  const counts = Object.entries(summary.rows).map(([t, n]) => `${t} ${n}`).join(", ");
  process.stderr.write(
    `sample: ${options.accounts} accounts, ${options.months} months to ${options.end}, seed ${options.seed} -> ${options.out} ` +
      `(${options.format}, ${(summary.bytes / 1e6).toFixed(1)} MB)\n  rows: ${counts}\n`
  );
}
