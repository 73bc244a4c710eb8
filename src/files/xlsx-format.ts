import type { UpdateEntry } from '../core/plan/recommendation.js';
import { boardDate } from '../core/report/dates.js';

/**
 * What the board paper workbook (src/report/xlsx.ts) and its reader (plan-xlsx.ts) agree on: sheet and
 * column names, the names of the cells that carry the plan's own fields, how an update log is written in
 * one cell and read back, and how text is kept exactly as written through the file format.
 */

export const SHEETS = { summary: 'Summary', plan: 'Action plan', changes: 'Changes' } as const;

/** The board paper's columns (as the CSV paper), with the delivery window as real dates beside the date as written. */
export const PLAN_SHEET_COLUMNS = [
  'Theme',
  'Recommendation No',
  'Recommendation',
  'Owner',
  'Update',
  'Delivery Date',
  'Delivery from',
  'Delivery by',
  'Status',
  'RAG',
  'Baseline Delivery Date',
] as const;

/**
 * Workbook-level names of the Summary cells that hold the plan's own fields. Excel keeps a name pointing
 * at its cell when rows are inserted or moved, so import finds them wherever the sheet's layout goes.
 */
export const PLAN_NAMES = { title: 'Concerto_Title', planDate: 'Concerto_PlanDate', timeZone: 'Concerto_TimeZone', asAt: 'Concerto_AsAt' } as const;

/** The label beside each of those cells on the Summary sheet (import falls back to them when the names are gone). */
export const PLAN_LABELS = { planDate: 'Plan date', timeZone: 'Timezone', asAt: 'As at' } as const;

/** Excel holds at most this many characters in a cell; a longer one makes Excel "repair" the file. */
export const CELL_LIMIT = 32_767;

/** What a baseline cell says when the plan first gave no delivery date (src/report/cells.ts baselineLabel). */
export const NO_DATE = '(no delivery date given)';

/**
 * A string as an OOXML cell holds it. Excel escapes characters XML 1.0 cannot carry (and the carriage
 * return, which XML readers turn into a line feed) as `_xHHHH_`, and a literal `_xHHHH_` by escaping its
 * underscore as `_x005F_` (ECMA-376 §22.9.2.19). exceljs decodes these when it reads but does not encode
 * them when it writes: it drops the control characters and leaves `\r` and `_x0041_` to be misread. So every
 * string goes through this before exceljs sees it, and reads back exactly as it was.
 */
export function xmlSafe(s: string): string {
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[\x00-\x08\x0B-\x1F\x7F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Text longer than a cell holds: cut (never inside a surrogate pair) with a note that says so. */
export function fitCell(s: string): string {
  if (s.length <= CELL_LIMIT) return s;
  const note = (n: number) => `… [cut: ${n.toLocaleString('en-GB')} more characters; an Excel cell holds at most 32,767]`;
  let keep = CELL_LIMIT - note(s.length).length;
  if (/[\uD800-\uDBFF]/.test(s[keep - 1] ?? '')) keep--;
  return s.slice(0, keep) + note(s.length - keep);
}

export const CUT_NOTE = /… \[cut: [\d,]+ more characters; an Excel cell holds at most 32,767\]$/;

/*
 * The update log in one cell, the way a board reads it: entries oldest first, separated by a blank line,
 * each led by its date and author — "14/06/2017 (Karen Georgiou): text" — with "Evidence: …" on a line of
 * its own after the text when there is evidence. It reads back exactly: a line inside an entry that would
 * otherwise look like the start of an entry or of its evidence (a date, "Evidence: ") is written with an
 * invisible WORD JOINER (U+2060) in front, which the reader takes off again; an author's "): " likewise.
 */

const JOINER = '\u2060';
/** A line starting like this could be read as structure (a stamp, evidence), so inside an entry it is escaped. */
const STRUCTURAL = String.raw`(?:\d{1,2}/\d{1,2}/\d{2}|\d{4}-\d{2}-\d{2}|Evidence: )`;
const NEEDS_JOINER = new RegExp(`^${JOINER}*${STRUCTURAL}`);
const HAS_JOINER = new RegExp(`^${JOINER}+${STRUCTURAL}`);
const DATE = String.raw`(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})|(\d{4})-(\d{2})-(\d{2})`;
/** Where an entry starts: a blank line, then a date followed by " (" (an author) or ": ". */
const ENTRY_BREAK = new RegExp(String.raw`\n\n(?=(?:\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?|\d{4}-\d{2}-\d{2})(?: \(|: ))`);
const STAMP = new RegExp(String.raw`^(?:${DATE})(?: \(([\s\S]*?)\))?: `);
const EVIDENCE_BREAK = '\nEvidence: ';
const OMITTED = /^\[([\d,]+) earlier updates? (?:is|are) not shown[^\n]*\]\n\n/;

function escapeLines(s: string): string {
  return s
    .split('\n')
    .map((line, i) => (i > 0 && NEEDS_JOINER.test(line) ? JOINER + line : line))
    .join('\n');
}

function unescapeLines(s: string): string {
  return s
    .split('\n')
    .map((line, i) => (i > 0 && HAS_JOINER.test(line) ? line.slice(1) : line))
    .join('\n');
}

const escapeAuthor = (a: string) => escapeLines(a).replace(/\)(\u2060*): /g, `)${JOINER}$1: `);
const unescapeAuthor = (a: string) => unescapeLines(a.replace(/\)\u2060(\u2060*): /g, ')$1: '));

type LogEntry = Pick<UpdateEntry, 'date' | 'author' | 'text' | 'evidence'>;

export function updateEntryCell(u: LogEntry): string {
  const who = u.author ? ` (${escapeAuthor(u.author)})` : '';
  const evidence = u.evidence ? `${EVIDENCE_BREAK}${escapeLines(u.evidence)}` : '';
  return `${boardDate(u.date)}${who}: ${escapeLines(u.text)}${evidence}`;
}

/**
 * The whole log for one cell. When it is longer than a cell holds, the latest entries that fit are kept
 * whole and a first paragraph says how many earlier ones are not shown.
 */
export function updateLogCell(updates: readonly LogEntry[]): { text: string; omitted: number } {
  const entries = updates.map(updateEntryCell);
  const whole = entries.join('\n\n');
  if (whole.length <= CELL_LIMIT) return { text: whole, omitted: 0 };
  const note = (n: number) =>
    `[${n.toLocaleString('en-GB')} earlier update${n === 1 ? ' is' : 's are'} not shown: an Excel cell holds at most 32,767 characters. Export the plan as JSON or CSV for the whole log.]`;
  let kept = 0;
  let length = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    const next = length + entries[i]!.length + 2;
    if (note(i).length + next > CELL_LIMIT) break;
    length = next;
    kept++;
  }
  const omitted = entries.length - kept;
  return { text: [note(omitted), ...entries.slice(omitted)].join('\n\n'), omitted };
}

export type LogReading = { ok: true; updates: LogEntry[]; omitted: number } | { ok: false; error: string };

/** Reads an update log cell back into entries; the inverse of updateLogCell. */
export function readUpdateLog(cell: string): LogReading {
  let s = cell.trim();
  let omitted = 0;
  const note = s.match(OMITTED);
  if (note) {
    omitted = Number(note[1]!.replace(/,/g, ''));
    s = s.slice(note[0].length);
  }
  if (!s) return { ok: true, updates: [], omitted };
  const updates: LogEntry[] = [];
  for (const chunk of s.split(ENTRY_BREAK)) {
    const m = chunk.match(STAMP);
    if (!m) {
      const start = chunk.split('\n')[0]!.slice(0, 40);
      return {
        ok: false,
        error: `each update must start with its date, as in "04/10/2017: text" or "04/10/2017 (Karen Georgiou): text", and updates are separated by a blank line; this one starts "${start}"`,
      };
    }
    const date = isoOf(m);
    if (!date) return { ok: false, error: `${m[0].slice(0, m[0].search(/ \(|: /))} is not a real date (updates are dated day first: 04/10/2017 is 4 October 2017)` };
    const body = chunk.slice(m[0].length);
    const at = body.indexOf(EVIDENCE_BREAK);
    const text = at < 0 ? body : body.slice(0, at);
    const evidence = at < 0 ? null : unescapeLines(body.slice(at + EVIDENCE_BREAK.length));
    updates.push({ date, author: m[7] === undefined ? null : unescapeAuthor(m[7]), text: unescapeLines(text), evidence });
  }
  return { ok: true, updates, omitted };
}

function isoOf(m: RegExpMatchArray): string | null {
  const [y, mo, d] = m[4] ? [m[4], m[5]!, m[6]!] : [m[3]!.length === 2 ? `20${m[3]}` : m[3]!, m[2]!, m[1]!];
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(iso) ? iso : null;
}
