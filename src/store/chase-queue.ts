import type { QueuedNudge } from '../core/reminders/outbox-message.js';
import type { ChaseQueue, PlanInfo } from '../core/ports.js';
import type { Recommendation } from '../core/plan/recommendation.js';
import type { Db } from './database.js';
import { OutboxStore } from './outbox-store.js';
import { ReminderDataStore } from './reminder-data.js';

/**
 * `chase 4.1.1` into the outbox: a nudge of kind `chase` to each person linked to an owner (found as the
 * scheduler finds them), keyed by the moment it was asked so that asking again later sends again, and a
 * repeated delivery of the same request does not. The dispatcher reads the item when the message goes, as
 * for every nudge, so the owner sees it as it is then, and a closed item is not chased.
 */
export class DrizzleChaseQueue implements ChaseQueue {
  constructor(private readonly db: Db) {}

  async chase(plan: PlanInfo, rec: Pick<Recommendation, 'id' | 'owners'>, chase: { from: string; note: string | null; on: string; at: string }): Promise<{ reached: string[]; unreached: string[] }> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      const byOwner = await new ReminderDataStore(tx).recipientsByOwner();
      const reached = rec.owners.filter((o) => (byOwner.get(o) ?? []).length > 0);
      const unreached = rec.owners.filter((o) => !reached.includes(o));
      const people = [...new Set(reached.flatMap((o) => byOwner.get(o)!.map((r) => r.id)))];
      const payload: QueuedNudge = { kind: 'chase', itemId: rec.id, on: chase.on, from: chase.from, ...(chase.note ? { note: chase.note } : {}) };
      await new OutboxStore(tx).enqueue(
        people.map((to) => ({ key: `${plan.key}/chase:${rec.id}:${to}:${chase.at}`, planId: plan.id, kind: 'chase', item: rec.id, recipient: to, payload })),
        chase.at,
      );
      return { reached, unreached };
    });
  }
}
