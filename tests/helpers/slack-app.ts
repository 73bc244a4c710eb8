import { ReadModel } from '../../src/store/read-model/read-model.js';
import { ModelPlanDirectory } from '../../src/store/read-model/model-plan-directory.js';
import { ModelConversationStore } from '../../src/store/read-model/model-conversation-store.js';
import { DrizzlePendingImports } from '../../src/store/pending-imports.js';
import { queryRows } from '../../src/store/query-rows.js';
import { sql } from 'drizzle-orm';
import { vi } from 'vitest';
import type { Services } from '../../src/app/services.js';
import { fixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { startSlackApp, type RunningSlackApp } from '../../src/slack/app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { HomeRefresher, publishHome } from '../../src/slack/home.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import { DrizzleChaseQueue } from '../../src/store/chase-queue.js';
import { DrizzleEventLedger } from '../../src/store/event-ledger.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { ReminderDataStore } from '../../src/store/reminder-data.js';
import { SlackUserCache } from '../../src/store/slack-user-cache.js';
import { openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { freePort } from './free-port.js';
import { startFakeSlack, type FakeCall, type FakeSlack, type FakeUser } from './fake-slack.js';
import { seedBundled } from './plan-stores.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { slackClient, type SlackClient, type SlackResponse } from './slack-requests.js';

/**
 * The real Concerto Slack app (startSlackApp) on its HTTP receiver, talking to the fake Slack,
 * over an in-memory PGlite with the bundled plan, at a fixed instant.
 */

export const SIGNING_SECRET = 'concerto-test-signing-secret';
export const NOW = '2017-10-04T10:00:00Z';

/**
 * Slack user ids are upper-case letters and digits (no underscores: the app's mention patterns rely on it).
 * NS and KG are plan owners by name; ALICE is an admin who owns nothing; BOB is nobody.
 */
export const NS = 'UNS';
export const KG = 'UKG';
export const ALICE = 'UALICE';
export const BOB = 'UBOB';
export const USERS: FakeUser[] = [
  { id: NS, name: 'nshackleton', real_name: 'N. Shackleton', tz: 'Europe/London' },
  { id: KG, name: 'kgeorgiou', real_name: 'Karen Georgiou', tz: 'Europe/London' },
  { id: ALICE, name: 'alice', real_name: 'Alice Admin', tz: 'Europe/London' },
  { id: BOB, name: 'bob', real_name: 'Bob Nobody', tz: 'Europe/London' },
];

export interface TestAppOptions {
  users?: FakeUser[];
  /** Slack user ids for CONCERTO_ADMINS (default ALICE). */
  admins?: string[];
  /** The fixed instant (default NOW). */
  now?: string;
}

export interface TestApp {
  fake: FakeSlack;
  client: SlackClient;
  services: Services;
  /** The Bolt app currently running. */
  running: RunningSlackApp;
  port: number;
  /** Stops the Bolt app and starts a new one on the same services (database) and fake; `client` follows it. */
  restart(): Promise<void>;
  /** Row count of a table, for "nothing was written" checks. */
  count(table: 'updates' | 'audit_events' | 'identity_links' | 'processed_events' | 'conversations' | 'decisions' | 'outbox'): Promise<number>;
  stop(): Promise<void>;
}

export { freePort };

export async function openTestServices(opts: { admins?: string[]; now?: string } = {}): Promise<Services> {
  const database = await openDatabase({ memory: true });
  await migrate(database);
  const config = loadConfig({ CONCERTO_ADMINS: (opts.admins ?? [ALICE]).join(','), LOG_LEVEL: 'error' });
  await seedBundled(database.db, '2017-10-04T09:00:00.000Z');
  // As `concerto serve` runs: reads through the in-memory read model, which every direct write below is seen by.
  const model = await ReadModel.open(database);
  await model.warm();
  return {
    database,
    plans: new ModelPlanDirectory(new DrizzlePlanDirectory(database.db), model),
    conversations: new ModelConversationStore(new DrizzleConversationStore(database.db), model),
    chases: new DrizzleChaseQueue(database.db),
    clock: fixedClock(new Date(opts.now ?? NOW)),
    config,
    model,
    close: async () => {
      await model.close();
      await database.close();
    },
  };
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const fake = await startFakeSlack({ users: opts.users ?? USERS });
  const services = await openTestServices(opts);
  const boot = async () => {
    const port = await freePort();
    const running = await startSlackApp(services, { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, appToken: null, apiUrl: fake.url, port });
    // The member directory is read in the background at start; tests begin once it has been.
    await running.directoryRead;
    // Trigger ids come from the fake, so it knows when each command or click happened (and refuses a late views.open).
    const client = slackClient({ baseUrl: `http://127.0.0.1:${port}/slack/events`, secret: SIGNING_SECRET, responseUrl: fake.responseUrl, triggerId: () => fake.issueTrigger() });
    return { port, running, client };
  };
  const t: TestApp = {
    fake,
    services,
    ...(await boot()),
    async restart() {
      await t.running.stop();
      Object.assign(t, await boot());
    },
    async count(table) {
      const list = await queryRows<{ n: number }>(services.database.db, sql.raw(`select count(*)::int as n from ${table}`));
      return Number(list[0]!.n);
    },
    async stop() {
      await t.running.stop().catch(() => {});
      await services.close();
      await fake.close();
    },
  };
  return t;
}

// ---- reading what the app sent ----------------------------------------------------------------

/** The answer a command (or a button with a response_url) sent to its response_url. */
export function responseTo(fake: FakeSlack, res: { response_url: string } | string, timeoutMs = 10_000): Promise<FakeCall> {
  const url = typeof res === 'string' ? res : res.response_url;
  return fake.waitFor('response_url', (c) => url === fake.responseUrl(c.id ?? ''), timeoutMs);
}

/** Every string anywhere in a message or view (text, blocks, button values…), joined by newlines. */
export function allText(body: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(body);
  return out.join('\n');
}

/** The mrkdwn/plain text of a message's blocks (sections, contexts, headers), in order. */
export function blockTexts(blocks: unknown): string[] {
  const out: string[] = [];
  for (const b of (Array.isArray(blocks) ? blocks : []) as Array<Record<string, any>>) {
    if (b.text?.text) out.push(b.text.text);
    for (const e of b.elements ?? []) if (typeof e.text === 'string') out.push(e.text);
  }
  return out;
}

/** Recommendation ids named in bold (`*4.2.1*`) in a message's blocks, in order. */
export function boldIds(blocks: unknown): string[] {
  return [...blockTexts(blocks).join('\n').matchAll(/\*(\d+(?:\.\d+)+)\*/g)].map((m) => m[1]!);
}

/** The buttons in a message's actions blocks. */
export function buttons(blocks: unknown): Array<{ action_id: string; value: string; text: string }> {
  return ((Array.isArray(blocks) ? blocks : []) as Array<Record<string, any>>)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Array<Record<string, any>>)
    .filter((e) => e.type === 'button')
    .map((e) => ({ action_id: e.action_id, value: e.value, text: e.text?.text }));
}

/** Ids of the "• 4.2.1 …" lines of an unpaged list answer, in order. */
export function listedIds(text: string): string[] {
  return [...text.matchAll(/^• (\d+(?:\.\d+)+) /gm)].map((m) => m[1]!);
}

/** Does `send`, then waits for the first call to `method` it caused (one arriving after `send` started). */
export async function callAfter<T>(fake: FakeSlack, method: string, send: () => Promise<T>, predicate: (c: FakeCall) => boolean = () => true): Promise<{ sent: T; call: FakeCall }> {
  const from = fake.calls.length;
  const sent = await send();
  const call = await fake.waitFor(method, (c) => fake.calls.indexOf(c) >= from && predicate(c), 10_000);
  return { sent, call };
}

/** Waits until the app has gone quiet for `ms` (no new calls to the fake). */
export async function settle(fake: FakeSlack, ms = 300): Promise<void> {
  let n = -1;
  while (n !== fake.calls.length) {
    n = fake.calls.length;
    await new Promise((r) => setTimeout(r, ms));
  }
}

export type { SlackResponse };

// ---- listener unit tests: the listeners called directly, bolt-js starter style ------------------

type Listener = (args: any) => Promise<void>;

/** A stand-in for Bolt's `App` that records what each `register*` function attaches to it. */
export function recordingApp() {
  const commands = new Map<string, Listener>();
  const views = new Map<string, Listener>();
  const actions = new Map<string, Listener>();
  const events = new Map<string, Listener>();
  const messages: Listener[] = [];
  const middleware: Listener[] = [];
  const app = {
    command: (id: string, fn: Listener) => void commands.set(id, fn),
    view: (id: string, fn: Listener) => void views.set(id, fn),
    action: (id: string, fn: Listener) => void actions.set(id, fn),
    event: (name: string, fn: Listener) => void events.set(name, fn),
    message: (...args: unknown[]) => void messages.push(args.at(-1) as Listener),
    use: (fn: Listener) => void middleware.push(fn),
  };
  return { app: app as unknown as import('@slack/bolt').App, commands, views, actions, events, messages, middleware };
}

/**
 * What app.ts builds for the listeners, on the given services. `background` is the client that
 * profile look-ups and App Home go through (pass the test's fakeWebClient to see those calls);
 * App Home refreshes run at once, and the member directory counts as read.
 */
export function slackDeps(services: Services, overrides: Partial<SlackDeps> = {}, background: unknown = fakeWebClient()): SlackDeps {
  const { db } = services.database;
  const deps: SlackDeps = {
    services,
    people: new DrizzlePeopleStore(db),
    ledger: new DrizzleEventLedger(db),
    users: new SlackUserCache(db),
    reminders: new ReminderDataStore(db),
    admins: services.config.CONCERTO_ADMINS,
    background: background as SlackDeps['background'],
    homes: new HomeRefresher((userId) => publishHome(deps, userId), { error() {}, warn() {}, info() {}, debug() {} } as never, 0),
    directoryReady: async () => true,
    pendingImports: new DrizzlePendingImports(db),
    files: { token: 'xoxb-test', apiUrl: null },
    ...overrides,
  };
  return deps;
}

/** A Web API client whose methods are vi.fn()s; users.info and users.list answer from `users`. */
export function fakeWebClient(users: FakeUser[] = USERS) {
  const member = (u: FakeUser) => ({
    id: u.id, name: u.name, real_name: u.real_name, tz: u.tz ?? 'Europe/London', deleted: u.deleted ?? false, is_bot: u.is_bot ?? false,
    profile: { real_name: u.real_name, display_name: u.display_name ?? '' },
  });
  return {
    users: {
      info: vi.fn(async ({ user }: { user: string }) => {
        const u = users.find((x) => x.id === user);
        if (!u) throw new Error('An API error occurred: user_not_found');
        return { ok: true, user: member(u) };
      }),
      list: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, members: users.map(member), response_metadata: { next_cursor: '' } })),
    },
    views: {
      open: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, view: { id: 'V0MODAL01' } })),
      update: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, view: { id: 'V0MODAL01' } })),
      publish: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true })),
    },
    chat: { postMessage: vi.fn(async (_args: Record<string, unknown>) => ({ ok: true, ts: '1700000000.000100' })) },
  };
}

/** The arguments Bolt passes a listener: fakes for ack/respond/say/logger and the client, plus whatever the test adds. */
export function buildArgs<T extends Record<string, unknown>>(extra: T, client = fakeWebClient()) {
  return {
    ack: vi.fn(async (_response?: unknown) => {}),
    respond: vi.fn(async (_message: unknown) => ({})),
    say: vi.fn(async (_message: unknown) => ({})),
    next: vi.fn(async () => {}),
    logger: { error: vi.fn(), warn: vi.fn(), info: vi.fn(), debug: vi.fn() },
    client,
    ...extra,
  };
}

/** True when every call of `first` came before the first call of `then`. */
export function calledBefore(first: { mock: { invocationCallOrder: number[] } }, then: { mock: { invocationCallOrder: number[] } }): boolean {
  const a = first.mock.invocationCallOrder;
  const b = then.mock.invocationCallOrder;
  return a.length > 0 && b.length > 0 && Math.max(...a) < Math.min(...b);
}
