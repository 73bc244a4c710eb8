import { addDays, mondayOf, type Day } from './calendar.js';
import { isSpan, span, type Context, type Matcher, type Span } from './reading.js';

/** UK weeks run Monday–Sunday. */
function weekFrom(first: Day): Span {
  return span(first, addDays(first, 6), 'week');
}

const RELATIVE = /^(this|current|next|last) week$|^(?:the )?week (after next)$/;
const COMMENCING = /^(?:w\/c|w\/b|wc|week commencing|week beginning|week starting) (.+)$/;
const ENDING = /^(?:w\/e|week ending) (.+)$/;

const SHIFT: Record<string, number> = { next: 7, last: -7, 'after next': 14 };

/** "this week", "next week", "the week after next": Monday to Sunday. */
export function matchWeek(text: string, ctx: Context): Span | null {
  const relative = RELATIVE.exec(text);
  if (!relative) return null;
  const shift = SHIFT[relative[1] ?? relative[2] ?? ''] ?? 0;
  return weekFrom(addDays(mondayOf(ctx.today), shift));
}

/**
 * "w/c 9 October" (week commencing) and "w/e 13 October" (week ending): seven days from or to
 * a day read by `readDay`. Passed in rather than imported to keep the reader order in one place.
 */
export function weekAround(readDay: Matcher): Matcher {
  return (text, ctx) => {
    const commencing = COMMENCING.exec(text);
    const ending = commencing ? null : ENDING.exec(text);
    const dayText = commencing?.[1] ?? ending?.[1];
    if (dayText === undefined) return null;
    const found = readDay(dayText, ctx);
    if (!isSpan(found)) return found;
    if (found.precision !== 'day') return null;
    return weekFrom(commencing ? found.start : addDays(found.start, -6));
  };
}
