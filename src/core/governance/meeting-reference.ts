import type { IsoDate } from '../dates/delivery-window.js';
import { formatDate } from '../ask/format.js';
import { boardName } from './board.js';
import { nextMeeting, previousMeeting, type Meeting } from './meeting.js';
import { addDaysIso } from '../reminders/local-time.js';

/**
 * Meetings named in questions: "the last SAS", "the next JCOB meeting", "the March board", "the
 * October SAS". The question reader joins such a phrase into one token (`joinMeetingReferences`) so
 * that the date readers carry it whole; the engine then turns it into the meeting's day, from the
 * plan's own meetings, or says which meeting it could not find.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** Words after "next"/"last" that are periods, not boards: "the next month", "last week", "the next 3 months". */
const NOT_BOARDS = new Set(
  'day days week weeks fortnight month months quarter quarters year years time one few couple update updates change changes item items action actions recommendation recommendations working business monday tuesday wednesday thursday friday saturday sunday weekend term half'.split(' '),
);
const WHEN = String.raw`(next|last|previous|coming|upcoming|forthcoming|${MONTH})`;
const REFERENCE = new RegExp(String.raw`\b(?:the\s+)?${WHEN}\s+([A-Za-z][A-Za-z0-9&-]{1,19})(?:\s+(meeting|board))?\b`, 'gi');
/** Joins a reference's words so that a phrase reader keeps it as one token: the word joiner, which no `\s` matches. */
const JOIN = '\u2060';

/** "what's due before the next JCOB?" → "…before the next JCOB?" with the reference as one token. */
export function joinMeetingReferences(text: string): string {
  return text.replace(REFERENCE, (whole, when: string, word: string, tail: string | undefined) => {
    const w = word.toLowerCase();
    const isMonth = new RegExp(`^${MONTH}$`, 'i').test(when);
    if (NOT_BOARDS.has(w) || /^\d/.test(w)) return whole;
    // "the next board", "the March meeting": any board; "the last SAS", "the October JCOB": that board.
    if (w === 'board' || w === 'meeting' || w === 'meetings' || ((w === 'paper' || w === 'papers') && !isMonth)) return whole.trim().split(/\s+/).join(JOIN);
    // A board's name is written in capitals ("SAS"), or followed by "meeting"/"board" ("the next sas meeting").
    if (word !== word.toUpperCase() && !tail) return whole;
    if (isMonth && !tail && word.length < 2) return whole;
    return whole.trim().split(/\s+/).join(JOIN);
  });
}

/** True for a phrase the reader joined as a meeting reference. */
export const isMeetingReference = (phrase: string) => phrase.includes(JOIN);

/** The phrase as typed, for messages: the joined words with spaces again. */
export const spoken = (phrase: string) => phrase.split(JOIN).join(' ');

/** The meeting, and the day the reference means: the meeting's own, or its papers' deadline for "the last paper". */
export type MeetingFound = { ok: true; meeting: Meeting; day: IsoDate } | { ok: false; error: string };

/** The meeting a reference names, among the plan's meetings, looking from `today`. */
export function findMeeting(phrase: string, meetings: readonly Meeting[], boards: readonly string[], today: IsoDate): MeetingFound {
  const words = spoken(phrase).replace(/^the\s+/i, '').split(/\s+/);
  const when = words[0]!.toLowerCase();
  const named = words[1]!;
  if (/^papers?$/i.test(named)) return lastPaper(meetings, today, spoken(phrase));
  const anyBoard = /^(?:board|meeting|meetings)$/i.test(named);
  const board = anyBoard ? null : boardName(named);
  const said = spoken(phrase);
  if (board && !boards.includes(board)) {
    return { ok: false, error: boards.length ? `I understood *${said}* as a meeting, but there is no board ${board}: the plan's boards are ${boards.join(', ')}.` : `I understood *${said}* as a meeting, but this plan has no boards yet. An admin can add one with \`board add ${board}\`.` };
  }
  const ofBoard = meetings.filter((m) => board === null || m.board === board);
  const who = board ?? 'any board';
  const month = MONTHS.findIndex((m) => m.startsWith(when.slice(0, 3)));
  let found: Meeting[];
  // Next and last as the meeting paper reads them: on or after today, and on or before it.
  if (when === 'next' || when === 'coming' || when === 'upcoming' || when === 'forthcoming') found = [nextMeeting(ofBoard, board, today)].filter((m): m is Meeting => m !== null);
  else if (when === 'last' || when === 'previous') found = [previousMeeting(ofBoard, board, addDaysIso(today, 1))].filter((m): m is Meeting => m !== null);
  else {
    // "the March board": the March meeting nearest to today, the coming one first.
    const inMonth = ofBoard.filter((m) => Number(m.date.slice(5, 7)) === month + 1);
    found = [...inMonth.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date)), ...inMonth.filter((m) => m.date < today).sort((a, b) => b.date.localeCompare(a.date))];
    const first = found[0];
    // Two boards meeting that month: which one is meant is asked, never guessed.
    const sameMonth = first ? found.filter((m) => m.date.slice(0, 7) === first.date.slice(0, 7)) : [];
    if (board === null && new Set(sameMonth.map((m) => m.board)).size > 1) {
      return { ok: false, error: `More than one board meets in ${MONTHS[month]!.replace(/^./, (c) => c.toUpperCase())} ${first!.date.slice(0, 4)}: ${sameMonth.map((m) => `${m.board} on ${formatDate(m.date)}`).join(', ')}. Say which, e.g. "the ${sameMonth[0]!.board} meeting".` };
    }
  }
  const meeting = found[0];
  if (!meeting) {
    const direction = when === 'last' || when === 'previous' ? `on or before ${formatDate(today)}` : month >= 0 && !['next', 'last'].includes(when) ? `in ${MONTHS[month]!.replace(/^./, (c) => c.toUpperCase())}` : `on or after ${formatDate(today)}`;
    return { ok: false, error: `I understood *${said}* as a meeting, but ${who} has no meeting ${direction} in the plan. Type \`meetings\` to see them; an admin can add one with \`meeting add ${board ?? 'BOARD'} DATE\`.` };
  }
  return { ok: true, meeting, day: meeting.date };
}

/** "since the last paper": the latest paper deadline of any board on or before today. */
function lastPaper(meetings: readonly Meeting[], today: IsoDate, said: string): MeetingFound {
  const meeting = meetings.filter((m) => m.papersBy <= today).sort((a, b) => b.papersBy.localeCompare(a.papersBy))[0];
  if (!meeting) return { ok: false, error: `I understood *${said}* as the last board paper, but no meeting in the plan has had its papers yet. Type \`meetings\` to see them, or give a date ("since 1 October").` };
  return { ok: true, meeting, day: meeting.papersBy };
}
