import { MONTH_NAMES as MONTHS } from '../dates/calendar.js';
import type { IsoDate } from '../dates/delivery-window.js';

/** "2017-10-04" → "4 October 2017", as a paper's "As at" line reads. */
export function longDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2017-06-14" → "14/06/2017": the board's own style for dating updates. */
export function boardDate(iso: IsoDate): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** True for a real calendar day written YYYY-MM-DD. */
export function isIsoDay(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}
