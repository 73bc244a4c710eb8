import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ChangeMeta, EventLedger, PeopleStore } from '../core/ports.js';
import type { Db } from './database.js';
import { writeAudit } from './plan-writes.js';
import { loadPlan } from './rec-rows.js';
import { identityLinks, processedEvents } from './schema.js';

/** Identity links; every link and unlink is audited with the change. */
export class DrizzlePeopleStore implements PeopleStore {
  constructor(private readonly db: Db) {}

  async ownersFor(externalId: string): Promise<string[]> {
    const rows = await this.db
      .select({ ownerName: identityLinks.ownerName })
      .from(identityLinks)
      .where(eq(identityLinks.externalId, externalId))
      .orderBy(asc(identityLinks.linkedAt), asc(identityLinks.ownerName));
    return rows.map((r) => r.ownerName);
  }

  async membersOf(ownerNames: string[]): Promise<string[]> {
    if (!ownerNames.length) return [];
    const rows = await this.db
      .selectDistinct({ externalId: identityLinks.externalId })
      .from(identityLinks)
      .where(inArray(identityLinks.ownerName, ownerNames));
    return rows.map((r) => r.externalId).sort();
  }

  async link(externalId: string, ownerName: string, auto: boolean, meta: ChangeMeta): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const added = await tx
        .insert(identityLinks)
        .values({ externalId, ownerName, auto, linkedBy: meta.actor, linkedAt: meta.at })
        .onConflictDoNothing()
        .returning({ externalId: identityLinks.externalId });
      if (added.length) await this.audit(tx as unknown as Db, meta, 'person_linked', { externalId, ownerName, auto });
      return added.length > 0;
    });
  }

  async unlink(externalId: string, ownerName: string, meta: ChangeMeta): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const removed = await tx
        .delete(identityLinks)
        .where(and(eq(identityLinks.externalId, externalId), eq(identityLinks.ownerName, ownerName)))
        .returning({ externalId: identityLinks.externalId });
      if (removed.length) await this.audit(tx as unknown as Db, meta, 'person_unlinked', { externalId, ownerName });
      return removed.length > 0;
    });
  }

  async links(): Promise<Array<{ externalId: string; ownerName: string; auto: boolean }>> {
    return this.db
      .select({ externalId: identityLinks.externalId, ownerName: identityLinks.ownerName, auto: identityLinks.auto })
      .from(identityLinks)
      .orderBy(identityLinks.ownerName, identityLinks.externalId);
  }

  private async audit(db: Db, meta: ChangeMeta, action: 'person_linked' | 'person_unlinked', detail: object): Promise<void> {
    const plan = await loadPlan(db);
    if (!plan) return;
    await writeAudit(db, plan.id, meta, [{ recId: null, action, before: action === 'person_unlinked' ? detail : null, after: action === 'person_linked' ? detail : null }]);
  }
}

export class DrizzleEventLedger implements EventLedger {
  constructor(private readonly db: Db) {}

  async firstSeen(eventId: string, at: string): Promise<boolean> {
    const inserted = await this.db.insert(processedEvents).values({ eventId, receivedAt: at }).onConflictDoNothing().returning({ eventId: processedEvents.eventId });
    return inserted.length > 0;
  }
}
