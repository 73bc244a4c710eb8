import { addDays, addMonths, mondayOf, weekday, type Day } from './calendar.js';
import { single, span, type Context, type DatedPrecision, type Span } from './reading.js';
import { COUNT, WEEKDAY, countValue, weekdayNumber } from './words.js';

// "EOD", "COB" and friends are close-of-play.ts.
const TODAY = /^(?:today|tonight|end of today)$/;
const TOMORROW = /^tomorrow$/;

const UNIT = '(days?|weeks?|fortnights?|months?|years?)';
const AFTER = new RegExp(`^(?:in ${COUNT} ${UNIT}(?:(?:'s|')? time)?|${COUNT} ${UNIT} from (?:now|today))$`);
/** "within 3 weeks", "in the next 2 weeks", "over the next month": a window from today. */
const WITHIN = new RegExp(`^(?:within|within the next|(?:in|over|during) the next) (?:${COUNT} )?${UNIT}$`);
/** "the next 2 weeks", "coming 10 days": the same window; the count is required so "next month" stays a calendar month. */
const NEXT_COUNTED = new RegExp(`^(?:the )?(?:next|coming) ${COUNT} ${UNIT}$`);
const NEXT_FORTNIGHT = /^(?:the )?(?:next|coming) fortnight$/;
/** A bare duration as a delivery date ("6 months", "12 weeks"): that long from the plan's or the update's date. */
const BARE = new RegExp(`^${COUNT} ${UNIT}$`);
/** Looking back: "the past week", "the last 30 days", "past fortnight": up to today. */
const PAST = new RegExp(`^(?:the )?(?:past|last|previous) (?:${COUNT} )?${UNIT}$`);
const SAME_DAY_NEXT = /^this time next (week|month|year)$/;
const NAMED_DAY = new RegExp(`^(?:(this|next|last) )?${WEEKDAY}(?: (this|next) week)?$`);

function later(today: Day, n: number, unit: string): Day {
  if (unit.startsWith('day')) return addDays(today, n);
  if (unit.startsWith('week')) return addDays(today, 7 * n);
  if (unit.startsWith('fortnight')) return addDays(today, 14 * n);
  if (unit.startsWith('month')) return addMonths(today, n);
  return addMonths(today, 12 * n);
}

/** "within 3 weeks" is a window from today, as precise as its unit. */
function unitPrecision(unit: string): DatedPrecision {
  if (unit.startsWith('day')) return 'day';
  if (unit.startsWith('month')) return 'month';
  if (unit.startsWith('year')) return 'year';
  return 'week';
}

/**
 * Weekdays, matching chrono's reading of "next": plain "Friday" / "this Friday" is the next
 * Friday on or after today; "next Friday" is the Friday of next (Monday–Sunday) week;
 * "last Friday" is the most recent one before today (chrono's forwardDate gets that wrong).
 */
function namedDay(today: Day, which: string | undefined, name: string, week: string | undefined): Day {
  const target = weekdayNumber(name);
  const now = weekday(today);
  if (which === 'next' || week === 'next') return addDays(mondayOf(today), 7 + target - 1);
  if (week === 'this') return addDays(mondayOf(today), target - 1);
  if (which === 'last') return addDays(today, -((now - target + 7) % 7 || 7));
  return addDays(today, (target - now + 7) % 7);
}

export function matchRelative(text: string, ctx: Context): Span | null {
  if (TODAY.test(text)) return single(ctx.today);
  if (TOMORROW.test(text)) return single(addDays(ctx.today, 1));
  const after = AFTER.exec(text);
  if (after) {
    const n = countValue(after[1] ?? after[3] ?? '');
    const unit = after[2] ?? after[4] ?? '';
    return n > 0 ? single(later(ctx.today, n, unit)) : null;
  }
  if (NEXT_FORTNIGHT.test(text)) return span(ctx.today, later(ctx.today, 1, 'fortnight'), 'week');
  const within = WITHIN.exec(text) ?? NEXT_COUNTED.exec(text);
  if (within) {
    const unit = within[2] ?? '';
    // A count may be left out only for one unit: "the next fortnight", never "the next weeks".
    const implied = /\b(?:the next)\b/.test(text) && !unit.endsWith('s') ? 1 : 0;
    const n = within[1] === undefined ? implied : countValue(within[1]);
    return n > 0 ? span(ctx.today, later(ctx.today, n, unit), unitPrecision(unit)) : null;
  }
  const bare = BARE.exec(text);
  if (bare) {
    const n = countValue(bare[1] ?? '');
    const unit = bare[2] ?? '';
    return n > 0 ? span(ctx.today, later(ctx.today, n, unit), unitPrecision(unit)) : null;
  }
  const past = PAST.exec(text);
  // "last week", "last month" are calendar periods (weeks.ts, months.ts); a count or "past" makes a stretch back from today.
  if (past && (past[1] !== undefined || /^(?:the )?past\b/.test(text) || /fortnight/.test(text))) {
    const n = past[1] === undefined ? 1 : countValue(past[1]);
    const unit = past[2] ?? '';
    return n > 0 ? span(later(ctx.today, -n, unit), ctx.today, unitPrecision(unit)) : null;
  }
  const sameDay = SAME_DAY_NEXT.exec(text);
  if (sameDay) return single(later(ctx.today, 1, sameDay[1] ?? ''));
  const named = NAMED_DAY.exec(text);
  if (named) {
    if (named[1] && named[3]) return null; // "next Friday next week" says it twice
    return single(namedDay(ctx.today, named[1], named[2] ?? '', named[3]));
  }
  return null;
}
