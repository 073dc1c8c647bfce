/**
 * Customer outcomes per account-month: the traffic of the customer's own site and the leads it
 * generates. Healthy customers grow a little every month; declining ones shrink, so outcomes go
 * flat or down before a churn.
 */
import type {Account} from "./accounts.js";
import {PRODUCTS, SEGMENT_PROFILES} from "./company.js";
import {calendarMonth, isoDate, monthStart, type Window} from "./calendar.js";
import {PHASE, type Lifecycle} from "./lifecycle.js";
import type {Rng} from "./random.js";
import type {Book} from "./subscriptions.js";
import type {Row} from "./write.js";

/** B2B site traffic by calendar month: busy at the fiscal year's turn, quiet in August and at New Year. */
const SEASON = [0.92, 1.0, 1.08, 1.06, 1.02, 1.0, 0.98, 0.9, 1.0, 1.03, 1.02, 0.94];
const MA_BIT = 1 << PRODUCTS.indexOf("MA");

export function outcomeRows(r: Rng, account: Account, life: Lifecycle, book: Book, win: Window): Row[] {
  const rows: Row[] = [];
  const [lo, hi] = SEGMENT_PROFILES[account.segment].traffic;
  // Visitors-to-leads conversion of this customer's site.
  const conversion = r.uniform(0.004, 0.012);
  let traffic = 0;
  for (let m = 0; m < win.months; ++m) {
    if (book.mrr[m] <= 0) continue;
    const h = life.health[m];
    const phase = life.phase[m];
    if (traffic === 0 || life.tenure[m] === 0) traffic = r.logUniform(lo, hi);
    else {
      const growth = phase === PHASE.decline ? r.normal(-0.06, 0.03) : phase === PHASE.dip ? r.normal(-0.03, 0.03) : r.normal(0.008 + 0.015 * (h - 0.7), 0.025);
      traffic *= 1 + growth;
    }
    const sessions = Math.round(traffic * SEASON[calendarMonth(win.first + m) - 1]);
    // Marketing automation turns more of the same traffic into leads.
    const leads = Math.round(sessions * conversion * (book.products[m] & MA_BIT ? 1.6 : 1) * (0.4 + 0.8 * h));
    const month = isoDate(monthStart(win, m));
    rows.push([account.id, month, "leads", leads], [account.id, month, "site_traffic", sessions]);
  }
  return rows;
}
