import { dateFormatter } from './formatter.js';
import type { IsoDate } from './delivery-window.js';

/** The calendar day an instant falls on in a timezone: "today" for the person asking. */
export function todayIn(now: Date, timeZone: string): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return dateFormatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** True when the name is an IANA timezone this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    dateFormatter('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
