import type { IsoDate } from '../dates/delivery-window.js';
import { workingDayOnOrAfter, workingDayOnOrBefore } from './bank-holidays.js';
import { addDaysIso } from './local-time.js';
import type { ReminderSettings } from './settings.js';

/** What a nudge is about; `chase` is a person asking for an update now (`chase 4.1.1`), not the schedule. */
export type NudgeKind = 'due_soon' | 'due_today' | 'overdue' | 'stale' | 'chase';

export interface ScheduledNudge {
  kind: NudgeKind;
  /** The working day it goes out. */
  on: IsoDate;
  /** The day the rule named before moving it off a weekend or bank holiday. */
  nominal: IsoDate;
}

/**
 * The nudges for an item whose delivery window ends on `end`, up to `until`. A nudge that would
 * fall on a non-working day goes out on the working day before — except "overdue", which moves
 * to the working day after, since it must never arrive before the item is late.
 */
export function deadlineNudges(end: IsoDate, until: IsoDate, settings: ReminderSettings): ScheduledNudge[] {
  const out: ScheduledNudge[] = [];
  for (const days of [...settings.daysBefore].sort((a, b) => b - a)) {
    if (days > 0) out.push(before('due_soon', addDaysIso(end, -days), settings));
  }
  out.push(before('due_today', end, settings));
  for (let nominal = addDaysIso(end, 1); nominal <= until; nominal = addDaysIso(nominal, settings.overdueEveryDays)) {
    out.push({ kind: 'overdue', nominal, on: workingDayOnOrAfter(nominal, settings.holidays) });
  }
  return out;
}

/** "No update for 30 days", again every 30 days while nothing is posted. */
export function staleNudges(lastUpdate: IsoDate, until: IsoDate, settings: ReminderSettings): ScheduledNudge[] {
  const out: ScheduledNudge[] = [];
  for (let nominal = addDaysIso(lastUpdate, settings.staleAfterDays); nominal <= until; nominal = addDaysIso(nominal, settings.staleAfterDays)) {
    out.push({ kind: 'stale', nominal, on: workingDayOnOrAfter(nominal, settings.holidays) });
  }
  return out;
}

function before(kind: NudgeKind, nominal: IsoDate, settings: ReminderSettings): ScheduledNudge {
  return { kind, nominal, on: workingDayOnOrBefore(nominal, settings.holidays) };
}
