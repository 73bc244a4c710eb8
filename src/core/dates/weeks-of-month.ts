import { addDays, compareDays, endOfMonth, MONTH_NAMES, weekday, type Day } from './calendar.js';
import { span, type Context, type Found, type Span } from './reading.js';
import { matchMonth } from './months.js';

/**
 * "first week of November", "last week of November", "second week of January 2018".
 *
 * Weeks run Monday–Sunday, and a month's weeks are the ones that START in it: the first week
 * is the one beginning on the month's first Monday, the last the one beginning on its last
 * Monday. So the first week of November 2017 (1 November is a Wednesday) is 6–12 November,
 * and the last is 27 November – 3 December. This is how "w/c" planners count, and it never
 * gives a week that is mostly in the month before.
 */
const NTH = /^(?:the )?(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) week (?:of|in) (.+)$/;
const NTH_WORDS = ['first', 'second', 'third', 'fourth', 'fifth'];

function nthValue(word: string): number {
  if (word === 'last') return -1;
  return /^\d/.test(word) ? Number(word[0]) : NTH_WORDS.indexOf(word) + 1;
}

/** The Monday that starts week n (or the last, n = -1) of the month, or null if it has none. */
function nthMonday(month: Span, n: number): Day | null {
  const { y, m } = month.start;
  const last = endOfMonth(y, m);
  if (n < 0) return addDays(last, -((weekday(last) + 6) % 7));
  const monday = addDays(month.start, (8 - weekday(month.start)) % 7 + 7 * (n - 1));
  return compareDays(monday, last) <= 0 ? monday : null;
}

function week(month: Span, n: number): Span | null {
  const monday = nthMonday(month, n);
  return monday ? span(monday, addDays(monday, 6), 'week') : null;
}

export function matchWeekOfMonth(text: string, ctx: Context): Found | null {
  const found = NTH.exec(text);
  if (!found) return null;
  const n = nthValue(found[1] ?? '');
  // A year-less month moves on once its week has passed; a missing fifth week is refused, not moved.
  const narrowed: Context = {
    today: ctx.today,
    ahead: (candidate) => {
      const w = week(candidate, n);
      return compareDays((w ?? candidate).end, ctx.today) >= 0;
    },
  };
  const month = matchMonth(found[2] ?? '', narrowed);
  if (!month) return null;
  const answer = week(month, n);
  if (answer) return answer;
  const name = `${MONTH_NAMES[month.start.m - 1]} ${month.start.y}`;
  return { refuse: `no ${NTH_WORDS[n - 1]} week starts in ${name}` };
}
