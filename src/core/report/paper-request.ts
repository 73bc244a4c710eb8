import type { IsoDate } from '../dates/delivery-window.js';
import { readDelivery } from '../dates/read-delivery.js';
import { addDaysIso } from '../reminders/local-time.js';
import { longDate } from './dates.js';

import { PAPER_FORMATS, type PaperFormat } from './paper-formats.js';

export interface PaperRequest {
  format: PaperFormat;
  asAt: IsoDate;
  /** Changes after the end of this day are listed; null for none. */
  since: IsoDate | null;
}

/** "xlsx", "as a spreadsheet", "in Excel", "as an html file", "as a Word document". */
const ALIASES: Record<string, PaperFormat> = { excel: 'xlsx', spreadsheet: 'xlsx', 'word document': 'docx', word: 'docx', markdown: 'md', 'web page': 'html' };
/** Whether a word names a paper's format ("pdf", "Excel", "word"), as the reader below takes one. */
export function isFormatWord(word: string): boolean {
  const w = word.toLowerCase();
  return (PAPER_FORMATS as readonly string[]).includes(w) || w in ALIASES;
}

const FORMAT_WORD = new RegExp(`(?:\\b(?:as|in)\\s+(?:an?\\s+)?)?\\b(${[...PAPER_FORMATS, ...Object.keys(ALIASES)].join('|')})\\b(?:\\s+(?:file|doc))?`, 'i');

/**
 * A paper asked for in words, in any order: a format ("xlsx", "excel", "pdf"…), the date it is as at
 * ("as at 4 October 2017", "end of September"; today when not given) and what changed since ("since
 * 1 September": changes on and after that day). A period as at means its last day, or today while it runs.
 */
export function readPaperRequest(words: string, today: IsoDate, planAsOf: IsoDate): { ok: true; request: PaperRequest } | { ok: false; error: string } {
  let rest = words.trim();
  let format: PaperFormat = 'pdf';
  const named = FORMAT_WORD.exec(rest);
  if (named) {
    const word = named[1]!.toLowerCase();
    format = ALIASES[word] ?? (word as PaperFormat);
    rest = `${rest.slice(0, named.index)} ${rest.slice(named.index + named[0].length)}`;
  }
  const [asAtWords = '', sinceWords] = rest.split(/\bsince\b/i);
  const asAt = readDay(asAtWords.replace(/^\s*(?:as\s+(?:at|of)|at|for|on)\s+/i, ''), today, 'end');
  if (!asAt.ok) return asAt;
  let since: IsoDate | null = null;
  if (sinceWords !== undefined) {
    const from = readDay(sinceWords, today, 'start');
    if (!from.ok) return from;
    if (!from.day) return { ok: false, error: 'Say since when, e.g. `report since 1 September 2017`.' };
    since = addDaysIso(from.day, -1);
  }
  const request = { format, asAt: asAt.day ?? today, since };
  const problem = checkPaperDates(request, today, planAsOf);
  return problem ? { ok: false, error: problem } : { ok: true, request };
}

/** Why a paper cannot be had for these dates, or null: before the plan began, in the future, or "since" not before the date. */
export function checkPaperDates(r: Pick<PaperRequest, 'asAt' | 'since'>, today: IsoDate, planAsOf: IsoDate): string | null {
  if (r.asAt < planAsOf) return `The plan begins on ${longDate(planAsOf)} (its own date), so there is no paper as at ${longDate(r.asAt)}. Ask for ${longDate(planAsOf)} or later.`;
  if (r.asAt > today) return `${longDate(r.asAt)} has not happened yet, so there is no paper as at it. Ask for today (${longDate(today)}) or an earlier day.`;
  if (r.since !== null && r.since >= r.asAt) return `"Since" must come before the paper's date (${longDate(r.asAt)}): it lists what changed after that day and up to the paper's date.`;
  return null;
}

/** A day from words: a period's last day (as at) or first day (since); a period still running ends today. */
/**
 * A day in a question that looks back ("at the end of October", "since August", "on 1 October"): a month
 * or day written without its year is its latest occurrence up to today, not the next one as a delivery
 * date would be.
 */
export function readPastDay(words: string, today: IsoDate, end: 'start' | 'end'): { ok: true; day: IsoDate | null } | { ok: false; error: string } {
  const read = readDay(words, today, end);
  if (!read.ok || read.day === null || read.day <= today || /\b\d{4}\b/.test(words)) return read;
  const yearBefore = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const earlier = readDay(words, yearBefore, end);
  return earlier.ok && earlier.day !== null && earlier.day <= today ? earlier : read;
}

const DAYS_BACK = /^(?:(yesterday)|today)$/i;

export function readDay(words: string, today: IsoDate, end: 'start' | 'end'): { ok: true; day: IsoDate | null } | { ok: false; error: string } {
  const phrase = words.trim();
  if (!phrase) return { ok: true, day: null };
  // Days counted back from today, which no delivery date is written as ("what changed yesterday?").
  const back = DAYS_BACK.exec(phrase);
  if (back) return { ok: true, day: addDaysIso(today, back[1] ? -1 : 0) };
  const read = readDelivery(phrase, { today });
  if (!read.ok) return { ok: false, error: read.error };
  const w = read.window;
  if (!w.start || !w.end) return { ok: false, error: `"${phrase}" has no date in it. Ask for \`report as at 4 October 2017\`, or just \`report\` for today.` };
  if (end === 'start') return { ok: true, day: w.start };
  return { ok: true, day: w.end > today && w.start <= today ? today : w.end };
}
