import { describeWaiting } from '../../governance/waiting.js';
import { readDelivery, UNREADABLE_HELP } from '../../dates/read-delivery.js';
import type { RecQuery } from '../../ports.js';
import { STATUS_LABELS } from '../../plan/status.js';
import { isOverdue, type Recommendation } from '../../plan/recommendation.js';
import type { QueryFilter } from '../intent.js';
import type { Turn } from '../context.js';
import { describeWindow, formatDate, itemLine } from '../format.js';
import { itemView, say, type QueryReading, type Reply } from '../reply.js';
import { bestScore, matchThemes } from './resolve-names.js';
import { addDaysIso } from '../../reminders/local-time.js';
import { nearNames } from './near-names.js';
import { answerAuthored } from './answer-authored.js';
import { answerChanges, asAtItems, lastUpdate, narrowKinds } from './answer-kinds.js';
import { didYouMean, notUnderstood, ragWords, readingLine, understoodParts } from './query-reading.js';
import { checkPaperDates, readPastDay } from '../../report/paper-request.js';
import type { IsoDate } from '../../dates/delivery-window.js';
import { findMeeting, isMeetingReference, spoken } from '../../governance/meeting-reference.js';
import { boardName, findBoard, unknownBoard } from '../../governance/board.js';
import { mentionsAll } from '../../plan/mentions.js';
import { inSection } from '../../plan/recommendation-id.js';
import { priorityMatches } from '../../plan/priority.js';
import { answerCompleted } from './answer-completed.js';
import { breakdownReply } from './query-breakdown.js';
import { summaryReply } from './query-summary.js';
import { resolveAbout, resolveExclusions, resolveOwner } from './query-names.js';
import { resolveAlternatives } from './query-alternatives.js';
import { rateRag, type Rag } from '../../plan/rag.js';

/** Lines shown in text before "…and N more"; the items array always carries everything. */
const TEXT_LIMIT = 40;

/** Answers a question about many items: overdue, due, by owner, theme or status, counts, as at a date, changes, slipped dates, stale items. */
export async function answerQuery(turn: Turn, filter: QueryFilter): Promise<Reply> {
  // As typed: a meeting reference's joined words with their spaces again.
  const asked: QueryFilter = JSON.parse(spoken(JSON.stringify(filter)));
  const q: RecQuery = {};
  const reply = await answerFilters(turn, filter, q);
  // How the question was read, as data beside the reply (`ask --json`): the filters as typed, and what they matched.
  const query: QueryReading = {
    read: asked,
    understood: understoodParts(filter),
    ...(q.owners ? { owners: q.owners } : {}),
    ...(q.themes ? { themes: q.themes } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.endBefore || q.endFrom || q.endTo ? { due: { ...(q.endBefore ? { before: q.endBefore } : {}), ...(q.endFrom ? { from: q.endFrom } : {}), ...(q.endTo ? { to: q.endTo } : {}) } } : {}),
  };
  return { ...reply, query };
}

async function answerFilters(turn: Turn, filter: QueryFilter, q: RecQuery): Promise<Reply> {
  // The reading, in the order the line shows it: what, whose, where; exclusions and order follow.
  const said: string[] = [];
  let dueNote = '';

  const meetings = await resolveMeetings(turn, filter);
  if (meetings) return meetings;
  const alternatives = await resolveAlternatives(turn, filter);
  if (alternatives && 'text' in alternatives) return alternatives;
  if (filter.about) {
    const about = await resolveAbout(turn, filter.about, filter);
    if ('text' in about) return about;
    Object.assign(filter, about);
  }
  const not = filter.not ? await resolveExclusions(turn, filter) : {};
  if ('text' in not) return not;
  let waitingOn: string | null = null;
  let waitNote: string | null = null;
  if (filter.waitingOn) {
    const boards = await turn.governance.boards();
    const board = findBoard(boards, filter.waitingOn);
    if (board) waitingOn = board.name;
    else {
      // Items can name a board the office has not added yet (the seed's 1.1, 3.6 and 4.0.1 wait on SAS):
      // they still wait on it, so list them, and say how to add it.
      const named = boardName(filter.waitingOn);
      const waits = await turn.store.find({ status: 'awaiting_decision' });
      if (waits.some((r) => r.waiting?.board === named)) {
        waitingOn = named;
        waitNote = `${named} is not one of ${turn.plan.key}'s boards yet, though items wait on it; an admin adds it with \`board add ${named} --title "…"\`.`;
      } else if (!filter.owner && bestScore(filter.waitingOn, await turn.store.owners()) > 0) {
        // "what's blocked for Karen": a person, not a board. Her items held for a decision.
        filter.owner = filter.waitingOn;
      } else {
        return say(`${unknownBoard(filter.waitingOn, boards)} Ask "what's awaiting a decision?" for every item that waits.`, { error: 'not_understood' });
      }
    }
  }
  if (filter.status) {
    q.status = filter.status;
    said.push(waitingOn ? `waiting on ${waitingOn}` : STATUS_LABELS[filter.status].toLowerCase());
  }
  if (filter.statuses) said.push(filter.statuses.map((st) => STATUS_LABELS[st].toLowerCase()).join(' or '));
  if (filter.ids) said.push(filter.ids.join(', '));
  if (filter.section) said.push(`section ${filter.section}`);
  if (filter.priority) said.push(`${filter.priority} priority`);
  if (filter.proposed) said.push('awaiting sign-off');
  if (filter.rag) said.push(ragWords(filter.rag));
  if (filter.mentions) said.push(`mentioning "${filter.mentions}"`);
  if (filter.open) q.openOnly = true;
  // As at a past day, "today" for overdue and due windows is that day.
  const day = filter.asAt ? readPastDay(filter.asAt, turn.today, 'end') : { ok: true as const, day: turn.today };
  if (!day.ok) return say(day.error, { error: 'unreadable_date' });
  const asAt = day.day ?? turn.today;
  if (filter.overdue) {
    q.openOnly = true;
    q.endBefore = asAt;
  }
  if (filter.owner && filter.owner !== 'me' && !filter.theme && bestScore(filter.owner, await turn.store.owners()) === 0) {
    // "what's due for ICT": the word after "for" names a theme, not an owner.
    if (bestScore(filter.owner, await turn.store.themes()) > 0) [filter.theme, filter.owner] = [filter.owner, undefined];
  }
  if (filter.owner) {
    const owners = await resolveOwner(turn, filter);
    if (!Array.isArray(owners)) return owners;
    q.owners = owners;
    said.push(`owned by ${filter.owner === 'me' ? `you (${owners.join(' / ')})` : owners.join(' / ')}`);
  }
  if (filter.theme) {
    const known = await turn.store.themes();
    const themes = matchThemes(filter.theme, known);
    if (!themes.length) {
      const near = nearNames(filter.theme, known);
      return near.length ? didYouMean(filter.theme, near, 'theme') : notUnderstood(filter, filter.theme, 'theme');
    }
    q.themes = themes;
    said.push(`in ${themes.join(' / ')}`);
  }
  if (alternatives) {
    // Any of them: narrowed in the store where they are all of one kind and nothing else narrows that kind.
    if (!alternatives.owners.length && !q.themes) q.themes = alternatives.themes;
    if (!alternatives.themes.length && !q.owners) q.owners = alternatives.owners;
    said.push(alternatives.said);
  }
  if (filter.due) {
    const read = readDelivery(filter.due.phrase, { today: asAt, timeZone: turn.timeZone });
    if (!read.ok) return say(read.error, { error: 'unreadable_date' });
    const w = read.window;
    if (!w.start || !w.end) return say(`"${filter.due.phrase}" has no date in it, so nothing can be due then. ${UNREADABLE_HELP}`, { error: 'unreadable_date' });
    q.openOnly = true;
    if (filter.due.mode === 'within') {
      q.endFrom = w.start;
      q.endTo = w.end;
      dueNote = `due ${describeWindow(w).replace(/^by /, 'on ')}`;
    } else if (filter.due.mode === 'after') {
      q.endFrom = addDaysIso(w.end, 1);
      dueNote = `due after ${formatDate(w.end)}`;
    } else if (filter.due.mode === 'between') {
      const until = readDelivery(filter.due.until ?? '', { today: asAt, timeZone: turn.timeZone });
      if (!until.ok || !until.window.end) return say(until.ok ? `"${filter.due.until}" has no date in it. ${UNREADABLE_HELP}` : until.error, { error: 'unreadable_date' });
      q.endFrom = w.start;
      q.endTo = until.window.end;
      dueNote = `due between ${formatDate(w.start)} and ${formatDate(until.window.end)}`;
    } else {
      q.endFrom = asAt;
      q.endTo = filter.due.mode === 'before' ? addDaysIso(w.start, -1) : w.end;
      dueNote = `due ${filter.due.mode === 'before' ? 'before' : 'by'} ${formatDate(filter.due.mode === 'before' ? w.start : w.end)}`;
    }
    // "overdue or due this month": everything open up to the window's end, however long ago it was due.
    if (filter.due.orOverdue) {
      q.endFrom = undefined;
      dueNote = `overdue or ${dueNote}`;
    }
  }

  if (filter.completed) return answerCompleted(turn, filter.completed, q, [filter.overdue ? 'overdue' : dueNote, ...said].filter(Boolean), filter.count === true);
  if (filter.author) return answerAuthored(turn, filter, q, said);
  if (filter.changedSince) return answerChanges(turn, filter, q, [filter.overdue ? 'overdue' : dueNote, ...said].filter(Boolean));
  if (filter.asAt) {
    // The same sentence as the board paper for a day before the plan began, or one still to come.
    const plan = await turn.store.plan();
    const problem = plan ? checkPaperDates({ asAt, since: null }, turn.today, plan.asOf) : null;
    if (problem) return say(problem, { error: 'invalid' });
  }
  const found = filter.asAt ? await asAtItems(turn, q, asAt) : await turn.store.find(q);
  // Only the tests the question asks for; most narrow nothing here ("what's overdue?"), and the store's answer is the pool.
  const { ids, section, priority, statuses, proposed, rag, mentions } = filter;
  const tests = [
    waitingOn && ((r: Recommendation) => r.waiting?.board === waitingOn),
    alternatives && ((r: Recommendation) => alternatives.matches(r)),
    ids && ((r: Recommendation) => ids.includes(r.id)),
    section && ((r: Recommendation) => inSection(r.id, section)),
    priority && ((r: Recommendation) => priorityMatches(r.priority, priority)),
    statuses && ((r: Recommendation) => statuses.includes(r.status)),
    proposed && ((r: Recommendation) => Boolean(r.proposal)),
    rag && ((r: Recommendation) => ragMatches(rateRag(r, asAt).rag, rag)),
    mentions && ((r: Recommendation) => mentionsAll(r.text, mentions)),
  ].filter((t): t is (r: Recommendation) => boolean => typeof t === 'function');
  const pool = tests.length ? found.filter((r) => tests.every((t) => t(r))) : found;
  // A plan that ranks nothing cannot answer a question about priorities: say so rather than list nothing.
  if ((filter.priority || filter.by === 'priority') && !found.some((r) => r.priority) && !(await turn.store.find({})).some((r) => r.priority)) {
    return say(
      `${turn.plan.key} gives its items no priority. A document imported with a Priority (or Rating) column gives each item its own, and an admin can set one with \`priority 4.2.1 High\`; ask "what's overdue?" or "list red" meanwhile.`,
      { error: 'not_understood' },
    );
  }
  const kinds = narrowKinds(filter, not, pool, asAt);
  if ('text' in kinds) return kinds;
  const reading = [filter.overdueBy ? '' : filter.overdue ? 'overdue' : dueNote, filter.open && !filter.overdue && !dueNote && !filter.status ? 'open' : '', ...said, ...kinds.said];
  if (filter.summary) return summaryReply(kinds.recs, reading.filter(Boolean), asAt);
  if (filter.by && filter.by !== 'plan') return breakdownReply(kinds.recs, filter.by, filter.ownerKind, reading.filter(Boolean), asAt, filter.overdue === true);
  const listed = listReply(kinds.recs, reading.filter(Boolean), filter, asAt);
  const absent = filter.ids?.filter((id) => !found.some((r) => r.id === id)) ?? [];
  // "what's my next deadline?" with everything already late: say so rather than a bare "no items".
  const late = filter.order === 'soonest_due' && kinds.recs.length === 0 ? pool.filter((r) => isOverdue(r, asAt)).length : 0;
  const lateNote = late ? `Nothing is still to come, but ${late === 1 ? '1 item is' : `${late} items are`} overdue: ask "what's overdue${filter.owner === 'me' ? ' for me' : ''}?".` : null;
  const notes = [waitNote, lateNote, absent.length ? `${turn.plan.key} has no item ${absent.join(' or ')}; \`list\` shows its numbers.` : null].filter(Boolean);
  return notes.length ? { ...listed, text: [listed.text, ...notes].join('\n') } : listed;
}

/**
 * "before the next JCOB", "since the last SAS", "as at the last paper": each meeting named as a day
 * becomes that day, from the plan's meetings; one that names no meeting is said, and nothing listed.
 */
async function resolveMeetings(turn: Turn, filter: QueryFilter): Promise<Reply | null> {
  const phrases = [filter.due?.phrase, filter.due?.until, filter.changedSince, filter.asAt, filter.stale?.since, filter.changedUntil];
  if (!phrases.some((p) => p !== undefined && isMeetingReference(p))) return null;
  const meetings = await turn.governance.meetings();
  const boards = (await turn.governance.boards()).map((b) => b.name);
  const dayOf = (phrase: string | undefined): string | undefined | Reply => {
    if (phrase === undefined || !isMeetingReference(phrase)) return phrase;
    const found = findMeeting(phrase, meetings, boards, turn.today);
    return found.ok ? found.day : say(found.error, { error: 'not_understood' });
  };
  const read = phrases.map(dayOf);
  const refused = read.find((r): r is Reply => typeof r === 'object');
  if (refused) return refused;
  const [due, until, changed, asAt, staleSince, changedUntil] = read as Array<string | undefined>;
  if (filter.due) filter.due = { ...filter.due, phrase: due!, ...(until !== undefined ? { until } : {}) };
  if (changed !== undefined) filter.changedSince = changed;
  if (changedUntil !== undefined) filter.changedUntil = changedUntil;
  if (asAt !== undefined) filter.asAt = asAt;
  if (filter.stale && staleSince !== undefined) filter.stale = { ...filter.stale, since: staleSince };
  return null;
}

/**
 * The list, under one line of how the question was read ("Overdue · owned by Karen Georgiou · as at
 * 4 Oct 2017 — 4 items"), so a misreading shows at once. A count puts its number first.
 */
function listReply(recs: Recommendation[], reading: string[], filter: QueryFilter, asAt: IsoDate): Reply {
  const items = recs.map((r) => itemView(r, asAt));
  const line = readingLine(reading, `as at ${formatDate(asAt)}`, recs.length, filter.count === true);
  // Slipped dates show the baseline beside the date now in force; a colour asked for shows the rule that gave it.
  const itemText = (r: Recommendation) => {
    const text = itemLine(r, asAt);
    if (filter.slipped) return `${text} — baseline ${r.baseline.text.trim() || 'none'}, now ${r.delivery.text.trim() || 'none'} (re-dated ${r.revisions === 1 ? 'once' : `${r.revisions} times`})`;
    if (filter.rag) {
      const rating = rateRag(r, asAt);
      return `${text} — ${rating.rag}: ${rating.reason}`;
    }
    // A list of what waits for a decision says what each waits on, and whose decision it is.
    const waitsAsked = filter.status === 'awaiting_decision' || filter.statuses?.includes('awaiting_decision') || filter.waitingOn !== undefined;
    if (waitsAsked && r.status === 'awaiting_decision' && r.waiting) return `${text} — waiting on ${describeWaiting(r.waiting)}`;
    // A list ordered by updates, or of items gone quiet, shows the update it was judged on.
    if (filter.stale || filter.order === 'oldest_update' || filter.order === 'newest_update') {
      const last = lastUpdate(r);
      return `${text} — ${last ? `last update ${formatDate(last)}` : 'never updated'}`;
    }
    return text;
  };
  const lines = recs.slice(0, TEXT_LIMIT).map(itemText);
  if (recs.length > TEXT_LIMIT) lines.push(`…and ${recs.length - TEXT_LIMIT} more. Narrow it down, e.g. \`list ICT\` or \`overdue for Karen\`.`);
  return say([line, ...lines].join('\n'), { items });
}

/** "at_risk" is red or amber: the two colours a board asks about. */
const ragMatches = (rag: Rag, wanted: Rag | 'at_risk') => (wanted === 'at_risk' ? rag === 'red' || rag === 'amber' : rag === wanted);
