import type { IsoDate } from '../../dates/delivery-window.js';
import { readDay, readPastDay } from '../../report/paper-request.js';
import { formatDate } from '../format.js';

/** Words said in front of the day itself: "on 5 December", "as of yesterday". */
const LEAD = /^(?:on|as\s+of|as\s+at|at|since|from|in|by)\s+/i;
/** Days that can only be ahead of today, which no reading should move a year back. */
const AHEAD = /\b(?:tomorrow|next|coming|upcoming)\b/i;

/**
 * When a completion says it was done ("on 5 December", "yesterday", "last week"): one day written out, so the update
 * still says when after "yesterday" has passed; a longer time as said. A time still to come is refused (`ahead`): an
 * item is complete when it is done, not when it will be.
 */
export function whenDone(said: string, today: IsoDate): { words: string } | { ahead: true } {
  const phrase = said.trim().replace(LEAD, '');
  const read = AHEAD.test(phrase) ? readDay : readPastDay;
  const start = read(phrase, today, 'start');
  const end = read(phrase, today, 'end');
  if (!start.ok || !end.ok || start.day === null || end.day === null) return { words: said.trim() };
  if (start.day > today) return { ahead: true };
  return { words: start.day === end.day ? `on ${formatDate(start.day)}` : said.trim() };
}
