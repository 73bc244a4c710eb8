import { asc, eq } from 'drizzle-orm';
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
 */
export async function readPlanHistory(db: Db, planId: number): Promise<PlanHistory | null> {
  return db.transaction(
    async (txAny) => {
      const tx = txAny as unknown as Db;
      const [row] = await tx.select().from(plans).where(eq(plans.id, planId));
      if (!row) return null;
      const plan = planInfoOf(row);
      const recommendations = await loadAllRecommendations(tx, plan.id);
      const events = await tx.select().from(auditEvents).where(eq(auditEvents.planId, plan.id)).orderBy(asc(auditEvents.id));
      const governance = new DrizzleGovernanceStore(tx, plan);
      return { plan, recommendations, events: events.map(auditEventOf), meetings: await governance.meetings(), decisions: await governance.decisions() };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
