import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PlanHistory } from '../core/report/history.js';
import { auditEventOf } from './audit-rows.js';
import { DrizzleGovernanceStore } from './governance-store.js';
import type { Db } from './database.js';
import { loadAllRecommendations } from './rec-rows.js';
import { planInfoOf } from './plan-rows.js';
import { auditEvents, plans } from './schema.js';

/**
 * The plan, every item with its whole update log, and the plan's whole audit trail in id order: what
 * a paper at any date is rebuilt from. Read in one repeatable-read snapshot, so a change committed
 * meanwhile is either in both the items and the trail or in neither.
 *
 * An item's `recommendation_added` event is read without the copy of the item it carries (its `after`
 * comes back null): rebuilding a past day needs only when the item arrived, and the item itself is read
 * whole beside the trail. On a 10,000-item plan those copies were a second copy of every update (15 MB
 * of JSON text, several times that once parsed) held through a paper's render.
 */
const TRAIL = { ...getTableColumns(auditEvents), after: sql<unknown>`case when ${auditEvents.action} = 'recommendation_added' then null else ${auditEvents.after} end`.mapWith(auditEvents.after) };

export async function readPlanHistory(db: Db, planId: number): Promise<PlanHistory | null> {
  return db.transaction(
    async (txAny) => {
      const tx = txAny as unknown as Db;
      const [row] = await tx.select().from(plans).where(eq(plans.id, planId));
      if (!row) return null;
      const plan = planInfoOf(row);
      const recommendations = await loadAllRecommendations(tx, plan.id);
      const events = await tx.select(TRAIL).from(auditEvents).where(eq(auditEvents.planId, plan.id)).orderBy(asc(auditEvents.id));
      const governance = new DrizzleGovernanceStore(tx, plan);
      return { plan, recommendations, events: events.map(auditEventOf), meetings: await governance.meetings(), decisions: await governance.decisions() };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
