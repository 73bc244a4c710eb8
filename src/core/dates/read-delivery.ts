import { isoDate, parseIso } from './calendar.js';
import { matchChronoDay } from './chrono-dates.js';
import { closeOfPlay } from './close-of-play.js';
import type { DateReference, ReadResult } from './delivery-window.js';
import { matchFestive } from './festive.js';
import { matchFinancialYear } from './financial-year.js';
import { matchHalf } from './halves.js';
import { matchImmediate } from './immediate.js';
import { inPeriod } from './in-period.js';
import { unreadable } from './messages.js';
import { matchMonth } from './months.js';
import { matchNoDate } from './no-date.js';
import { normalise, stripFillers } from './normalise.js';
import { matchNumericDate, matchRecommendationId } from './numeric-dates.js';
import { partOfPeriod } from './parts-of-period.js';
import { matchQuarter } from './quarters.js';
import { matchRange } from './ranges.js';
import { matchRefusal } from './refusals.js';
import { isSpan, notPassed, type Context, type Found, type Matcher, type SpanMatcher } from './reading.js';
import { matchRelative } from './relative.js';
import { matchBeforeSeason, matchSeason } from './seasons.js';
import { weekAround, matchWeek } from './weeks.js';
import { matchWeekOfMonth } from './weeks-of-month.js';
import { matchYearEnd } from './year-end.js';
import { matchYear } from './years.js';

export { UNREADABLE_HELP, READABLE_EXAMPLES } from './messages.js';

const financialYearPeriod: SpanMatcher = (text, ctx) => {
  const found = matchFinancialYear(text, ctx);
  return isSpan(found) && (found.precision === 'financial_year' || found.precision === 'quarter') ? found : null;
};

/** Whole periods that "end of", "early", "mid"… can apply to. */
const PERIODS: SpanMatcher[] = [
  matchMonth, matchSeason, matchQuarter, matchHalf, matchYear, financialYearPeriod, matchWeek,
];

/** A single day written out, for "w/c 9 October". */
const readDay: Matcher = (text, ctx) => matchNumericDate(text, ctx) ?? matchChronoDay(text, ctx);

/** A day as a deadline, for "EOD Friday", "COB 13 October". */
const readDeadlineDay: Matcher = (text, ctx) => matchRelative(text, ctx) ?? readDay(text, ctx);

/** Stretches of time "in"/"during" can name: "in early 2018", "during the first week of May". */
const STRETCHES: Matcher[] = [partOfPeriod(PERIODS), matchWeekOfMonth, ...PERIODS];

/** Either end of a range: a stretch or a day ("March–May 2018", "1–5 March 2018"). */
const RANGE_ENDS: Matcher[] = [...STRETCHES, readDay];

/**
 * Tried in this order; the first answer (a window, "no date", or a reasoned refusal) wins.
 * Each is tried on the normalised phrase, then again with fillers ("by", "no later than"…)
 * stripped, so "on-going" is never read as "going" and "before Christmas" keeps its "before".
 */
const MATCHERS: Matcher[] = [
  matchNoDate, // "TBC", "-", "Completed": no date on purpose
  matchImmediate, // "ASAP", "with immediate effect"
  matchRecommendationId, // before anything numeric: chrono reads "10.11.12" as a date
  matchFinancialYear, // before numeric dates: "2018-19" is a year, not a day
  matchNumericDate, // "14/06/2017", "1/2/18" (day-first), "2018-03-31", "09/2017"
  matchFestive, // "Christmas", "before Easter", "New Year"
  matchBeforeSeason, // "before the summer": the day before it starts, not the season
  matchRelative, // "today", "in a fortnight", "within 3 weeks", "over the next month", "next Friday"
  closeOfPlay(readDeadlineDay), // "COB", "EOD Friday": before "end of", which would try "play Friday"
  partOfPeriod(PERIODS), // "end of next month", "early 2018", "mid-October", "the back end of 2017"
  matchYearEnd, // "year end", "EOY"
  matchWeekOfMonth, // "first week of November"
  ...PERIODS, // "September 2017", "autumn", "Q3", "H1 2018", "2017", "2018/19", "next week"
  inPeriod(STRETCHES), // "in March", "during 2018", "over the summer", "sometime next year"
  weekAround(readDay), // "w/c 9 October", "w/e 13 October"
  matchChronoDay, // "31st March 2018", "Friday 13 October 2017", "13 Oct"
  matchRange(RANGE_ENDS), // only once no single date reads the whole: "March–May 2018", "1–5 March 2018"
  matchRefusal, // last: "Q1 or Q2", "after Easter", "March 2018 (TBC)" refused with a reason
];

function firstAnswer(candidates: string[], ctx: Context): Found | null {
  for (const match of MATCHERS) {
    for (const text of candidates) {
      const found = match(text, ctx);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Read a delivery-date phrase as a window of calendar days. Never guesses: a phrase it does
 * not understand in full is refused with a friendly message. "Today" is `ref.today` only.
 */
export function readDelivery(text: string, ref: DateReference): ReadResult {
  const today = parseIso(ref.today);
  const shown = text.trim();
  const phrase = normalise(text);
  const core = stripFillers(phrase);
  const candidates = core === phrase ? [phrase] : [phrase, core];
  const found = firstAnswer(candidates, { today, ahead: notPassed(today) });

  if (!found) return { ok: false, text: shown, error: unreadable(text) };
  if ('refuse' in found) return { ok: false, text: shown, error: unreadable(text, found.refuse) };
  if ('none' in found) return { ok: true, window: { text: shown, start: null, end: null, precision: 'none' } };
  return {
    ok: true,
    window: { text: shown, start: isoDate(found.start), end: isoDate(found.end), precision: found.precision },
  };
}
