import { addDays, compareDays, day, endOfMonth, wholeMonths, type Day } from './calendar.js';
import { months, single, span, type Context, type Span, type SpanMatcher } from './reading.js';

/**
 * Parts of a period: "end of X", "start of X", "early/mid/late X", where X is any period the
 * given matchers read ("September", "next month", "Q3", "summer 2018", "2017", "the financial year").
 *
 * - "end of X" / "start of X" name a deadline day: the last (first) day of X, precision `day`.
 *   The end of a week is its Friday: a working week.
 * - early/mid/late split X into thirds and keep X's precision: a month becomes days 1–10,
 *   11–20, 21–end (still `month` precision: it is a part of a month, not a day); a year,
 *   financial year or half splits by whole months (early 2018 = January–April, `year`);
 *   seasons and quarters by single months. Weeks are not split.
 * - "the back end of X" / "the tail end of X" are "late X", not a day: they name a stretch.
 */
type Cut = (period: Span) => Span | null;

const UNIT_ONLY = /^(?:the )?(month|week|quarter|year|financial year|fy)$/;
const END = /^(?:the )?end (?:of )?(.+)$/;
const END_SUFFIX = /^(month|quarter|week) end$/;
const START = /^(?:the )?(?:start|beginning) (?:of )?(.+)$/;
const THIRD = /^(early|the middle of|middle of|mid|late|(?:the )?(?:back|tail) end of) ?(.+)$/;

const end: Cut = (p) => (p.precision === 'week' ? single(addDays(p.start, 4)) : single(p.end));
const start: Cut = (p) => single(p.start);

function third(index: number): Cut {
  return (p) => {
    if (p.precision === 'week' || p.precision === 'day') return null;
    const count = wholeMonths(p.start, p.end);
    if (count === 1) {
      const first = day(p.start.y, p.start.m, 1 + 10 * index) as Day;
      const last = index === 2 ? endOfMonth(p.start.y, p.start.m) : addDays(first, 9);
      return span(first, last, p.precision);
    }
    if (count === 0 || count % 3 !== 0) return null;
    const size = count / 3;
    return months(p.start.y, p.start.m + index * size, size, p.precision);
  };
}

function thirdIndex(word: string): number {
  return word === 'early' ? 0 : word === 'late' || word.endsWith('end of') ? 2 : 1;
}

/** "the month" / "month" alone mean the current one here ("end of the month", "end of month"). */
function periodText(rest: string): string {
  const unit = UNIT_ONLY.exec(rest);
  return unit ? `this ${unit[1]}` : rest.replace(/^the /, '');
}

export function partOfPeriod(periods: SpanMatcher[]) {
  return (text: string, ctx: Context): Span | null => {
    const endSuffix = END_SUFFIX.exec(text);
    const endOf = endSuffix ? null : END.exec(text);
    const startOf = START.exec(text);
    const thirdOf = THIRD.exec(text);
    let cut: Cut | null = null;
    let rest = '';
    if (endSuffix) [cut, rest] = [end, endSuffix[1] ?? ''];
    else if (endOf) [cut, rest] = [end, endOf[1] ?? ''];
    else if (startOf) [cut, rest] = [start, startOf[1] ?? ''];
    else if (thirdOf) [cut, rest] = [third(thirdIndex(thirdOf[1] ?? '')), thirdOf[2] ?? ''];
    if (!cut) return null;
    const apply = cut;
    // A year-less period ("early March") moves on to next year once the part itself has passed.
    const narrowed: Context = {
      today: ctx.today,
      ahead: (candidate) => {
        const part = apply(candidate);
        return part !== null && compareDays(part.end, ctx.today) >= 0;
      },
    };
    const phrase = periodText(rest);
    for (const read of periods) {
      const period = read(phrase, narrowed);
      if (period && period.precision !== 'day') return apply(period);
    }
    return null;
  };
}
