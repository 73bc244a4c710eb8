import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ChangeMeta, LinkOutcome, PeopleStore, PersonLink } from '../core/ports.js';
import type { Db } from './database.js';
import { writeAudit } from './plan-writes.js';
import { loadPlan } from './rec-rows.js';
import { auditEvents, identityLinks } from './schema.js';

/** Identity links; every link, confirmation and unlink is audited with the change. */
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

  async link(externalId: string, ownerName: string, auto: boolean, meta: ChangeMeta): Promise<LinkOutcome> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      const added = await tx
        .insert(identityLinks)
        .values({ externalId, ownerName, auto, linkedBy: meta.actor, linkedAt: meta.at })
        .onConflictDoNothing()
        .returning({ externalId: identityLinks.externalId });
      if (added.length) {
        await audit(tx, meta, 'person_linked', { externalId, ownerName, auto });
        return 'added';
      }
      if (auto) return 'exists';
      const confirmed = await tx
        .update(identityLinks)
        .set({ auto: false, linkedBy: meta.actor })
        .where(and(eq(identityLinks.externalId, externalId), eq(identityLinks.ownerName, ownerName), eq(identityLinks.auto, true)))
        .returning({ externalId: identityLinks.externalId });
      if (!confirmed.length) return 'exists';
      await audit(tx, meta, 'person_linked', { externalId, ownerName, auto: false, confirmed: true });
      return 'confirmed';
    });
  }

  async unlink(externalId: string, ownerName: string, meta: ChangeMeta): Promise<boolean> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      const removed = await tx
        .delete(identityLinks)
        .where(and(eq(identityLinks.externalId, externalId), eq(identityLinks.ownerName, ownerName)))
        .returning({ externalId: identityLinks.externalId });
      if (removed.length) await audit(tx, meta, 'person_unlinked', { externalId, ownerName });
      return removed.length > 0;
    });
  }

  async unlinkAll(externalId: string, meta: ChangeMeta, reason: string): Promise<string[]> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      const removed = await tx.delete(identityLinks).where(eq(identityLinks.externalId, externalId)).returning({ ownerName: identityLinks.ownerName });
      for (const r of removed) await audit(tx, meta, 'person_unlinked', { externalId, ownerName: r.ownerName, reason });
      return removed.map((r) => r.ownerName);
    });
  }

  async wasUnlinked(externalId: string, ownerName: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'person_unlinked'), sql`${auditEvents.before} ->> 'externalId' = ${externalId}`, sql`${auditEvents.before} ->> 'ownerName' = ${ownerName}`))
      .limit(1);
    return Boolean(row);
  }

  async links(): Promise<PersonLink[]> {
    return this.db
      .select({ externalId: identityLinks.externalId, ownerName: identityLinks.ownerName, auto: identityLinks.auto })
      .from(identityLinks)
      .orderBy(identityLinks.ownerName, identityLinks.externalId);
  }
}

async function audit(db: Db, meta: ChangeMeta, action: 'person_linked' | 'person_unlinked', detail: object): Promise<void> {
  const plan = await loadPlan(db);
  if (!plan) return;
  await writeAudit(db, plan.id, meta, [{ recId: null, action, before: action === 'person_unlinked' ? detail : null, after: action === 'person_linked' ? detail : null }]);
}
