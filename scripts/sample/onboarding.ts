/**
 * Onboarding of a new customer: five milestones run one after the other, at a pace set by how
 * well the product fits. Some customers stall at a milestone and never finish it (it stays
 * started and open: overdue); a stalled onboarding raises first-year churn (see lifecycle.ts).
 * Existing customers onboarded before the history starts and have no rows here.
 */
import type {Account} from "./accounts.js";
import {isoDate} from "./calendar.js";
import {clamp, type Rng} from "./random.js";
import type {Row} from "./write.js";

const MILESTONES = [
  {name: "kickoff", required: true, days: [0, 2]},
  {name: "setup", required: true, days: [5, 20]},
  // Connecting the customer's CRM or SFA: valuable but optional, and often skipped by small customers.
  {name: "integration", required: false, days: [10, 35]},
  {name: "training", required: true, days: [3, 14]},
  {name: "go_live", required: true, days: [7, 30]}
] as const;

/** Share of each segment that skips the optional integration altogether. */
const SKIP_INTEGRATION = {Enterprise: 0.05, "Mid-Market": 0.2, SMB: 0.45} as const;

export interface Milestone {
  name: string;
  required: boolean;
  started: number | null;
  completed: number | null;
}

export interface Onboarding {
  milestones: Milestone[];
  /** Stalled at a milestone that is never completed. */
  stalled: boolean;
  /** Day the customer went live (before any cut at the export date or a churn). */
  goLive: number | null;
}

/** The planned onboarding of a new account, starting from its first paid day. */
export function planOnboarding(r: Rng, account: Account): Onboarding {
  // A poor fit takes up to twice as long at every step, and stalls far more often.
  const pace = 1 + (1 - account.fit) * 1.6;
  const stalled = r.chance(clamp(0.03 + 0.55 * (1 - account.fit), 0, 0.6));
  const stallAt = stalled ? r.int(1, MILESTONES.length - 1) : -1;
  const skipIntegration = r.chance(SKIP_INTEGRATION[account.segment]);

  let cursor = account.startDay + r.int(0, 7);
  let blocked = false;
  const milestones: Milestone[] = [];
  MILESTONES.forEach((m, k) => {
    if (blocked || (m.name === "integration" && skipIntegration)) {
      milestones.push({name: m.name, required: m.required, started: null, completed: null});
      return;
    }
    const started = cursor;
    if (k === stallAt) {
      blocked = true;
      milestones.push({name: m.name, required: m.required, started, completed: null});
      return;
    }
    const completed = started + Math.round(r.uniform(m.days[0], m.days[1]) * pace);
    milestones.push({name: m.name, required: m.required, started, completed});
    cursor = completed + r.int(0, 4);
  });
  const last = milestones[milestones.length - 1];
  return {milestones, stalled, goLive: last.completed};
}

/**
 * The onboarding as the export shows it: nothing after the export date, and nothing after the
 * customer left (an onboarding cut short by churn stays incomplete). Also the go-live day, if the
 * export shows it.
 */
export function observedOnboarding(account: Account, plan: Onboarding, {lastDay, leftOn}: {lastDay: number; leftOn: number | null}): {
  rows: Row[];
  goLive: number | null;
} {
  const limit = leftOn === null ? lastDay : Math.min(lastDay, leftOn - 1);
  const seen = (day: number | null) => (day !== null && day <= limit ? day : null);
  const rows = plan.milestones.map((m): Row => {
    const started = seen(m.started);
    const completed = started === null ? null : seen(m.completed);
    return [account.id, m.name, started === null ? null : isoDate(started), completed === null ? null : isoDate(completed), m.required];
  });
  return {rows, goLive: seen(plan.goLive)};
}
