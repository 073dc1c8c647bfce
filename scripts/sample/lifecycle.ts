/**
 * An account's life as a customer, month by month: when it buys, what it adds, whether and when
 * it leaves, whether it comes back, and how healthy it is each month.
 *
 * Health (0..1) is the hidden state every observed signal is drawn from: usage, CSM engagement,
 * support, NPS and outcomes all follow it. A churn is decided first and the months before it are
 * then shaped, so that (as in a real book) most churns are preceded by 3 to 7 months of decline;
 * some churns come without warning, and some healthy accounts dip and recover.
 */
import type {Account} from "./accounts.js";
import {DECLINE_MONTHS, PRODUCT_PROFILES, PRODUCTS, SEGMENT_PROFILES, WARNED_CHURN, type Product} from "./company.js";
import {dayOfMonth, daysIn, monthStart, offsetOf, type Window} from "./calendar.js";
import {clamp, type Rng} from "./random.js";

/** What an account-month looks like from the inside. */
export const PHASE = {none: 0, healthy: 1, decline: 2, dip: 3} as const;

export interface CrossSell {
  product: Product;
  /** Month offset the add-on line (or its trial) starts in. */
  month: number;
  /** Starts with a zero-MRR trial line. */
  trial: boolean;
  /** The trial converts to a paid line (always true without a trial). */
  converts: boolean;
}

/** One continuous stretch as a customer. A reactivated account has a second (or third) spell. */
export interface Spell {
  startDay: number;
  startMonth: number;
  reactivation: boolean;
  annual: boolean;
  /** Annual contracts renew in this month offset and every 12 months after it, on `anniversaryDay`. */
  firstRenewal: number;
  anniversaryDay: number;
  primary: Product;
  crossSells: CrossSell[];
  /** Month offset of the first month without MRR (possibly after the history ends); null = none in sight. */
  churnMonth: number | null;
  /** First month of the decline before the churn; null for an abrupt churn or none. */
  declineFrom: number | null;
  /** The spell's typical health. */
  baseline: number;
}

export interface Lifecycle {
  spells: Spell[];
  /** Health per month offset of the window (0 where not a customer). */
  health: Float64Array;
  /** PHASE per month offset. */
  phase: Uint8Array;
  /** Months since the spell started (-1 where not a customer). */
  tenure: Int16Array;
}

/** Churn decided after the history ends still shapes its last months (the decline starts before it). */
const LOOKAHEAD = 8;

export function drawLifecycle(r: Rng, account: Account, {win, onboardingStalled}: {win: Window; onboardingStalled: boolean}): Lifecycle {
  const n = win.months;
  const life: Lifecycle = {spells: [], health: new Float64Array(n), phase: new Uint8Array(n), tenure: new Int16Array(n).fill(-1)};
  if (account.trialOnly) return life;

  let start: {day: number; reactivation: boolean} | null = {day: account.startDay, reactivation: false};
  let previous: Spell | null = null;
  while (start && life.spells.length < 3) {
    const spell = drawSpell(r, account, {win, startDay: start.day, reactivation: start.reactivation, previous, onboardingStalled});
    life.spells.push(spell);
    shapeHealth(r, spell, life, win);
    previous = spell;
    start = null;
    const c = spell.churnMonth;
    if (c !== null && c < n - 3 && r.chance(SEGMENT_PROFILES[account.segment].reactivation)) {
      const back = c + r.int(3, 14);
      if (back < n) start = {day: monthStart(win, back) + (r.chance(0.6) ? 0 : r.int(1, 27)), reactivation: true};
    }
  }
  return life;
}

function drawSpell(r: Rng, account: Account, {win, startDay, reactivation, previous, onboardingStalled}: {
  win: Window;
  startDay: number;
  reactivation: boolean;
  previous: Spell | null;
  onboardingStalled: boolean;
}): Spell {
  const profile = SEGMENT_PROFILES[account.segment];
  const startMonth = offsetOf(win, startDay);
  const annual = r.chance(profile.annual);
  const primary = previous && r.chance(0.6) ? previous.primary : r.weighted(profile.products);
  const baseline = clamp(account.fit + r.normal(0, 0.05) - (reactivation ? 0.05 : 0), 0.25, 0.98);
  // Existing customers signed before the history: their renewal falls in any of the next 12 months.
  const established = account.existing && !reactivation;
  const firstRenewal = established ? r.int(1, 12) : startMonth + 12;
  const anniversaryDay = established ? r.int(1, 28) : Math.min(28, dayOfMonth(startDay));

  // Walk forward deciding add-ons and the churn month. Annual contracts can only end at renewal.
  const held: Product[] = [primary];
  const crossSells: CrossSell[] = [];
  let churnMonth: number | null = null;
  for (let m = startMonth + 1; m < win.months + LOOKAHEAD; ++m) {
    const tenure = m - startMonth;
    if (tenure >= 4 && held.length < PRODUCTS.length && r.chance(profile.crossSell * (0.4 + baseline))) {
      const options = PRODUCTS.filter((p) => !held.includes(p));
      const product = r.weighted(Object.fromEntries(options.map((p) => [p, profile.products[p]])) as Record<Product, number>);
      const trial = r.chance(PRODUCT_PROFILES[product].trial);
      const converts = !trial || r.chance(0.7);
      crossSells.push({product, month: m, trial, converts});
      if (converts) held.push(product);
    }
    const renewal = !annual || (m >= firstRenewal && (m - firstRenewal) % 12 === 0);
    if (!renewal) continue;
    const hazard =
      profile.churn *
      PRODUCT_PROFILES[primary].churn *
      (held.length > 1 ? 0.6 : 1) * // two product lines are twice as hard to rip out
      (!established && tenure <= 12 ? 1.3 : 1) * // the first year is the riskiest
      (onboardingStalled && !reactivation && tenure <= 12 ? 2.5 : 1) * // never went live: gone at the first renewal
      (reactivation ? 1.3 : 1) *
      (2.2 - 1.6 * baseline); // poor fit churns more (about 1.0 at a typical baseline)
    const p = annual ? 1 - Math.pow(1 - hazard, 12) : hazard;
    if (r.chance(p)) {
      churnMonth = m;
      break;
    }
  }

  let declineFrom: number | null = null;
  if (churnMonth !== null && r.chance(WARNED_CHURN)) {
    declineFrom = Math.max(startMonth + 1, churnMonth - r.choose(DECLINE_MONTHS));
  }
  // Customers already on their way out do not buy more.
  const buyingEnds = declineFrom ?? churnMonth ?? Infinity;
  return {
    startDay,
    startMonth,
    reactivation,
    annual,
    firstRenewal,
    anniversaryDay,
    primary,
    crossSells: crossSells.filter((c) => c.month < buyingEnds),
    churnMonth,
    declineFrom,
    baseline
  };
}

/** Fills health, phase and tenure for the spell's months inside the window. */
function shapeHealth(r: Rng, spell: Spell, life: Lifecycle, win: Window): void {
  const end = Math.min(spell.churnMonth ?? win.months, win.months);
  const onboarding = !spell.reactivation && spell.startDay > win.startDay;
  // How far health falls before the churn: some customers fade, most collapse.
  const fall = r.uniform(0.5, 0.75);
  let noise = 0;
  let dip = {left: 0, length: 0, depth: 0};
  for (let m = spell.startMonth; m < end; ++m) {
    const tenure = m - spell.startMonth;
    noise = 0.6 * noise + r.normal(0, 0.045);
    let h = spell.baseline + noise;
    let phase: number = PHASE.healthy;
    // New customers take a couple of months to roll the product out.
    if (onboarding && tenure < 2) h *= tenure === 0 ? 0.72 : 0.9;
    if (spell.declineFrom !== null && spell.churnMonth !== null && m >= spell.declineFrom) {
      const progress = (m - spell.declineFrom + 1) / (spell.churnMonth - spell.declineFrom);
      h *= 1 - fall * progress;
      phase = PHASE.decline;
    } else {
      const clearOfDecline = spell.declineFrom === null || m + 2 < spell.declineFrom;
      if (dip.left === 0 && tenure >= 3 && clearOfDecline && r.chance(0.012)) {
        const length = r.int(2, 5);
        dip = {left: length, length, depth: r.uniform(0.25, 0.45)};
      }
      if (dip.left > 0) {
        const k = dip.length - dip.left + 1;
        h *= 1 - dip.depth * Math.sin((Math.PI * k) / (dip.length + 1));
        dip.left -= 1;
        phase = PHASE.dip;
      }
    }
    life.health[m] = clamp(h, 0.03, 1);
    life.phase[m] = phase;
    life.tenure[m] = tenure;
  }
}

/** The day of the anniversary (renewal date) in the month at offset m. */
export function anniversaryIn(spell: Spell, win: Window, m: number): number {
  return monthStart(win, m) + Math.min(spell.anniversaryDay, daysIn(win.first + m)) - 1;
}
