import type { Recommendation } from '../plan/recommendation.js';
import { titleOf } from '../plan/recommendation.js';
import type { Status } from '../plan/status.js';
import type { Decision } from './decision.js';
import type { Waiting } from './waiting.js';

/** An affected item as it stood when the decision was recorded. */
export interface DecisionNoticeItem {
  id: string;
  title: string;
  status: Status;
  waiting: Waiting | null;
}

/**
 * What one person is told when a decision affecting items they own is recorded: the decision and
 * their items among those it affects. Plain data in the outbox, rendered only when sent.
 */
export interface DecisionNoticePayload {
  kind: 'decision_notice';
  plan: { key: string; title: string };
  decision: Pick<Decision, 'id' | 'board' | 'meetingDate' | 'decidedOn' | 'text' | 'supersedes'>;
  /** In plan order. */
  items: DecisionNoticeItem[];
}

export interface DecisionNotice {
  /** Unique per decision and person, so the message is queued once however often this runs. */
  key: string;
  to: string;
  payload: DecisionNoticePayload;
}

/** Whether the owner is asked to move the item on or say it still waits. */
export const asksForAnswer = (item: Pick<DecisionNoticeItem, 'status'>) => item.status === 'awaiting_decision';

/**
 * One message per person linked to an owner of an affected item, however many of the items they
 * own: the decision and, for each of their items, whether it waits on a decision. `affected` is in
 * plan order; `people` maps an owner name to the person ids linked to it.
 */
export function decisionNotices(
  plan: { key: string; title: string },
  decision: DecisionNoticePayload['decision'],
  affected: readonly Pick<Recommendation, 'id' | 'text' | 'owners' | 'status' | 'waiting'>[],
  people: ReadonlyMap<string, readonly string[]>,
): DecisionNotice[] {
  const byPerson = new Map<string, DecisionNoticeItem[]>();
  for (const rec of affected) {
    const to = new Set(rec.owners.flatMap((o) => people.get(o) ?? []));
    const item: DecisionNoticeItem = { id: rec.id, title: titleOf(rec.text), status: rec.status, waiting: rec.waiting ?? null };
    for (const person of to) byPerson.set(person, [...(byPerson.get(person) ?? []), item]);
  }
  return [...byPerson].map(([to, items]) => ({
    key: `${plan.key}/decision:${decision.id}:${to}`,
    to,
    payload: { kind: 'decision_notice', plan, decision, items },
  }));
}
