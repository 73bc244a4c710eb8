import { asc, eq } from 'drizzle-orm';
import type { PlanHistory } from '../core/report/history.js';
import { auditEventOf } from './audit-rows.js';
import type { Db } from './database.js';
import { hydrate, recColumns } from './rec-rows.js';
import { auditEvents, plans, recommendations, themes } from './schema.js';

/**
 * The plan, every item with its whole update log, and the plan's whole audit trail in id order: what
 * a paper at any date is rebuilt from. Read in one repeatable-read snapshot, so a change committed
 * meanwhile is either in both the items and the trail or in neither.
 */
export async function readPlanHistory(db: Db): Promise<PlanHistory | null> {
  return db.transaction(
    async (tx) => {
      const [plan] = await tx
        .select({ id: plans.id, title: plans.title, asOf: plans.asOf, timeZone: plans.timeZone })
        .from(plans)
        .orderBy(asc(plans.id))
        .limit(1);
      if (!plan) return null;
      const rows = await tx
        .select(recColumns)
        .from(recommendations)
        .innerJoin(themes, eq(themes.id, recommendations.themeId))
        .where(eq(recommendations.planId, plan.id))
        .orderBy(recommendations.sortKey);
      const recs = await hydrate(tx as unknown as Db, plan.id, rows, true);
      const events = await tx.select().from(auditEvents).where(eq(auditEvents.planId, plan.id)).orderBy(asc(auditEvents.id));
      return {
        plan,
        recommendations: recs,
        events: events.map(auditEventOf),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
