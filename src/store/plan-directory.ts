import { asc, eq, sql } from 'drizzle-orm';
import type { ChangeMeta, GovernanceStore, ImportSummary, NewPlan, PlanDirectory, PlanInfo, PlanSettings, PlanStore, ReadPlan } from '../core/ports.js';
import { DrizzleGovernanceStore } from './governance-store.js';
import { importPlan } from './plan-import.js';
import type { Db } from './database.js';
import { DrizzlePlanStore } from './plan-store.js';
import { planInfoOf, writablePlan } from './plan-rows.js';
import { writeAudit } from './plan-writes.js';
import { owners, planChoices, plans } from './schema.js';
import { StoreError } from './store-error.js';

/**
 * Every plan in the database; creating and changing plans commits with its audit event. A server reads
 * the list through the read model (store/read-model/), which keeps it in memory under the change log.
 */
export class DrizzlePlanDirectory implements PlanDirectory {
  constructor(private readonly db: Db) {}

  async list(): Promise<PlanInfo[]> {
    return (await this.db.select().from(plans).orderBy(asc(plans.key))).map(planInfoOf);
  }

  async get(key: string): Promise<PlanInfo | null> {
    const [row] = await this.db.select().from(plans).where(eq(plans.key, key.toLowerCase()));
    return row ? planInfoOf(row) : null;
  }

  async byId(id: number): Promise<PlanInfo | null> {
    const [row] = await this.db.select().from(plans).where(eq(plans.id, id));
    return row ? planInfoOf(row) : null;
  }

  async homeOf(channel: string): Promise<PlanInfo | null> {
    const [row] = await this.db.select().from(plans).where(eq(plans.homeChannel, channel));
    return row ? planInfoOf(row) : null;
  }

  async chosenBy(person: string): Promise<PlanInfo | null> {
    const [row] = await this.db.select({ plan: plans }).from(planChoices).innerJoin(plans, eq(plans.id, planChoices.planId)).where(eq(planChoices.person, person));
    return row ? planInfoOf(row.plan) : null;
  }

  /** Every person's chosen plan id, or null when more than `limit` people have chosen. */
  async choices(limit: number): Promise<Map<string, number> | null> {
    const rows = await this.db.select({ person: planChoices.person, planId: planChoices.planId }).from(planChoices).limit(limit + 1);
    return rows.length > limit ? null : new Map(rows.map((r) => [r.person, r.planId]));
  }

  async choose(person: string, planId: number, at: string): Promise<void> {
    await this.db
      .insert(planChoices)
      .values({ person, planId, chosenAt: at })
      .onConflictDoUpdate({ target: planChoices.person, set: { planId, chosenAt: at } });
  }

  create(plan: NewPlan, meta: ChangeMeta): Promise<PlanInfo> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      // The unique index decides between two processes creating the same key at once.
      const [row] = await tx
        .insert(plans)
        .values({ key: plan.key, title: plan.title, asOf: plan.asOf, timeZone: plan.timeZone, createdAt: meta.at })
        .onConflictDoNothing({ target: plans.key })
        .returning();
      if (!row) throw new StoreError('plan_exists', `There is already a plan ${plan.key}. Choose another key, or \`plan set ${plan.key} …\` to change it.`);
      const created = planInfoOf(row);
      await writeAudit(tx, created.id, meta, [{ recId: null, action: 'plan_created', before: null, after: { key: created.key, title: created.title, asOf: created.asOf, timeZone: created.timeZone } }]);
      return created;
    });
  }

  update(planId: number, settings: PlanSettings, meta: ChangeMeta): Promise<PlanInfo> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      const [current] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
      if (!current) throw new StoreError('not_found', 'That plan no longer exists. Type `plans` to see the plans there are.');
      const before = planInfoOf(current);
      if (settings.state === 'archived' && before.state === 'active') {
        // Counted under the row locks of every active plan, so two plans archived at once cannot leave none.
        const active = await tx.select({ id: plans.id }).from(plans).where(eq(plans.state, 'active')).for('update');
        if (active.length <= 1) throw new StoreError('invalid', `${before.key} is the only active plan, so it cannot be archived. Create or restore another plan first.`);
      }
      if (settings.homeChannel) {
        const [other] = await tx.select({ key: plans.key }).from(plans).where(sql`${plans.homeChannel} = ${settings.homeChannel} and ${plans.id} <> ${planId}`);
        if (other) throw new StoreError('plan_channel_taken', `That channel is already the home of ${other.key}. A channel is home to one plan: \`plan set ${other.key} --home-channel none\` first.`);
      }
      const [row] = await tx.update(plans).set(settings).where(eq(plans.id, planId)).returning();
      const after = planInfoOf(row!);
      const before_: Record<string, unknown> = {};
      const after_: Record<string, unknown> = {};
      for (const k of Object.keys(settings) as Array<keyof PlanSettings>) {
        if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
        before_[k] = before[k];
        after_[k] = after[k];
      }
      if (Object.keys(after_).length) await writeAudit(tx, planId, meta, [{ recId: null, action: 'plan_changed', before: before_, after: after_ }]);
      return after;
    });
  }

  importInto(
    target: { key: string; create?: Omit<NewPlan, 'key'> },
    read: ReadPlan,
    meta: ChangeMeta,
    onProgress?: (done: number, total: number) => void,
    options: { addOnly?: boolean; fileName?: string } = {},
  ): Promise<ImportSummary & { plan: PlanInfo; created: boolean }> {
    return this.db.transaction(async (txAny) => {
      const tx = txAny as unknown as Db;
      let created = false;
      if (target.create) {
        const [row] = await tx
          .insert(plans)
          .values({ key: target.key, ...target.create, createdAt: meta.at })
          .onConflictDoNothing({ target: plans.key })
          .returning();
        if (row) {
          created = true;
          const { title, asOf, timeZone } = target.create;
          await writeAudit(tx, row.id, meta, [{ recId: null, action: 'plan_created', before: null, after: { key: target.key, title, asOf, timeZone } }]);
        }
      }
      const [found] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.key, target.key));
      if (!found) throw new StoreError('not_found', `There is no plan ${target.key}. Create it with \`plan create ${target.key} --title "…"\`, or import with --plan to create it from the file.`);
      const plan = await writablePlan(tx, found.id);
      const summary = await importPlan(tx, plan.id, read, meta, onProgress, options.addOnly ?? false, options.fileName);
      return { ...summary, plan, created };
    });
  }

  async ownerNames(): Promise<string[]> {
    const rows = await this.db.selectDistinct({ name: owners.name }).from(owners).orderBy(owners.name);
    return rows.map((r) => r.name);
  }

  store(plan: PlanInfo): PlanStore {
    return new DrizzlePlanStore(this.db, plan);
  }

  governance(plan: PlanInfo): GovernanceStore {
    return new DrizzleGovernanceStore(this.db, plan);
  }
}
