import type { IsoDate } from '../dates/delivery-window.js';
import { isOverdue, type Recommendation } from '../plan/recommendation.js';
import { STATUSES, type Status } from '../plan/status.js';
import { parseIso, weekday } from '../dates/calendar.js';
import { isWorkingDay, workingDayOnOrBefore } from './bank-holidays.js';
import { addDaysIso, localTime } from './local-time.js';
import type { ReminderSettings } from './settings.js';

export interface DigestDecision {
  kind: 'digest';
  item: null;
  to: string;
  key: string;
  on: IsoDate;
}

/**
 * The weekly digest that is due now, if any: the most recent digest day (moved to the working day
 * before when it is a bank holiday) whose send time has passed. Only the latest counts, so a
 * scheduler that was down posts one digest, not one per missed week.
 */
export function decideDigest(now: Date, planTimeZone: string, settings: ReminderSettings): DigestDecision | null {
  if (!settings.digestChannel) return null;
  const local = localTime(now, planTimeZone);
  // Like every message, a digest (even a late one) only goes out on a working day.
  if (!isWorkingDay(local.date, settings.holidays)) return null;
  // A digest day a few days ahead can already be due: a bank-holiday Monday moves it to the Friday before.
  for (let offset = 7; offset > -14; offset--) {
    const nominal = addDaysIso(local.date, offset);
    if (weekday(parseIso(nominal)) !== settings.digestWeekday) continue;
    const on = workingDayOnOrBefore(nominal, settings.holidays);
    if (on > local.date || (on === local.date && local.minutes < settings.digestAtMinutes)) continue;
    return { kind: 'digest', item: null, to: settings.digestChannel, on, key: `digest:${settings.digestChannel}:${on}` };
  }
  return null;
}

/** What the digest says: plain data for any renderer. */
export interface DigestData {
  asAt: IsoDate;
  overdue: Recommendation[];
  dueSoon: Recommendation[];
  completed: Recommendation[];
  byStatus: Array<{ status: Status; count: number }>;
  total: number;
}

export function digestData(recs: Recommendation[], completedIds: Set<string>, today: IsoDate, settings: ReminderSettings): DigestData {
  const horizon = addDaysIso(today, settings.digestDueWithinDays);
  return {
    asAt: today,
    overdue: recs.filter((r) => isOverdue(r, today)),
    dueSoon: recs.filter((r) => r.status !== 'complete' && r.status !== 'not_being_implemented' && r.delivery.end && r.delivery.end >= today && r.delivery.end <= horizon),
    completed: recs.filter((r) => completedIds.has(r.id) && r.status === 'complete'),
    byStatus: STATUSES.map((status) => ({ status, count: recs.filter((r) => r.status === status).length })),
    total: recs.length,
  };
}
