import { actionableReply } from '../actionable.js';
import type { Decision } from '../../governance/decision.js';
import type { Recommendation } from '../../plan/recommendation.js';
import { STATUS_LABELS } from '../../plan/status.js';
import { canChange } from '../actor.js';
import type { Turn } from '../context.js';
import { formatDate } from '../format.js';
import { findItem, isReply } from '../lookup.js';
import { itemView, say, type Reply } from '../reply.js';
import { archivedRefusal, meta } from './change.js';

/**
 * An owner's answer to the message about a decision affecting their item (core/governance/decision-notice.ts):
 * move the item on (the update form, where they choose its new status) or say it still waits. Each
 * press is checked against the plan as it is now; a refusal is one sentence and writes nothing.
 */

export interface Answerable {
  rec: Recommendation;
  decision: Decision;
}

/** The item and the decision, when this person may answer for the item and it still waits on a decision. */
export async function decisionAnswerable(turn: Turn, id: string, decisionId: number): Promise<Answerable | Reply> {
  const rec = await findItem(turn, id);
  if (isReply(rec)) return rec;
  if (!canChange(turn.actor, rec)) {
    return say(`Only an owner of ${id} (${rec.owners.join(', ') || 'nobody yet'}) or a plan admin can answer for it, so nothing was changed.`, { error: 'not_permitted' });
  }
  const archived = archivedRefusal(turn);
  if (archived) return archived;
  const decision = (await turn.governance.decisions()).find((d) => d.id === decisionId && d.affects.includes(id));
  if (!decision) return say(`That message is about a decision of ${turn.plan.key} that does not affect ${id}, so nothing was changed.`, { error: 'not_found' });
  if (rec.status !== 'awaiting_decision') {
    return say(`${id} has changed since ${decision.board}'s decision: it is ${STATUS_LABELS[rec.status]} now, not Awaiting decision, so nothing was changed.`, {
      error: 'invalid',
      items: [itemView(rec, turn.today)],
    });
  }
  return { rec, decision };
}

/** The words recorded when an owner says the item still waits: "Still waiting on X after SAS's decision of 12 Oct 2017." */
export function stillWaitingText(rec: Pick<Recommendation, 'waiting'>, decision: Pick<Decision, 'board' | 'decidedOn'>): string {
  const on = rec.waiting?.what ? `on ${rec.waiting.what}` : 'on a decision';
  return `Still waiting ${on} after ${decision.board}'s decision of ${formatDate(decision.decidedOn)}.`;
}

/**
 * "Still waiting": an update on the item, audited, through the same change as any update; the item
 * stays at Awaiting decision. Said once per decision: a second press records nothing more.
 */
export async function stillWaiting(turn: Turn, id: string, decisionId: number): Promise<Reply> {
  const found = await decisionAnswerable(turn, id, decisionId);
  if (isReply(found)) return found;
  const { rec, decision } = found;
  const text = stillWaitingText(rec, decision);
  if (rec.updates.some((u) => u.text === text)) return say(`${id} already says it is still waiting after this decision, so nothing more was recorded.`, { items: [itemView(rec, turn.today)] });
  // Checked again under the row lock: another owner's press or a status change in between writes nothing.
  const saved = await turn.store
    .change({ ...meta(turn), recId: rec.id, update: { date: turn.today, text, author: turn.actor.name, evidence: null }, precondition: { status: 'awaiting_decision', withoutUpdate: text } })
    .catch((err: unknown) => actionableReply(err) ?? Promise.reject(err));
  if (isReply(saved)) return saved;
  return say(`Recorded on ${id}: ${text}`, { items: [itemView(saved, turn.today)], changed: true });
}
