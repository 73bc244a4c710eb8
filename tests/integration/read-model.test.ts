import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask/ask.js';
import type { Actor } from '../../src/core/ask/actor.js';
import type { AskContext } from '../../src/core/ask/context.js';
import type { PlanDirectory, PlanStore, RecQuery } from '../../src/core/ports.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { ModelPlanDirectory } from '../../src/store/read-model/model-plan-directory.js';
import { ReadModel } from '../../src/store/read-model/read-model.js';
import { ModelSlackUserCache } from '../../src/store/read-model/model-slack-user-cache.js';
import { SlackUserCache } from '../../src/store/slack-user-cache.js';
import { ModelConversationStore } from '../../src/store/read-model/model-conversation-store.js';
import { pruneChanges } from '../../src/store/read-model/change-log.js';
import { admin, owner, SEEDED_AT } from '../helpers/ask.js';
import { testDatabases } from '../helpers/databases.js';
import { runCli } from '../helpers/cli.js';
import { importAs, seedBundled } from '../helpers/plan-stores.js';
import { BUNDLED_PLAN_KEY } from '../../src/app/plan-loading.js';
import { loadConfig, reminderSettings } from '../../src/config.js';
import { runTick } from '../../src/scheduler/tick.js';

/**
 * The in-memory read model (issue 16) on both databases: it answers exactly as the tables do, it sees
 * every change however it was made, a warm request reads the database at most twice, and on
 * PostgreSQL two instances answer as one.
 */

const OFFICE = admin('Portfolio Office Lead');
const SHACKLETON = owner('N. Shackleton');
const NOW = new Date('2018-06-01T10:00:00Z');

/** Lists the questions ask for, in every combination the engine builds. */
const QUERIES: RecQuery[] = [
  {},
  { openOnly: true },
  { status: 'on_going' },
  { status: 'complete' },
  { openOnly: true, endBefore: '2018-01-01' },
  { openOnly: true, endFrom: '2017-10-01', endTo: '2017-12-31' },
  { endTo: '2017-10-31' },
  { endFrom: '2019-01-01' },
  { owners: ['N. Shackleton'] },
  { owners: ['Portfolio Office', 'Karen Georgiou'], openOnly: true },
  { owners: [] },
  { owners: ['Nobody At All'] },
  { themes: [] },
  { status: 'awaiting_decision', openOnly: true },
  { owners: ['Karen Georgiou'], endBefore: '2018-06-01', openOnly: true },
];

describe.each(testDatabases)('the read model on $name', ({ name, open, openAnother }) => {
  let database: Database;
  let statements = 0;
  let model: ReadModel;
  let plans: PlanDirectory;
  let tables: DrizzlePlanDirectory;
  /** The second instance, in the test that has one. */
  let otherModel: ReadModel | undefined;
  let otherPlans: PlanDirectory | undefined;

  /** The tables' context for the plain directory; the model's, conversations included, for a model's directory. */
  const context = (directory: PlanDirectory, db: Database, actor: Actor = OFFICE): AskContext => ({
    plans: directory,
    conversations: directory === plans ? new ModelConversationStore(new DrizzleConversationStore(db.db), model) : directory === otherPlans && otherModel ? new ModelConversationStore(new DrizzleConversationStore(db.db), otherModel) : new DrizzleConversationStore(db.db),
    actor,
    now: NOW,
    // Two plans share ids: questions name the bundled one, as `--plan` does.
    planKey: BUNDLED_PLAN_KEY,
    conversationKey: `test:${actor.id}`,
  });
  const planOf = async (directory: PlanDirectory) => (await directory.get(BUNDLED_PLAN_KEY))!;
  const storeOf = async (directory: PlanDirectory): Promise<PlanStore> => directory.store(await planOf(directory));
  /** One request on the model: confirmed once, as a Slack request or a scheduler pass is. */
  const request = <T>(work: () => Promise<T>) => model.request(work);

  beforeAll(async () => {
    database = await open({ onQuery: () => (statements += 1) });
    await seedBundled(database.db, SEEDED_AT);
    await importAs(database.db, JSON.parse(readFileSync(new URL('../fixtures/audit-2018.json', import.meta.url), 'utf8')), SEEDED_AT, 'audit-2018');
    model = await ReadModel.open(database);
    plans = new ModelPlanDirectory(new DrizzlePlanDirectory(database.db), model);
    tables = new DrizzlePlanDirectory(database.db);
    await model.warm();
  });
  afterAll(async () => {
    await model?.close();
    await database?.close();
  });

  it('lists exactly what the tables list, for every kind of query, in plan order', async () => {
    const fromModel = await storeOf(plans);
    const fromTables = await storeOf(tables);
    for (const q of QUERIES) expect(await request(() => fromModel.find(q)), JSON.stringify(q)).toEqual(await fromTables.find(q));
    expect(await request(() => fromModel.ids())).toEqual(await fromTables.ids());
    expect(await request(() => fromModel.themes())).toEqual(await fromTables.themes());
    expect(await request(() => fromModel.owners())).toEqual(await fromTables.owners());
    for (const id of await fromTables.ids()) expect(await request(() => fromModel.get(id)), id).toEqual(await fromTables.get(id));
    expect(await request(() => plans.list())).toEqual(await tables.list());
  });

  it('answers questions exactly as the tables do', async () => {
    for (const question of ['status 4.2.1', "what's overdue?", 'what is due this month?', 'what does Karen Georgiou own?', 'how many are complete?', 'list theme 4', 'mine']) {
      const actor = question === 'mine' ? SHACKLETON : OFFICE;
      const fromModel = await request(() => ask(context(plans, database, actor), question));
      expect(fromModel, question).toEqual(await ask(context(tables, database, actor), question));
    }
  });

  it('hands out frozen values: a caller cannot change what the next request reads', async () => {
    const rec = (await request(async () => (await storeOf(plans)).get('4.2.1')))!;
    expect(() => (rec.updates as unknown[]).push({})).toThrow();
    expect(() => ((rec as { status: string }).status = 'complete')).toThrow();
  });

  it('a warm request reads the database at most twice: status, and overdue over the plan', async () => {
    // Warm: the plan list and both plans' items are in memory.
    await model.warm();
    await request(() => ask(context(plans, database), "what's overdue?"));
    for (const [question, most] of [
      ['status 4.2.1', 2],
      ["what's overdue?", 2],
      ['what is due this month?', 2],
    ] as const) {
      const before = statements;
      const reply = await request(() => ask(context(plans, database), question));
      expect(reply.error, question).toBeUndefined();
      expect(statements - before, `${question}: statements`).toBeLessThanOrEqual(most);
    }
  });

  it('puts its own change into memory and shows it in the very next answer', async () => {
    const store = await storeOf(plans);
    await request(() => store.change({ recId: '4.2.1', update: { date: '2018-06-01', text: 'Model: own change.', author: 'N. Shackleton', evidence: null }, actor: 'N. Shackleton', source: 'cli', at: NOW.toISOString() }));
    const reply = await request(() => ask(context(plans, database), 'status 4.2.1'));
    expect(reply.text).toContain('Model: own change.');
  });

  it('sees a change written by another store on the same database (the CLI, another instance)', async () => {
    await request(() => ask(context(plans, database), 'status 5.2'));
    const other = await storeOf(tables);
    await other.change({ recId: '5.2', status: 'complete', actor: 'Karen Georgiou', source: 'cli', at: NOW.toISOString() });
    expect((await request(async () => (await storeOf(plans)).get('5.2')))!.status).toBe('complete');
    expect(await request(async () => (await storeOf(plans)).find({ status: 'complete' }))).toEqual(await other.find({ status: 'complete' }));
  });

  it("sees an operator's SQL: a status set by hand, an owner renamed, a plan's title changed", async () => {
    await request(() => ask(context(plans, database), 'status 4.1.1'));
    const planId = (await planOf(tables)).id;
    await database.db.execute(sql`update recommendations set status = 'not_started' where plan_id = ${planId} and rec_id = '4.1.1'`);
    expect((await request(async () => (await storeOf(plans)).get('4.1.1')))!.status).toBe('not_started');

    await database.db.execute(sql`update owners set name = 'Nick Shackleton' where plan_id = ${planId} and name = 'N. Shackleton'`);
    // A rename rebuilds the plan: the tables answer until it is built again, then the model does.
    const builds = model.stats.builds;
    expect(await request(async () => (await storeOf(plans)).find({ owners: ['Nick Shackleton'] }))).toEqual(await (await storeOf(tables)).find({ owners: ['Nick Shackleton'] }));
    await model.warm();
    expect(model.stats.builds).toBe(builds + 1);
    const renamed = await request(async () => (await storeOf(plans)).find({ owners: ['Nick Shackleton'] }));
    expect(renamed.length).toBeGreaterThan(0);
    expect(renamed).toEqual(await (await storeOf(tables)).find({ owners: ['Nick Shackleton'] }));
    await database.db.execute(sql`update owners set name = 'N. Shackleton' where plan_id = ${planId} and name = 'Nick Shackleton'`);

    await database.db.execute(sql`update plans set title = 'Renamed by hand' where id = ${planId}`);
    expect((await request(() => plans.get(BUNDLED_PLAN_KEY)))!.title).toBe('Renamed by hand');
  });

  it('keeps Slack profiles, pending conversations and plan choices, and drops each when it changes elsewhere', async () => {
    const users = new ModelSlackUserCache(database.db, model);
    const elsewhereUsers = new SlackUserCache(database.db);
    const profile = { userId: 'U0READMODEL', realName: 'Read Model', nameKey: 'read model', displayName: 'rm', timeZone: 'Europe/London', deleted: false, isBot: false, fetchedAt: NOW.toISOString() };
    await elsewhereUsers.put(profile);
    expect((await request(() => users.get('U0READMODEL')))!.realName).toBe('Read Model');
    const before = statements;
    expect((await request(() => users.get('U0READMODEL')))!.realName).toBe('Read Model');
    if (name === 'pglite') expect(statements - before).toBe(0);
    await elsewhereUsers.put({ ...profile, realName: 'Renamed In Slack' });
    expect((await request(() => users.get('U0READMODEL')))!.realName).toBe('Renamed In Slack');

    const conversations = new ModelConversationStore(new DrizzleConversationStore(database.db), model);
    const elsewhereConversations = new DrizzleConversationStore(database.db);
    const key = 'slack:U0READMODEL:D0READMODEL';
    expect(await request(() => conversations.load(key, NOW.toISOString()))).toBeNull();
    await elsewhereConversations.save(key, { step: 1 }, NOW.toISOString(), '2018-06-01T11:00:00Z');
    expect(await request(() => conversations.load(key, NOW.toISOString()))).toEqual({ step: 1 });
    // Expiry is the caller's "now", as the table's own load has it.
    expect(await request(() => conversations.load(key, '2018-06-01T12:00:00Z'))).toBeNull();
    await elsewhereConversations.clear(key);
    expect(await request(() => conversations.load(key, NOW.toISOString()))).toBeNull();

    // A person's `use`, made on another instance.
    const [first, second] = await tables.list();
    expect(await request(() => plans.chosenBy('U0READMODEL'))).toBeNull();
    await tables.choose('U0READMODEL', first!.id, NOW.toISOString());
    expect((await request(() => plans.chosenBy('U0READMODEL')))!.key).toBe(first!.key);
    await tables.choose('U0READMODEL', second!.id, NOW.toISOString());
    expect((await request(() => plans.chosenBy('U0READMODEL')))!.key).toBe(second!.key);

    // Held whole: a new thread's key, or a person who never chose a plan, asks nothing beyond the request's confirmation.
    const quiet = statements;
    expect(await request(() => conversations.load('slack:U0READMODEL:C0NEWTHREAD:1512.0001', NOW.toISOString()))).toBeNull();
    expect(await request(() => plans.chosenBy('U0NEVERCHOSE'))).toBeNull();
    expect(statements - quiet).toBe(name === 'pglite' ? 0 : 2);
  });

  it('rebuilds when the change log it would need has been pruned', async () => {
    await request(() => ask(context(plans, database), 'status 4.2.2'));
    const planId = (await planOf(tables)).id;
    // Pruned as though a day had passed: the log is gone, and the model cannot know what changed.
    await database.db.execute(sql`update model_changes set at = now() - interval '2 days'`);
    await database.db.execute(sql`update recommendations set status = 'not_being_implemented' where plan_id = ${planId} and rec_id = '4.2.2'`);
    await database.db.execute(sql`update model_changes set at = now() - interval '2 days'`);
    expect(await pruneChanges(database.db, 100_000)).toBeGreaterThan(0);
    const builds = model.stats.builds;
    expect((await request(async () => (await storeOf(plans)).get('4.2.2')))!.status).toBe('not_being_implemented');
    await model.warm();
    expect(model.stats.builds).toBeGreaterThan(builds);
    expect((await request(async () => (await storeOf(plans)).get('4.2.2')))!.status).toBe('not_being_implemented');
  });

  it.runIf(name === 'postgres')('two instances on one PostgreSQL answer as one', async () => {
    const second = await openAnother!(database);
    const theOther = await ReadModel.open(second);
    const theOtherPlans = new ModelPlanDirectory(new DrizzlePlanDirectory(second.db), theOther);
    [otherModel, otherPlans] = [theOther, theOtherPlans];
    try {
      // Both warm.
      await request(() => ask(context(plans, database), "what's overdue?"));
      await theOther.request(() => ask(context(theOtherPlans, second), "what's overdue?"));
      // A conversation whose turns alternate between the instances; after each save, the next answer on either shows it.
      const sides = [
        { m: model, p: plans, d: database },
        { m: theOther, p: theOtherPlans, d: second },
      ];
      await theOther.warm();
      let turn = 0;
      const say = (text: string) => {
        const side = sides[turn++ % 2]!;
        return side.m.request(() => ask(context(side.p, side.d, SHACKLETON), text));
      };
      for (let round = 1; round <= 4; round++) {
        expect((await say('update 4.2.1')).awaiting).toBe('update_text');
        expect((await say(`Round ${round}: the working group met.`)).awaiting).toBe('status');
        expect((await say('no')).awaiting).toBe('delivery_date');
        const saved = await say('no');
        expect(saved.text).toContain('Saved 4.2.1');
        for (const side of sides) {
          const status = await side.m.request(() => ask(context(side.p, side.d), 'status 4.2.1'));
          expect(status.text).toContain(`Round ${round}: the working group met.`);
        }
      }
      // A change through the real `concerto` command, in a process of its own: both see it at once.
      const cli = await runCli(['ask', 'update 9.3.1 Changed from the terminal.', '--plan', BUNDLED_PLAN_KEY], { env: { DATABASE_URL: database.url! } });
      expect(cli.stdout + cli.stderr).toContain('Recorded your update on 9.3.1');
      for (const side of sides) expect((await side.m.request(() => ask(context(side.p, side.d), 'status 9.3.1'))).text).toContain('Changed from the terminal.');
      // And one through the CLI's store.
      await (await storeOf(tables)).change({ recId: '9.3.1', status: 'complete', actor: 'Portfolio Office', source: 'cli', at: NOW.toISOString() });
      for (const [m, p] of [
        [model, plans],
        [theOther, theOtherPlans],
      ] as const) {
        expect((await m.request(async () => (await storeOf(p)).get('9.3.1')))!.status).toBe('complete');
      }
    } finally {
      await theOther.close();
      await second.close();
      otherModel = undefined;
    }
  });
});

/**
 * The embedded engine answers in this thread and settles its promises as microtasks: a long run of statements
 * that never took a turn of the event loop would go from start to end with the server deaf, /healthz included.
 */
describe.each(testDatabases)('long runs of statements on $name', ({ open }) => {
  /** More items than several of the embedded database's build batches (250 items) and import batches (500). */
  const largePlan = (wording: string) => ({
    title: 'A large plan',
    asOf: '2018-01-15',
    timeZone: 'Europe/London',
    recommendations: Array.from({ length: 1_200 }, (_, i) => ({
      id: `${Math.floor(i / 100) + 1}.${(i % 100) + 1}`,
      theme: `Theme ${Math.floor(i / 100) + 1}`,
      text: `Recommendation ${i + 1} of the large plan, ${wording}.`,
      owners: [`Owner ${i % 40}`],
      status: 'on_going',
      delivery: 'By end 2018',
      updates: [{ date: '2018-01-15', text: `Update on recommendation ${i + 1}.` }],
    })),
  });
  /** How many turns the event loop took while `work` ran. */
  const turnsDuring = async (work: () => Promise<unknown>) => {
    let turns = 0;
    let running = true;
    const turn = () => {
      if (!running) return;
      turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    try {
      await work();
    } finally {
      running = false;
    }
    return turns;
  };

  it("lets the server answer while it imports a large plan and while the read model builds", async () => {
    const database = await open();
    const model = await ReadModel.open(database);
    try {
      expect(await turnsDuring(() => importAs(database.db, largePlan('as first written'), SEEDED_AT, 'large-2018'))).toBeGreaterThanOrEqual(2);
      // Every item changed: compared and written one at a time.
      expect(await turnsDuring(() => importAs(database.db, largePlan('as reworded'), SEEDED_AT, 'large-2018'))).toBeGreaterThanOrEqual(10);
      expect(await turnsDuring(() => model.warm())).toBeGreaterThanOrEqual(4);
      expect(model.isWarm).toBe(true);
    } finally {
      await model.close();
      await database.close();
    }
  });

  it('answers a request on a new connection within a batch of the build, not after several', async () => {
    let batchesRead = 0;
    let ask = () => {};
    const database = await open({
      onQuery: (q) => {
        if (!/from "recommendations" inner join "themes"/.test(q)) return;
        batchesRead += 1;
        if (batchesRead === 2) ask();
      },
    });
    const server = createServer((_req, res) => res.end(String(batchesRead)));
    try {
      await importAs(database.db, largePlan('to build'), SEEDED_AT, 'large-2018');
      const model = await ReadModel.open(database);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      batchesRead = 0;
      const { port } = server.address() as AddressInfo;
      // A new connection, opened as the build reads its second batch: the server must accept it, read the request, answer.
      const answered = new Promise<number>((resolve, reject) => {
        ask = () => {
          let reply = '';
          const socket = connect(port, '127.0.0.1', () => socket.end('GET /healthz HTTP/1.1\r\nHost: concerto\r\nConnection: close\r\n\r\n'));
          socket.on('data', (d: Buffer) => (reply += d.toString())).on('end', () => resolve(Number(reply.split('\r\n\r\n')[1]))).on('error', reject);
        };
      });
      await model.warm();
      // Five batches on the embedded database, two on PostgreSQL (whose statements wait on the network anyway).
      expect(batchesRead).toBeGreaterThanOrEqual(2);
      // Answered before the build read its third batch (with one turn between batches, after it).
      expect(await answered).toBe(2);
      await model.close();
    } finally {
      server.close();
      await database.close();
    }
  });

  it('lets the server answer between plans while the scheduler passes over many', async () => {
    const database = await open();
    try {
      for (let n = 1; n <= 6; n++) {
        const small = { ...largePlan(`plan ${n}`), recommendations: largePlan(`plan ${n}`).recommendations.slice(0, 5) };
        await importAs(database.db, small, SEEDED_AT, `small-${n}`);
      }
      expect(await turnsDuring(() => runTick(database, new Date('2018-01-16T09:00:00Z'), reminderSettings(loadConfig({})), true))).toBeGreaterThanOrEqual(5);
    } finally {
      await database.close();
    }
  });
});
