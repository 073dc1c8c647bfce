/**
 * CSM activities: meetings, calls, emails, trainings and quarterly business reviews, at a
 * cadence set by segment (high touch for Enterprise, tech touch for unassigned SMB accounts).
 * A customer drifting away takes fewer meetings and skips its QBR, so engagement falls before
 * a churn.
 */
import type {Account, Team} from "./accounts.js";
import {daysIn, isoDate, monthStart, weekday, type Window} from "./calendar.js";
import type {Lifecycle} from "./lifecycle.js";
import type {Rng} from "./random.js";
import type {Book} from "./subscriptions.js";
import type {Row} from "./write.js";

/** Expected activities per month for a healthy account, and the chance a due QBR is held. */
const CADENCE = {
  Enterprise: {meeting: 1.2, call: 1.0, email: 2.5, training: 0.15, qbr: 0.9},
  "Mid-Market": {meeting: 0.5, call: 0.7, email: 1.5, training: 0.08, qbr: 0.55},
  SMB: {meeting: 0.1, call: 0.2, email: 0.8, training: 0.05, qbr: 0},
  /** Unassigned accounts: one-to-many emails and webinars, no named CSM. */
  techTouch: {meeting: 0, call: 0, email: 0.5, training: 0.05, qbr: 0}
};

export function activityRows(r: Rng, account: Account, life: Lifecycle, book: Book, win: Window, team: Team): Row[] {
  const rows: Row[] = [];
  const cadence = account.csm === null ? CADENCE.techTouch : CADENCE[account.segment];
  const colleagues = team[account.segment];
  for (let m = 0; m < win.months; ++m) {
    if (book.mrr[m] <= 0) continue;
    const h = life.health[m];
    const tenure = life.tenure[m];
    const engaged = 0.25 + 0.95 * h;
    const month: {day: number; type: string}[] = [];
    const add = (type: string, count: number) => {
      for (let k = 0; k < count; ++k) month.push({day: weekdayIn(r, monthStart(win, m), daysIn(win.first + m)), type});
    };
    const onboarding = tenure < 3 && !account.existing && life.spells[0].startMonth === m - tenure;
    add("meeting", r.poisson(cadence.meeting * engaged) + (onboarding && account.csm !== null ? 1 : 0));
    add("call", r.poisson(cadence.call * engaged));
    add("email", r.poisson(cadence.email * engaged));
    add("training", r.poisson(cadence.training) + (onboarding && r.chance(0.6) ? 1 : 0));
    if (tenure % 3 === 2 && r.chance(cadence.qbr * (h < 0.45 ? 0.35 : 1))) add("qbr", 1);
    month.sort((a, b) => a.day - b.day);
    for (const a of month) {
      // A colleague covers now and then (holidays, a specialist joining).
      const csm = account.csm === null ? null : r.chance(0.9) || colleagues.length < 2 ? account.csm : r.pick(colleagues);
      rows.push([account.id, isoDate(a.day), a.type, csm]);
    }
  }
  return rows;
}

function weekdayIn(r: Rng, firstDay: number, days: number): number {
  let day = firstDay + r.int(0, days - 1);
  for (let tries = 0; tries < 6 && (weekday(day) === 0 || weekday(day) === 6); ++tries) day = firstDay + r.int(0, days - 1);
  return day;
}
