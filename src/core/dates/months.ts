import { addMonths, startOfMonth } from './calendar.js';
import { forward, months, type Context, type Span } from './reading.js';
import { MONTH, YEAR, monthNumber, yearValue } from './words.js';

const NAMED = new RegExp(`^${MONTH}(?: of)?(?: ${YEAR})?$`);
const RELATIVE = /^(this|current|next|last) month$/;

/**
 * "Sep 17" is Excel's "Sep-17", i.e. September 2017; but "March 31" could be a day and
 * "March 32" is nonsense. A bare two-digit number after a month only counts as a year
 * within this many years of today; anything else is left to the day readers (or refused).
 */
const NEAR_YEARS = 5;

export function matchMonth(text: string, ctx: Context): Span | null {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const shift = relative[1] === 'next' ? 1 : relative[1] === 'last' ? -1 : 0;
    const first = addMonths(startOfMonth(ctx.today.y, ctx.today.m), shift);
    return months(first.y, first.m, 1, 'month');
  }
  const named = NAMED.exec(text);
  if (!named) return null;
  const m = monthNumber(named[1] ?? '');
  const token = named[2];
  // A month without a year is the next one that has not wholly passed.
  if (token === undefined) return forward(ctx, (y) => months(y, m, 1, 'month'));
  const y = yearValue(token, ctx.today);
  if (y === null) return null;
  if (/^\d{2}$/.test(token) && Math.abs(y - ctx.today.y) > NEAR_YEARS) return null;
  return months(y, m, 1, 'month');
}
