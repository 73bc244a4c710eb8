import type { Clock, PlanDirectory } from '../core/ports.js';
import { followUps } from '../core/reminders/digest-parts.js';
import { localTime } from '../core/reminders/local-time.js';
import { nudgeAtSend } from '../core/reminders/nudge-at-send.js';
import { isQueuedNudge, type Notifier, type OutboxMessage, type SendableMessage } from '../core/reminders/outbox-message.js';
import type { NewOutboxRow, OutboxStore } from '../store/outbox-store.js';

/** After this many failed attempts (rate limits not counted) a message is recorded as dead. */
const MAX_ATTEMPTS = 6;
/** A row claimed longer ago than this by a sender that never finished is recorded as unknown. */
const STUCK_AFTER_MS = 5 * 60_000;

export interface DispatchCounts {
  sent: number;
  deferred: number;
  dead: number;
  unknown: number;
}

/**
 * Sends what is due in the outbox, one claim at a time. A rate limit stops the pass: the row waits
 * the Retry-After Slack asked for, the rest of the claim goes back untouched, and nothing goes to
 * anyone — from any instance — until the wait is over (the store keeps the pause). A server error
 * backs off; a permanent error or too many attempts is dead; an ambiguous failure is unknown and
 * never resent blindly. One dead recipient never blocks the others. A nudge is read against its item as
 * it is when its turn comes (`plans`: a server's read model, else the tables); one that no longer applies
 * is recorded dead with the reason, as a message for an archived plan is.
 */
export async function dispatchOnce(outbox: OutboxStore, notifier: Notifier, clock: Clock, batch = 20, plans: PlanDirectory = outbox.plans()): Promise<DispatchCounts & { claimed: number }> {
  const counts = { sent: 0, deferred: 0, dead: 0, unknown: 0, claimed: 0 };
  await outbox.recoverStuck(new Date(clock.now().getTime() - STUCK_AFTER_MS).toISOString());
  const claimed = await outbox.claim(clock.now().toISOString(), batch);
  counts.claimed = claimed.length;
  for (const [i, message] of claimed.entries()) {
    const unsent = () => claimed.slice(i + 1).map((m) => m.id);
    // Another instance may have met a 429 since this claim: its pause holds for this pass too.
    if (i > 0 && (await outbox.pausedUntil(clock.now().toISOString()))) {
      await outbox.release([message.id, ...unsent()]);
      break;
    }
    let ready: SendableMessage | { drop: string };
    try {
      ready = await readyToSend(message, plans, clock);
    } catch (err) {
      // The item could not be read (the database went away): nothing was posted, so the claim goes back
      // for the next pass rather than waiting to be recorded "unknown" as a send that may have gone out.
      await outbox.release([message.id, ...unsent()]);
      throw err;
    }
    if ('drop' in ready) {
      await outbox.close(message.id, 'dead', ready.drop);
      counts.dead++;
      continue;
    }
    const result = await notifier.send(ready);
    const now = clock.now();
    switch (result.outcome) {
      case 'sent':
        await outbox.markSent(message.id, result.ref, now.toISOString(), after(message, result.ref));
        counts.sent++;
        break;
      case 'rate_limited':
        await outbox.rateLimited(message.id, new Date(now.getTime() + result.retryAfterSeconds * 1000).toISOString(), result.retryAfterSeconds, unsent());
        counts.deferred++;
        return counts;
      case 'retry':
        if (message.attempts >= MAX_ATTEMPTS) {
          await outbox.close(message.id, 'dead', `gave up after ${message.attempts} attempts: ${result.error}`);
          counts.dead++;
        } else {
          await outbox.retryAt(message.id, new Date(now.getTime() + 30_000 * 2 ** (message.attempts - 1)).toISOString(), result.error);
          counts.deferred++;
        }
        break;
      case 'dead':
        await outbox.close(message.id, 'dead', result.error);
        counts.dead++;
        break;
      case 'unknown':
        await outbox.close(message.id, 'unknown', result.error);
        counts.unknown++;
        break;
    }
  }
  return counts;
}

/** The message as it is to be sent: a queued nudge read against its item now, or why it is not sent. */
async function readyToSend(message: OutboxMessage, plans: PlanDirectory, clock: Clock): Promise<SendableMessage | { drop: string }> {
  const { payload } = message;
  if (!isQueuedNudge(payload)) return { ...message, payload };
  const plan = message.planId === null ? null : await plans.byId(message.planId);
  if (!plan) return { drop: `not sent: the plan of ${payload.itemId} is no longer there` };
  const rec = await plans.store(plan).get(payload.itemId);
  const read = nudgeAtSend(payload, { key: plan.key, title: plan.title }, rec, localTime(clock.now(), plan.timeZone).date);
  return 'drop' in read ? read : { ...message, payload: read.send };
}

/** What a sent message brings after it (a digest's details), as rows for the same recipient. */
function after(message: OutboxMessage, ref: string | null): NewOutboxRow[] {
  return followUps(message, ref).map((f) => ({ key: f.key, kind: f.payload.kind, item: null, recipient: message.recipient, payload: f.payload }));
}

/**
 * Dispatches until nothing more is due, waiting between rounds so one recipient gets at most one
 * message a second, and waiting out a rate-limit pause rather than giving up behind it.
 * `maxRounds` bounds it for a cron-driven `concerto tick`.
 */
export async function drainOutbox(
  outbox: OutboxStore,
  notifier: Notifier,
  clock: Clock,
  sleep: (ms: number) => Promise<void>,
  maxRounds = 120,
  plans: PlanDirectory = outbox.plans(),
): Promise<DispatchCounts> {
  const total: DispatchCounts = { sent: 0, deferred: 0, dead: 0, unknown: 0 };
  for (let round = 0; round < maxRounds; round++) {
    const r = await dispatchOnce(outbox, notifier, clock, undefined, plans);
    total.sent += r.sent;
    total.deferred += r.deferred;
    total.dead += r.dead;
    total.unknown += r.unknown;
    const now = clock.now().toISOString();
    if (r.claimed === 0 && !(await outbox.hasDue(now)) && !(await outbox.pausedUntil(now))) break;
    await sleep(1000);
  }
  return total;
}
