import type { ChangeMeta, PlanDirectory } from '../core/ports.js';

/**
 * First run: a database with no plan gets the bundled one, so a fresh clone has something to ask about.
 * The seeding code (which reads and checks the bundled files) loads only when there is no plan.
 */
export async function ensurePlan(plans: PlanDirectory, meta: Omit<ChangeMeta, 'source'>): Promise<boolean> {
  if ((await plans.list()).length) return false;
  const { seedBundledWithGovernance } = await import('./plan-loading.js');
  await seedBundledWithGovernance(plans, meta);
  return true;
}
