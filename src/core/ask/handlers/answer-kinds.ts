import type { IsoDate } from '../../dates/delivery-window.js';
import { titleOf, type Recommendation } from '../../plan/recommendation.js';
import { STATUS_LABELS, type Status } from '../../plan/status.js';
import type { RecQuery } from '../../ports.js';
import { planAsAt } from '../../report/as-at.js';
import { buildBoardPaper } from '../../report/board-paper.js';
import { DATES_REVISED_HEADING, describeChanges, noChangesLine } from '../../report/describe-changes.js';
import { checkPaperDates, readPastDay } from '../../report/paper-request.js';
import type { Turn } from '../context.js';
import { formatDate } from '../format.js';
import { readingLine } from './query-reading.js';
import type { QueryFilter } from '../intent.js';
import { matchesQuery } from '../rec-query.js';
import { addDaysIso } from '../../reminders/local-time.js';
import { addMonths, isoDate, parseIso } from '../../dates/calendar.js';
import { itemView, say, type Reply } from '../reply.js';

/** The answers beyond a plain list: the plan as at a past day, what changed, exclusions, slipped, stale, order and limits. */

/** What a question leaves out, resolved against the plan. */
export type Exclusions = { owners?: string[]; themes?: string[]; status?: Status };

/** The plan as it stood at the end of `asAt`, rebuilt from the trail exactly as the board paper is, then narrowed. */
export async function asAtItems(turn: Turn, q: RecQuery, asAt: IsoDate): Promise<Recommendation[]> {
  const history = await turn.store.planHistory();
  if (!history) return [];
  return planAsAt(history.recommendations, history.events, history.plan.asOf, asAt, history.plan.timeZone).filter((r) => matchesQuery(r, q));
}

/** Exclusions, slipped dates, staleness, order and limits, over the items found. */
export function narrowKinds(filter: QueryFilter, not: Exclusions, found: Recommendation[], asAt: IsoDate): { recs: Recommendation[]; said: string[] } | Reply {
  let recs = found;
  const said: string[] = [];
  if (not.owners) {
    recs = recs.filter((r) => !r.owners.some((o) => not.owners!.includes(o)));
    said.push(`not owned by ${not.owners.join(' / ')}`);
  }
  if (not.themes) {
    recs = recs.filter((r) => !not.themes!.includes(r.theme));
    said.push(`outside ${not.themes.join(' / ')}`);
  }
  if (not.status) {
    recs = recs.filter((r) => r.status !== not.status);
    said.push(`not ${STATUS_LABELS[not.status].toLowerCase()}`);
  }
  if (filter.slipped) {
    const times = filter.slipped.times;
    recs = recs.filter((r) => r.revisions >= times || (times === 1 && r.baseline.end !== null && r.delivery.end !== null && r.delivery.end > r.baseline.end));
    said.push(times > 1 ? `re-dated ${times} times or more` : 'date slipped');
  }
  if (filter.stale) {
    let lastAllowed: IsoDate;
    if (filter.stale.since) {
      // "hasn't been touched since July": nothing after July; an update on 20 July is not one since July.
      const since = readPastDay(filter.stale.since, asAt, 'end');
      if (!since.ok) return say(since.error, { error: 'unreadable_date' });
      lastAllowed = since.day ?? asAt;
      said.push(`no update after ${formatDate(lastAllowed)}`);
    } else {
      // "no update for 14 days", as the reminders count it: the last update 14 or more days ago.
      lastAllowed = addDaysIso(asAt, -(filter.stale.days ?? 30));
      said.push(`no update for ${filter.stale.days ?? 30} days`);
    }
    recs = recs.filter((r) => !CLOSED_STATUSES.has(r.status) && lastUpdate(r) <= lastAllowed);
  }
  if (filter.overdueBy) {
    const { amount, unit, bound } = filter.overdueBy;
    const cutoff = overdueCutoff(asAt, amount, unit);
    // Overdue by more than the span: the window ended before the day that far back (at least: on it or before).
    recs = recs.filter((r) => {
      const end = r.delivery.end;
      if (end === null || end >= asAt) return false;
      return bound === 'more' ? end < cutoff : bound === 'at_least' ? end <= cutoff : end > cutoff;
    });
    const span = `${amount} ${unit}${amount === 1 ? '' : 's'}`;
    said.push(`overdue by ${bound === 'more' ? 'more than' : bound === 'at_least' ? 'at least' : 'less than'} ${span} (due ${bound === 'less' ? 'after' : bound === 'more' ? 'before' : 'by'} ${formatDate(cutoff)})`);
  }
  if (filter.missing) {
    const lacks = MISSING[filter.missing];
    recs = recs.filter(lacks.test);
    said.push(lacks.said);
  }
  if (filter.sharedOwners) {
    recs = recs.filter((r) => r.owners.length > 1);
    said.push('with more than one owner');
  }
  if (filter.order) {
    // "What's due soonest" is what is still to come: nothing already late, nothing closed.
    if (filter.order === 'soonest_due') recs = recs.filter((r) => !CLOSED_STATUSES.has(r.status) && !(r.delivery.end !== null && r.delivery.end < asAt));
    recs = [...recs].sort(ORDERS[filter.order]);
    said.push(`${filter.order.replace(/_/g, ' ')} first`);
  }
  if (filter.limit !== undefined) {
    recs = recs.slice(0, filter.limit);
    said.push(filter.limit === 1 ? 'only the first' : `the first ${filter.limit}`);
  }
  return { recs, said };
}

const CLOSED_STATUSES = new Set<Status>(['complete', 'not_being_implemented']);

/** What "no date", "no owner" and "never updated" look for; a closed item needs no date, so only open ones lack one. */
const MISSING: Record<NonNullable<QueryFilter['missing']>, { test: (r: Recommendation) => boolean; said: string }> = {
  date: { test: (r) => r.delivery.end === null && !CLOSED_STATUSES.has(r.status), said: 'open, with no delivery date' },
  owner: { test: (r) => r.owners.length === 0, said: 'with no owner' },
  updates: { test: (r) => r.updates.length === 0, said: 'never updated' },
};

/** The day `amount` units before `asAt`, calendar months and years clamped to the month's end. */
function overdueCutoff(asAt: IsoDate, amount: number, unit: 'day' | 'week' | 'month' | 'year'): IsoDate {
  if (unit === 'day' || unit === 'week') return addDaysIso(asAt, -amount * (unit === 'week' ? 7 : 1));
  return isoDate(addMonths(parseIso(asAt), -amount * (unit === 'year' ? 12 : 1)));
}
const endOf = (r: Recommendation) => r.delivery.end ?? '9999-12-31';
/** The day of the newest update: a plan file may list its log newest first, so not simply the last entry. */
/** The day of an item's latest update, '' when it has none. */
export const lastUpdate = (r: Recommendation): string => r.updates.reduce((max, u) => (u.date > max ? u.date : max), '');
const ORDERS: Record<NonNullable<QueryFilter['order']>, (a: Recommendation, b: Recommendation) => number> = {
  most_overdue: (a, b) => endOf(a).localeCompare(endOf(b)),
  soonest_due: (a, b) => endOf(a).localeCompare(endOf(b)),
  // An item with no date has no "latest": it goes after the dated ones.
  latest_due: (a, b) => (a.delivery.end === null ? (b.delivery.end === null ? 0 : 1) : b.delivery.end === null ? -1 : b.delivery.end.localeCompare(a.delivery.end)),
  by_due_date: (a, b) => endOf(a).localeCompare(endOf(b)),
  oldest_update: (a, b) => lastUpdate(a).localeCompare(lastUpdate(b)),
  newest_update: (a, b) => lastUpdate(b).localeCompare(lastUpdate(a)),
};

/** "what changed since 4 October": exactly the board paper's changes section for the same dates, grouped by item. */
export async function answerChanges(turn: Turn, filter: QueryFilter, q: RecQuery, said: string[]): Promise<Reply> {
  const history = await turn.store.planHistory();
  if (!history) return say('There is no plan yet.', { error: 'no_plan' });
  const window = changesWindow(turn, filter, history.plan.asOf);
  if ('text' in window) return window;
  const { from, upTo } = window;
  const paper = buildBoardPaper(history, { asAt: upTo, producedOn: turn.today, since: from });
  return listChanges(paper, q, said, filter, from, upTo);
}

/**
 * The days a change question covers: after `from`, up to and including `upTo`; or the sentence why they cannot be read.
 * With the plan's date, only days a board paper can be built for (not before the plan began); without, any past days.
 */
export function changesWindow(turn: Turn, filter: QueryFilter, planAsOf: IsoDate | null): { from: IsoDate; upTo: IsoDate } | Reply {
  const since = readPastDay(filter.changedSince!, turn.today, 'start');
  if (!since.ok) return say(since.error, { error: 'unreadable_date' });
  const sinceDay = since.day ?? turn.today;
  // "this week", "in January" start on their first day: changes "since" the day before it.
  const from = filter.changedUntil !== undefined || /^(?:this|last|past|today|yesterday|(?:the )?(?:start|beginning) of)\b/i.test(filter.changedSince!) ? addDaysIso(sinceDay, -1) : sinceDay;
  // "in January", "last week": up to the end of the window (today at the latest); otherwise up to today.
  const until = filter.changedUntil === undefined ? { ok: true as const, day: turn.today } : readPastDay(filter.changedUntil, turn.today, 'end');
  if (!until.ok) return say(until.error, { error: 'unreadable_date' });
  const upTo = until.day === null || until.day > turn.today ? turn.today : until.day;
  if (upTo <= from) return say(`"${filter.changedUntil}" ends before "${filter.changedSince}" begins: ask for the earlier day first, e.g. "what changed between 1 October and 31 October?".`, { error: 'invalid' });
  const problem = planAsOf === null ? null : checkPaperDates({ asAt: upTo, since: from }, turn.today, planAsOf);
  if (problem) return say(problem, { error: 'invalid' });
  return { from, upTo };
}

/** What changed, in plan order: the board paper's changes section for the same dates. */
function listChanges(paper: ReturnType<typeof buildBoardPaper>, q: RecQuery, said: string[], filter: QueryFilter, from: IsoDate, upTo: IsoDate): Reply {
  const changes = paper.changes!;
  // "what slipped last month?": only the dates moved in the window.
  const datesOnly = filter.slipped !== undefined;
  const changed = new Set(
    datesOnly
      ? changes.dateRevisions.map((c) => c.id)
      : [...changes.added.map((c) => c.id), ...changes.updates.map((c) => c.id), ...changes.statusChanges.map((c) => c.id), ...changes.dateRevisions.map((c) => c.id), ...changes.ownersChanges.map((c) => c.id), ...changes.rewordings.map((c) => c.id)],
  );
  const recs = paper.recommendations.filter((r) => changed.has(r.id) && matchesQuery(r, q));
  const items = recs.map((r) => itemView(r, upTo));
  const reading = [`${datesOnly ? 're-dated' : 'changed'} after ${formatDate(from)}`, ...said];
  const line = readingLine(reading, `up to ${formatDate(upTo)}`, recs.length, filter.count === true);
  if (!recs.length) return say(datesOnly ? `${line}.` : `${line}. ${noChangesLine(changes)}`, { items });
  // Grouped by item, in plan order: each change with its kind, when and who.
  const sections = describeChanges(changes).filter((section) => !datesOnly || section.heading === DATES_REVISED_HEADING);
  const lines = recs.flatMap((r) => [
    `• ${r.id} ${titleOf(r.text, 70)}`,
    ...sections.flatMap((section) => section.lines.filter((l) => l.id === r.id).map((l) => `   – ${section.heading}: ${l.text}`)),
  ]);
  return say([line, ...lines].join('\n'), { items });
}
