/**
 * Seeded random inputs for the property test: accounts with several lines (several products and plans,
 * same-month lines, zero-MRR lines, lines ending on a month's last day, gaps that make reactivations),
 * accounts without lines, and NPS responses (anonymous ones, some before the first month of MRR).
 */
import {mulberry32} from "../../loaders/metrics/churn-forecast-model.js";
import type {RefInput, RefLine, RefResponse} from "./reference.js";

/** The seeded PRNG the churn forecast uses (mulberry32), uniform in [0, 1). */
export const prng = mulberry32;

const pad = (n: number) => String(n).padStart(2, "0");
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `months` months from 2022-01, `accounts` accounts. */
export function randomInputs(seed: number, {accounts = 200, months = 24} = {}): RefInput {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  /** A date in month index i (0 = 2022-01); day "last" is the month's last day. */
  const date = (i: number, day: number | "last") => {
    const y = 2022 + Math.floor(i / 12);
    const m = (((i % 12) + 12) % 12) + 1;
    return `${y}-${pad(m)}-${pad(day === "last" ? daysIn(y, m) : Math.min(day, daysIn(y, m)))}`;
  };
  const money = () => (rand() < 0.15 ? "0" : (int(1, 500_000) / 100).toFixed(2));

  const accs = Array.from({length: accounts}, (_, i) => ({
    account_id: `acct-${String(i).padStart(3, "0")}`,
    segment: pick(["Enterprise", "Mid-Market", "SMB", "SMB", null])
  }));
  const subscriptions: RefLine[] = [];
  for (const a of accs) {
    const n = rand() < 0.1 ? 0 : int(1, 4);
    for (let j = 0; j < n; j++) {
      const s = int(0, months - 1);
      const sd = rand() < 0.2 ? 1 : int(1, 28);
      const start = date(s, sd);
      let end: string | null;
      const r = rand();
      if (r < 0.35) end = null;
      else if (r < 0.45 && sd < 28) end = date(s, int(sd + 1, 28)); // starts and ends in the same month
      else {
        const e = int(s + 1, months + 3); // may end after the as-of month
        end = date(e, rand() < 0.3 ? "last" : int(1, 28));
      }
      subscriptions.push({
        account_id: a.account_id,
        product: pick(["CMS", "CMS", "MA", "CRM", null]),
        plan: pick(["Basic", "Pro", "Pro", null]),
        start_date: start,
        end_date: end,
        mrr: money()
      });
    }
  }
  // Keep the first month at 2022-01 whatever the draw, so months are 2022-01 .. as-of.
  subscriptions.push({account_id: accs[0].account_id, product: "CMS", plan: "Pro", start_date: "2022-01-01", end_date: null, mrr: "10.00"});

  // From 3 months before the first month to 2 months after the as-of month (those are left out).
  const nps_responses: RefResponse[] = Array.from({length: 300}, () => ({
    account_id: rand() < 0.2 ? null : pick(accs).account_id,
    responded_at: date(int(-3, months + 1), int(1, 28)),
    score: int(0, 10)
  }));
  return {accounts: accs, subscriptions, nps_responses, asOf: date(months - 1, 1).slice(0, 7)};
}
