import type { Matcher } from './reading.js';

/**
 * "in March", "during 2018", "over the summer", "sometime in Q1", "sometime next year": the
 * period itself, since a window already means "at some point within". Only periods count:
 * "in 10/11" is not a window, and "in a month" / "over the next month" are relative.ts (earlier).
 */
const WITHIN_PERIOD = /^(?:(?:some ?time|at some point) (?:in |during )?|in |during |over )(?:the )?(.+)$/;

export function inPeriod(periods: Matcher[]): Matcher {
  return (text, ctx) => {
    const rest = WITHIN_PERIOD.exec(text)?.[1];
    if (rest === undefined) return null;
    for (const read of periods) {
      const found = read(rest, ctx);
      if (found && 'start' in found && found.precision === 'day') return null;
      if (found) return found;
    }
    return null;
  };
}
