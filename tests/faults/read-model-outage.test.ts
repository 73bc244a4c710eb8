import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBundledPlan } from '../../src/app/plan-loading.js';
import { ask } from '../../src/core/ask/ask.js';
import type { AskContext } from '../../src/core/ask/context.js';
import type { ConversationStore, PlanDirectory } from '../../src/core/ports.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { ModelPlanDirectory } from '../../src/store/read-model/model-plan-directory.js';
import { ReadModel } from '../../src/store/read-model/read-model.js';
import { admin, owner } from '../helpers/ask.js';
import { createPostgresServer, postgresBin, type PostgresServer } from './support/postgres-server.js';

/**
 * The read model while its PostgreSQL goes away (issue 16): an answer comes from memory only when
 * the database confirmed that memory is current, so a change another instance committed just before
 * the outage is never hidden behind a stale answer; changes fail with "nothing was saved"; and once
 * the server is back the same process catches up, without a restart.
 */

const unavailable = !postgresBin() && !process.env.CONCERTO_REQUIRE_POSTGRES && !process.env.TEST_DATABASE_URL;
const OFFICE = admin('Portfolio Office Lead');
const SHACKLETON = owner('N. Shackleton');
const NOW = new Date('2017-10-05T10:00:00Z');

/** Conversations kept in memory, so the model's check is this test's only way to the database. */
function memoryConversations(): ConversationStore {
  const kept = new Map<string, unknown>();
  return {
    load: async (key) => kept.get(key) ?? null,
    save: async (key, state) => void kept.set(key, state),
    clear: async (key) => void kept.delete(key),
  };
}

describe.skipIf(unavailable)('the read model through a PostgreSQL outage', () => {
  let server: PostgresServer;
  let database: Database;
  let model: ReadModel;
  let plans: PlanDirectory;
  const conversations = memoryConversations();

  const context = (actor = OFFICE): AskContext => ({ plans, conversations, actor, now: NOW, conversationKey: `fault:${actor.id}` });
  const question = (text: string, actor = OFFICE) => model.request(() => ask(context(actor), text));
  /** Another process (the CLI, another instance) changing an item through its own connection. */
  const elsewhere = async (work: (other: DrizzlePlanDirectory) => Promise<unknown>) => {
    const other = await openDatabase({ url: server.url });
    try {
      await work(new DrizzlePlanDirectory(other.db));
    } finally {
      await other.close();
    }
  };

  beforeAll(async () => {
    server = await createPostgresServer();
    database = await openDatabase({ url: server.url });
    await migrate(database);
    await seedBundledPlan(new DrizzlePlanDirectory(database.db), { actor: 'seed', at: '2017-10-04T09:00:00.000Z' });
    model = await ReadModel.open(database);
    plans = new ModelPlanDirectory(new DrizzlePlanDirectory(database.db), model);
  }, 60_000);
  afterAll(async () => {
    await model?.close();
    await database?.close().catch(() => {});
    await server?.destroy();
  });

  it('never answers from memory it could not confirm, refuses changes, and catches up when the server is back', async () => {
    // Warm: the model holds the plan, and 4.2.1 is On-going.
    expect((await question("what's overdue?")).error).toBeUndefined();
    expect((await question('status 4.2.1')).text).toContain('On-going');
    const checks = model.stats.checks;

    // Another instance completes 4.2.1, and the server goes down before this process asks again.
    await elsewhere(async (other) => {
      const plan = (await other.get('concerto-2017'))!;
      await other.store(plan).change({ recId: '4.2.1', status: 'complete', actor: 'Portfolio Office', source: 'cli', at: NOW.toISOString() });
    });
    await server.stop('fast');

    for (const text of ['status 4.2.1', "what's overdue?", 'what does N. Shackleton own?']) {
      const reply = await question(text);
      expect(reply.error, text).toBe('unavailable');
      expect(reply.text, text).toMatch(/could not check/);
      // Nothing from memory: neither the stale status nor any item.
      expect(reply.items, text).toEqual([]);
      expect(reply.text, text).not.toContain('On-going');
    }
    expect(model.stats.checks).toBeGreaterThan(checks);

    const change = await question('complete 4.2.2 https://example.org/evidence', SHACKLETON);
    expect(change.text).toMatch(/nothing was saved/i);

    await server.start();
    // The same process, no restart: the very next answer has the change made before the outage.
    const after = await question('status 4.2.1');
    expect(after.error).toBeUndefined();
    expect(after.text).toContain('Complete');
    expect((await question('complete 4.2.2 https://example.org/evidence', SHACKLETON)).text).toContain('4.2.2 is now complete.');
    await elsewhere(async (other) => {
      const plan = (await other.get('concerto-2017'))!;
      expect((await other.store(plan).get('4.2.2'))!.status).toBe('complete');
    });
  }, 120_000);
});
