import type { IsoDate } from '../dates/delivery-window.js';
import { readDelivery } from '../dates/read-delivery.js';
import { findBoard, unknownBoard } from '../governance/board.js';
import { cleanText } from './clean-text.js';
import type { Turn } from './context.js';
import { describeWindow, formatDate } from './format.js';
import { notAdmin } from './handlers/admin.js';
import { say, type Reply } from './reply.js';

/**
 * The form for adding a board's meeting (Slack's meeting modal): the boards to choose from, read before
 * it opens, and the check of what was typed that needs no database, inside Slack's ack. The save goes
 * through the same `addMeeting` as `meeting add`, which checks everything again.
 */

export interface MeetingFormData {
  plan: string;
  timeZone: string;
  today: IsoDate;
  boards: Array<{ name: string; title: string | null }>;
}

export async function meetingFormData(turn: Turn): Promise<MeetingFormData | Reply> {
  const refused = notAdmin(turn, 'add a meeting');
  if (refused) return refused;
  const boards = await turn.governance.boards();
  if (!boards.length) return say(`${turn.plan.key} has no boards yet. Add one first with \`board add SAS --title "…"\`, then its meetings.`, { error: 'not_found' });
  return { plan: turn.plan.key, timeZone: turn.timeZone, today: turn.today, boards: boards.map((b) => ({ name: b.name, title: b.title })) };
}

export interface MeetingForm {
  board: string;
  date: string;
  /** Empty: five working days before, as `meeting add` does. */
  papersBy: string;
}

export type MeetingField = keyof MeetingForm;

export function checkMeetingForm(
  form: MeetingForm,
  knows: { boards: string[]; today: IsoDate; timeZone: string },
): { ok: true } | { ok: false; errors: Partial<Record<MeetingField, string>> } {
  const errors: Partial<Record<MeetingField, string>> = {};
  const boards = knows.boards.map((name) => ({ name }));
  if (!form.board) errors.board = 'Choose the board that meets.';
  else if (!findBoard(boards, form.board)) errors.board = unknownBoard(form.board, boards);
  const day = readOneDay(form.date, knows, 'the meeting');
  if (typeof day !== 'string') errors.date = day.error;
  if (form.papersBy.trim()) {
    const papers = readOneDay(form.papersBy, knows, 'the papers deadline');
    if (typeof papers !== 'string') errors.papersBy = papers.error;
    else if (typeof day === 'string' && papers > day) errors.papersBy = `Papers by ${formatDate(papers)} is after the meeting on ${formatDate(day)}; give a day on or before it, or leave it empty for five working days before.`;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true };
}

function readOneDay(phrase: string, knows: { today: IsoDate; timeZone: string }, what: string): IsoDate | { error: string } {
  const typed = cleanText(phrase);
  const read = typed ? readDelivery(typed, { today: knows.today, timeZone: knows.timeZone }) : null;
  if (!read || !read.ok || !read.window.start) return { error: `I can't read "${phrase}" as the day of ${what}; give one, e.g. "12 October 2017", "2017-10-12" or "next Thursday".` };
  if (read.window.start !== read.window.end) return { error: `"${typed}" is ${describeWindow(read.window)}, not one day; give the day of ${what}.` };
  return read.window.start;
}
