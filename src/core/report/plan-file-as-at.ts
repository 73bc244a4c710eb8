import type { PlanFile } from '../plan/plan-file.js';
import type { Recommendation } from '../plan/recommendation.js';

/**
 * The plan as it stood at a date, in the import format. `asOf` stays the plan's own date: an import
 * reads every delivery phrase as of `asOf`, so keeping it keeps "With immediate effect" or "end of
 * next month" meaning the window they were read as, and a round trip changes no date.
 */
export function planFileAsAt(plan: { title: string; timeZone: string; planAsOf: string }, recs: readonly Recommendation[]): PlanFile {
  return {
    title: plan.title,
    asOf: plan.planAsOf,
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
      ...(r.priority ? { priority: r.priority } : {}),
    })),
  };
}
