import { dateFormatter } from './formatter.js';
import type { IsoDate } from './delivery-window.js';

/** The calendar day an instant falls on in a timezone: "today" for the person asking. */
export function todayIn(now: Date, timeZone: string): IsoDate {
  // Every request asks this, often more than once: the day is remembered per timezone for the minute it was
  // worked out in (a day starts on a minute's boundary in every timezone in use since 1972), so most calls format nothing.
  const minute = Math.floor(now.getTime() / 60_000);
  const last = LAST_DAY.get(timeZone);
  if (last && last.minute === minute) return last.day;
  // en-CA formats as YYYY-MM-DD.
  const day = dateFormatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  LAST_DAY.set(timeZone, { minute, day });
  return day;
}

const LAST_DAY = new Map<string, { minute: number; day: IsoDate }>();

/** True when the name is an IANA timezone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    dateFormatter('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
