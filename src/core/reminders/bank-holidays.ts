import { addDays, day, endOfMonth, isoDate, parseIso, weekday, type Day } from '../dates/calendar.js';
import type { IsoDate } from '../dates/delivery-window.js';
import { easterDay } from '../dates/easter.js';

/**
 * Bank holidays of England and Wales, computed by rule, with the one-off changes the
 * government has made by proclamation listed below. weekday(): 1 = Monday … 7 = Sunday.
 */

/** Proclaimed changes: a rule-day moved (from → to) or an extra holiday (from: null). */
const PROCLAIMED: Array<{ from: IsoDate | null; to: IsoDate; why: string }> = [
  { from: null, to: '2011-04-29', why: 'Royal wedding' },
  { from: '2012-05-28', to: '2012-06-04', why: 'Spring bank holiday moved for the Diamond Jubilee' },
  { from: null, to: '2012-06-05', why: 'Diamond Jubilee' },
  { from: '2020-05-04', to: '2020-05-08', why: 'Early May bank holiday moved for VE Day' },
  { from: '2022-05-30', to: '2022-06-02', why: 'Spring bank holiday moved for the Platinum Jubilee' },
  { from: null, to: '2022-06-03', why: 'Platinum Jubilee' },
  { from: null, to: '2022-09-19', why: 'State funeral of Queen Elizabeth II' },
  { from: null, to: '2023-05-08', why: 'Coronation of King Charles III' },
];

const cache = new Map<number, Set<IsoDate>>();

export function bankHolidays(year: number): Set<IsoDate> {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterDay(year);
  const days = new Set<IsoDate>([
    ...substituted([day(year, 1, 1)!]),
    isoDate(addDays(easter, -2)), // Good Friday
    isoDate(addDays(easter, 1)), // Easter Monday
    isoDate(firstMonday(year, 5)), // Early May
    isoDate(lastMonday(year, 5)), // Spring
    isoDate(lastMonday(year, 8)), // Summer
    ...substituted([day(year, 12, 25)!, day(year, 12, 26)!]), // Christmas and Boxing Day
  ]);
  for (const p of PROCLAIMED) {
    if (!p.to.startsWith(`${year}-`)) continue;
    if (p.from) days.delete(p.from);
    days.add(p.to);
  }
  cache.set(year, days);
  return days;
}

export function isBankHoliday(date: IsoDate): boolean {
  return bankHolidays(Number(date.slice(0, 4))).has(date);
}

export function isWorkingDay(date: IsoDate): boolean {
  const wd = weekday(parseIso(date));
  return wd < 6 && !isBankHoliday(date);
}

/** The date itself when it is a working day, else the working day before it. */
export function workingDayOnOrBefore(date: IsoDate): IsoDate {
  return remembered(before, date, -1);
}

/** The date itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return remembered(after, date, 1);
}

// A scheduler pass over a large plan asks about the same few hundred days tens of thousands of times.
const before = new Map<IsoDate, IsoDate>();
const after = new Map<IsoDate, IsoDate>();

function remembered(known: Map<IsoDate, IsoDate>, date: IsoDate, step: 1 | -1): IsoDate {
  let found = known.get(date);
  if (found === undefined) {
    let d = parseIso(date);
    while (!isWorkingDay(isoDate(d))) d = addDays(d, step);
    found = isoDate(d);
    known.set(date, found);
  }
  return found;
}

/**
 * A holiday that falls at a weekend is "substituted" by the next weekday that is not already a
 * holiday: Christmas on a Saturday gives Monday 27th, and Boxing Day then Tuesday 28th.
 */
function substituted(holidays: Day[]): IsoDate[] {
  const taken = new Set<IsoDate>();
  for (const h of holidays) {
    let d = h;
    while (weekday(d) >= 6 || taken.has(isoDate(d))) d = addDays(d, 1);
    taken.add(isoDate(d));
  }
  return [...taken];
}

function firstMonday(year: number, month: number): Day {
  let d = day(year, month, 1)!;
  while (weekday(d) !== 1) d = addDays(d, 1);
  return d;
}

function lastMonday(year: number, month: number): Day {
  let d = endOfMonth(year, month);
  while (weekday(d) !== 1) d = addDays(d, -1);
  return d;
}
