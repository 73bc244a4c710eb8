import { PERIOD_NAME as NAME } from './words.js';

/** A dash between two period names is a range: "Sept–Dec", "Q1-Q2", "March - April" (ranges.ts). */
const NAME_RANGE = new RegExp(`(?<=\\b${NAME}) ?- ?(?=${NAME}\\b)`, 'g');

/**
 * Phrases arrive from spreadsheets and Slack: curly quotes, en/em dashes, stray newlines
 * ("September\n2017"), "Mid-October", trailing full stops. Reduce them to one spelling so each
 * matcher can stay a plain, anchored regex.
 */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .replace(/[\s.,;:!]+$/, '')
    .replace(NAME_RANGE, ' to ')
    // "mid-october", "year-end", "on-going", "mar-17": a hyphen touching a letter is a space.
    .replace(/(?<=[a-z])-|-(?=[a-z])/g, ' ')
    // A "calendar year" is the plain year; only "financial year" needs saying.
    .replace(/\bcalendar year\b/g, 'year')
    // "end of year 2018" is "end of 2018"; "financial year 2018/19" keeps its words.
    .replace(/(?<!financial )\byear (\d{4})\b/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Words around a date that do not change the window. "Before" is harmless for a deadline
 * ("before 31 March" is read as 31 March) except in "before Christmas", which festive.ts reads
 * before fillers are stripped. "Around"/"approx" are NOT here: they make a phrase vague.
 */
const LEADING = new RegExp(
  // "by the SAS in November", "for the board meeting in March 2018": the meeting named, then when it is (tried first).
  '^(?:(?:by|at|for) (?:the )?(?:next )?[a-z][a-z&]*(?: board| committee)?(?: meeting)?(?= (?:in|on) )|' +
    'no later than|not later than|on or before|due by|due on|due|by|before|on|' +
    'target date|target|deadline|estimated|expected|est\\.?|the)(?::|\\s)\\s*',
);
/** "Jan 2018 (revised)", "March 2018 - agreed": notes on the date, not part of it ("(TBC)" is refused elsewhere). */
const TRAILING =
  /\s+(?:at the latest|at latest|latest)$|\s*(?:\(\s*|-\s*)?(?:revised(?: date)?|rev|new(?: date)?|updated|amended|agreed|confirmed|final|target|deadline|estimated|est|expected|provisional)(?:\s*\))?$/;

export function stripFillers(text: string): string {
  let rest = text;
  for (;;) {
    const led = rest.replace(LEADING, '');
    // A note alone ("revised") is no date with a note: left for the readers to refuse.
    const next = (led.replace(TRAILING, '').trim() || led).trim();
    if (next === rest) return rest;
    rest = next;
  }
}
