import { addDays, day, type Day } from './calendar.js';
import { forward, single, type Context, type Span } from './reading.js';

/**
 * Christmas is 25 December, the next one on or after today unless a year is given.
 * "Before Christmas" means by Christmas Eve: offices close, so it is read as 24 December.
 * Easter moves every year and is not read.
 */
const CHRISTMAS = /^(before )?(?:christmas|xmas)(?: day)?(?: (\d{4}))?$/;
const EVE = /^(?:christmas|xmas) eve(?: (\d{4}))?$/;

function dayOf(year: number, d: number, shift: number): Span {
  return single(addDays(day(year, 12, d) as Day, shift));
}

export function matchFestive(text: string, ctx: Context): Span | null {
  const christmas = CHRISTMAS.exec(text);
  const eve = christmas ? null : EVE.exec(text);
  if (!christmas && !eve) return null;
  const shift = christmas?.[1] || eve ? -1 : 0;
  const year = christmas?.[2] ?? eve?.[1];
  if (year !== undefined) return dayOf(Number(year), 25, shift);
  return forward(ctx, (y) => dayOf(y, 25, shift));
}
