import { addDays, day, endOfMonth, isoDate, parseIso, weekday, type Day } from '../dates/calendar.js';
import type { IsoDate } from '../dates/delivery-window.js';
import { easterDay } from '../dates/easter.js';

/**
 * Bank holidays of the three UK calendars, computed by rule, with the one-off changes the
 * government has made by proclamation listed below. weekday(): 1 = Monday … 7 = Sunday.
 */

/** Bank holidays are devolved: each plan chooses whose days its reminders skip. */
export const HOLIDAY_CALENDARS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

export const HOLIDAY_CALENDAR_LABELS: Record<HolidayCalendar, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** A plan's calendar is stored as text, so it has to be checked before it is trusted. */
export function isHolidayCalendar(value: string): value is HolidayCalendar {
  return (HOLIDAY_CALENDARS as readonly string[]).includes(value);
}

/**
 * Proclaimed changes: a rule-day moved (from → to) or an extra holiday (from: null). Every one of
 * these was proclaimed for the whole UK, and each moved day is on the same rule in all three calendars.
 */
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

const cache = new Map<string, Set<IsoDate>>();

export function bankHolidays(year: number, calendar: HolidayCalendar = 'england-and-wales'): Set<IsoDate> {
  const key = `${calendar} ${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const days = new Set<IsoDate>(ruleDays(year, calendar));
  for (const p of PROCLAIMED) {
    if (!p.to.startsWith(`${year}-`)) continue;
    if (p.from) days.delete(p.from);
    days.add(p.to);
  }
  cache.set(key, days);
  return days;
}

function ruleDays(year: number, calendar: HolidayCalendar): IsoDate[] {
  const easter = easterDay(year);
  const common = [
    isoDate(addDays(easter, -2)), // Good Friday
    isoDate(firstMonday(year, 5)), // Early May
    isoDate(lastMonday(year, 5)), // Spring
    ...substituted([day(year, 12, 25)!, day(year, 12, 26)!]), // Christmas and Boxing Day
  ];
  if (calendar === 'scotland') {
    return [
      ...common,
      // 2 January is a holiday in its own right, so a weekend New Year pushes both along.
      ...substituted([day(year, 1, 1)!, day(year, 1, 2)!]),
      isoDate(firstMonday(year, 8)), // Scotland's summer holiday opens August rather than closing it
      ...substituted([day(year, 11, 30)!]), // St Andrew's Day
    ];
  }
  const rest = [
    ...common,
    ...substituted([day(year, 1, 1)!]),
    isoDate(addDays(easter, 1)), // Easter Monday
    isoDate(lastMonday(year, 8)), // Summer
  ];
  if (calendar === 'england-and-wales') return rest;
  if (calendar === 'northern-ireland') {
    // Substituted alone: a weekend 17 March moves to 18th or 19th, before the earliest Good Friday
    // (20 March), and nothing else falls near 12 July.
    return [...rest, ...substituted([day(year, 3, 17)!]), ...substituted([day(year, 7, 12)!])];
  }
  // The calendar comes from a text column; a typo must not quietly become England's days.
  throw new Error(`Unknown bank holiday calendar: ${String(calendar)}`);
}

export function isBankHoliday(date: IsoDate, calendar: HolidayCalendar = 'england-and-wales'): boolean {
  return bankHolidays(Number(date.slice(0, 4)), calendar).has(date);
}

export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar = 'england-and-wales'): boolean {
  const wd = weekday(parseIso(date));
  return wd < 6 && !isBankHoliday(date, calendar);
}

/** The date itself when it is a working day, else the working day before it. */
export function workingDayOnOrBefore(date: IsoDate, calendar: HolidayCalendar = 'england-and-wales'): IsoDate {
  return remembered(before, date, -1, calendar);
}

/** The date itself when it is a working day, else the next working day. */
export function workingDayOnOrAfter(date: IsoDate, calendar: HolidayCalendar = 'england-and-wales'): IsoDate {
  return remembered(after, date, 1, calendar);
}

// A scheduler pass over a large plan asks about the same few hundred days tens of thousands of times.
const before = new Map<HolidayCalendar, Map<IsoDate, IsoDate>>();
const after = new Map<HolidayCalendar, Map<IsoDate, IsoDate>>();

function remembered(
  memo: Map<HolidayCalendar, Map<IsoDate, IsoDate>>,
  date: IsoDate,
  step: 1 | -1,
  calendar: HolidayCalendar,
): IsoDate {
  let known = memo.get(calendar);
  if (!known) memo.set(calendar, (known = new Map()));
  let found = known.get(date);
  if (found === undefined) {
    let d = parseIso(date);
    while (!isWorkingDay(isoDate(d), calendar)) d = addDays(d, step);
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
