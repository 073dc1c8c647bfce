/**
 * Property-based test of ingest + metrics on malformed CSV (issue 14), with fast-check.
 *
 * Each run writes a data directory: a valid accounts table plus hostile rows, and subscriptions,
 * nps_responses, support_tickets and onboarding files whose rows mix valid cells with hostile ones
 * (wrong field counts, stray quotes, embedded line breaks, huge and negative amounts, implausible
 * years, zone offsets, NFD ids, formula text, blank lines, CRLF, a BOM, Shift_JIS). Invariants:
 *  - ingest either succeeds or throws one user error (InputError/ConfigError) of one line, never a
 *    crash or a stack trace;
 *  - per table, rows read = accepted + rejected, the quarantine holds exactly the rejected rows and
 *    the staged table exactly the accepted ones;
 *  - the metrics run to the end and use only accepted rows: each month's MRR in account_months equals
 *    the month rule applied, in JavaScript, to the staged (accepted) subscription lines.
 * The seed is fixed so a failure reproduces; FUZZ_RUNS / FUZZ_SEED override the run count and seed.
 */
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import {afterAll, describe, expect, it} from "vitest";
import {resolveConfig} from "../../loaders/config.js";
import {openDb} from "../../loaders/db.js";
import {ingest} from "../../loaders/ingest/index.js";
import {runPipeline} from "../../loaders/pipeline.js";
import {expectAccounting} from "./helpers.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const METRIC_RUNS = Number(process.env.FUZZ_METRIC_RUNS ?? 3);
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const root = mkdtempSync(join(tmpdir(), "cs-fuzz-"));
afterAll(() => rmSync(root, {recursive: true, force: true}));

const ACCOUNTS = ["A1", "A2", "A3", "ガ4"];

// Cells: plausible values and the hostile ones the adversarial run used.
const hostileText = fc.constantFrom(
  "", " ", "　", '"', '""', '"x"y', "a,b", "line\nbreak", "cr\rlf", "=1+1", "+cmd|' /C calc'!A0", "<script>x</script>",
  "\u00e9", "e\u0301", "カ\u3099", "😀", "\t", "x".repeat(300), "NULL", "null", "N/A", "-", "１２３"
);
const dateCell = fc.oneof(
  {weight: 2, arbitrary: fc.constantFrom("2023-01-01", "2023-06-15", "2024-02-29", "2024-03-01 10:00:00")},
  fc.date({min: new Date("1985-01-01"), max: new Date("2030-12-31"), noInvalidDate: true}).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    "2024-02-30", "2024-13-01", "0024-05-01", "1900-01-01", "2999-01-01", "99999-01-01", "2024-03-01T10:00:00+09:00",
    "2024-03-01T01:00:00Z", "2024-03-01 10:00 UTC", "2024-03-01T10:00+25:00", "2024/03/01", "20240301", "2024-03", "yesterday"
  ),
  hostileText
);
const moneyCell = fc.oneof(
  {weight: 3, arbitrary: fc.integer({min: 0, max: 2_000_000}).map(String)},
  fc.integer({min: 0, max: 2_000_000}).map(String),
  fc.constantFrom(
    "10000000000000000", "9999999999999999.99", "999999999999.99", "1e3", "-100", "1,234", "¥100", "0.005", ".5", "5.", "+7",
    "99999999999999999999999999999999999999999", "NaN", "inf"
  ),
  hostileText
);
const intCell = fc.oneof(fc.integer({min: -5, max: 12}).map(String), fc.constantFrom("5000000000", "9223372036854775808", "1.5", "12.0"), hostileText);
const idCell = fc.oneof({weight: 4, arbitrary: fc.constantFrom(...ACCOUNTS)}, fc.constantFrom("A9", " A1 ", "ｶﾞ4", "カ\u30994"), hostileText);

const row = (cells: fc.Arbitrary<string>[]) =>
  fc.oneof(
    {weight: 6, arbitrary: fc.tuple(...cells)},
    // Wrong field counts.
    {weight: 1, arbitrary: fc.tuple(...cells).map((r) => r.slice(0, -1))},
    {weight: 1, arbitrary: fc.tuple(...cells, hostileText).map((r) => r)}
  );

const subscriptionRow = row([fc.constantFrom("S1", "S2", "S3", "S1", ""), idCell, fc.constantFrom("CMS", "MA", ""), hostileText, dateCell, fc.oneof(dateCell, fc.constant("")), moneyCell, intCell]);
const npsRow = row([fc.constantFrom("R1", "R2", ""), idCell, dateCell, intCell, hostileText, fc.constantFrom("relationship", "")]);
const ticketRow = row([fc.constantFrom("T1", "T2", "T3"), idCell, dateCell, fc.oneof(dateCell, fc.constant("")), fc.oneof(dateCell, fc.constant("")), fc.constantFrom("high", ""), intCell]);
const onboardingRow = row([idCell, fc.constantFrom("kickoff", "setup", ""), fc.oneof(dateCell, fc.constant("")), fc.oneof(dateCell, fc.constant("")), fc.constantFrom("true", "no", "maybe", "")]);

/** One CSV cell: quoted when it must be, sometimes quoted anyway, sometimes left broken on purpose. */
const encodeCell = (v: string, mode: number) => {
  if (mode === 3) return `"${v}`; // a quote never closed
  if (mode === 2 || /[",\r\n]/.test(v)) return `"${v.replaceAll('"', '""')}"`;
  return v;
};

const csvFile = (header: string, rows: fc.Arbitrary<string[]>, valid: string[] = []) =>
  fc.record({
    rows: fc.array(fc.tuple(rows, fc.constantFrom(0, 0, 0, 0, 0, 0, 1, 2, 3)), {maxLength: 12}),
    // Most real files are mostly valid: keep a few valid rows among the hostile ones, in most runs.
    valid: fc.subarray(valid),
    eol: fc.constantFrom("\n", "\r\n", "\r"),
    blankLines: fc.boolean(),
    bom: fc.boolean(),
    sjis: fc.boolean()
  }).map(({rows: rs, valid: vs, eol, blankLines, bom, sjis}) => {
    const lines = [header, ...vs, ...rs.map(([r, mode]) => r.map((v, i) => encodeCell(v, i === 1 ? mode : Math.min(mode, 2))).join(","))];
    if (blankLines) lines.splice(1, 0, "");
    const text = lines.join(eol) + eol;
    if (sjis) return iconv.encode(text, "cp932");
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : Buffer.from(text);
  });

const dataset = fc.record({
  accountsExtra: fc.array(fc.tuple(idCell, hostileText, dateCell), {maxLength: 3}),
  subscriptions: csvFile("subscription_id,account_id,product,plan,start_date,end_date,mrr,seats", subscriptionRow, [
    "S10,A1,CMS,Pro,2023-01-01,,1000.50,3",
    "S11,A2,MA,Basic,2023-03-15,2024-03-15,250,1",
    "S12,ガ4,CMS,Pro,2024-01-01,,999999999999.99,"
  ]),
  nps: fc.option(csvFile("response_id,account_id,responded_at,score,comment,survey", npsRow), {nil: undefined}),
  tickets: fc.option(csvFile("ticket_id,account_id,created_at,first_response_at,resolved_at,priority,csat", ticketRow), {nil: undefined}),
  onboarding: fc.option(csvFile("account_id,milestone,started_at,completed_at,required", onboardingRow), {nil: undefined})
});

type Dataset = typeof dataset extends fc.Arbitrary<infer T> ? T : never;

function writeDataset(d: Dataset): string {
  const accounts = [
    "account_id,account_name,segment,industry,region,csm,created_at",
    ...ACCOUNTS.map((id, i) => `${id},Name ${i},SMB,IT,Kanto,Sato,2023-01-0${i + 1}`),
    ...d.accountsExtra.map(([id, name, created]) => [id, name, "SMB", "IT", "Kanto", "", created].map((v) => encodeCell(v, 0)).join(","))
  ].join("\n");
  const target = mkdtempSync(join(root, "run-"));
  writeFileSync(join(target, "accounts.csv"), accounts + "\n");
  writeFileSync(join(target, "subscriptions.csv"), d.subscriptions);
  if (d.nps) writeFileSync(join(target, "nps_responses.csv"), d.nps);
  if (d.tickets) writeFileSync(join(target, "support_tickets.csv"), d.tickets);
  if (d.onboarding) writeFileSync(join(target, "onboarding.csv"), d.onboarding);
  return target;
}

/** The month rule in JavaScript: MRR per month ("YYYY-MM") from staged lines, over the calendar's months. */
function expectedMrr(lines: {start_date: string; end_date: string | null; mrr: number}[], months: {month: string; month_end: string}[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const {month, month_end} of months) {
    const cents = lines.filter((l) => l.start_date <= month_end && (l.end_date === null || l.end_date > month_end)).reduce((s, l) => s + Math.round(l.mrr * 100), 0);
    if (cents) out.set(month, cents / 100);
  }
  return out;
}

/** Runs ingest (and the metrics when `metrics`); returns the result, or null after checking that a failure is one user error of one line. */
async function attempt(dataDir: string, metrics: boolean) {
  const db = await openDb();
  const config = resolveConfig({dataDir});
  try {
    return {db, result: metrics ? await runPipeline(config, {db}) : {ingest: await ingest(db, config)}};
  } catch (e) {
    db.close();
    const err = e as Error;
    // The only acceptable failure: one user error, one line, no stack trace in the message.
    expect(["InputError", "ConfigError"], `${err.name}: ${err.message}\n${err.stack}`).toContain(err.name);
    expect(err.message).not.toMatch(/\n|\s+at .+:\d+:\d+/);
    if (process.env.FUZZ_VERBOSE) console.log(err.message);
    return null;
  }
}

describe("fuzz: malformed CSV never crashes ingest or leaks rejected rows into metrics", () => {
  it(`ingest: ${RUNS} generated data directories (seed ${SEED}): no crash, one-line errors, rows read = accepted + rejected`, {timeout: 300_000}, async () => {
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(dataset, async (d) => {
        const dataDir = writeDataset(d);
        const run = await attempt(dataDir, false);
        try {
          if (!run) return;
          ok++;
          await expectAccounting({db: run.db, report: run.result.ingest});
        } finally {
          run?.db.close();
          rmSync(dataDir, {recursive: true, force: true});
        }
      }),
      {numRuns: RUNS, seed: SEED, endOnFailure: true}
    );
    expect(ok).toBeGreaterThan(0);
  });

  it(`metrics: ${METRIC_RUNS} generated data directories (seed ${SEED}): every family runs, MRR comes from accepted rows only`, {timeout: 300_000}, async () => {
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(dataset, async (d) => {
        const dataDir = writeDataset(d);
        const run = await attempt(dataDir, true);
        try {
          if (!run) return;
          ok++;
          const {db} = run;
          await expectAccounting({db, report: run.result.ingest});
          const lines = await db.all<{start_date: string; end_date: string | null; mrr: number}>(`SELECT start_date, end_date, mrr FROM subscriptions`);
          const months = await db.all<{month: string; month_end: string}>(`SELECT month, CAST(month_end AS VARCHAR) AS month_end FROM months ORDER BY month`);
          const actual = await db.all<{month: string; mrr: number}>(`SELECT month, sum(mrr) AS mrr FROM account_months GROUP BY month HAVING sum(mrr) <> 0 ORDER BY month`);
          expect(new Map(actual.map((r) => [r.month, r.mrr]))).toEqual(expectedMrr(lines, months));
        } finally {
          run?.db.close();
          rmSync(dataDir, {recursive: true, force: true});
        }
      }),
      {numRuns: METRIC_RUNS, seed: SEED + 1, endOnFailure: true}
    );
    expect(ok).toBeGreaterThan(0);
  });
});
