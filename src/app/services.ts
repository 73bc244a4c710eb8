import type { ChaseQueue, Clock, ConversationStore, PlanDirectory } from '../core/ports.js';
import type { Config } from '../config.js';
import { DrizzleChaseQueue } from '../store/chase-queue.js';
import { DrizzleConversationStore } from '../store/conversation-store.js';
import { openDatabase, type Database } from '../store/database.js';
import { migrate } from '../store/migrate.js';
import { DrizzlePlanDirectory } from '../store/plan-directory.js';
import type { ReadModel } from '../store/read-model/read-model.js';

/** What every door (terminal, Slack, scheduler) runs on: the database, its stores and the clock. */
export interface Services {
  database: Database;
  plans: PlanDirectory;
  conversations: ConversationStore;
  /** Messages asking owners for an update now, for the running app to send. */
  chases: ChaseQueue;
  clock: Clock;
  config: Config;
  /** A server's in-memory read model (store/read-model/): `plans` reads through it. One-shot commands have none. */
  model?: ReadModel;
  /** Closes the database (and the model); a second call waits for the first. */
  close(): Promise<void>;
}

/** `serving`: a long-running server, which reads through an in-memory read model; otherwise a one-shot command. */
export async function openServices(config: Config, clock: Clock, options: { copy?: boolean; serving?: boolean } = {}): Promise<Services> {
  // A server answers from its read model and touches few pages, so it opens the embedded database lean too.
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.CONCERTO_DATA_DIR, copy: options.copy ?? false, lean: true });
  try {
    await migrate(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  const plans = new DrizzlePlanDirectory(database.db);
  // A one-shot command reads what it needs once; building a model of the plan first would only cost it.
  const model = options.serving ? await import('../store/read-model/read-model.js').then((m) => m.ReadModel.open(database)) : undefined;
  const conversations = new DrizzleConversationStore(database.db);
  let closing: Promise<void> | undefined;
  return {
    database,
    plans: model ? new (await import('../store/read-model/model-plan-directory.js')).ModelPlanDirectory(plans, model) : plans,
    conversations: model ? new (await import('../store/read-model/model-conversation-store.js')).ModelConversationStore(conversations, model) : conversations,
    chases: new DrizzleChaseQueue(database.db),
    clock,
    config,
    ...(model ? { model } : {}),
    close: () => (closing ??= (async () => {
      await model?.close();
      await database.close();
    })()),
  };
}
