import type { Clock, ConversationStore, PlanDirectory } from '../core/ports.js';
import type { Config } from '../config.js';
import { DrizzleConversationStore } from '../store/conversation-store.js';
import { openDatabase, type Database } from '../store/database.js';
import { migrate } from '../store/migrate.js';
import { DrizzlePlanDirectory } from '../store/plan-directory.js';

/** What every door (terminal, Slack, scheduler) runs on: the database, its stores and the clock. */
export interface Services {
  database: Database;
  plans: PlanDirectory;
  conversations: ConversationStore;
  clock: Clock;
  config: Config;
  close(): Promise<void>;
}

/** `serving`: a long-running server (the full buffer pool); otherwise a one-shot command (see DatabaseOptions' `lean`). */
export async function openServices(config: Config, clock: Clock, options: { copy?: boolean; serving?: boolean } = {}): Promise<Services> {
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.CONCERTO_DATA_DIR, copy: options.copy ?? false, lean: !options.serving });
  try {
    await migrate(database);
  } catch (err) {
    await database.close();
    throw err;
  }
  return {
    database,
    plans: new DrizzlePlanDirectory(database.db),
    conversations: new DrizzleConversationStore(database.db),
    clock,
    config,
    close: () => database.close(),
  };
}
