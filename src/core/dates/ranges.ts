import { addMonths, compareDays } from './calendar.js';
import { PRECISIONS } from './delivery-window.js';
import { isSpan, span, type Context, type Found, type Matcher, type Span } from './reading.js';
import { PERIOD_NAME as NAME } from './words.js';

/** Ways of writing "from … to …"; normalise.ts has already turned "Sept–Dec" into "sept to dec". */
const SPLITS = [
  /^between (?<left>.+?) and (?<right>.+)$/,
  /^(?:from )?(?<left>.+?) (?:to|till|until|through|thru|-) (?<right>.+)$/,
  /^(?<left>\d{1,2}(?:st|nd|rd|th)?)-(?<right>\d{1,2}(?:st|nd|rd|th)? .+)$/,
  new RegExp(`^(?<left>${NAME}(?: \\d{4})?)/(?<right>${NAME}\\b.*)$`),
];

/**
 * The left end of "March to May 2018" or "1–5 March 2018" shares the words the right end
 * finishes with, so it borrows them ("march 2018", "1 march 2018"). Failing that it is read
 * alone ("Oct 2017 – Jan 2018"); a year-less left end ("Sept–Dec") is the latest one that
 * starts within the year before the right end, so the range never runs backwards by a year.
 */
function readLeft(left: string, rightText: string, right: Span, read: Matcher, ctx: Context): Found | null {
  const words = rightText.split(' ');
  for (let k = 1; k < words.length; k++) {
    const found = read(`${left} ${words.slice(-k).join(' ')}`, ctx);
    if (found) return found;
  }
  const yearBefore = addMonths(right.start, -12);
  return read(left, { today: ctx.today, ahead: (c) => compareDays(c.start, yearBefore) > 0 });
}

function coarser(a: Span, b: Span): Span['precision'] {
  return PRECISIONS.indexOf(a.precision) >= PRECISIONS.indexOf(b.precision) ? a.precision : b.precision;
}

/**
 * A range of periods or days is one window, from the start of the first to the end of the
 * last, as precise as the coarser end ("Sept–Dec 2017" is months; "Q1–Q2 2018" quarters).
 */
export function matchRange(parts: Matcher[]): Matcher {
  const read: Matcher = (text, ctx) => {
    for (const part of parts) {
      const found = part(text, ctx);
      if (found) return found;
    }
    return null;
  };
  return (text, ctx) => {
    for (const split of SPLITS) {
      const { left, right: rightText } = split.exec(text)?.groups ?? {};
      if (left === undefined || rightText === undefined) continue;
      const right = read(rightText, ctx);
      if (!isSpan(right)) {
        if (right) return right;
        continue;
      }
      const first = readLeft(left, rightText, right, read, ctx);
      if (!isSpan(first)) {
        if (first) return first;
        continue;
      }
      if (compareDays(right.start, first.start) < 0 || compareDays(right.end, first.end) < 0) {
        return { refuse: 'the range ends before it starts: give the year at each end, e.g. "Dec 2017 – Jan 2018"' };
      }
      if (/^\d{4}$/.test(left) && /^\d{4}$/.test(rightText)) {
        return { refuse: 'a span of years could mean calendar or financial years; write "2018/19" or give months' };
      }
      return span(first.start, right.end, coarser(first, right));
    }
    return null;
  };
}
