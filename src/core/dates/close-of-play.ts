import { compareDays } from './calendar.js';
import { isSpan, single, type Matcher } from './reading.js';

/** The end of a working day in its office spellings: EOD, COB, COP, EOP, "close of play"… */
const CLOSE = '(?:eod|eob|cob|cop|eop|end of (?:the )?(?:day|play|business)|close of (?:the )?(?:day|play|business))';
const ALONE = new RegExp(`^${CLOSE}$`);
const BEFORE_DAY = new RegExp(`^${CLOSE},? (?:on )?(.+)$`);
const AFTER_DAY = new RegExp(`^(.+?),? ${CLOSE}$`);

/**
 * "COB" alone is the end of today; "EOD Friday", "by COB Thursday", "Friday COB" are that day.
 * The hour is dropped: a delivery date is a day. The day is read by `readDay` (passed in to keep
 * the reader order in read-delivery.ts) and must be one day, not a window.
 */
export function closeOfPlay(readDay: Matcher): Matcher {
  return (text, ctx) => {
    if (ALONE.test(text)) return single(ctx.today);
    const dayText = BEFORE_DAY.exec(text)?.[1] ?? AFTER_DAY.exec(text)?.[1];
    if (dayText === undefined) return null;
    const found = readDay(dayText, ctx);
    if (!isSpan(found)) return found;
    return found.precision === 'day' && compareDays(found.start, found.end) === 0 ? found : null;
  };
}
