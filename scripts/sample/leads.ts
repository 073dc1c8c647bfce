/**
 * Service Qualified Leads (issue 19): needs surfaced in support and CS conversations that sales can
 * act on. Most of an account's expansions were preceded by one (created two to ten weeks before,
 * won in the month the MRR rose, worth that rise); other leads are lost or still open, and a few won
 * leads never show as an expansion that month (the deal starts later or is not MRR). Leads come from
 * the CSM on named accounts and from support on tech-touch ones; healthier customers raise more.
 */
import type {Account} from "./accounts.js";
import {daysIn, isoDate, monthStart, type Window} from "./calendar.js";
import type {Lifecycle} from "./lifecycle.js";
import type {Rng} from "./random.js";
import type {Book} from "./subscriptions.js";
import type {Row} from "./write.js";

/** Monthly chance of a lead that does not turn into an expansion, by segment (healthy account). */
const OTHER_LEADS = {Enterprise: 0.05, "Mid-Market": 0.025, SMB: 0.008};
/** Share of expansions that a lead preceded. */
const LED_EXPANSIONS = 0.6;

export function leadRows(r: Rng, account: Account, life: Lifecycle, book: Book, win: Window, nextId: () => string): Row[] {
  const rows: Row[] = [];
  const source = () =>
    account.csm === null ? r.weighted({support: 0.8, other: 0.2}) : r.weighted({csm: 0.6, support: 0.3, other: 0.1});
  const owner = (s: string) => (s === "csm" ? account.csm : null);
  for (let m = 1; m < win.months; ++m) {
    const before = book.mrr[m - 1];
    const now = book.mrr[m];
    if (before <= 0) continue;
    const dayIn = (k: number) => monthStart(win, k) + r.int(0, daysIn(win.first + k) - 1);
    if (now > before && r.chance(LED_EXPANSIONS)) {
      // A lead behind this expansion: won in the month the MRR rose, for that rise.
      const won = dayIn(m);
      const created = won - r.int(14, 70);
      if (created >= win.startDay) {
        const s = source();
        rows.push([nextId(), account.id, isoDate(created), s, owner(s), "won", isoDate(won), Math.round(now - before)]);
      }
    }
    if (now > 0 && r.chance(OTHER_LEADS[account.segment] * (0.4 + life.health[m]))) {
      const created = dayIn(m);
      const s = source();
      const decided = created + r.int(10, 90);
      const outcome = decided > win.lastDay ? "open" : r.weighted({lost: 0.75, won: 0.25});
      // A won lead without an expansion that month: its deal starts later or is billed outside MRR.
      const amount = Math.round(now * r.uniform(0.05, 0.3) / 1000) * 1000;
      rows.push([nextId(), account.id, isoDate(created), s, owner(s), outcome, outcome === "won" ? isoDate(decided) : null, outcome === "won" ? amount : null]);
    }
  }
  rows.sort((a, b) => String(a[2]).localeCompare(String(b[2])));
  return rows;
}
