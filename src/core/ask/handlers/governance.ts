import { findMeeting, isMeetingReference, joinMeetingReferences } from '../../governance/meeting-reference.js';
import { readPastDay } from '../../report/paper-request.js';
import type { IsoDate } from '../../dates/delivery-window.js';
import { readDelivery } from '../../dates/read-delivery.js';
import { checkBoardName, findBoard, unknownBoard, boardName, type Board } from '../../governance/board.js';
import { checkDecisionText, type Decision } from '../../governance/decision.js';
import { defaultPapersBy, meetingLabel, nextMeeting, previousMeeting, type Meeting } from '../../governance/meeting.js';
import { isRecommendationId, suggestIds } from '../../plan/recommendation-id.js';
import { actionableReply } from '../actionable.js';
import { cleanText } from '../clean-text.js';
import type { Turn } from '../context.js';
import { describeWindow, formatDate, plural } from '../format.js';
import type { GovernanceIntent } from '../intent.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';
import { notAdmin } from './admin.js';
import { meta } from './change.js';

/** Boards, their meetings and the decision log: anyone reads them, a plan admin adds to them. */

export async function listBoards(turn: Turn): Promise<Reply> {
  const boards = await turn.governance.boards();
  if (!boards.length) return say(`${turn.plan.key} has no boards yet. An admin can add one with \`board add SAS --title "…"\`.`, { governance: { boards } });
  const lines = boards.map((b) => `• *${b.name}*${b.title ? ` — ${b.title}` : ''}`);
  return say([`${plural(boards.length, 'board')}:`, ...lines, 'Type `meetings` for their meetings, `decisions` for the decision log.'].join('\n'), { governance: { boards } });
}

export async function addBoard(turn: Turn, typed: string, title: string | null): Promise<Reply> {
  const refused = notAdmin(turn, 'add a board');
  if (refused) return refused;
  const problem = checkBoardName(typed);
  if (problem) return say(problem, { error: 'invalid' });
  const name = boardName(typed);
  const cleanTitle = title === null ? null : cleanText(title) || null;
  if (cleanTitle && cleanTitle.length > 200) return say('A board title needs at most 200 characters; the short name is what people type.', { error: 'invalid' });
  const saved = await storeWrite(() => turn.governance.addBoard(name, cleanTitle, meta(turn)));
  if (isReply(saved)) return saved;
  return say(`Added the board ${saved.name}${saved.title ? ` — ${saved.title}` : ''}. Add its meetings with \`meeting add ${saved.name} DATE\`.`, { changed: true, governance: { boards: [saved] } });
}

/** Upcoming meetings first, soonest first; then past ones, latest first: the next paper due is what people look for. */
export async function listMeetings(turn: Turn, typedBoard: string | null): Promise<Reply> {
  const board = typedBoard === null ? null : await knownBoard(turn, typedBoard);
  if (board && isReply(board)) return board;
  const all = (await turn.governance.meetings()).filter((m) => !board || m.board === board.name);
  const upcoming = all.filter((m) => m.date >= turn.today);
  const past = all.filter((m) => m.date < turn.today).reverse();
  const ordered = [...upcoming, ...past];
  const whose = board ? board.name : turn.plan.key;
  if (!all.length) return say(`${whose} has no meetings yet. An admin can add one with \`meeting add ${board?.name ?? 'SAS'} 2017-10-12\`.`, { governance: { meetings: [] } });
  const line = (m: Meeting) => `• ${meetingLabel({ board: m.board, date: formatDate(m.date) })} — papers by ${formatDate(m.papersBy)}`;
  const lines = [
    `${plural(all.length, 'meeting')} of ${board ? board.name : 'the boards'} (as at ${formatDate(turn.today)}):`,
    ...(upcoming.length ? ['Upcoming:', ...upcoming.map(line)] : ['No meetings to come.']),
    ...(past.length ? ['Past:', ...past.map(line)] : []),
  ];
  return say(lines.join('\n'), { governance: { meetings: ordered } });
}

/** "When is the next SAS?": the next meeting (of one board, or of any) and its papers' deadline; with none to come, the last one. */
export async function answerNextMeeting(turn: Turn, typedBoard: string | null): Promise<Reply> {
  const board = typedBoard === null ? null : await knownBoard(turn, typedBoard);
  if (board && isReply(board)) return board;
  const meetings = await turn.governance.meetings();
  const name = board?.name ?? null;
  const next = nextMeeting(meetings, name, turn.today);
  const whose = name ? `${name} meeting` : 'board meeting';
  if (!next) {
    const last = previousMeeting(meetings, name, turn.today);
    const before = last ? ` The last was ${last.board}'s on ${formatDate(last.date)}.` : '';
    return say(`No ${whose} to come is in ${turn.plan.key} (as at ${formatDate(turn.today)}).${before} An admin adds one with \`meeting add ${name ?? 'SAS'} DATE\`.`, { governance: { meetings: [] } });
  }
  const papers = next.papersBy < turn.today ? `papers were due by ${formatDate(next.papersBy)}` : next.papersBy === turn.today ? 'papers are due today' : `papers are due by ${formatDate(next.papersBy)}`;
  const when = next.date === turn.today ? 'today' : `on ${formatDate(next.date)}`;
  const subject = name ? `The next ${whose} is` : `The next board meeting is ${next.board}'s,`;
  return say(`${subject} ${when}; ${papers}.`, { governance: { meetings: [next] } });
}

export async function addMeeting(turn: Turn, typedBoard: string, phrase: string, papersPhrase: string | null): Promise<Reply> {
  const refused = notAdmin(turn, 'add a meeting');
  if (refused) return refused;
  const board = await knownBoard(turn, typedBoard);
  if (isReply(board)) return board;
  const date = readDay(turn, phrase, `meeting add ${board.name} 2017-10-12`);
  if (typeof date !== 'string') return date;
  const papersBy = papersPhrase === null ? defaultPapersBy(date, turn.plan.holidays) : readDay(turn, papersPhrase, `meeting add ${board.name} ${date} --papers-by 2017-10-05`);
  if (typeof papersBy !== 'string') return papersBy;
  if (papersBy > date) return say(`Papers by ${formatDate(papersBy)} is after the meeting on ${formatDate(date)}; give a --papers-by day on or before it.`, { error: 'invalid' });
  const saved = await storeWrite(() => turn.governance.addMeeting(board.name, date, papersBy, meta(turn)));
  if (isReply(saved)) return saved;
  const why = papersPhrase === null ? ' (five working days before)' : '';
  return say(`Added ${board.name}'s meeting on ${formatDate(date)}; papers are due by ${formatDate(papersBy)}${why}.`, { changed: true, governance: { meetings: [saved] } });
}

export async function recordDecision(turn: Turn, intent: Extract<GovernanceIntent, { kind: 'decision' }>): Promise<Reply> {
  const refused = notAdmin(turn, 'record a decision');
  if (refused) return refused;
  const text = cleanText(intent.text);
  const problem = checkDecisionText(text);
  if (problem) return say(problem, { error: 'invalid' });
  const board = await knownBoard(turn, intent.board);
  if (isReply(board)) return board;
  const day = readDay(turn, intent.date, `decision ${board.name} 2017-10-12 "…"`, 'past');
  if (typeof day !== 'string') return day;
  const met = (await turn.governance.meetings()).some((m) => m.board === board.name && m.date === day);
  // "SAS agreed on 12 October to …" does not say whether it was at a meeting: at its meeting that day if it had one.
  const outsideMeeting = intent.outsideMeeting === 'unless_met' ? !met : intent.outsideMeeting;
  if (!outsideMeeting && !met) {
    return say(
      `${board.name} has no meeting on ${formatDate(day)}: add it with \`meeting add ${board.name} ${day}\` and record the decision again, or record one taken outside a meeting with \`decision ${board.name} on ${day} "…"\`.`,
      { error: 'not_found' },
    );
  }
  const ids = await turn.store.ids();
  const affects = [...new Set(intent.affects.map((id) => id.replace(/\.+$/, '')))];
  const missing = affects.find((id) => !ids.includes(id));
  if (missing !== undefined) {
    const near = isRecommendationId(missing) ? suggestIds(missing, ids) : [];
    return say(`There is no ${missing} in ${turn.plan.key}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; check the ids (\`list\` shows them) and record the decision again.`, { error: 'not_found' });
  }
  if (intent.corrects !== null) {
    const log = await turn.governance.decisions();
    const old = log.find((d) => d.id === intent.corrects);
    if (!old) return say(`There is no decision #${intent.corrects} in ${turn.plan.key}; type \`decisions\` to see the log with its numbers.`, { error: 'not_found' });
    const later = log.find((d) => d.supersedes === old.id);
    if (later) return say(`Decision #${old.id} was already corrected by #${later.id}; correct #${later.id} instead (\`--corrects ${later.id}\`).`, { error: 'invalid' });
    if (old.board !== board.name) return say(`Decision #${old.id} is ${old.board}'s, so only a decision of ${old.board} can correct it.`, { error: 'invalid' });
  }
  const saved = await storeWrite(() =>
    turn.governance.recordDecision({ board: board.name, decidedOn: day, meetingDate: outsideMeeting ? null : day, text, affects, supersedes: intent.corrects }, meta(turn)),
  );
  if (isReply(saved)) return saved;
  const recs = (await Promise.all(saved.affects.map((id) => turn.store.get(id)))).filter((r) => r !== null);
  const affected = saved.affects.length ? ` It affects ${saved.affects.join(', ')}; each item's history shows it.` : '';
  return say(`Recorded decision #${saved.id}: ${where(saved)}, "${saved.text}"${saved.supersedes ? ` (corrects #${saved.supersedes})` : ''}.${affected}`, {
    items: recs.map((r) => itemView(r, turn.today)),
    changed: true,
    governance: { decisions: [saved] },
  });
}

/**
 * "correct decision 2 "…"", "correct the date of decision 2 to …": a decision of #2's board on #2's day (or the day given) (at its meeting when it was taken at one)
 * that supersedes it, affecting #2's items unless others are named; recorded as any decision is.
 */
export async function correctDecision(turn: Turn, n: number, text: string, affects: string[] | null, date: string | null = null): Promise<Reply> {
  const refused = notAdmin(turn, 'correct a decision');
  if (refused) return refused;
  const old = (await turn.governance.decisions()).find((d) => d.id === n);
  if (!old) return say(`There is no decision #${n} in ${turn.plan.key}; type \`decisions\` to see the log with its numbers.`, { error: 'not_found' });
  if (date !== null) {
    const day = readDay(turn, date, `correct the date of decision ${n} to 12 October 2017`, 'past');
    if (typeof day !== 'string') return day;
    if (day === old.decidedOn) return say(`Decision #${n} is already dated ${formatDate(day)}; nothing was changed.`, { error: 'invalid' });
  }
  return recordDecision(turn, {
    kind: 'decision',
    board: old.board,
    // A new day: at the board's meeting that day if it had one, else outside a meeting.
    date: date ?? old.meetingDate ?? old.decidedOn,
    outsideMeeting: date !== null ? 'unless_met' : old.meetingDate === null,
    text: text || old.text,
    affects: affects ?? old.affects,
    corrects: old.id,
  });
}

/** The log oldest first; a correction and what it corrects both say so. */
export async function listDecisions(turn: Turn, typedBoard: string | null, sincePhrase: string | null, duringPhrase: string | null = null, about: string | null = null): Promise<Reply> {
  const board = typedBoard === null ? null : await knownBoard(turn, typedBoard);
  if (board && isReply(board)) return board;
  const item = about === null ? null : await findItem(turn, about);
  if (item && isReply(item)) return item;
  // "what did SAS decide in October?": a period looking back, or a meeting named as its day.
  let during: { from: IsoDate; to: IsoDate } | null = null;
  if (duringPhrase !== null) {
    const joined = joinMeetingReferences(duringPhrase);
    if (isMeetingReference(joined)) {
      const found = findMeeting(joined, await turn.governance.meetings(), (await turn.governance.boards()).map((b) => b.name), turn.today);
      if (!found.ok) return say(found.error, { error: 'not_understood' });
      during = { from: found.meeting.date, to: found.meeting.date };
    } else {
      const from = readPastDay(duringPhrase, turn.today, 'start');
      const to = readPastDay(duringPhrase, turn.today, 'end');
      if (!from.ok || !to.ok) return say(`I can't read "${duringPhrase}" as a period to list decisions in; try "in October", "this year" or "since 1 October 2017".`, { error: 'unreadable_date' });
      during = { from: from.day ?? turn.today, to: to.day ?? turn.today };
    }
  }
  let since: IsoDate | null = null;
  if (sincePhrase !== null) {
    // Looking back: "since October" on 1 Nov is this October, not next.
    const read = readPastDay(cleanText(sincePhrase), turn.today, 'start');
    if (!read.ok) return say(`I can't read "${sincePhrase}" as a day to list decisions since; try \`decisions since 1 October 2017\` or \`decisions since October\`.`, { error: 'unreadable_date' });
    since = read.day ?? turn.today;
  }
  const log = await turn.governance.decisions();
  const correctedBy = new Map(log.filter((d) => d.supersedes !== null).map((d) => [d.supersedes!, d.id]));
  const shown = log.filter(
    (d) =>
      (!board || d.board === board.name) &&
      (!item || d.affects.includes(item.id)) &&
      (since === null || d.decidedOn >= since) &&
      (during === null || (d.decidedOn >= during.from && d.decidedOn <= during.to)),
  );
  const period = during ? (during.from === during.to ? ` on ${formatDate(during.from)}` : ` from ${formatDate(during.from)} to ${formatDate(during.to)}`) : '';
  const scope = `${board ? `${board.name}'s decisions` : 'Decisions'}${item ? ` about ${item.id}` : ''}${since ? ` since ${formatDate(since)}` : ''}${period}`;
  if (!shown.length) return say(`${scope}: none recorded.${log.length ? '' : ' An admin records one with `decision SAS 2017-10-12 "…" affects 1.1`.'}`, { governance: { decisions: [] } });
  const line = (d: Decision) => {
    const notes = [d.affects.length ? `affects ${d.affects.join(', ')}` : null, d.supersedes ? `corrects #${d.supersedes}` : null, correctedBy.has(d.id) ? `corrected by #${correctedBy.get(d.id)}` : null].filter(Boolean);
    return `• #${d.id} ${where(d)}: "${d.text}"${notes.length ? ` — ${notes.join('; ')}` : ''}`;
  };
  return say([`${scope} — ${plural(shown.length, 'decision')}, oldest first:`, ...shown.map(line)].join('\n'), { governance: { decisions: shown } });
}

/** "SAS at its meeting on 12 Oct 2017", "SAS on 4 May 2017 (outside a meeting)". */
const where = (d: Decision) => (d.meetingDate ? `${d.board} at its meeting on ${formatDate(d.meetingDate)}` : `${d.board} on ${formatDate(d.decidedOn)} (outside a meeting)`);

/** The board a typed name means, or the refusal that names the plan's boards. */
export async function knownBoard(turn: Turn, typed: string): Promise<Board | Reply> {
  const boards = await turn.governance.boards();
  if (!typed.trim()) return say(`Name the board: ${boards.length ? boards.map((b) => b.name).join(', ') : 'this plan has none yet (`board add SAS`)'}.`, { error: 'invalid' });
  return findBoard(boards, typed) ?? say(unknownBoard(typed, boards), { error: 'not_found' });
}

/** One day from plain English, as of the turn's today in the plan's timezone; a range is refused. */
/**
 * One day, as typed. A decision is in the past: "12 October" (no year) is the last 12 October, and "yesterday" reads;
 * a meeting may be ahead, so its days read forward as delivery dates do.
 */
function readDay(turn: Turn, phrase: string, example: string, looking: 'past' | 'ahead' = 'ahead'): IsoDate | Reply {
  if (looking === 'past') {
    const past = readPastDay(cleanText(phrase), turn.today, 'start');
    // "yesterday" is a day; anything else must read as one day, whichever year it falls in.
    const shape = /^(?:yesterday|today)$/i.test(phrase.trim()) ? null : readDelivery(cleanText(phrase), { today: turn.today, timeZone: turn.timeZone });
    if (past.ok && past.day !== null && (!shape || (shape.ok && shape.window.start === shape.window.end))) return past.day;
  }
  const read = readDelivery(cleanText(phrase), { today: turn.today, timeZone: turn.timeZone });
  if (!phrase.trim() || !read.ok || !read.window.start) return say(`I can't read "${phrase}" as a day; give one, e.g. \`${example}\`, "12 October 2017" or "next Thursday".`, { error: 'unreadable_date' });
  if (read.window.start !== read.window.end) return say(`"${phrase}" is ${describeWindow(read.window)}, not one day; give the day, e.g. \`${example}\`.`, { error: 'invalid' });
  return read.window.start;
}

/** A store write, with the failures a person can act on (a twin board or meeting, an archived plan) as replies. */
async function storeWrite<T extends object>(write: () => Promise<T>): Promise<T | Reply> {
  return write().catch((err: unknown) => actionableReply(err) ?? Promise.reject(err));
}
