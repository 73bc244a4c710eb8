import type { Day } from './calendar.js';

/** Regex source for a month name or abbreviation ("sept." included). Use with monthNumber(). */
export const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';

const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function monthNumber(name: string): number {
  return MONTH_KEYS.indexOf(name.slice(0, 3)) + 1;
}

/** Regex source for a named period ("Nov", "autumn", "Q1", "H2"), e.g. either side of a range dash. */
export const PERIOD_NAME = `(?:${MONTH}|spring|summer|autumn|fall|winter|q[1-4]|h[12])`;

export const WEEKDAY =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
  'mon|tues|tue|weds|wed|thurs|thur|thu|fri|sat|sun)\\.?';

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** ISO weekday number, 1 = Monday. */
export function weekdayNumber(name: string): number {
  return WEEKDAY_KEYS.indexOf(name.slice(0, 3)) + 1;
}

/** Small counts as written in plans: digits, "a"/"an", or words up to twelve. */
export const COUNT = '(\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

const COUNT_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

export function countValue(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  if (word === 'a' || word === 'an') return 1;
  return COUNT_WORDS.indexOf(word) + 1;
}

/** Ordinals for "first quarter", "2nd half": 1-based index or 0. */
export function ordinalValue(word: string): number {
  const ordinals: Record<string, number> = {
    first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4,
  };
  return ordinals[word] ?? 0;
}

/** Regex source for a year: "2018", "18", "'18", "this/next/last/the year". Use with yearValue(). */
export const YEAR = "(\\d{4}|'?\\d{2}|(?:this|the|current|next|last) year)";

/** Two-digit years are 20xx: a board plan has no business in the 1900s. */
export function yearValue(token: string, today: Day): number | null {
  if (/^\d{4}$/.test(token)) {
    const y = Number(token);
    return y >= 1900 && y <= 2199 ? y : null;
  }
  if (/^'?\d{2}$/.test(token)) return 2000 + Number(token.replace("'", ''));
  const relative = /^(this|the|current|next|last) year$/.exec(token);
  if (!relative) return null;
  if (relative[1] === 'next') return today.y + 1;
  if (relative[1] === 'last') return today.y - 1;
  return today.y;
}
