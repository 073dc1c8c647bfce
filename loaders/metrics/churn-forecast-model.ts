/**
 * The arithmetic of the churn forecast, free of SQL so it can be checked by hand: churn rates by cell
 * (health band × segment) shrunk toward coarser rates when a cell has few observations, and the
 * distribution of the churned MRR of a book of independent accounts, by seeded simulation.
 */

/** Observations of one calibration cell: account-months at risk (n) and how many churned (c). */
export interface CellCount {
  n: number;
  c: number;
}

/**
 * Pseudo-observations a rate borrows from the coarser rate it is shrunk toward: a cell with n
 * account-months has weight n / (n + SHRINK) on its own rate (n = SHRINK: half its own, half the coarser one).
 */
export const SHRINK = 200;

/** (c + k · prior) / (n + k): the cell's own rate pulled toward `prior` by k pseudo-observations. */
export function shrunkRate({n, c}: CellCount, prior: number, k = SHRINK): number {
  return (c + k * prior) / (n + k);
}

/**
 * Churn rate of each (band, segment) cell: overall rate → band rate (shrunk toward overall) → cell
 * rate (shrunk toward its band). Keys of `cells` are "band|segment".
 */
export function cellRates(cells: Map<string, CellCount>, k = SHRINK): Map<string, number> {
  const all: CellCount = {n: 0, c: 0};
  const bands = new Map<string, CellCount>();
  for (const [key, v] of cells) {
    const band = key.split("|")[0];
    const b = bands.get(band) ?? {n: 0, c: 0};
    b.n += v.n;
    b.c += v.c;
    bands.set(band, b);
    all.n += v.n;
    all.c += v.c;
  }
  const overall = all.n > 0 ? all.c / all.n : 0;
  const bandRate = (band: string) => (bands.has(band) ? shrunkRate(bands.get(band)!, overall, k) : overall);
  const out = new Map<string, number>();
  for (const [key, v] of cells) out.set(key, shrunkRate(v, bandRate(key.split("|")[0]), k));
  return Object.assign(out, {overall, bandRate});
}

/** A rate for any cell, observed or not: the cell's, else its band's, else the overall rate. */
export function rateOf(rates: Map<string, number> & {bandRate?: (band: string) => number}, band: string, segment: string): number {
  return rates.get(`${band}|${segment}`) ?? rates.bandRate?.(band) ?? 0;
}

/** mulberry32: a small, fast, seedable generator (same seed → same stream on every platform). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string: the simulation seed of a forecast, so it depends only on what it forecasts. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; ++i) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Accounts sharing one churn probability, with the MRR each would take with it. */
export interface RiskGroup {
  p: number;
  amounts: number[];
}

export const DRAWS = 4000;
export const INTERVAL = 0.8;

export interface Forecast {
  expected: number;
  low: number;
  high: number;
}

/**
 * Expected value and central 80% interval of Σ amount_i · Bernoulli(p_i) over independent accounts.
 * Expected value exact; the interval from DRAWS simulated books: low = the smallest simulated total
 * with at least 10% of draws at or below it, high = the same at 90%. Within a group, the next churner
 * is found by a geometric skip, so a draw costs about the number of churners, not of accounts.
 */
export function forecastSum(groups: RiskGroup[], seed: number, draws = DRAWS): Forecast {
  let expected = 0;
  for (const g of groups) for (const a of g.amounts) expected += g.p * a;
  const rng = mulberry32(seed);
  const totals = new Float64Array(draws);
  for (let d = 0; d < draws; ++d) {
    let total = 0;
    for (const g of groups) {
      if (g.p <= 0) continue;
      if (g.p >= 1) {
        for (const a of g.amounts) total += a;
        continue;
      }
      const logq = Math.log1p(-g.p);
      for (let i = Math.floor(Math.log(1 - rng()) / logq); i < g.amounts.length; i += 1 + Math.floor(Math.log(1 - rng()) / logq)) {
        total += g.amounts[i];
      }
    }
    totals[d] = total;
  }
  totals.sort();
  const tail = (1 - INTERVAL) / 2;
  const quantile = (q: number) => totals[Math.min(draws - 1, Math.max(0, Math.ceil(q * draws - 1e-9) - 1))];
  return {expected, low: quantile(tail), high: quantile(1 - tail)};
}
