import { eq } from 'drizzle-orm';
import type { PlanInfo } from '../core/ports.js';
import { HOLIDAY_CALENDARS, type HolidayCalendar } from '../core/reminders/bank-holidays.js';
import type { Db } from './database.js';
import { plans } from './schema.js';
import { StoreError } from './store-error.js';

export function planInfoOf(row: typeof plans.$inferSelect): PlanInfo {
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    asOf: row.asOf,
    timeZone: row.timeZone,
    holidays: (HOLIDAY_CALENDARS as readonly string[]).includes(row.holidays) ? (row.holidays as HolidayCalendar) : 'england-and-wales',
    admins: row.admins,
    homeChannel: row.homeChannel,
    digestChannel: row.digestChannel,
    state: row.state === 'archived' ? 'archived' : 'active',
    signOff: row.signOff,
  };
}

/**
 * Inside a writing transaction: the plan as it is now, held (FOR SHARE) until commit so that an
 * archive cannot slip in between the check and the write. Archived plans take no changes.
 */
export async function writablePlan(db: Db, planId: number): Promise<PlanInfo> {
  const [row] = await db.select().from(plans).where(eq(plans.id, planId)).for('share');
  if (!row) throw new StoreError('not_found', 'That plan no longer exists. Type `plans` to see the plans there are.');
  const plan = planInfoOf(row);
  if (plan.state === 'archived') {
    throw new StoreError('plan_archived', `The plan ${plan.key} is archived, so it takes no changes. An admin can \`plan restore ${plan.key}\` to change it again.`);
  }
  return plan;
}
