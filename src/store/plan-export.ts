import { eq } from 'drizzle-orm';
import type { PlanFile } from '../core/plan/plan-file.js';
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
  return {
    title: plan.title,
    asOf: plan.asOf,
    timeZone: plan.timeZone,
    recommendations: recs.map((r) => ({
      id: r.id,
      theme: r.theme,
      text: r.text,
      owners: r.owners,
      status: r.status,
      delivery: r.delivery.text,
      baseline: r.revisions > 0 ? r.baseline.text : null,
      updates: r.updates.map((u) => ({ date: u.date, author: u.author, text: u.text, evidence: u.evidence })),
    })),
  };
}
