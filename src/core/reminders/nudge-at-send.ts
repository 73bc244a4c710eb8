import { itemView } from '../ask/reply.js';
import type { IsoDate } from '../dates/delivery-window.js';
import type { Recommendation } from '../plan/recommendation.js';
import { isClosed, STATUS_LABELS } from '../plan/status.js';
import type { NudgeNotice, PlanRef, QueuedNudge } from './outbox-message.js';

/** A queued nudge at the moment it is sent: the message to send, or why it no longer applies. */
export type NudgeAtSend = { send: NudgeNotice } | { drop: string };

/**
 * Reads a queued nudge against the item as it is now. Between the pass that queued it and its turn to
 * go (seconds, or longer behind Slack's rate limits) the owner may have posted an update — the message
 * shows it — or closed the item or proposed its completion, which the pass would not have nudged about:
 * then it is not sent, and the reason is recorded. `today` is the plan's local date at sending.
 */
export function nudgeAtSend(queued: QueuedNudge, plan: PlanRef, rec: Recommendation | null, today: IsoDate): NudgeAtSend {
  if (!rec) return { drop: `not sent: ${queued.itemId} is no longer in the plan ${plan.key}` };
  if (isClosed(rec.status)) return { drop: `not sent: ${rec.id} was ${STATUS_LABELS[rec.status]} by the time it was due to go` };
  if (rec.proposal) return { drop: `not sent: ${rec.id}'s completion was proposed and awaits sign-off` };
  const chase = { ...(queued.from !== undefined ? { from: queued.from } : {}), ...(queued.note !== undefined ? { note: queued.note } : {}) };
  return { send: { kind: queued.kind, item: itemView(rec, today), lastUpdate: rec.updates.at(-1) ?? null, on: queued.on, plan, ...chase } };
}
