import { addDays, addMonths, isoDate, MONTH_NAMES, parseIso, wholeMonths } from './calendar.js';
import type { DeliveryWindow, IsoDate } from './delivery-window.js';

export type ShiftUnit = 'day' | 'week' | 'month' | 'year';

/**
 * The delivery phrase for a date moved on by an amount ("extend 4.2.1 by two months"), written as a board
 * would write the new date, for the date reader to read like any other: a window of one month stays a month
 * ("September 2017" + 2 months = "November 2017"); anything else becomes the day its end moves to ("31 May 2018").
 * Null when the window has no end to move.
 */
export function shiftedPhrase(window: DeliveryWindow, amount: number, unit: ShiftUnit): string | null {
  if (window.end === null) return null;
  const end = parseIso(window.end);
  const months = unit === 'year' ? amount * 12 : unit === 'month' ? amount : null;
  if (months !== null && window.start !== null && wholeMonths(parseIso(window.start), end) === 1) {
    const moved = addMonths({ ...end, d: 1 }, months);
    return `${MONTH_NAMES[moved.m - 1]} ${moved.y}`;
  }
  const moved = parseIso(addSpan(window.end, amount, unit));
  return `${moved.d} ${MONTH_NAMES[moved.m - 1]} ${moved.y}`;
}

/** The day a length of time after `from`: calendar months and years clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addSpan(from: IsoDate, amount: number, unit: ShiftUnit): IsoDate {
  const day = parseIso(from);
  if (unit === 'month' || unit === 'year') return isoDate(addMonths(day, amount * (unit === 'year' ? 12 : 1)));
  return isoDate(addDays(day, amount * (unit === 'week' ? 7 : 1)));
}
