import type { IsoDate } from '../dates/delivery-window.js';
import { boardName } from '../governance/board.js';
import { meetingLabel, previousMeeting, type Meeting } from '../governance/meeting.js';
import { findMeeting } from '../governance/meeting-reference.js';
import { addDaysIso } from '../reminders/local-time.js';
import type { PaperMeeting } from './board-paper.js';
import { isIsoDay, longDate } from './dates.js';

export interface MeetingPaperDates {
  meeting: PaperMeeting;
  /** The paper deadline, or today while that is still to come (the paper so far). */
  asAt: IsoDate;
  /** Changes after the end of the previous meeting's day; null for a board's first meeting. */
  since: IsoDate | null;
  /** Decisions from the previous meeting's day on (its own decisions go with the next paper). */
  decisionsAfter: IsoDate | null;
}

/** "SAS next", "SAS last": the order people sometimes put them in, read as "next SAS". */
const RELATIVE_AFTER = /^([A-Za-z][\w&-]*)\s+(next|last|previous)$/i;
/** "next SAS", "the last JCOB meeting", "the October SAS": a board and which of its meetings, read as questions read them. */
const REFERENCE = /^(?:the\s+)?([A-Za-z]+)\s+([A-Za-z][\w&-]*)(?:\s+meeting)?$/i;
const DATED = /^([A-Za-z][\w&-]*)\s+(\d{4}-\d{2}-\d{2})$/;

/**
 * The meeting named in words, and the dates its paper is made for: as at its papers-by day (today if
 * that is still to come), changes since the board's previous meeting (none for its first), and that
 * board's decisions taken on or after the previous meeting's day. One sentence when it names none.
 * "next", "last" and a month are found by the same rule as in questions (`findMeeting`).
 */
export function meetingPaper(typed: string, meetings: readonly Meeting[], today: IsoDate): { ok: true; dates: MeetingPaperDates } | { ok: false; error: string } {
  const words = typed.trim().replace(/\s+/g, ' ');
  const after = RELATIVE_AFTER.exec(words);
  const phrase = after ? `${after[2]} ${after[1]}` : words;
  const dated = DATED.exec(phrase);
  const reference = dated ? null : REFERENCE.exec(phrase);
  const relative = reference && (/^(?:next|last|previous|coming|upcoming|forthcoming)$/i.test(reference[1]!) || MONTH_WORD.test(reference[1]!));
  if (!relative && !dated) return { ok: false, error: `Name a meeting by its board and date ("SAS 2017-10-12") or as "next SAS" or "last SAS": ${listing(meetings)}` };
  const board = boardName(dated ? dated[1]! : reference![2]!);
  const own = meetings.filter((m) => m.board === board);
  if (!own.length) {
    const boards = [...new Set(meetings.map((m) => m.board))];
    return { ok: false, error: `${board} has no meetings on record${boards.length ? ` (only ${boards.join(', ')} ${boards.length === 1 ? 'has' : 'have'})` : ''}: ${listing(meetings)}` };
  }
  let meeting: Meeting | null;
  if (!dated) {
    const found = findMeeting(`${reference![1]} ${board}`, own, [board], today);
    if (!found.ok) {
      const which = reference![1]!.toLowerCase();
      const direction = /^(?:last|previous)$/.test(which) ? `on or before ${longDate(today)}` : MONTH_WORD.test(which) ? `in ${capitalise(which)}` : `on or after ${longDate(today)}`;
      return { ok: false, error: `${board} has no meeting ${direction}: ${listing(meetings, board)}` };
    }
    meeting = found.meeting;
  } else {
    const date = dated[2]!;
    if (!isIsoDay(date)) return { ok: false, error: `${date} is not a real date: ${listing(meetings, board)}` };
    meeting = own.find((m) => m.date === date) ?? null;
    if (!meeting) return { ok: false, error: `${board} has no meeting on ${longDate(date)}: ${listing(meetings, board)}` };
  }
  const previous = previousMeeting(own, board, meeting.date);
  const asAt = meeting.papersBy <= today ? meeting.papersBy : today;
  return {
    ok: true,
    dates: {
      meeting: { board, date: meeting.date, papersBy: meeting.papersBy, previous: previous?.date ?? null },
      asAt,
      since: previous && previous.date < asAt ? previous.date : null,
      decisionsAfter: previous ? addDaysIso(previous.date, -1) : null,
    },
  };
}

const MONTH_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;
const capitalise = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

/** "the meetings of SAS on record are SAS 2017-09-14, SAS 2017-10-12 (`meetings` lists them)." — the end of one sentence. */
function listing(meetings: readonly Meeting[], board?: string): string {
  const shown = board && meetings.some((m) => m.board === board) ? meetings.filter((m) => m.board === board) : meetings;
  if (!shown.length) return 'there are no meetings on record yet (add one with `meeting add BOARD DATE`).';
  const labels = [...shown].sort((a, b) => a.board.localeCompare(b.board) || a.date.localeCompare(b.date)).map(meetingLabel);
  const list = labels.length > 8 ? `${labels.slice(0, 8).join(', ')} and ${labels.length - 8} more` : labels.join(', ');
  return `the meetings${board && shown !== meetings ? ` of ${board}` : ''} on record are ${list} (\`meetings\` lists them).`;
}

/**
 * A meeting named inside a request in words ("report for the next SAS as pdf", "report SAS 2017-10-12"):
 * the meeting's words and the rest. A word is taken for a board when it is one of `boards` (any case)
 * or is written in capitals, so "as at 2017-10-04" or "next week" is never read as a meeting.
 */
export function findMeetingMention(words: string, boards: readonly string[]): { meeting: string; rest: string } | null {
  const known = new Set(boards.map((b) => b.toUpperCase()));
  const isBoard = (w: string) => known.has(w.toUpperCase()) || /^[A-Z][A-Z0-9&-]+$/.test(w);
  const patterns = [
    /\b(?:for\s+)?(?:the\s+)?(?:next|last|previous|coming|upcoming|forthcoming|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+([A-Za-z][\w&-]*)(?:\s+meeting)?\b/i,
    /\b(?:for\s+)?(?:the\s+)?([A-Za-z][\w&-]*)\s+(?:meeting\s+(?:of|on)\s+)?\d{4}-\d{2}-\d{2}\b/i,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(words);
    if (!m || !isBoard(m[1]!)) continue;
    const meeting = m[0].replace(/^(?:for\s+)?(?:the\s+)?/i, '').replace(/\s+meeting(?:\s+(?:of|on))?\b/i, '');
    return { meeting, rest: `${words.slice(0, m.index)} ${words.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim() };
  }
  // "the paper for JCOB": a board of the plan named alone is its next meeting ("for ICT", a theme, is not one).
  const bare = /\bfor\s+(?:the\s+)?([A-Za-z][\w&-]*)(?:\s+(?:meeting|board))?\b/i.exec(words);
  if (bare && known.has(bare[1]!.toUpperCase())) {
    return { meeting: `next ${bare[1]}`, rest: `${words.slice(0, bare.index)} ${words.slice(bare.index + bare[0].length)}`.replace(/\s+/g, ' ').trim() };
  }
  return null;
}
