import type { Clock } from './core/ports.js';

/** The real clock. The only place outside tests where Concerto reads the time. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock set to another moment that keeps ticking from there (CONCERTO_NOW, --as-of), so a
 * demo of the 2017 plan still records changes in the order they happened.
 */
export function travelledClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}

/** A clock that never moves: for tests. */
export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}
