import { day, type Day } from './calendar.js';
import { single, type Context, type Span } from './reading.js';

/**
 * "Year end" / "EOY" name a deadline day, 31 December, like every "end of …" phrase
 * (parts-of-period.ts reads "end of 2017" and "end of the year" the same way).
 * The financial year end is financial-year.ts ("financial year end", "FYE").
 */
const YEAR_END = /^(?:(?:calendar )?year end|eoy)(?: (\d{4}))?$|^(\d{4}) year end$/;

export function matchYearEnd(text: string, ctx: Context): Span | null {
  const found = YEAR_END.exec(text);
  if (!found) return null;
  const year = Number(found[1] ?? found[2] ?? ctx.today.y);
  return single(day(year, 12, 31) as Day);
}
