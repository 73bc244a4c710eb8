import { BUNDLED_PLAN_KEY, importParsed, seedBundledPlan } from '../../src/app/plan-loading.js';
import type { PlanStore } from '../../src/core/ports.js';
import type { Db } from '../../src/store/database.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';

/** Seeds the bundled plan (as concerto-2017) and returns its store. */
export async function seedBundled(db: Db, at: string): Promise<PlanStore> {
  const plans = new DrizzlePlanDirectory(db);
  const { plan } = await seedBundledPlan(plans, { actor: 'seed', at });
  return plans.store(plan);
}

/** Imports a parsed plan file into the plan with this key (created from the file if absent) and returns its store. */
export async function importAs(db: Db, input: unknown, at: string, key: string = BUNDLED_PLAN_KEY, actor = 'seed'): Promise<PlanStore> {
  const plans = new DrizzlePlanDirectory(db);
  const { plan } = await importParsed(plans, key, input, 'test plan', { actor, source: 'import', at });
  return plans.store(plan);
}

/** The store of the plan with this key (by default the bundled plan's), read fresh from the database. */
export async function planStore(db: Db, key: string = BUNDLED_PLAN_KEY): Promise<PlanStore> {
  const plans = new DrizzlePlanDirectory(db);
  const plan = await plans.get(key);
  if (!plan) throw new Error(`no plan ${key} in the test database`);
  return plans.store(plan);
}
