import type { Clock } from '../core/ports.js';
import type { Notifier } from '../core/reminders/outbox-message.js';
import type { OutboxStore } from '../store/outbox-store.js';

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
 * Sends what is due in the outbox, one claim at a time. A rate limit puts the row back with the
 * wait Slack asked for; a server error backs off; a permanent error or too many attempts is dead;
 * an ambiguous failure is unknown and never resent blindly. One dead recipient never blocks the others.
 */
export async function dispatchOnce(outbox: OutboxStore, notifier: Notifier, clock: Clock, batch = 20): Promise<DispatchCounts & { claimed: number }> {
  const counts = { sent: 0, deferred: 0, dead: 0, unknown: 0, claimed: 0 };
  await outbox.recoverStuck(new Date(clock.now().getTime() - STUCK_AFTER_MS).toISOString());
  const claimed = await outbox.claim(clock.now().toISOString(), batch);
  counts.claimed = claimed.length;
  for (const message of claimed) {
    const result = await notifier.send(message);
    const now = clock.now();
    switch (result.outcome) {
      case 'sent':
        await outbox.markSent(message.id, result.ref, now.toISOString());
        counts.sent++;
        break;
      case 'rate_limited':
        await outbox.retryAt(message.id, new Date(now.getTime() + result.retryAfterSeconds * 1000).toISOString(), `rate limited: retry after ${result.retryAfterSeconds}s`, false);
        counts.deferred++;
        break;
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

/**
 * Dispatches until nothing more is due, waiting between rounds so one recipient gets at most one
 * message a second. `maxRounds` bounds it for a cron-driven `concerto tick`.
 */
export async function drainOutbox(outbox: OutboxStore, notifier: Notifier, clock: Clock, sleep: (ms: number) => Promise<void>, maxRounds = 120): Promise<DispatchCounts> {
  const total: DispatchCounts = { sent: 0, deferred: 0, dead: 0, unknown: 0 };
  for (let round = 0; round < maxRounds; round++) {
    const r = await dispatchOnce(outbox, notifier, clock);
    total.sent += r.sent;
    total.deferred += r.deferred;
    total.dead += r.dead;
    total.unknown += r.unknown;
    if (r.claimed === 0 && !(await outbox.hasDue(clock.now().toISOString()))) break;
    await sleep(1000);
  }
  return total;
}
