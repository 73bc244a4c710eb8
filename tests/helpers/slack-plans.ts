import type { Services } from '../../src/app/services.js';
import type { PlanStore } from '../../src/core/ports.js';
import { planStore } from './plan-stores.js';

/** The store of the plan with this key (by default the bundled concerto-2017) in the services' database, read fresh. */
export function storeOf(services: Services, key?: string): Promise<PlanStore> {
  return planStore(services.database.db, key);
}
