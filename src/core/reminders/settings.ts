import type { HolidayCalendar } from './bank-holidays.js';

/** When Concerto chases people. Every rule is configurable; these are the defaults the README documents. */
export interface ReminderSettings {
  /** Nudge owners this many days before the delivery window ends (and on the day itself). */
  daysBefore: number[];
  /** While an item is overdue, chase again every this many days. */
  overdueEveryDays: number;
  /** An open item with no update for this many days gets a "no update" nudge. */
  staleAfterDays: number;
  /** Local time (in the owner's timezone) nudges go out, as minutes after midnight. */
  sendAtMinutes: number;
  /** Channel for the weekly digest; no digest without one. */
  digestChannel: string | null;
  /** ISO weekday of the digest: 1 = Monday … 5 = Friday. */
  digestWeekday: number;
  /** Local time (in the plan's timezone) of the digest, as minutes after midnight. */
  digestAtMinutes: number;
  /** The digest lists items due within this many days. */
  digestDueWithinDays: number;
  /** Whose bank holidays count as non-working days: the plan's setting. */
  holidays?: HolidayCalendar;
  /** Who administers every plan (CONCERTO_ADMINS): asked, with each plan's admins, to sign off proposed completions. */
  everyPlanAdmins?: string[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  daysBefore: [7, 1],
  overdueEveryDays: 7,
  staleAfterDays: 30,
  sendAtMinutes: 9 * 60,
  digestChannel: null,
  digestWeekday: 1,
  digestAtMinutes: 9 * 60,
  digestDueWithinDays: 14,
};
