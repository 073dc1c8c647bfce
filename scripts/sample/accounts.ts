/**
 * Who the customers are: one account's firmographics (segment, industry, region, owner CSM, a
 * name) and when it became a customer. Also the hidden `fit` that the rest of the simulation
 * leans on: well-fitting customers onboard faster, use more, answer surveys more kindly and
 * churn less.
 */
import {EXISTING_BOOK, INDUSTRIES, NEW_BUSINESS_SEASON, REGIONS, SEGMENT_PROFILES, SEGMENTS, TRIAL_ONLY, type Segment} from "./company.js";
import {calendarMonth, daysIn, monthStart, type Window} from "./calendar.js";
import {companyName, csmTeam} from "./names.js";
import {clamp, rng, type Rng} from "./random.js";

export interface Account {
  index: number;
  id: string;
  name: string;
  english: boolean;
  segment: Segment;
  industry: string;
  region: string;
  /** Owner CSM; null for tech-touch accounts served one-to-many. */
  csm: string | null;
  /** Day the CRM record was created. */
  createdAt: number;
  /** Already a customer on the first day of the history (lines start on that day). */
  existing: boolean;
  /** Day the first paid line starts (for a trial-only account: the day it would have). */
  startDay: number;
  /** Never converts: a zero-MRR trial line and nothing else. */
  trialOnly: boolean;
  /** How well the product fits the customer, 0..1 (unobserved; drives health). */
  fit: number;
}

/** The CSM team, split by the segment each CSM covers. */
export type Team = Record<Segment, string[]>;

/** Team sizes follow the book: a CSM per ~40 Enterprise, ~100 Mid-Market or ~300 SMB accounts. */
export function drawTeam(seed: number, accounts: number): Team {
  const sizes = SEGMENTS.map((s) => {
    const p = SEGMENT_PROFILES[s];
    return Math.max(1, Math.round((accounts * p.share * p.csmCoverage) / p.csmLoad));
  });
  const names = csmTeam(rng(seed, 0xc5c5), sizes.reduce((a, b) => a + b, 0));
  const team = {} as Team;
  let at = 0;
  SEGMENTS.forEach((s, i) => {
    team[s] = names.slice(at, at + sizes[i]);
    at += sizes[i];
  });
  return team;
}

/** Offsets of the months new business can start in, weighted by season (not month 0: that is the existing book). */
export function startMonthWeights(win: Window): [number, number][] {
  const weights: [number, number][] = [];
  for (let i = 1; i < win.months; ++i) weights.push([i, NEW_BUSINESS_SEASON[calendarMonth(win.first + i) - 1]]);
  return weights;
}

export function drawAccount(r: Rng, {index, win, team, taken, startMonths}: {
  index: number;
  win: Window;
  team: Team;
  /** Company names used so far (kept unique where the name space allows). */
  taken: Set<string>;
  startMonths: [number, number][];
}): Account {
  const segment = r.weighted(Object.fromEntries(SEGMENTS.map((s) => [s, SEGMENT_PROFILES[s].share])) as Record<Segment, number>);
  const profile = SEGMENT_PROFILES[segment];
  const industry = r.weighted(INDUSTRIES);
  const region = r.weighted(REGIONS);
  const english = r.chance(profile.englishNames);
  const name = companyName(r, {industry, segment, english, taken});
  const csm = team[segment].length > 0 && r.chance(profile.csmCoverage) ? r.pick(team[segment]) : null;
  // Larger customers fit a little better on average (they were qualified harder before signing).
  const fit = clamp(r.normal(segment === "Enterprise" ? 0.78 : segment === "Mid-Market" ? 0.75 : 0.72, 0.12), 0.3, 0.97);

  const existing = startMonths.length === 0 || r.chance(EXISTING_BOOK);
  let startDay: number;
  let createdAt: number;
  if (existing) {
    startDay = win.startDay;
    createdAt = startDay - r.int(60, 365 * 8);
  } else {
    const month = r.choose(startMonths);
    // Most contracts start on the 1st; the rest on any day up to the 28th (so anniversaries exist every month).
    startDay = monthStart(win, month) + (r.chance(0.55) ? 0 : r.int(1, Math.min(27, daysIn(win.first + month) - 1)));
    createdAt = startDay - r.int(31, 150);
  }
  return {
    index,
    id: `A${String(index + 1).padStart(6, "0")}`,
    name,
    english,
    segment,
    industry,
    region,
    csm,
    createdAt,
    existing,
    startDay,
    trialOnly: !existing && r.chance(TRIAL_ONLY),
    fit
  };
}
