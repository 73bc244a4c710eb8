import type { PlanHistory } from '../core/report/history.js';
import { readPlanHistory } from './plan-history.js';
import { and, asc, eq, exists, gte, inArray, lt, lte, notInArray } from 'drizzle-orm';
import type { AuditEvent } from '../core/plan/audit.js';
import type { PlanFile } from '../core/plan/plan-file.js';
import type { Recommendation } from '../core/plan/recommendation.js';
import type { ChangeMeta, ImportSummary, NewRecommendation, PlanChange, PlanInfo, PlanStore, ProposalRef, ReadPlan, RecQuery } from '../core/ports.js';
import type { Db } from './database.js';
import { planFileAsAt } from '../core/report/plan-file-as-at.js';
import { importPlan } from './plan-import.js';
import { addRecommendation, applyChange } from './plan-changes.js';
import { applyReturn, applySignOff } from './sign-off.js';
import { hydrate, loadAllRecommendations, loadRecommendation, recColumns } from './rec-rows.js';
import { auditEvents, owners, plans, recommendationOwners, recommendations, themes } from './schema.js';
import { planInfoOf, writablePlan } from './plan-rows.js';
import { auditEventOf } from './audit-rows.js';

const CLOSED = ['complete', 'not_being_implemented'];

/** One plan's items over drizzle: the same code on PGlite and PostgreSQL. Plans are found through DrizzlePlanDirectory. */
export class DrizzlePlanStore implements PlanStore {
  constructor(
    private readonly db: Db,
    private readonly info: PlanInfo,
  ) {}

  async plan(): Promise<PlanInfo | null> {
    return this.info;
  }

  planHistory(): Promise<PlanHistory | null> {
    return readPlanHistory(this.db, this.info.id);
  }

  private async planId(): Promise<number> {
    return this.info.id;
  }

  async get(recId: string): Promise<Recommendation | null> {
    return loadRecommendation(this.db, await this.planId(), recId);
  }

  async ids(): Promise<string[]> {
    const planId = await this.planId();
    const rows = await this.db
      .select({ recId: recommendations.recId })
      .from(recommendations)
      .where(eq(recommendations.planId, planId))
      .orderBy(recommendations.sortKey);
    return rows.map((r) => r.recId);
  }

  async find(q: RecQuery): Promise<Recommendation[]> {
    const planId = await this.planId();
    const ownedBy = q.owners
      ? exists(
          this.db
            .select({ one: recommendationOwners.ownerId })
            .from(recommendationOwners)
            .innerJoin(owners, eq(owners.id, recommendationOwners.ownerId))
            .where(
              and(
                eq(recommendationOwners.planId, recommendations.planId),
                eq(recommendationOwners.recId, recommendations.recId),
                inArray(owners.name, q.owners.length ? q.owners : ['']),
              ),
            ),
        )
      : undefined;
    const rows = await this.db
      .select(recColumns)
      .from(recommendations)
      .innerJoin(themes, eq(themes.id, recommendations.themeId))
      .where(
        and(
          eq(recommendations.planId, planId),
          q.openOnly ? notInArray(recommendations.status, CLOSED) : undefined,
          q.status ? eq(recommendations.status, q.status) : undefined,
          q.themes ? inArray(themes.name, q.themes.length ? q.themes : ['']) : undefined,
          q.endBefore ? lt(recommendations.deliveryEnd, q.endBefore) : undefined,
          q.endFrom ? gte(recommendations.deliveryEnd, q.endFrom) : undefined,
          q.endTo ? lte(recommendations.deliveryEnd, q.endTo) : undefined,
          ownedBy,
        ),
      )
      .orderBy(recommendations.sortKey);
    return hydrate(this.db, planId, rows, false);
  }

  async themes(): Promise<string[]> {
    const planId = await this.planId();
    const rows = await this.db.select({ name: themes.name }).from(themes).where(eq(themes.planId, planId)).orderBy(themes.position);
    return rows.map((r) => r.name);
  }

  async owners(): Promise<string[]> {
    const planId = await this.planId();
    const rows = await this.db.select({ name: owners.name }).from(owners).where(eq(owners.planId, planId)).orderBy(owners.id);
    return rows.map((r) => r.name);
  }

  async history(recId: string): Promise<AuditEvent[]> {
    const planId = await this.planId();
    const rows = await this.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, planId), eq(auditEvents.recId, recId)))
      .orderBy(asc(auditEvents.id));
    return rows.map(auditEventOf);
  }

  async change(change: PlanChange): Promise<Recommendation> {
    const planId = await this.planId();
    return this.db.transaction(async (tx) => {
      await writablePlan(tx as unknown as Db, planId);
      return applyChange(tx as unknown as Db, planId, change);
    });
  }

  signOff(ref: ProposalRef, meta: ChangeMeta): Promise<Recommendation> {
    return this.db.transaction(async (tx) => {
      await writablePlan(tx as unknown as Db, this.info.id);
      return applySignOff(tx as unknown as Db, this.info.id, ref, meta);
    });
  }

  returnProposal(ref: ProposalRef, reason: string, meta: ChangeMeta): Promise<Recommendation> {
    return this.db.transaction(async (tx) => {
      await writablePlan(tx as unknown as Db, this.info.id);
      return applyReturn(tx as unknown as Db, this.info.id, ref, reason, meta);
    });
  }

  async add(rec: NewRecommendation, meta: ChangeMeta): Promise<Recommendation> {
    const planId = await this.planId();
    return this.db.transaction(async (tx) => {
      await writablePlan(tx as unknown as Db, planId);
      return addRecommendation(tx as unknown as Db, planId, rec, meta);
    });
  }

  importPlan(plan: ReadPlan, meta: ChangeMeta, onProgress?: (done: number, total: number) => void, options: { addOnly?: boolean } = {}): Promise<ImportSummary> {
    return this.db.transaction(async (tx) => {
      await writablePlan(tx as unknown as Db, this.info.id);
      return importPlan(tx as unknown as Db, this.info.id, plan, meta, onProgress, options.addOnly ?? false);
    });
  }

  async exportPlan(): Promise<PlanFile | null> {
    // The plan's title and timezone may have been set since this store was handed out: read them now.
    const [row] = await this.db.select().from(plans).where(eq(plans.id, this.info.id));
    const plan = row ? planInfoOf(row) : null;
    return plan ? planFileAsAt({ title: plan.title, timeZone: plan.timeZone, planAsOf: plan.asOf }, await loadAllRecommendations(this.db, plan.id)) : null;
  }
}
