import { months, type Context, type Span } from './reading.js';
import { yearValue } from './words.js';

const YEAR_ONLY = /^(?:calendar year )?(\d{4}|(?:this|current|next|last) year)$/;

/** A whole calendar year: "2017", "next year". */
export function matchYear(text: string, ctx: Context): Span | null {
  const found = YEAR_ONLY.exec(text);
  if (!found) return null;
  const y = yearValue(found[1] ?? '', ctx.today);
  return y === null ? null : months(y, 1, 12, 'year');
}
