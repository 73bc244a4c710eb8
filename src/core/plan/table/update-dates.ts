import { isValidDay } from '../../dates/calendar.js';
import { isDottedDate } from '../../dates/numeric-dates.js';
import { MONTH, monthNumber } from '../../dates/words.js';
import { looksLikePerson } from './owners-cell.js';

export interface EntryDate {
  date: string;
  author: string | null;
  /**
   * Characters of the header to drop from the text: only a header that is a label, never a board's "14.06.17" that
   * starts its sentence — Concerto's own "[2017-08-08 · Karen] ", and the papers' "08/08/2017 (Karen): ".
   */
  strip: number;
  /** Characters the date itself takes at the start, for reading the words after it. */
  length: number;
}

/** After a date, the entry's words begin: "14.06.17 COMPLETE", "08/08/17 – Complete", "Aug 2017: …". */
const END = String.raw`(?=$|[\s:,;)\u2013\u2014-])`;
const BRACKET = /^\[(\d{4}-\d{2}-\d{2})(?:\s*[·|,]\s*([^\]\n]*))?\]\s*/;
/** "08/08/2017: …", "08/08/2017 (Karen Georgiou): …": the date as every paper labels an update, its writer in brackets. */
const LABEL = /^(\d{2})\/(\d{2})\/(\d{4})(?: \(([^()\n]{1,120})\))?: /;
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})${END}`);
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${END}`);
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s+(\d{4}|'?\d{2})${END}`, 'i');
/** "Aug 2017: …" needs its punctuation: "June 2017 saw…" is prose about June. Dated the 1st. */
const MONTH_YEAR = new RegExp(String.raw`^${MONTH}\s+(\d{4})\s*(?:[:\u2013\u2014-]|$)`, 'i');
/** "… N. Shackleton 20.07.17" closing an entry: the writer signed and dated it. */
const SIGNATURE = /(?:^|\s)((?:[A-Z]\.\s?)+[A-Z][a-z'’][\p{L}'’-]*|[A-Z][a-z'’-]+\s+[A-Z][a-z'’][\p{L}'’-]*)\s+(\d{1,2})([./])(\d{1,2})\3(\d{2}|\d{4})\s*$/u;

/** Two-digit years are this century: plans are not older than 2000. */
function iso(y: string | number, m: string | number, d: string | number): string | null {
  const year = String(y).replace("'", '');
  const yy = year.length === 2 ? 2000 + Number(year) : Number(year);
  if (!isValidDay(yy, Number(m), Number(d))) return null;
  return `${yy}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date an entry opens with, day first ("14.06.17", "08/08/17", "14 June 2017", "Aug 2017:", "[2017-08-08 · Karen]"). */
export function leadingDate(text: string): EntryDate | null {
  const head = text.trimStart();
  const offset = text.length - head.length;
  const bracket = BRACKET.exec(head);
  if (bracket) {
    const date = iso(...(bracket[1]!.split('-') as [string, string, string]));
    return date ? { date, author: bracket[2]?.trim() || null, strip: offset + bracket[0].length, length: offset + bracket[0].length } : null;
  }
  const label = LABEL.exec(head);
  if (label) {
    const date = iso(label[3]!, label[2]!, label[1]!);
    if (date) return { date, author: label[4]?.trim() || null, strip: offset + label[0].length, length: offset + label[0].length };
  }
  const numeric = NUMERIC.exec(head);
  if (numeric) {
    const [, d = '', sep, m = '', y = ''] = numeric;
    // "4.2.1" opening an update is a recommendation number, not a date.
    if (sep === '.' && !isDottedDate(d, m, y)) return null;
    const date = iso(y, m, d);
    return date ? { date, author: null, strip: 0, length: offset + numeric[0].length } : null;
  }
  const isoDay = ISO.exec(head);
  if (isoDay) {
    const date = iso(isoDay[1]!, isoDay[2]!, isoDay[3]!);
    return date ? { date, author: null, strip: 0, length: offset + isoDay[0].length } : null;
  }
  const dmy = DAY_MONTH_YEAR.exec(head);
  if (dmy) {
    const date = iso(dmy[3]!, monthNumber(dmy[2]!.toLowerCase()), dmy[1]!);
    return date ? { date, author: null, strip: 0, length: offset + dmy[0].length } : null;
  }
  const my = MONTH_YEAR.exec(head);
  if (my) {
    const date = iso(my[2]!, monthNumber(my[1]!.toLowerCase()), 1);
    return date ? { date, author: null, strip: 0, length: offset + my[0].length } : null;
  }
  return null;
}

/** The signature an entry closes with ("… N. Shackleton 20.07.17"): its date, and the name as the author because it is written there. */
export function closingSignature(text: string): EntryDate | null {
  const m = SIGNATURE.exec(text.trimEnd());
  if (!m) return null;
  const [, name = '', d = '', sep, mo = '', y = ''] = m;
  if (!looksLikePerson(name)) return null;
  if (sep === '.' && !isDottedDate(d, mo, y)) return null;
  const date = iso(y, mo, d);
  return date ? { date, author: name.replace(/\s+/g, ' ').trim(), strip: 0, length: 0 } : null;
}
