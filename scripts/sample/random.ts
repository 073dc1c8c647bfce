/**
 * Seeded pseudo-random numbers for the sample generator. No Math.random anywhere: the same
 * arguments must give byte-identical files.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counter), seeded through a
 * murmur-style mix of a list of integer keys. Every account draws from its own streams,
 * `rng(seed, accountIndex, stream)`, so one module drawing an extra number never shifts what
 * the next account or another table gets.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Integer uniform in [lo, hi], both ends included. */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** A key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** The value of one [value, weight] pair, with probability proportional to its weight. */
  choose<T>(pairs: readonly (readonly [T, number])[]): T;
  /** Normal(mean, sd), by Box–Muller. */
  normal(mean?: number, sd?: number): number;
  /** Log-uniform in [lo, hi): prices and sizes spread over orders of magnitude. */
  logUniform(lo: number, hi: number): number;
  /** Poisson(lambda), by Knuth's multiplication method (lambda is small here). */
  poisson(lambda: number): number;
  /** Binomial(n, p) by n Bernoulli draws (n is small here). */
  binomial(n: number, p: number): number;
}

/** Murmur3's finaliser over a running hash: spreads each key over all 32 bits. */
function mix(h: number, key: number): number {
  h = Math.imul(h ^ (key >>> 0), 0xcc9e2d51);
  h = (h << 15) | (h >>> 17);
  h = Math.imul(h, 0x1b873593);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A generator seeded from integer keys (each a safe integer >= 0). */
export function rng(...keys: number[]): Rng {
  // Keys above 2^32 (a large --seed) contribute both halves.
  let h = 0x9e3779b9;
  for (const key of keys) {
    h = mix(h, key % 0x100000000);
    h = mix(h, Math.floor(key / 0x100000000));
  }
  let a = mix(h, 1);
  let b = mix(h, 2);
  let c = mix(h, 3);
  let d = 1;

  function next(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  // The first outputs of a freshly seeded sfc32 are correlated with the seed; discard them.
  for (let i = 0; i < 12; ++i) next();

  let spare: number | null = null;
  const r: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(items.length * next())],
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      return r.choose(Object.entries(weights) as [K, number][]);
    },
    choose(pairs) {
      let total = 0;
      for (const [, w] of pairs) total += w;
      let u = next() * total;
      for (const [value, w] of pairs) {
        u -= w;
        if (u < 0) return value;
      }
      return pairs[pairs.length - 1][0];
    },
    normal(mean = 0, sd = 1) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      const u = 1 - next(); // (0, 1]: log(u) is finite
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return mean + sd * radius * Math.cos(2 * Math.PI * v);
    },
    logUniform: (lo, hi) => lo * Math.exp(Math.log(hi / lo) * next()),
    poisson(lambda) {
      if (lambda <= 0) return 0;
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = next();
      while (p > limit) {
        ++k;
        p *= next();
      }
      return k;
    },
    binomial(n, p) {
      let k = 0;
      for (let i = 0; i < n; ++i) if (next() < p) ++k;
      return k;
    }
  };
  return r;
}

/** Clamps x to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
