/**
 * Subscription lines from an account's lifecycle: the billing system's view.
 *
 * - Monthly contracts: one open line per product, closed and replaced (on the 1st) when seats or
 *   plan change; a churn closes every line on the 1st of the churn month.
 * - Annual contracts: one line per product per term, each ending on the renewal date; add-ons
 *   are co-termed with the account's renewal, and a churn is a renewal that does not happen.
 *   MRR is the annual price / 12, rounded to yen and sen.
 * - Trials are zero-MRR lines on plan "Trial" before the first paid line or an add-on.
 *
 * Nothing starts after the export date; the current annual term keeps its (future) end date.
 */
import type {Account} from "./accounts.js";
import {PLAN_PRICE, PLANS, PRODUCT_PROFILES, SEGMENT_PROFILES, TRIAL_FIRST, TRIAL_PLAN, type Plan, type Product} from "./company.js";
import {monthEnd, monthStart, offsetOf, type Window} from "./calendar.js";
import {anniversaryIn, PHASE, type Lifecycle, type Spell} from "./lifecycle.js";
import type {Rng} from "./random.js";

export interface Line {
  product: Product;
  plan: Plan | typeof TRIAL_PLAN;
  start: number;
  /** Exclusive end day (the contract's end_date); null = open. */
  end: number | null;
  mrr: number;
  seats: number;
}

/** What a paid line is priced from; changes move seats or plan, never the seat price. */
interface Terms {
  plan: Plan;
  seats: number;
  /** Standard-plan price per seat per month, JPY. */
  unit: number;
}

export function drawLines(r: Rng, account: Account, life: Lifecycle, win: Window): Line[] {
  const lines: Line[] = [];
  const emit = (line: Line) => {
    if (line.start <= win.lastDay && (line.end === null || line.end > line.start)) lines.push(line);
  };
  const profile = SEGMENT_PROFILES[account.segment];

  if (account.trialOnly) {
    const start = Math.max(win.startDay, account.startDay - r.int(14, 30));
    emit({product: r.weighted(profile.products), plan: TRIAL_PLAN, start, end: start + 30, mrr: 0, seats: r.int(2, 10)});
    return lines;
  }

  life.spells.forEach((spell, k) => {
    const primary = initialTerms(r, account, spell.primary);
    if (k === 0 && !account.existing && r.chance(TRIAL_FIRST)) {
      const start = Math.max(win.startDay, spell.startDay - r.int(14, 30));
      emit({product: spell.primary, plan: TRIAL_PLAN, start, end: spell.startDay, mrr: 0, seats: Math.min(primary.seats, r.int(3, 10))});
    }
    const spellEnd = endOfSpell(spell, win);
    chain(r, {product: spell.primary, start: spell.startDay, terms: primary, addOn: false, spell, spellEnd, life, win, emit});

    for (const cs of spell.crossSells) {
      const paidStart = monthStart(win, cs.month) + r.int(0, 20);
      if (cs.trial) {
        const start = paidStart - r.int(14, 30);
        const end = cs.converts ? paidStart : Math.min(start + 30, spellEnd ?? Infinity);
        emit({product: cs.product, plan: TRIAL_PLAN, start, end, mrr: 0, seats: r.int(2, 8)});
      }
      if (!cs.converts) continue;
      const terms: Terms = {
        plan: r.chance(0.7) ? primary.plan : PLANS[Math.max(0, PLANS.indexOf(primary.plan) - 1)],
        seats: Math.max(1, Math.round(primary.seats * r.uniform(0.3, 0.8))),
        unit: 0
      };
      terms.unit = (price(primary, false) * r.uniform(0.35, 0.7) * PRODUCT_PROFILES[cs.product].price) /
        (PRODUCT_PROFILES[spell.primary].price * terms.seats * PLAN_PRICE[terms.plan]);
      chain(r, {product: cs.product, start: paidStart, terms, addOn: true, spell, spellEnd, life, win, emit});
    }
  });
  lines.sort((a, b) => a.start - b.start || a.product.localeCompare(b.product));
  return lines;
}

function initialTerms(r: Rng, account: Account, product: Product): Terms {
  const profile = SEGMENT_PROFILES[account.segment];
  const plan = r.weighted(profile.plans);
  const seats = r.int(profile.seats[0], profile.seats[1]);
  const target = r.logUniform(profile.mrr[0], profile.mrr[1]) * PRODUCT_PROFILES[product].price;
  return {plan, seats, unit: target / (seats * PLAN_PRICE[plan])};
}

/** Monthly price: yen for monthly contracts; annual contracts are priced per year to the 1,000 yen. */
function price(terms: Terms, annual: boolean): number {
  const raw = terms.unit * terms.seats * PLAN_PRICE[terms.plan];
  if (!annual) return Math.max(100, Math.round(raw / 100) * 100);
  const yearly = Math.max(1000, Math.round((raw * 12) / 1000) * 1000);
  return Math.round((yearly / 12) * 100) / 100;
}

/** Exclusive end day of a spell's lines, when the churn falls inside the history (annual: also just after). */
function endOfSpell(spell: Spell, win: Window): number | null {
  if (spell.churnMonth === null) return null;
  if (spell.annual) return anniversaryIn(spell, win, spell.churnMonth);
  return spell.churnMonth < win.months ? monthStart(win, spell.churnMonth) : null;
}

/** The first renewal date strictly after `day`. */
function nextRenewal(spell: Spell, win: Window, day: number): number {
  let m = spell.firstRenewal;
  while (anniversaryIn(spell, win, m) <= day) m += 12;
  return anniversaryIn(spell, win, m);
}

/** One product line through its life: successive lines as terms renew or seats and plan change. */
function chain(r: Rng, {product, start, terms, addOn, spell, spellEnd, life, win, emit}: {
  product: Product;
  start: number;
  terms: Terms;
  addOn: boolean;
  spell: Spell;
  spellEnd: number | null;
  life: Lifecycle;
  win: Window;
  emit: (line: Line) => void;
}): void {
  const line = (from: number, to: number | null): Line => ({
    product, plan: terms.plan, start: from, end: to, mrr: price(terms, spell.annual), seats: terms.seats
  });
  let from = start;
  if (spell.annual) {
    while (from <= win.lastDay) {
      const termEnd = nextRenewal(spell, win, from);
      if (spellEnd !== null && termEnd >= spellEnd) {
        emit(line(from, spellEnd));
        return;
      }
      emit(line(from, termEnd));
      const m = offsetOf(win, termEnd);
      if (m >= win.months) return;
      if (addOn && dropsAt(r, product, life, m, true)) return;
      change(r, terms, life, m, true);
      from = termEnd;
    }
    return;
  }
  for (let m = offsetOf(win, start) + 1; ; ++m) {
    if (m >= win.months) {
      emit(line(from, null));
      return;
    }
    const first = monthStart(win, m);
    if (spellEnd !== null && first >= spellEnd) {
      emit(line(from, spellEnd));
      return;
    }
    if (addOn && dropsAt(r, product, life, m, false)) {
      emit(line(from, first));
      return;
    }
    const before = line(from, first);
    if (change(r, terms, life, m, false)) {
      emit(before);
      from = first;
    }
  }
}

/** An add-on line ends at a renewal (annual) or any month (monthly); far more often when unhealthy. */
function dropsAt(r: Rng, product: Product, life: Lifecycle, m: number, annual: boolean): boolean {
  const phase = life.phase[m];
  const monthly = PRODUCT_PROFILES[product].lineDrop * (phase === PHASE.decline || phase === PHASE.dip ? 3 : 1);
  return r.chance(annual ? 1 - Math.pow(1 - monthly, 12) : monthly);
}

/**
 * Expansion (more seats, a plan up) when healthy, contraction (fewer seats, a plan down) when
 * declining or dipping. Annual contracts change only at renewal, and then far more often.
 * Returns whether the terms changed.
 */
function change(r: Rng, terms: Terms, life: Lifecycle, m: number, annual: boolean): boolean {
  const phase = life.phase[m];
  if (phase === PHASE.none) return false;
  const h = life.health[m];
  const troubled = phase === PHASE.decline || phase === PHASE.dip;
  const pExpand = troubled ? 0 : h > 0.62 ? (annual ? 0.3 : 0.025) : 0;
  const pContract = troubled ? (annual ? 0.45 : 0.07) : h > 0.62 ? (annual ? 0.05 : 0.002) : annual ? 0.15 : 0.01;
  const u = r.next();
  const plan = PLANS.indexOf(terms.plan);
  if (u < pExpand) {
    if (plan < PLANS.length - 1 && r.chance(0.3)) terms.plan = PLANS[plan + 1];
    else terms.seats = Math.max(terms.seats + 1, Math.round(terms.seats * r.uniform(1.1, 1.5)));
    return true;
  }
  if (u < pExpand + pContract) {
    if (plan > 0 && (terms.seats <= 1 || r.chance(0.3))) terms.plan = PLANS[plan - 1];
    else if (terms.seats > 1) terms.seats = Math.max(1, Math.min(terms.seats - 1, Math.round(terms.seats * r.uniform(0.6, 0.88))));
    else return false;
    return true;
  }
  return false;
}

/** The account's month-end book (the contract's month rule): MRR, paid seats and product lines per month offset. */
export interface Book {
  mrr: Float64Array;
  seats: Int32Array;
  /** Bit i set = a paid line of PRODUCTS[i] counted. */
  products: Uint8Array;
}

export function monthlyBook(lines: Line[], win: Window, productIndex: (p: Product) => number): Book {
  const book: Book = {mrr: new Float64Array(win.months), seats: new Int32Array(win.months), products: new Uint8Array(win.months)};
  for (const line of lines) {
    if (line.mrr <= 0) continue;
    for (let m = Math.max(0, offsetOf(win, line.start)); m < win.months; ++m) {
      const last = monthEnd(win, m);
      if (line.start > last) continue;
      if (line.end !== null && line.end <= last) break;
      book.mrr[m] += line.mrr;
      book.seats[m] += line.seats;
      book.products[m] |= 1 << productIndex(line.product);
    }
  }
  return book;
}
