import type { ShiftUnit } from '../../dates/shift-window.js';
import { NUMBER, numberOf } from './query-kinds.js';

/** A length of time, in the units dates move by. */
export interface Span {
  amount: number;
  unit: ShiftUnit;
}

/** "two months", "by 6 weeks", "back by a fortnight", "another quarter", "a month more": a count (or "a") and a unit. */
const SPAN = new RegExp(
  String.raw`^(?:(?:back|out|on)\s+)?(?:by\s+)?(?:(another|a further|an extra|an?)\s+|${NUMBER}\s+(?:more\s+|further\s+|extra\s+)?)(days?|weeks?|fortnights?|months?|quarters?|years?)(?:\s+(?:more|longer|later))?$`,
  'i',
);

/** How long a phrase says, a fortnight as two weeks and a quarter as three months; null when it is not a length of time. */
export function readSpan(phrase: string): Span | null {
  const m = SPAN.exec(phrase.trim());
  if (!m) return null;
  const n = m[1] !== undefined ? 1 : numberOf(m[2]!);
  if (n === null || n <= 0) return null;
  const word = m[3]!.toLowerCase().replace(/s$/, '');
  if (word === 'fortnight') return { amount: 2 * n, unit: 'week' };
  if (word === 'quarter') return { amount: 3 * n, unit: 'month' };
  return { amount: n, unit: word as ShiftUnit };
}
