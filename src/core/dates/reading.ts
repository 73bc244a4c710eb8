import type { Precision } from './delivery-window.js';
import { addMonths, compareDays, day, endOfMonth, startOfMonth, type Day } from './calendar.js';

export type DatedPrecision = Exclude<Precision, 'none'>;

/** A window read from a phrase: inclusive first and last day. */
export interface Span {
  start: Day;
  end: Day;
  precision: DatedPrecision;
}

/** What a matcher can say: a window, "no date", or a refusal with a reason worth telling the user. */
export type Found = Span | { none: true } | { refuse: string };

export interface Context {
  today: Day;
  /**
   * Whether a candidate window for a year-less phrase ("March", "autumn") is still ahead.
   * Usually "has not wholly passed"; parts-of-period narrows it so "early March" read on
   * 20 March moves to next year.
   */
  ahead: (candidate: Span) => boolean;
}

export type Matcher = (text: string, ctx: Context) => Found | null;
export type SpanMatcher = (text: string, ctx: Context) => Span | null;

export function isSpan(found: Found | null): found is Span {
  return found !== null && 'start' in found;
}

export function span(start: Day, end: Day, precision: DatedPrecision): Span {
  return { start, end, precision };
}

export function single(of: Day, precision: DatedPrecision = 'day'): Span {
  return { start: of, end: of, precision };
}

/** `count` whole months starting at month `m` of year `y` (m may overflow into later years). */
export function months(y: number, m: number, count: number, precision: DatedPrecision): Span {
  const start = startOfMonth(y, m);
  const last = addMonths(start, count - 1);
  return { start, end: endOfMonth(last.y, last.m), precision };
}

export function notPassed(today: Day): (candidate: Span) => boolean {
  return (candidate) => compareDays(candidate.end, today) >= 0;
}

/** The first yearly occurrence still ahead: how every year-less phrase is read (never backwards). */
export function forward(ctx: Context, make: (year: number) => Span | null): Span | null {
  for (let y = ctx.today.y - 1; y <= ctx.today.y + 8; y++) {
    const candidate = make(y);
    if (candidate && ctx.ahead(candidate)) return candidate;
  }
  return null;
}

/**
 * A day written without a year ("13 Oct", "10/11"): the next one on or after today. Only this
 * year and next are tried, so "29/2" in 2017 is refused rather than pushed to 2020.
 */
export function nextDay(ctx: Context, m: number, d: number): Span | null {
  for (const y of [ctx.today.y, ctx.today.y + 1]) {
    const found = day(y, m, d);
    if (found && ctx.ahead(single(found))) return single(found);
  }
  return null;
}
