import type { AuditEvent } from '../../core/plan/audit.js';
import type { PlanFile } from '../../core/plan/plan-file.js';
import type { Recommendation } from '../../core/plan/recommendation.js';
import type { ChangeMeta, ImportSummary, NewRecommendation, PlanChange, PlanInfo, PlanStore, ProposalRef, ReadPlan, RecQuery } from '../../core/ports.js';
import type { PlanHistory } from '../../core/report/history.js';
import type { ReadModel } from './read-model.js';

/**
 * One plan's items read from the read model — from the tables while the plan's model is still being
 * built, so the first requests after a start never wait for a build; writes go to the database store as before (one
 * transaction with their audit events, under the item's row lock) and the item as committed is then
 * put into the model. History and papers read the trail from the database: they are not per-request
 * lookups, and the trail is not held in memory.
 */
export class ModelPlanStore implements PlanStore {
  constructor(
    private readonly inner: PlanStore,
    private readonly model: ReadModel,
    private readonly info: PlanInfo,
  ) {}

  plan(): Promise<PlanInfo | null> {
    return this.inner.plan();
  }

  async get(recId: string): Promise<Recommendation | null> {
    const model = await this.model.ready(this.info.id);
    return model ? model.get(recId) : this.inner.get(recId);
  }

  async ids(): Promise<string[]> {
    const model = await this.model.ready(this.info.id);
    return model ? [...model.ids()] : this.inner.ids();
  }

  async find(query: RecQuery): Promise<Recommendation[]> {
    const model = await this.model.ready(this.info.id);
    return model ? model.find(query) : this.inner.find(query);
  }

  async themes(): Promise<string[]> {
    const model = await this.model.ready(this.info.id);
    return model ? [...model.themes] : this.inner.themes();
  }

  async owners(): Promise<string[]> {
    const model = await this.model.ready(this.info.id);
    return model ? [...model.owners] : this.inner.owners();
  }

  history(recId: string): Promise<AuditEvent[]> {
    return this.inner.history(recId);
  }

  planHistory(): Promise<PlanHistory | null> {
    return this.inner.planHistory();
  }

  exportPlan(): Promise<PlanFile | null> {
    return this.inner.exportPlan();
  }

  change(change: PlanChange): Promise<Recommendation> {
    return this.committed(this.inner.change(change));
  }

  signOff(ref: ProposalRef, meta: ChangeMeta): Promise<Recommendation> {
    return this.committed(this.inner.signOff(ref, meta));
  }

  returnProposal(ref: ProposalRef, reason: string, meta: ChangeMeta): Promise<Recommendation> {
    return this.committed(this.inner.returnProposal(ref, reason, meta));
  }

  add(rec: NewRecommendation, meta: ChangeMeta): Promise<Recommendation> {
    return this.committed(this.inner.add(rec, meta));
  }

  importPlan(plan: ReadPlan, meta: ChangeMeta, onProgress?: (done: number, total: number) => void, options?: { addOnly?: boolean }): Promise<ImportSummary> {
    return this.model.written(this.inner.importPlan(plan, meta, onProgress, options));
  }

  private async committed(write: Promise<Recommendation>): Promise<Recommendation> {
    const rec = await this.model.written(write);
    await this.model.put(this.info.id, rec);
    return rec;
  }
}
