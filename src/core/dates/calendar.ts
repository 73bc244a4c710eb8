import type { IsoDate } from './delivery-window.js';

/** A calendar day (month 1–12). Arithmetic goes through UTC midnight so no clock or timezone leaks in. */
export interface Day {
  y: number;
  m: number;
  d: number;
}

/** The months' names, January first: how Concerto writes a month back. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** The day, or null when it does not exist (31 February). */
export function day(y: number, m: number, d: number): Day | null {
  return isValidDay(y, m, d) ? { y, m, d } : null;
}

function fromUtc(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(from: Day, n: number): Day {
  return fromUtc(Date.UTC(from.y, from.m - 1, from.d + n));
}

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(from: Day, n: number): Day {
  const first = fromUtc(Date.UTC(from.y, from.m - 1 + n, 1));
  return { ...first, d: Math.min(from.d, daysInMonth(first.y, first.m)) };
}

export function startOfMonth(y: number, m: number): Day {
  return fromUtc(Date.UTC(y, m - 1, 1));
}

export function endOfMonth(y: number, m: number): Day {
  return fromUtc(Date.UTC(y, m, 0));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(of: Day): number {
  return new Date(Date.UTC(of.y, of.m - 1, of.d)).getUTCDay() || 7;
}

/** Monday of the week containing the day (UK weeks run Monday–Sunday). */
export function mondayOf(of: Day): Day {
  return addDays(of, 1 - weekday(of));
}

export function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Whole months from start to end inclusive, or 0 if the span is not made of whole months. */
export function wholeMonths(start: Day, end: Day): number {
  if (start.d !== 1 || end.d !== daysInMonth(end.y, end.m)) return 0;
  return (end.y - start.y) * 12 + end.m - start.m + 1;
}

export function isoDate(of: Day): IsoDate {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(of.y, 4)}-${pad(of.m, 2)}-${pad(of.d, 2)}`;
}

export function parseIso(iso: IsoDate): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const parsed = m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!parsed) throw new Error(`Not an ISO calendar date: ${iso}`);
  return parsed;
}
