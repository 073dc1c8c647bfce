/**
 * Support tickets: more of them from unhealthy and newly onboarded customers, answered and
 * resolved in times set by priority, with CSAT from the customers who answer the survey. An
 * unhealthy customer waits longer and rates lower. Nothing happens after the export date: a
 * ticket still open then has no resolution.
 */
import type {Account} from "./accounts.js";
import {SEGMENT_PROFILES} from "./company.js";
import {daysIn, isoTimestamp, monthStart, weekday, type Window} from "./calendar.js";
import {PHASE, type Lifecycle} from "./lifecycle.js";
import {clamp, type Rng} from "./random.js";
import type {Book} from "./subscriptions.js";
import type {Row} from "./write.js";

const PRIORITIES = {
  usual: {low: 0.25, normal: 0.5, high: 0.2, urgent: 0.05},
  troubled: {low: 0.15, normal: 0.45, high: 0.3, urgent: 0.1}
};
type Priority = keyof typeof PRIORITIES.usual;

/** Minutes to first response and hours to resolution, [lo, hi] drawn log-uniformly. */
const RESPONSE_MINUTES: Record<Priority, [number, number]> = {urgent: [5, 45], high: [15, 180], normal: [30, 960], low: [60, 2880]};
const RESOLUTION_HOURS: Record<Priority, [number, number]> = {urgent: [1, 12], high: [2, 48], normal: [4, 120], low: [8, 240]};

/** A resolved ticket, for the transactional (support) NPS survey. */
export interface Resolved {
  day: number;
  health: number;
}

export function supportTickets(r: Rng, account: Account, life: Lifecycle, book: Book, win: Window, nextId: () => string): {rows: Row[]; resolved: Resolved[]} {
  const rows: Row[] = [];
  const resolved: Resolved[] = [];
  const base = SEGMENT_PROFILES[account.segment].tickets;
  const cutoff = (win.lastDay + 1) * 86_400 - 1;
  for (let m = 0; m < win.months; ++m) {
    if (book.mrr[m] <= 0) continue;
    const h = life.health[m];
    const troubled = life.phase[m] === PHASE.decline || life.phase[m] === PHASE.dip;
    const count = r.poisson(base * (0.5 + 1.6 * (1 - h)) * (life.tenure[m] < 3 ? 1.5 : 1));
    const times: number[] = [];
    for (let k = 0; k < count; ++k) times.push(businessTime(r, monthStart(win, m), daysIn(win.first + m)));
    times.sort((a, b) => a - b);
    for (const created of times) {
      const priority = r.weighted(troubled ? PRIORITIES.troubled : PRIORITIES.usual);
      const slow = 1.8 - h; // about 1 for a healthy account, up to 1.75 for a failing one
      const [rlo, rhi] = RESPONSE_MINUTES[priority];
      const [hlo, hhi] = RESOLUTION_HOURS[priority];
      const firstResponse = created + Math.round(r.logUniform(rlo, rhi) * slow * 60);
      let resolvedAt: number | null = Math.max(firstResponse + 600, created + Math.round(r.logUniform(hlo, hhi) * slow * 3600));
      if (r.chance(0.02)) resolvedAt = null; // forgotten in the backlog
      if (resolvedAt !== null && resolvedAt > cutoff) resolvedAt = null;
      let csat: number | null = null;
      if (resolvedAt !== null) {
        resolved.push({day: Math.floor(resolvedAt / 86_400), health: h});
        if (r.chance(0.45)) {
          const hours = (resolvedAt - created) / 3600;
          csat = Math.round(clamp(r.normal(1.6 + 3.4 * h - (hours > 72 ? 0.5 : 0), 0.8), 1, 5));
        }
      }
      rows.push([
        nextId(),
        account.id,
        isoTimestamp(created),
        firstResponse > cutoff ? null : isoTimestamp(firstResponse),
        resolvedAt === null ? null : isoTimestamp(resolvedAt),
        priority,
        csat
      ]);
    }
  }
  return {rows, resolved};
}

/** A moment in office hours (mostly weekdays, 9:00-19:00), in seconds since 1970. */
function businessTime(r: Rng, firstDay: number, days: number): number {
  let day = firstDay + r.int(0, days - 1);
  for (let tries = 0; tries < 4 && (weekday(day) === 0 || weekday(day) === 6) && r.chance(0.85); ++tries) {
    day = firstDay + r.int(0, days - 1);
  }
  const hour = r.choose([[9, 1], [10, 1.4], [11, 1.3], [12, 0.6], [13, 1.2], [14, 1.3], [15, 1.2], [16, 1.1], [17, 0.9], [18, 0.5]] as [number, number][]);
  return day * 86_400 + hour * 3600 + r.int(0, 59) * 60 + r.int(0, 59);
}
