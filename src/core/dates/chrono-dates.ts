import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';
import { day, weekday, type Day } from './calendar.js';
import { nextDay, single, type Context, type Found } from './reading.js';
import { MONTH } from './words.js';

const NAMES_A_MONTH = new RegExp(`\\b${MONTH}(?:\\b|\\d)`);

/**
 * chrono reads only the few phrases our own rules leave, and takes a tenth of a second to load: it is
 * loaded on first use, through its CommonJS build (which, unlike its ES module, can be loaded synchronously),
 * so a command that never reads such a phrase never pays for it.
 */
const requireCommonJs = createRequire(import.meta.url);
let loaded: typeof Chrono | undefined;
const chrono = (): typeof Chrono => (loaded ??= requireCommonJs('chrono-node') as typeof Chrono);

/**
 * The fallback for single days written with words: "31st March 2018", "Friday 13 October 2017",
 * "13 Oct". chrono reads loosely, so its answer is kept only when it is one reading that covers
 * the whole phrase, names a day and a month for certain (chrono turns "September 2017" into
 * 1 September), and agrees with any weekday written beside it. chrono ignores IANA zone names,
 * so it gets a plain noon-UTC reference built from today and we read back its components.
 */
export function matchChronoDay(text: string, ctx: Context): Found | null {
  // Only phrases naming a month: chrono's relative readings ("in 0 days") are ours to refuse.
  if (!NAMES_A_MONTH.test(text)) return null;
  const { y, m, d } = ctx.today;
  const reference = { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 };
  const results = chrono().en.GB.parse(text, reference);
  const [result] = results;
  if (!result || results.length !== 1) return null;
  if (result.index !== 0 || result.text.length !== text.length || result.end) return null;
  const read = result.start;
  if (!read.isCertain('day') || !read.isCertain('month')) return null;
  const month = read.get('month') ?? 0;
  const date = read.get('day') ?? 0;
  // chrono numbers weekdays from Sunday = 0; ours are ISO (Sunday = 7).
  const named = read.isCertain('weekday') ? (read.get('weekday') ?? 0) || 7 : null;
  const agrees = (found: Day) => named === null || weekday(found) === named;

  if (read.isCertain('year')) {
    const found = day(read.get('year') ?? 0, month, date);
    if (!found) return { refuse: 'there is no such day' };
    return agrees(found) ? single(found) : { refuse: 'the weekday does not match the date' };
  }
  // No year: the next such day on or after today.
  const next = nextDay(ctx, month, date);
  if (!next) return { refuse: 'there is no such day in the coming year' };
  return agrees(next.start) ? next : { refuse: 'the weekday does not match the date' };
}
