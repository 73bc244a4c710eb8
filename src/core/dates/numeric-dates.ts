import { day, daysInMonth, MONTH_NAMES, weekday } from './calendar.js';
import { months, nextDay, single, type Context, type Found } from './reading.js';
import { WEEKDAY, weekdayNumber } from './words.js';


/** Day-first, always: 1/2/18 is 1 February 2018, never 2 January. */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const ISO = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})\/(\d{4})$/;
/** "2017-11" (ISO). A consecutive pair ("2017-18") is read first by financial-year.ts. */
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})$/;
const WITH_WEEKDAY = new RegExp(`^${WEEKDAY},? (.+)$`);

/**
 * Recommendation numbers ("4.2.1", "10.11.12") look like dotted dates. A dotted triple is read
 * as a date only when it cannot be an ordinary id: a four-digit year, or a two-digit day and
 * month with a zero-padded part or a day above 12 ("14.06.17", "01.02.18", "25.12.17").
 */
export function isDottedDate(d: string, m: string, y: string): boolean {
  if (y.length === 4) return true;
  return d.length === 2 && m.length === 2 && (d.startsWith('0') || m.startsWith('0') || Number(d) > 12);
}

function dated(y: number, m: number, d: number, dayName?: string): Found {
  if (m < 1 || m > 12) return { refuse: `there is no month ${m}` };
  if (d < 1) return { refuse: `there is no day ${d}` };
  const found = day(y, m, d);
  if (!found) {
    const month = `${MONTH_NAMES[m - 1]} ${y}`;
    return { refuse: `${month} has ${daysInMonth(y, m)} days` };
  }
  if (dayName && weekday(found) !== weekdayNumber(dayName)) {
    return { refuse: `${d} ${MONTH_NAMES[m - 1]} ${y} is not a ${dayName}` };
  }
  return single(found);
}

function wholeMonth(y: number, m: number): Found {
  return m >= 1 && m <= 12 ? months(y, m, 1, 'month') : { refuse: `there is no month ${m}` };
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

export function matchNumericDate(text: string, ctx: Context): Found | null {
  const named = WITH_WEEKDAY.exec(text);
  const body = named?.[2] ?? text;
  const dayName = named?.[1];

  const dm = DAY_FIRST.exec(body);
  if (dm) {
    const [, d = '', sep, m = '', y = ''] = dm;
    if (sep === '.' && !isDottedDate(d, m, y)) return null;
    return dated(fullYear(y), Number(m), Number(d), dayName);
  }
  const iso = ISO.exec(body);
  if (iso) return dated(Number(iso[1]), Number(iso[3]), Number(iso[4]), dayName);

  const my = named ? null : MONTH_YEAR.exec(text);
  if (my) return wholeMonth(Number(my[2]), Number(my[1]));
  const isoMonth = named ? null : ISO_MONTH.exec(text);
  if (isoMonth) return wholeMonth(Number(isoMonth[1]), Number(isoMonth[2]));
  const dayMonth = named ? null : DAY_MONTH.exec(text);
  if (dayMonth) {
    // "10/11" without a year: the next 10 November on or after today.
    const [d, m] = [Number(dayMonth[1]), Number(dayMonth[2])];
    if (m < 1 || m > 12) return { refuse: `there is no month ${m}` };
    return nextDay(ctx, m, d) ?? { refuse: `there is no ${d}/${m} in the coming year` };
  }
  return null;
}

/** Dotted numbers that are not dates are refused with a reason rather than guessed at. */
export function matchRecommendationId(text: string): Found | null {
  if (!/^\d+(?:\.\d+)+$/.test(text)) return null;
  const parts = text.split('.');
  const [d = '', m = '', y = ''] = parts;
  if (parts.length === 3 && isDottedDate(d, m, y)) return null;
  return { refuse: 'that looks like a recommendation number, not a date' };
}

