/**
 * A plain TypeScript reading of the data contract's definitions, for the property test: no SQL, no
 * shared code with loaders/metrics. Money is integer cents (exact); every month is recomputed from the
 * subscription lines with the month rule. Slow and obvious on purpose.
 */

export interface RefAccount {
  account_id: string;
  segment: string | null;
}
export interface RefLine {
  account_id: string;
  product: string | null;
  plan: string | null;
  start_date: string;
  end_date: string | null;
  /** Decimal string with at most two decimals, e.g. "1234.50". */
  mrr: string;
}
export interface RefResponse {
  account_id: string | null;
  responded_at: string;
  score: number;
}
export interface RefInput {
  accounts: RefAccount[];
  subscriptions: RefLine[];
  nps_responses: RefResponse[];
  asOf: string;
}

const NONE = "(none)";

export function toCents(decimal: string): number {
  const [whole, frac = ""] = decimal.split(".");
  return Number(whole) * 100 + Number((frac + "00").slice(0, 2));
}

export function shiftMonth(month: string, k: number): string {
  const [y, m] = month.split("-").map(Number);
  const i = y * 12 + m - 1 + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

function lastDay(month: string): string {
  const [y, m] = month.split("-").map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, "0")}`;
}

/** The month rule: start_date <= last day of M and (end_date empty or end_date > last day of M). */
function counts(line: RefLine, month: string): boolean {
  const end = lastDay(month);
  return line.start_date <= end && (line.end_date === null || line.end_date > end);
}

export type Dimension = "all" | "segment" | "plan" | "product";
export const DIMENSIONS: Dimension[] = ["all", "segment", "plan", "product"];

export class Reference {
  readonly months: string[];
  readonly firstMonth: string;
  private accounts: Map<string, RefAccount>;
  private linesByAccount = new Map<string, RefLine[]>();

  constructor(readonly input: RefInput) {
    this.accounts = new Map(input.accounts.map((a) => [a.account_id, a]));
    for (const l of input.subscriptions) {
      if (!this.linesByAccount.has(l.account_id)) this.linesByAccount.set(l.account_id, []);
      this.linesByAccount.get(l.account_id)!.push(l);
    }
    const first = input.subscriptions.map((l) => l.start_date.slice(0, 7)).sort()[0];
    this.firstMonth = first < input.asOf ? first : input.asOf;
    this.months = [];
    for (let m = this.firstMonth; m <= input.asOf; m = shiftMonth(m, 1)) this.months.push(m);
  }

  get accountIds(): string[] {
    return [...this.accounts.keys()].sort();
  }

  private lines(a: string, month: string): RefLine[] {
    return (this.linesByAccount.get(a) ?? []).filter((l) => counts(l, month));
  }

  /** Account MRR in cents; 0 outside the computed months (there is no data there). */
  mrr(a: string, month: string): number {
    if (month < this.firstMonth || month > this.input.asOf) return 0;
    return this.lines(a, month).reduce((s, l) => s + toCents(l.mrr), 0);
  }

  /** The segments account a is in during `month` for a dimension, with its MRR there (cents). */
  segments(a: string, dim: Dimension, month: string): Map<string, number> {
    const out = new Map<string, number>();
    if (month < this.firstMonth || month > this.input.asOf) return out;
    const lines = this.lines(a, month);
    if (lines.length === 0) return out;
    if (dim === "all") out.set("all", this.mrr(a, month));
    else if (dim === "segment") out.set(this.accounts.get(a)!.segment ?? NONE, this.mrr(a, month));
    else for (const l of lines) out.set(l[dim] ?? NONE, (out.get(l[dim] ?? NONE) ?? 0) + toCents(l.mrr));
    return out;
  }

  /** Every segment value of a dimension seen in any computed month. */
  segmentValues(dim: Dimension): string[] {
    const seen = new Set<string>(dim === "all" ? ["all"] : []);
    for (const m of this.months) for (const a of this.accountIds) for (const s of this.segments(a, dim, m).keys()) seen.add(s);
    return [...seen].sort();
  }

  private hadMrrBefore(a: string, month: string): boolean {
    return this.months.some((m) => m < month && this.mrr(a, m) > 0);
  }

  /** The MRR bridge of month M, in cents. */
  movements(month: string) {
    const r = {month, mrr_start: 0, new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0, mrr_end: 0};
    const prevMonth = shiftMonth(month, -1);
    for (const a of this.accountIds) {
      const prev = this.mrr(a, prevMonth);
      const cur = this.mrr(a, month);
      r.mrr_start += prev;
      r.mrr_end += cur;
      if (cur > 0 && prev === 0) {
        if (this.hadMrrBefore(a, month)) r.reactivation += cur;
        else r.new += cur;
      } else if (cur > 0 && prev > 0) {
        if (cur > prev) r.expansion += cur - prev;
        else r.contraction += prev - cur;
      } else if (prev > 0 && cur === 0) r.churn += prev;
    }
    return r;
  }

  /** Churn of one segment in month M (counts, cents, and the expansion behind NRR). */
  churn(month: string, dim: Dimension, segment: string) {
    const prevMonth = shiftMonth(month, -1);
    const r = {accounts_start: 0, accounts_churned: 0, mrr_start: 0, mrr_churned: 0, mrr_contraction: 0, mrr_expansion: 0};
    for (const a of this.accountIds) {
      const before = this.segments(a, dim, prevMonth);
      if (!before.has(segment) || this.mrr(a, prevMonth) === 0) continue;
      const segPrev = before.get(segment)!;
      const segCur = this.segments(a, dim, month).get(segment) ?? 0;
      r.accounts_start += 1;
      r.mrr_start += segPrev;
      if (this.mrr(a, month) === 0) {
        r.accounts_churned += 1;
        r.mrr_churned += segPrev;
      } else if (segCur < segPrev) r.mrr_contraction += segPrev - segCur;
      else r.mrr_expansion += segCur - segPrev;
    }
    const rate = (x: number, d: number) => (d === 0 ? null : x / d);
    return {
      ...r,
      logo_churn_rate: rate(r.accounts_churned, r.accounts_start),
      revenue_churn_rate: rate(r.mrr_churned + r.mrr_contraction, r.mrr_start),
      grr: rate(r.mrr_start - r.mrr_churned - r.mrr_contraction, r.mrr_start),
      nrr: rate(r.mrr_start - r.mrr_churned - r.mrr_contraction + r.mrr_expansion, r.mrr_start)
    };
  }

  /** Trailing-12-month GRR/NRR of one segment: accounts with MRR > 0 at end of M-12, their MRR in M. */
  t12m(month: string, dim: Dimension, segment: string) {
    const then = shiftMonth(month, -12);
    const r = {accounts_start: 0, mrr_start: 0, mrr_retained_gross: 0, mrr_now: 0};
    for (const a of this.accountIds) {
      const base = this.segments(a, dim, then);
      if (!base.has(segment) || this.mrr(a, then) === 0) continue;
      const start = base.get(segment)!;
      const now = this.segments(a, dim, month).get(segment) ?? 0;
      r.accounts_start += 1;
      r.mrr_start += start;
      r.mrr_retained_gross += Math.min(start, now);
      r.mrr_now += now;
    }
    return {
      ...r,
      grr_t12m: r.mrr_start === 0 ? null : r.mrr_retained_gross / r.mrr_start,
      nrr_t12m: r.mrr_start === 0 ? null : r.mrr_now / r.mrr_start
    };
  }

  /** Every account's cohort: its first month with MRR > 0. */
  cohortOf(a: string): string | null {
    return this.months.find((m) => this.mrr(a, m) > 0) ?? null;
  }

  /** Cohort rows (k = 0 .. asOf - cohort) for every (cohort, segment) with at least one account. */
  cohorts(dim: Dimension) {
    const rows: {
      cohort: string; segment: string; months_since: number; accounts_start: number; accounts_retained: number;
      logo_retention: number; mrr_start: number; mrr: number; revenue_retention: number | null;
    }[] = [];
    const members = new Map<string, {a: string; mrr0: number}[]>();
    for (const a of this.accountIds) {
      const c = this.cohortOf(a);
      if (c === null) continue;
      for (const [segment, mrr0] of this.segments(a, dim, c)) {
        const key = `${c}\u0000${segment}`;
        if (!members.has(key)) members.set(key, []);
        members.get(key)!.push({a, mrr0});
      }
    }
    for (const key of [...members.keys()].sort()) {
      const [cohort, segment] = key.split("\u0000");
      const list = members.get(key)!;
      const mrrStart = list.reduce((s, x) => s + x.mrr0, 0);
      for (let k = 0, m = cohort; m <= this.input.asOf; k++, m = shiftMonth(m, 1)) {
        const retained = list.filter((x) => this.mrr(x.a, m) > 0).length;
        const mrr = list.reduce((s, x) => s + (this.segments(x.a, dim, m).get(segment) ?? 0), 0);
        rows.push({
          cohort, segment, months_since: k, accounts_start: list.length, accounts_retained: retained,
          logo_retention: retained / list.length, mrr_start: mrrStart, mrr,
          revenue_retention: mrrStart === 0 ? null : mrr / mrrStart
        });
      }
    }
    return rows;
  }

  /** NPS cells per month and quarter of responded_at, for `all` and the account `segment` column. */
  nps(minResponses: number) {
    const cells = new Map<string, number[]>();
    const add = (period: string, dim: string, segment: string, score: number) => {
      const key = `${period}\u0000${dim}\u0000${segment}`;
      if (!cells.has(key)) cells.set(key, []);
      cells.get(key)!.push(score);
    };
    for (const r of this.input.nps_responses) {
      if (r.responded_at > lastDay(this.input.asOf)) continue;
      const month = r.responded_at.slice(0, 7);
      const quarter = `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
      for (const period of [month, quarter]) {
        add(period, "all", "all", r.score);
        if (r.account_id !== null) add(period, "segment", this.accounts.get(r.account_id)!.segment ?? NONE, r.score);
      }
    }
    return [...cells.entries()].map(([key, scores]) => {
      const [period, dimension, segment] = key.split("\u0000");
      const n = scores.length;
      const promoters = scores.filter((s) => s >= 9).length;
      const detractors = scores.filter((s) => s <= 6).length;
      const p = promoters / n;
      const d = detractors / n;
      const nps = (100 * (promoters - detractors)) / n;
      const half = 1.96 * 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
      return {
        period, dimension, segment, responses: n, promoters, passives: n - promoters - detractors, detractors, nps,
        ci_low: Math.max(-100, nps - half), ci_high: Math.min(100, nps + half), low_responses: n < minResponses
      };
    });
  }
}
