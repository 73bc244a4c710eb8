import type { IsoDate } from '../dates/delivery-window.js';
import { readDelivery } from '../dates/read-delivery.js';
import { addDaysIso } from '../reminders/local-time.js';
import { findBoard, unknownBoard } from '../governance/board.js';
import { checkDecisionText } from '../governance/decision.js';
import { previousMeeting } from '../governance/meeting.js';
import { titleOf } from '../plan/recommendation.js';
import { cleanText } from './clean-text.js';
import type { Turn } from './context.js';
import { describeWindow, formatDate } from './format.js';
import { notAdmin } from './handlers/admin.js';
import { say, type Reply } from './reply.js';

/**
 * The form for recording a board's decision (Slack's decision modal): what it offers, read before it
 * opens, and the check of what was typed that needs no database, so it can answer inside Slack's ack.
 * The save goes through the same `recordDecision` as the typed command, which checks everything again.
 */

export interface DecisionFormData {
  plan: string;
  timeZone: string;
  today: IsoDate;
  boards: Array<{ name: string; title: string | null }>;
  /** Every meeting of every board, oldest first, so the form can refuse a day that is no meeting before saving. */
  meetings: Array<{ board: string; date: IsoDate }>;
  items: Array<{ id: string; title: string }>;
  /** The board and day the form starts at: the latest meeting on or before today. */
  suggested: { board: string; date: IsoDate } | null;
}

export async function decisionFormData(turn: Turn): Promise<DecisionFormData | Reply> {
  const refused = notAdmin(turn, 'record a decision');
  if (refused) return refused;
  const boards = await turn.governance.boards();
  if (!boards.length) return say(`${turn.plan.key} has no boards yet, so there is nothing to record a decision of. Add one first with \`board add SAS --title "…"\`, then its meetings with \`meeting add SAS DATE\`.`, { error: 'not_found' });
  const meetings = (await turn.governance.meetings()).map((m) => ({ board: m.board, date: m.date }));
  const items = (await turn.store.find({})).map((r) => ({ id: r.id, title: titleOf(r.text) }));
  const last = previousMeeting(meetings, null, addDaysIso(turn.today, 1));
  return {
    plan: turn.plan.key,
    timeZone: turn.timeZone,
    today: turn.today,
    boards: boards.map((b) => ({ name: b.name, title: b.title })),
    meetings,
    items,
    suggested: last ?? null,
  };
}

/** What was typed into the form, as Slack returns it. */
export interface DecisionForm {
  board: string;
  day: string;
  outsideMeeting: boolean;
  text: string;
  affects: string[];
}

export type DecisionField = 'board' | 'day' | 'text' | 'affects';

/** What the form knows without the database: the boards and meetings it was opened with (null when it could not carry them). */
export interface DecisionFormKnows {
  boards: string[];
  meetings: Array<{ board: string; date: IsoDate }> | null;
  today: IsoDate;
  timeZone: string;
}

/** The form's own check: each problem on its field, with what to do; the day it read when all is well. */
export function checkDecisionForm(form: DecisionForm, knows: DecisionFormKnows): { ok: true; day: IsoDate } | { ok: false; errors: Partial<Record<DecisionField, string>> } {
  const errors: Partial<Record<DecisionField, string>> = {};
  const text = cleanText(form.text);
  const wordsProblem = text ? checkDecisionText(text) : 'Write the decision in the board\'s words, as its minute records it.';
  if (wordsProblem) errors.text = wordsProblem;
  const board = form.board ? findBoard(knows.boards.map((name) => ({ name })), form.board) : null;
  if (!board) errors.board = form.board ? unknownBoard(form.board, knows.boards.map((name) => ({ name }))) : 'Choose the board that took the decision.';
  let day: IsoDate | null = null;
  const phrase = cleanText(form.day);
  const read = phrase ? readDelivery(phrase, { today: knows.today, timeZone: knows.timeZone }) : null;
  if (!read || !read.ok || !read.window.start) {
    errors.day = `I can't read "${form.day}" as a day; give one, e.g. "12 October 2017", "2017-10-12" or "last Thursday".`;
  } else if (read.window.start !== read.window.end) {
    errors.day = `"${phrase}" is ${describeWindow(read.window)}, not one day; give the day of the meeting.`;
  } else {
    day = read.window.start;
  }
  if (board && day && !form.outsideMeeting && knows.meetings && !knows.meetings.some((m) => m.board === board.name && m.date === day)) {
    errors.day = `${board.name} has no meeting on ${formatDate(day)}. Tick "Taken outside a meeting", or add the meeting first with \`/concerto meeting add ${board.name} ${day}\`.`;
  }
  if (form.affects.length > 100) errors.affects = `That is ${form.affects.length} items; a decision can name at most 100 here. Record it with the \`decision\` command to name more.`;
  return Object.keys(errors).length || !day ? { ok: false, errors } : { ok: true, day };
}

/** Items whose id starts with, or whose title contains, what was typed: the item picker's search in a plan too big to list whole. */
export function matchItems(items: readonly { id: string; title: string }[], typed: string, limit: number): Array<{ id: string; title: string }> {
  const q = typed.trim().toLowerCase();
  if (!q) return items.slice(0, limit);
  const byId = items.filter((i) => i.id.toLowerCase().startsWith(q));
  const byTitle = items.filter((i) => !i.id.toLowerCase().startsWith(q) && i.title.toLowerCase().includes(q));
  return [...byId, ...byTitle].slice(0, limit);
}
