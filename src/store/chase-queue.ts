import { sql } from 'drizzle-orm';
import type { QueuedNudge } from '../core/reminders/outbox-message.js';
import { CHASE_COOLDOWN_MINUTES, type ChaseQueue, type ChaseResult, type PlanInfo } from '../core/ports.js';
import type { Recommendation } from '../core/plan/recommendation.js';
import type { Db } from './database.js';
import { OutboxStore } from './outbox-store.js';
import { ReminderDataStore } from './reminder-data.js';
import { queryRows } from './query-rows.js';
import { outbox } from './schema.js';

/**
 * `chase 4.1.1` into the outbox: a nudge of kind `chase` to each person linked to an owner (found as the
 * scheduler finds them), keyed by the moment it was asked so that asking again later sends again, and a
 * repeated delivery of the same request does not. The dispatcher reads the item when the message goes, as
 * for every nudge, so the owner sees it as it is then, and a closed item is not chased. A person already
 * chased about the item within the cool-down is not chased again: two admins (or one, twice) asking in the
 * same hour send one message. The item's lock makes two chases at once see each other.
 */
export class DrizzleChaseQueue implements ChaseQueue {
  constructor(private readonly db: Db) {}

  async chase(plan: PlanInfo, rec: Pick<Recommendation, 'id' | 'owners'>, chase: { from: string; note: string | null; on: string; at: string }): Promise<ChaseResult> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      await queryRows(tx, sql`select pg_advisory_xact_lock(hashtext(${`concerto/chase/${plan.id}/${rec.id}`}))`);
      const byOwner = await new ReminderDataStore(tx).recipientsByOwner();
      const linked = rec.owners.filter((o) => (byOwner.get(o) ?? []).length > 0);
      const unreached = rec.owners.filter((o) => !linked.includes(o));
      const everyone = [...new Set(linked.flatMap((o) => byOwner.get(o)!.map((r) => r.id)))];
      const since = new Date(Date.parse(chase.at) - CHASE_COOLDOWN_MINUTES * 60_000).toISOString();
      const recentRows = everyone.length
        ? await queryRows<{ recipient: string; at: string }>(tx, sql`
            select recipient, max(created_at)::text as at from ${outbox}
            where recipient in (select json_array_elements_text(${JSON.stringify(everyone)}::text::json))
              and kind = 'chase' and plan_id = ${plan.id} and item = ${rec.id} and status <> 'dead' and created_at > ${since}
            group by recipient`)
        : [];
      const recent = new Set(recentRows.map((r) => r.recipient));
      const people = everyone.filter((p) => !recent.has(p));
      const reached = linked.filter((o) => byOwner.get(o)!.some((r) => !recent.has(r.id)));
      const alreadyChased = linked.filter((o) => !reached.includes(o));
      const lastAt = recentRows.map((r) => new Date(r.at).toISOString()).sort().at(-1) ?? null;
      const payload: QueuedNudge = { kind: 'chase', itemId: rec.id, on: chase.on, from: chase.from, ...(chase.note ? { note: chase.note } : {}) };
      await new OutboxStore(tx).enqueue(
        people.map((to) => ({ key: `${plan.key}/chase:${rec.id}:${to}:${chase.at}`, planId: plan.id, kind: 'chase', item: rec.id, recipient: to, payload })),
        chase.at,
      );
      return { reached, unreached, alreadyChased, lastChasedAt: lastAt };
    });
  }
}
