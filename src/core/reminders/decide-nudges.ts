import type { IsoDate } from '../dates/delivery-window.js';
import { isClosed } from '../plan/status.js';
import type { Recommendation } from '../plan/recommendation.js';
import { isWorkingDay } from './bank-holidays.js';
import { addDaysIso, localTime } from './local-time.js';
import { deadlineNudges, staleNudges, type NudgeKind, type ScheduledNudge } from './nudge-schedule.js';
import type { ReminderSettings } from './settings.js';

export interface Recipient {
  /** A Slack user id. */
  id: string;
  /** Their timezone, else the plan's. */
  timeZone: string | null;
}

/** A person's say over nudges for one item. Void once the item is reopened or re-dated after it was set. */
export interface NudgePreference {
  item: string;
  recipient: string;
  snoozedUntil: IsoDate | null;
  muted: boolean;
  /** ISO instant it was set. */
  setAt: string;
}

export interface NudgeItem {
  rec: Recommendation;
  /** People who act for the item's owners. */
  recipients: Recipient[];
  /** ISO instant of the last reopen or date revision: it re-arms snoozed and muted nudges. */
  rearmedAt: string | null;
}

export interface NudgeDecision {
  kind: NudgeKind;
  item: string;
  to: string;
  /** One per item, recipient, kind and day: the outbox refuses a second message with the same key. */
  key: string;
  on: IsoDate;
}

export interface NudgeInput {
  now: Date;
  planTimeZone: string;
  /** The day updates are counted from when an item has none (the plan's date). */
  planAsOf: IsoDate;
  items: NudgeItem[];
  preferences: NudgePreference[];
  settings: ReminderSettings;
}

/**
 * What to send to whom right now. A pure function of (plan, now, calendar, preferences): for each
 * item and recipient only the latest nudge that has fallen due is considered, so a pass after
 * downtime catches up once instead of flooding people with nudges a later one has overtaken.
 */
export function decideNudges(input: NudgeInput): NudgeDecision[] {
  const prefs = new Map(input.preferences.map((p) => [`${p.item}\n${p.recipient}`, p]));
  const decisions: NudgeDecision[] = [];
  // A plan of 10,000 items has a few timezones and a few hundred distinct dates: each is worked out once per pass.
  const localIn = remembered((timeZone: string) => {
    const local = localTime(input.now, timeZone);
    // Nobody is chased at weekends, on bank holidays, or before the morning send time.
    return { ...local, open: isWorkingDay(local.date, input.settings.holidays) && local.minutes >= input.settings.sendAtMinutes };
  });
  const answeredFrom = remembered((nominal: string) => addDaysIso(nominal, -input.settings.overdueEveryDays));
  const deadlines = remembered((key: string) => {
    const [end, today] = key.split(' ') as [IsoDate, IsoDate];
    return latest(deadlineNudges(end, today, input.settings), today);
  });
  const stales = remembered((key: string) => {
    const [last, today] = key.split(' ') as [IsoDate, IsoDate];
    return latest(staleNudges(last, today, input.settings), today);
  });
  for (const { rec, recipients, rearmedAt } of input.items) {
    // A completion proposed and awaiting sign-off is the admins' to answer: its owners are not chased meanwhile.
    if (isClosed(rec.status) || rec.proposal || !recipients.length) continue;
    const lastUpdate = rec.updates.reduce((d, u) => (u.date > d ? u.date : d), '') || input.planAsOf;
    for (const r of recipients) {
      const local = localIn(r.timeZone ?? input.planTimeZone);
      if (!local.open) continue;
      const pref = prefs.get(`${rec.id}\n${r.id}`);
      const live = pref && !(rearmedAt && rearmedAt > pref.setAt) ? pref : null;
      if (live?.muted) continue;
      const deadline = rec.delivery.end ? deadlines(`${rec.delivery.end} ${local.date}`) : null;
      // An update on or after the previous weekly chase answers this one.
      const answered = deadline?.kind === 'overdue' && lastUpdate >= answeredFrom(deadline.nominal);
      const chase = answered ? null : deadline;
      // Overdue items are chased weekly already, so "no update" nudges are for items not yet late.
      const stale = deadline?.kind === 'overdue' ? null : stales(`${lastUpdate} ${local.date}`);
      // The most recent nudge wins (a deadline nudge on a tie): one a day per item and person, and no stale catch-up.
      const nudge = stale && (!chase || stale.on > chase.on) ? stale : chase;
      if (!nudge || (live?.snoozedUntil && nudge.on < live.snoozedUntil)) continue;
      decisions.push({ kind: nudge.kind, item: rec.id, to: r.id, on: nudge.on, key: `${nudge.kind}:${rec.id}:${r.id}:${nudge.on}` });
    }
  }
  return decisions;
}

/** A pure function of one string, worked out once per distinct argument. */
function remembered<T>(work: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = work(key);
    known.set(key, value);
    return value;
  };
}

/** The last scheduled nudge that has gone out by `today` (schedules are in date order). */
function latest(schedule: ScheduledNudge[], today: IsoDate): ScheduledNudge | null {
  let found: ScheduledNudge | null = null;
  for (const s of schedule) if (s.on <= today && (!found || s.on >= found.on)) found = s;
  return found;
}
