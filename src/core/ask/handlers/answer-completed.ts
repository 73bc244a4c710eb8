import type { IsoDate } from '../../dates/delivery-window.js';
import { titleOf } from '../../plan/recommendation.js';
import type { RecQuery } from '../../ports.js';
import { changesSince } from '../../report/changes.js';
import { readPastDay } from '../../report/paper-request.js';
import { addDaysIso } from '../../reminders/local-time.js';
import type { Turn } from '../context.js';
import { formatDate } from '../format.js';
import { matchesQuery } from '../rec-query.js';
import { itemView, say, type Reply } from '../reply.js';
import { readingLine } from './query-reading.js';

/**
 * "What was completed in December?", "what's closed since October?": the items whose status became
 * Complete in that period, from the audit trail (the day it took effect, and who), narrowed by the rest
 * of the question. Items that came in complete with an imported plan have no such day, and say so.
 */
export async function answerCompleted(turn: Turn, asked: { phrase: string; since: boolean }, q: RecQuery, said: string[], count = false): Promise<Reply> {
  const from = readPastDay(asked.phrase, turn.today, 'start');
  const to = asked.since ? { ok: true as const, day: turn.today } : readPastDay(asked.phrase, turn.today, 'end');
  if (!from.ok || !to.ok) return say(`I can't read "${asked.phrase}" as a period; try "in December", "last month", "this year" or "since 1 October 2017".`, { error: 'unreadable_date' });
  const start: IsoDate = from.day ?? turn.today;
  const end: IsoDate = (to.day ?? turn.today) > turn.today ? turn.today : (to.day ?? turn.today);
  const history = await turn.store.planHistory();
  if (!history) return say('There is no plan yet.', { error: 'no_plan' });
  const changes = changesSince(history.events, history.recommendations, addDaysIso(start, -1), end, { planAsOf: history.plan.asOf, timeZone: history.plan.timeZone });
  // The last completion in the period, per item: an item reopened and completed again counts once.
  const when = new Map(changes.statusChanges.filter((c) => c.after === 'complete').map((c) => [c.id, c]));
  const recs = history.recommendations.filter((r) => when.has(r.id) && matchesQuery(r, { ...q, status: undefined, openOnly: undefined }));
  const period = start === end ? `on ${formatDate(start)}` : `${formatDate(start)} – ${formatDate(end)}`;
  const line = readingLine([`completed ${period}`, ...said], `as at ${formatDate(turn.today)}`, recs.length, count);
  const lines = recs.map((r) => {
    const c = when.get(r.id)!;
    return `• ${r.id} ${titleOf(r.text, 70)} — completed ${formatDate(c.day)} by ${c.actor}`;
  });
  const none = recs.length ? [] : ['Items that were already complete when the plan was imported have no completion day on record.'];
  return say([line, ...lines, ...none].join('\n'), { items: recs.map((r) => itemView(r, turn.today)) });
}
