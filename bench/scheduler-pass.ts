import { sql } from 'drizzle-orm';
import { loadConfig, reminderSettings } from '../src/config.js';
import { bulkInsert } from '../src/store/bulk-insert.js';
import { identityLinks } from '../src/store/schema.js';
import { runTick } from '../src/scheduler/tick.js';
import { DrizzlePlanDirectory } from '../src/store/plan-directory.js';
import { ModelPlanDirectory } from '../src/store/read-model/model-plan-directory.js';
import { ReadModel } from '../src/store/read-model/read-model.js';
import type { BenchTarget } from './bench-databases.js';
import { ownerNames } from './synthetic-plan.js';

export interface SchedulerFigures {
  /** The first pass at nudge time: decides every nudge and writes the outbox. */
  firstPassMs: number;
  /** The next pass: the same decisions, all already in the outbox, nothing written. */
  repeatPassMs: number;
  messages: number;
  /** Building the read model of the plan, as `serve` does on its first request or pass. */
  modelBuildMs: number;
  /** The model's heap, measured after collecting garbage either side of the build. */
  modelMb: number;
}

/** 09:00 in London on the plan's own date, a Wednesday: the nudge hour of a working day. */
export const NUDGE_HOUR = new Date('2017-10-04T08:00:00Z');

/**
 * One scheduler pass over the imported plan with every owner linked to a Slack user, so that the
 * pass has someone to nudge about each item that is due or late.
 */
export async function schedulerPass(target: BenchTarget, owners: number): Promise<SchedulerFigures> {
  const database = await target.open();
  try {
    const names = ownerNames(owners);
    await bulkInsert(
      database.db,
      identityLinks,
      names.map((ownerName, i) => ({ externalId: `UOWNER${i}`, ownerName, auto: false, linkedBy: 'bench', linkedAt: '2017-10-01T00:00:00Z' })),
    );
    const settings = reminderSettings(loadConfig({}));
    // As `concerto serve` runs its passes: through the read model, built once.
    const model = await ReadModel.open(database);
    const plans = new ModelPlanDirectory(new DrizzlePlanDirectory(database.db), model);
    const heap = () => {
      (globalThis as { gc?: () => void }).gc?.();
      return process.memoryUsage().heapUsed;
    };
    const heapBefore = heap();
    const build = performance.now();
    await model.warm();
    const modelBuildMs = performance.now() - build;
    const modelMb = (heap() - heapBefore) / 2 ** 20;
    const tick = () => model.request(() => runTick(database, NUDGE_HOUR, settings, false, plans));
    const first = performance.now();
    const pass = await tick();
    const firstPassMs = performance.now() - first;
    const repeat = performance.now();
    const again = await tick();
    const repeatPassMs = performance.now() - repeat;
    await model.close();
    if (again.messages.length) throw new Error('The repeated scheduler pass found new messages: the outbox keys are not holding.');
    // The Slack benchmark that follows measures answering people: its readers own nothing, and a
    // burst of thousands of queued nudges going out meanwhile would be measured as request latency.
    await database.db.execute(sql`delete from outbox`);
    await database.db.execute(sql`delete from identity_links`);
    return { firstPassMs, repeatPassMs, messages: pass.messages.length, modelBuildMs, modelMb };
  } finally {
    await database.close();
  }
}
