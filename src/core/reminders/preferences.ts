import type { IsoDate } from '../dates/delivery-window.js';
import { formatDate } from '../ask/format.js';
import type { NudgePreference } from './decide-nudges.js';
import { addDaysIso } from './local-time.js';

export const SNOOZE_DAYS = 7;

/** "Snooze a week": no nudges about this item for this person until a week from today. */
export function snooze(item: string, recipient: string, today: IsoDate, now: Date): { preference: NudgePreference; message: string } {
  return snoozeUntil(item, recipient, addDaysIso(today, SNOOZE_DAYS), now);
}

/** "Stop nudges for this item": none until it is re-dated or reopened. */
export function mute(item: string, recipient: string, now: Date): { preference: NudgePreference; message: string } {
  return {
    preference: { item, recipient, snoozedUntil: null, muted: true, setAt: now.toISOString() },
    message: `You won't be nudged about ${item} again unless it is re-dated or reopened. The weekly digest still lists it.`,
  };
}

/** "snooze 4.2.1 until 1 March": no nudges about this item for this person before that day. */
export function snoozeUntil(item: string, recipient: string, until: IsoDate, now: Date): { preference: NudgePreference; message: string } {
  return {
    preference: { item, recipient, snoozedUntil: until, muted: false, setAt: now.toISOString() },
    message: `Snoozed: no nudges about ${item} until ${formatDate(until)}. Re-dating or reopening it starts them again.`,
  };
}

/** "resume reminders for 4.2.1": a snooze or a stop undone; nudges come when they are due. */
export function resume(item: string, recipient: string, now: Date): { preference: NudgePreference; message: string } {
  return {
    preference: { item, recipient, snoozedUntil: null, muted: false, setAt: now.toISOString() },
    message: `Nudges about ${item} are back on: you'll be reminded before it is due and chased when it is late.`,
  };
}
