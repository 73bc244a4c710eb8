import { MONTH_NAMES as MONTHS } from '../dates/calendar.js';
import type { IsoDate } from '../dates/delivery-window.js';
import { leadingDate } from '../plan/table/update-dates.js';

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

/**
 * Whether an update opens with its own day as its writer wrote it ("14.06.17 COMPLETE – …", unsigned): a paper then
 * shows the words alone rather than "14/06/2017: 14.06.17 COMPLETE – …". Reading the paper back dates the entry by
 * those same words, so nothing is lost.
 */
export function opensWithItsDay(u: { date: IsoDate; text: string; author?: string | null }): boolean {
  if (u.author) return false;
  const lead = leadingDate(u.text);
  return lead !== null && lead.strip === 0 && lead.date === u.date;
}
