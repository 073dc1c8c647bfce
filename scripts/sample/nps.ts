/**
 * NPS responses: the quarterly relationship survey (several contacts at larger customers), an
 * onboarding survey after go-live, and a short survey after some resolved tickets. Scores follow
 * health; Japanese respondents score conservatively, so a healthy account averages about 8.
 * Some respondents answer anonymously (no account), and about a third leave a comment.
 */
import type {Account} from "./accounts.js";
import {COMMENTS, sentiment} from "./comments.js";
import {ANONYMOUS_NPS, NPS_SURVEY_MONTHS, SEGMENT_PROFILES} from "./company.js";
import {calendarMonth, isoDate, monthStart, offsetOf, type Window} from "./calendar.js";
import type {Lifecycle} from "./lifecycle.js";
import {clamp, type Rng} from "./random.js";
import type {Book} from "./subscriptions.js";
import type {Resolved} from "./support.js";
import type {Row} from "./write.js";

const COMMENT_RATE = {promoter: 0.4, passive: 0.3, detractor: 0.55};

export function npsResponses(r: Rng, account: Account, life: Lifecycle, book: Book, win: Window, {goLive, resolved, nextId}: {
  /** Observed go-live day of the onboarding, if any. */
  goLive: number | null;
  resolved: Resolved[];
  nextId: () => string;
}): Row[] {
  const profile = SEGMENT_PROFILES[account.segment];
  const answers: {day: number; score: number; survey: string}[] = [];
  const score = (h: number, bias: number) => Math.round(clamp(r.normal(1.5 + 8.3 * h + bias, 1.5), 0, 10));

  for (let m = 0; m < win.months; ++m) {
    if (book.mrr[m] <= 0 || life.tenure[m] < 2 || !NPS_SURVEY_MONTHS.has(calendarMonth(win.first + m))) continue;
    const count = r.binomial(profile.npsContacts, profile.npsResponseRate);
    for (let k = 0; k < count; ++k) answers.push({day: monthStart(win, m) + r.int(4, 24), score: score(life.health[m], 0), survey: "relationship"});
  }
  if (goLive !== null && r.chance(0.45)) {
    const day = goLive + r.int(3, 14);
    const m = offsetOf(win, day);
    if (day <= win.lastDay && m < win.months && book.mrr[m] > 0) answers.push({day, score: score(life.health[m], 0.5), survey: "onboarding"});
  }
  for (const t of resolved) {
    if (!r.chance(0.04)) continue;
    const day = t.day + r.int(0, 3);
    if (day <= win.lastDay) answers.push({day, score: score(t.health, 0), survey: "support"});
  }

  answers.sort((a, b) => a.day - b.day);
  return answers.map((a) => {
    const kind = sentiment(a.score);
    let comment: string | null = null;
    if (r.chance(COMMENT_RATE[kind])) {
      const language = r.chance(account.english ? 0.55 : 0.06) ? "en" : "ja";
      comment = r.pick(COMMENTS[language][kind]);
    }
    const anonymous = r.chance(ANONYMOUS_NPS);
    return [nextId(), anonymous ? null : account.id, isoDate(a.day), a.score, comment, a.survey];
  });
}
