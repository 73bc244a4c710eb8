import { ModelPlanDirectory } from '../../src/store/read-model/model-plan-directory.js';
import { ReadModel } from '../../src/store/read-model/read-model.js';
import { ModelConversationStore } from '../../src/store/read-model/model-conversation-store.js';
import { queryRows } from '../../src/store/query-rows.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedBundledPlan } from '../../src/app/plan-loading.js';
import type { Services } from '../../src/app/services.js';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { startSlackApp, type RunningSlackApp } from '../../src/slack/app.js';
import { COULD_NOT_COMPLETE } from '../../src/slack/listeners/failure.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import { DrizzleChaseQueue } from '../../src/store/chase-queue.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { startFakeSlack, type FakeSlack, type FakeUser } from '../helpers/fake-slack.js';
import { freePort, responseTo } from '../helpers/slack-app.js';
import { slackClient, type SlackClient } from '../helpers/slack-requests.js';
import { createPostgresServer, postgresBin, type PostgresServer } from './support/postgres-server.js';

/**
 * The real Slack app (startSlackApp, HTTP receiver) on a PostgreSQL server of this file's own, under a
 * steady load of owners posting updates by /concerto and by DM. The server is stopped mid-load and
 * started again. Nobody may be told "saved" for an update that is not in the database, everybody asking
 * during the outage must hear that nothing was saved and to try again, and the app must carry on by
 * itself once the server is back.
 */

const SECRET = 'outage-test-signing-secret';
const NOW = '2017-10-04T10:00:00Z';
/** Plan owners by their Slack names (linked automatically on first use), each with an item of their own. */
const OWNERS: Array<FakeUser & { item: string }> = [
  { id: 'UNS', name: 'nshackleton', real_name: 'N. Shackleton', item: '4.2.1' },
  { id: 'UKG', name: 'kgeorgiou', real_name: 'Karen Georgiou', item: '5.2' },
  { id: 'URW', name: 'rwilkinson', real_name: 'Rachel Wilkinson', item: '4.1.1' },
  { id: 'UARG', name: 'aroomegifford', real_name: 'Alison Roome-Gifford', item: '9.2.4' },
];
/** Answers each phase must see before the next begins. */
const PER_PHASE = 24;
const ANSWER_TIMEOUT = 30_000;

/** Skipped only when nothing could run it: no PostgreSQL binaries, and PostgreSQL is not required here. */
const unavailable = !postgresBin() && !process.env.CONCERTO_REQUIRE_POSTGRES && !process.env.TEST_DATABASE_URL;

interface Exchange {
  n: number;
  via: 'command' | 'dm';
  user: string;
  item: string;
  /** The update text, unique to this request. */
  text: string;
  sentAt: number;
  answeredAt: number;
  answer: string;
}

const savedAnswer = (item: string) => `Recorded your update on ${item}, dated 4 Oct 2017.`;
const isSaved = (e: Exchange) => e.answer === savedAnswer(e.item);

describe.skipIf(unavailable)('the Slack app through a PostgreSQL outage on postgres', () => {
  let server: PostgresServer;
  let database: Database;
  let services: Services;
  let fake: FakeSlack;
  let app: RunningSlackApp;
  let port: number;
  let slack: SlackClient;
  const log: Exchange[] = [];
  const listeners = new Set<() => void>();
  const errors: unknown[][] = [];

  /** Resolves once `done()` holds, checked after every answer. */
  const until = (what: string, done: () => boolean, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      if (done()) return resolve();
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`Waited ${timeoutMs} ms for ${what}; answers so far:\n${log.map((e) => `${e.n} ${e.via} ${e.answer}`).join('\n')}`));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve();
      };
      listeners.add(check);
    });

  let counter = 0;
  let loading = true;
  /** One owner's stream of one-shot updates through one door, each waiting for its answer before the next. */
  async function owner(user: (typeof OWNERS)[number], via: Exchange['via']): Promise<void> {
    while (loading) {
      const n = ++counter;
      const text = `Outage test update ${n} from ${user.id} by ${via}`;
      const message = `update ${user.item} ${text}`;
      const sentAt = Date.now();
      let answer: string;
      if (via === 'command') {
        const res = await slack.command({ text: message, user_id: user.id });
        expect(res.status).toBe(200);
        answer = (await responseTo(fake, res, ANSWER_TIMEOUT)).body.text;
      } else {
        // A channel of its own, so the answer can be told apart from every other.
        const channel = `D${user.id}X${n}`;
        const res = await slack.event(slack.directMessage({ user: user.id, text: message, channel }));
        expect(res.status).toBe(200);
        answer = (await fake.waitFor('chat.postMessage', (c) => c.body.channel === channel, ANSWER_TIMEOUT)).body.text;
      }
      log.push({ n, via, user: user.id, item: user.item, text, sentAt, answeredAt: Date.now(), answer });
      for (const l of [...listeners]) l();
    }
  }

  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  interface Outage {
    mode: 'fast' | 'immediate';
    /** When the load before it began to count (the previous restart, or 0). */
    from: number;
    stopBegan: number;
    stopped: number;
    restartBegan: number;
    restarted: number;
    health: { during: Awaited<ReturnType<typeof health>>; after: Awaited<ReturnType<typeof health>> };
  }
  const outages: Outage[] = [];

  beforeAll(async () => {
    server = await createPostgresServer();
    database = await openDatabase({ url: server.url });
    await migrate(database);
    await seedBundledPlan(new DrizzlePlanDirectory(database.db), { actor: 'seed', at: '2017-10-04T09:00:00.000Z' });
    // As `concerto serve` runs: through the read model, which must not answer from memory while the server is away.
    const model = await ReadModel.open(database);
    await model.warm();
    services = {
      database,
      plans: new ModelPlanDirectory(new DrizzlePlanDirectory(database.db), model),
      conversations: new ModelConversationStore(new DrizzleConversationStore(database.db), model),
      chases: new DrizzleChaseQueue(database.db),
      clock: fixedClock(new Date(NOW)),
      config: loadConfig({ LOG_LEVEL: 'error' }),
      model,
      close: () => database.close(),
    };
    fake = await startFakeSlack({ users: OWNERS });
    port = await freePort();
    app = await startSlackApp(services, { botToken: 'xoxb-outage', signingSecret: SECRET, appToken: null, apiUrl: fake.url, port });
    slack = slackClient({ baseUrl: `http://127.0.0.1:${port}/slack/events`, secret: SECRET, responseUrl: fake.responseUrl });
    // Every failed turn is logged by the app; keep the test output readable.
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args));

    const loadDone = Promise.all(OWNERS.flatMap((u) => [owner(u, 'command'), owner(u, 'dm')]));
    loadDone.catch(() => {}); // reported where it is awaited below
    const phase = (what: string, done: () => boolean) => Promise.race([until(what, done), loadDone]);
    const sentSince = (t: number) => () => log.filter((e) => e.sentAt >= t).length >= PER_PHASE;

    // A clean shutdown (connections told to go), then a crash (the server killed outright).
    for (const mode of ['fast', 'immediate'] as const) {
      const from = outages.at(-1)?.restarted ?? 0;
      await phase(`${PER_PHASE} answers before the ${mode} stop`, sentSince(from));
      const stopBegan = Date.now();
      await server.stop(mode);
      const stopped = Date.now();
      await phase(`${PER_PHASE} answers to requests sent while the server was down (${mode})`, sentSince(stopped));
      const during = await health();
      const restartBegan = Date.now();
      await server.start();
      const restarted = Date.now();
      await phase(`${PER_PHASE} answers to requests sent after the restart (${mode})`, sentSince(restarted));
      outages.push({ mode, from, stopBegan, stopped, restartBegan, restarted, health: { during, after: await health() } });
    }
    loading = false;
    await loadDone;
  }, 120_000);

  afterAll(async () => {
    loading = false;
    vi.restoreAllMocks();
    await app?.stop().catch(() => {});
    await services?.close().catch(() => {});
    await fake?.close();
    await server?.destroy();
  });

  it('answered every request exactly once, each with "recorded" or the could-not-save sentence and nothing else', async () => {
    expect(log.length).toBeGreaterThanOrEqual(3 * PER_PHASE);
    for (const e of log) expect([savedAnswer(e.item), COULD_NOT_COMPLETE], `request ${e.n} (${e.via})`).toContain(e.answer);
    // No second answer turned up for anyone.
    const dmAnswers = fake.callsTo('chat.postMessage').map((c) => c.body.channel as string);
    expect(new Set(dmAnswers).size).toBe(dmAnswers.length);
    const commandAnswers = fake.callsTo('response_url').map((c) => c.id);
    expect(new Set(commandAnswers).size).toBe(commandAnswers.length);
    expect(dmAnswers.length + commandAnswers.length).toBe(log.length);
  });

  it('saved everything before each outage', () => {
    for (const o of outages) {
      const before = log.filter((e) => e.sentAt >= o.from && e.answeredAt < o.stopBegan);
      expect(before.length, o.mode).toBeGreaterThan(0);
      expect(before.filter((e) => !isSaved(e)), o.mode).toEqual([]);
    }
  });

  it('told everyone who asked while the server was down, by command and by DM, that nothing was saved and to try again', () => {
    expect(COULD_NOT_COMPLETE).toMatch(/nothing was saved\. Please try again in a moment\.$/);
    for (const o of outages) {
      const during = log.filter((e) => e.sentAt >= o.stopped && e.answeredAt <= o.restartBegan);
      expect(during.length, o.mode).toBeGreaterThanOrEqual(PER_PHASE);
      expect(new Set(during.map((e) => e.via)), o.mode).toEqual(new Set(['command', 'dm']));
      expect(during.filter((e) => e.answer !== COULD_NOT_COMPLETE), o.mode).toEqual([]);
    }
  });

  it('recovered by itself, without a restart: every request sent after the server came back was saved', () => {
    outages.forEach((o, i) => {
      const next = outages[i + 1]?.stopBegan ?? Infinity;
      const after = log.filter((e) => e.sentAt >= o.restarted && e.answeredAt < next);
      expect(after.length, o.mode).toBeGreaterThanOrEqual(PER_PHASE);
      expect(after.filter((e) => !isSaved(e)), o.mode).toEqual([]);
    });
  });

  it('reported each outage on /healthz, and health again once the server was back', () => {
    for (const o of outages) {
      expect(o.health.during, o.mode).toEqual({ status: 503, body: { ok: false, database: 'postgres', model: 'ready' } });
      expect(o.health.after, o.mode).toEqual({ status: 200, body: { ok: true, database: 'postgres', model: 'ready' } });
    }
  });

  it('holds every update it said was saved, exactly once with its audit event, and none it said was not', async () => {
    const texts = await queryRows<{ text: string; n: number }>(database.db, sql`select text, count(*)::int as n from updates where text like 'Outage test update %' group by text`);
    const stored = new Map(texts.map((t) => [t.text, Number(t.n)]));
    const audited = await queryRows<{ text: string; n: number }>(
      database.db,
      sql`select after->>'text' as text, count(*)::int as n from audit_events where action = 'update_posted' and after->>'text' like 'Outage test update %' group by 1`,
    );
    const events = new Map(audited.map((t) => [t.text, Number(t.n)]));
    // A stop can land between a commit reaching the disk and its answer reaching the app (a crash most of all):
    // only a request in flight at that moment may have been told "not saved" and yet be there, whole.
    const inFlightAtStop = (e: Exchange) => outages.some((o) => e.sentAt < o.stopped && e.answeredAt >= o.stopBegan);
    for (const e of log) {
      const found = [stored.get(e.text), events.get(e.text)];
      if (isSaved(e)) expect([e.n, e.via, ...found]).toEqual([e.n, e.via, 1, 1]);
      else if (inFlightAtStop(e)) expect([[undefined, undefined], [1, 1]]).toContainEqual(found);
      else expect([e.n, e.via, ...found]).toEqual([e.n, e.via, undefined, undefined]);
    }
    // Nothing is there that nobody sent, and nothing twice.
    const sent = new Set(log.map((e) => e.text));
    for (const [text, n] of stored) expect([text, n, sent.has(text)]).toEqual([text, 1, true]);
  });
});
