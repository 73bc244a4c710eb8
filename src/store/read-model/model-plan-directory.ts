import type { ChangeMeta, GovernanceStore, NewPlan, PlanDirectory, PlanInfo, PlanSettings, PlanStore } from '../../core/ports.js';
import { ModelPlanStore } from './model-plan-store.js';
import type { ReadModel } from './read-model.js';

/**
 * The plan directory of a serving process: which plans there are, and which one each person chose,
 * come from the read model; every write goes to the database directory, and each tells the model that
 * the request must confirm it again before it reads.
 */
export class ModelPlanDirectory implements PlanDirectory {
  constructor(
    private readonly inner: PlanDirectory,
    private readonly model: ReadModel,
  ) {}

  list(): Promise<PlanInfo[]> {
    return this.model.planList();
  }

  async get(key: string): Promise<PlanInfo | null> {
    return (await this.list()).find((p) => p.key === key.toLowerCase()) ?? null;
  }

  async byId(id: number): Promise<PlanInfo | null> {
    return (await this.list()).find((p) => p.id === id) ?? null;
  }

  async homeOf(channel: string): Promise<PlanInfo | null> {
    return (await this.list()).find((p) => p.homeChannel === channel) ?? null;
  }

  async chosenBy(person: string): Promise<PlanInfo | null> {
    const planId = await this.model.choices.get(person, async () => (await this.inner.chosenBy(person))?.id ?? null);
    return planId === null ? null : this.byId(planId);
  }

  async choose(person: string, planId: number, at: string): Promise<void> {
    try {
      await this.model.written(this.inner.choose(person, planId, at));
    } finally {
      this.model.choices.drop(person);
    }
  }

  create(plan: NewPlan, meta: ChangeMeta): Promise<PlanInfo> {
    return this.model.written(this.inner.create(plan, meta));
  }

  update(planId: number, settings: PlanSettings, meta: ChangeMeta): Promise<PlanInfo> {
    return this.model.written(this.inner.update(planId, settings, meta));
  }

  importInto(...args: Parameters<PlanDirectory['importInto']>): ReturnType<PlanDirectory['importInto']> {
    return this.model.written(this.inner.importInto(...args));
  }

  ownerNames(): Promise<string[]> {
    return this.inner.ownerNames();
  }

  store(plan: PlanInfo): PlanStore {
    return new ModelPlanStore(this.inner.store(plan), this.model, plan);
  }

  governance(plan: PlanInfo): GovernanceStore {
    const inner = this.inner.governance(plan);
    return {
      boards: () => inner.boards(),
      meetings: () => inner.meetings(),
      decisions: () => inner.decisions(),
      addBoard: (name, title, meta) => this.model.written(inner.addBoard(name, title, meta)),
      addMeeting: (board, date, papersBy, meta) => this.model.written(inner.addMeeting(board, date, papersBy, meta)),
      recordDecision: (decision, meta) => this.model.written(inner.recordDecision(decision, meta)),
    };
  }
}
