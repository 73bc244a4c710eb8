import { isoDate, type Day } from './calendar.js';
import type { IsoDate } from './delivery-window.js';

/**
 * Easter Sunday in the Gregorian calendar, by the anonymous ("Meeus/Jones/Butcher") algorithm.
 * Exported as an ISO date because the reminders module reuses it for bank holidays
 * (Good Friday is two days before, Easter Monday the day after).
 */
export function easterDay(year: number): Day {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return { y: year, m: month, d: date };
}

export function easterSunday(year: number): IsoDate {
  return isoDate(easterDay(year));
}
