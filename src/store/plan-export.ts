import { eq } from 'drizzle-orm';
import type { PlanFile } from '../core/plan/plan-file.js';
import { planFileAsAt } from '../core/report/plan-file-as-at.js';
import type { PlanInfo } from '../core/ports.js';
import type { Db } from './database.js';
import { hydrate, recColumns } from './rec-rows.js';
import { recommendations, themes } from './schema.js';

/** The whole plan in the interchange format, in plan order. */
export async function exportPlan(db: Db, plan: PlanInfo): Promise<PlanFile> {
  const rows = await db
    .select(recColumns)
    .from(recommendations)
    .innerJoin(themes, eq(themes.id, recommendations.themeId))
    .where(eq(recommendations.planId, plan.id))
    .orderBy(recommendations.sortKey);
  const recs = await hydrate(db, plan.id, rows, true);
  return planFileAsAt({ title: plan.title, timeZone: plan.timeZone, planAsOf: plan.asOf }, recs);
}
