/**
 * Product usage per account-month: seats from the paid lines, active users as the share of
 * seats the health allows, key events per active user from the products held. Only months with
 * MRR have usage (trial usage lives in the product, not in this export).
 */
import type {Account} from "./accounts.js";
import {PRODUCT_PROFILES, PRODUCTS} from "./company.js";
import {isoDate, monthStart, type Window} from "./calendar.js";
import type {Lifecycle} from "./lifecycle.js";
import {clamp, type Rng} from "./random.js";
import type {Book} from "./subscriptions.js";
import type {Row} from "./write.js";

export function usageRows(r: Rng, account: Account, life: Lifecycle, book: Book, win: Window): Row[] {
  const rows: Row[] = [];
  for (let m = 0; m < win.months; ++m) {
    if (book.mrr[m] <= 0) continue;
    const h = life.health[m];
    const seats = book.seats[m];
    const utilisation = clamp(0.1 + 0.8 * h + r.normal(0, 0.05), 0.02, 1);
    const activeUsers = Math.round(seats * utilisation);
    const keyEvents = Math.round(activeUsers * eventsPerUser(book.products[m]) * (0.5 + 0.7 * h) * r.uniform(0.85, 1.15));
    rows.push([account.id, isoDate(monthStart(win, m)), activeUsers, seats, keyEvents]);
  }
  return rows;
}

/** Average key events per active user over the products held (bit mask of PRODUCTS). */
function eventsPerUser(mask: number): number {
  let sum = 0;
  let count = 0;
  PRODUCTS.forEach((p, i) => {
    if (mask & (1 << i)) {
      sum += PRODUCT_PROFILES[p].events;
      ++count;
    }
  });
  return count ? sum / count : PRODUCT_PROFILES.CMS.events;
}
