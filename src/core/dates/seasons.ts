import { addDays, compareDays } from './calendar.js';
import { forward, months, single, type Context, type Span } from './reading.js';
import { YEAR, yearValue } from './words.js';

/** UK meteorological seasons; winter 2017 is December 2017 – February 2018. */
const FIRST_MONTH: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

const SEASON = '(spring|summer|autumn|fall|winter)';
const NAMED = new RegExp(`^${SEASON}(?: of)?(?: ${YEAR}(?:[/-](\\d{2}|\\d{4}))?)?$`);
const RELATIVE = new RegExp(`^(this|next) ${SEASON}$`);

function season(name: string, year: number): Span {
  return months(year, FIRST_MONTH[name] ?? 0, 3, 'season');
}

/** "winter 2017/18": only winter straddles two years, and the second must follow the first. */
function followsOn(name: string, first: number, second: string | undefined): boolean {
  if (second === undefined) return true;
  if (name !== 'winter') return false;
  return second.length === 4 ? Number(second) === first + 1 : Number(second) === (first + 1) % 100;
}

export function matchSeason(text: string, ctx: Context): Span | null {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const name = relative[2] ?? '';
    if (relative[1] === 'this') return forward(ctx, (y) => season(name, y));
    // "next summer": the first summer that has not started yet.
    return forward({ ...ctx, ahead: (s) => compareDays(s.start, ctx.today) > 0 }, (y) => season(name, y));
  }
  const named = NAMED.exec(text);
  if (!named) return null;
  const name = named[1] ?? '';
  if (named[2] === undefined) return forward(ctx, (y) => season(name, y));
  const year = yearValue(named[2], ctx.today);
  if (year === null || !followsOn(name, year, named[3])) return null;
  return season(name, year);
}

/**
 * "before the summer", "before autumn 2018": the day before the season starts, as "before Christmas" is
 * the day before it (festive.ts). Without it, the filler "before" would go and the season itself be the window.
 */
export function matchBeforeSeason(text: string, ctx: Context): Span | null {
  const m = /^before (?:the )?(.+)$/.exec(text);
  if (!m) return null;
  const found = matchSeason(m[1]!, { today: ctx.today, ahead: (candidate) => compareDays(addDays(candidate.start, -1), ctx.today) >= 0 });
  return found && found.precision === 'season' ? single(addDays(found.start, -1)) : null;
}
