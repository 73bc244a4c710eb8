import { queryRows } from '../../src/store/query-rows.js';
import { sql } from 'drizzle-orm';
import { loadConfig, reminderSettings } from '../../src/config.js';
import type { Clock } from '../../src/core/ports.js';
import { decideNudges, type NudgeDecision, type NudgeItem, type Recipient } from '../../src/core/reminders/decide-nudges.js';
import type { Notifier, SendableMessage } from '../../src/core/reminders/outbox-message.js';
import type { ReminderSettings } from '../../src/core/reminders/settings.js';
import { dispatchOnce } from '../../src/scheduler/dispatcher.js';
import { runTick, type TickResult } from '../../src/scheduler/tick.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { planStore, seedBundled } from './plan-stores.js';
import type { TestDatabase } from './databases.js';

/**
 * Shared setup for the scheduler suites: a fresh database seeded with the bundled plan (as at
 * 4 Oct 2017), a handful of Slack users linked to plan owners, the default reminder rules with a
 * digest channel, and a clock the test moves by hand.
 */

export const SEEDED_AT = '2017-10-04T09:00:00.000Z';
export const DIGEST_CHANNEL = 'CBOARD';
export const LONDON = 'Europe/London';

/** Slack user → plan owner. 'Portfolio Office' is a role with two members. */
export const PEOPLE: ReadonlyArray<readonly [slackUserId: string, ownerName: string]> = [
  ['URW', 'Rachel Wilkinson'],
  ['UCC', 'Chief Constables'],
  ['UKG', 'Karen Georgiou'],
  ['UPO1', 'Portfolio Office'],
  ['UPO2', 'Portfolio Office'],
];

/** The four open items whose delivery windows all end on Thursday 30 Nov 2017, and who they chase. */
export const ENDING_30_NOV: ReadonlyArray<readonly [item: string, to: string]> = [
  ['4.1.1', 'URW'],
  ['4.1.2', 'URW'],
  ['4.1.3', 'URW'],
  ['9.3.1', 'UCC'],
];

export function defaultSettings(env: Record<string, string> = {}): ReminderSettings {
  return reminderSettings(loadConfig({ CONCERTO_DIGEST_CHANNEL: DIGEST_CHANNEL, ...env }));
}

/** A clock that only moves when told to. */
export interface ManualClock extends Clock {
  set(at: string | Date): void;
  advance(ms: number): void;
}

export function manualClock(start: string | Date): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current.getTime()),
    set(at) {
      current = new Date(at);
    },
    advance(ms) {
      current = new Date(current.getTime() + ms);
    },
  };
}

/** A row of the outbox table, with timestamps as ISO instants. */
export interface OutboxRow {
  id: number;
  key: string;
  planId: number | null;
  kind: string;
  item: string | null;
  recipient: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  claimedAt: string | null;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
  slackTs: string | null;
  payload: Record<string, any>;
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export async function outboxRows(database: Database): Promise<OutboxRow[]> {
  const rows = await queryRows(database.db, sql`
    select id, key, plan_id, kind, item, recipient, status, attempts, next_attempt_at, claimed_at, created_at, sent_at, last_error, slack_ts, payload
    from outbox order by id`);
  return rows.map((r) => ({
    id: Number(r.id),
    key: String(r.key),
    planId: r.plan_id == null ? null : Number(r.plan_id),
    kind: String(r.kind),
    item: (r.item as string | null) ?? null,
    recipient: String(r.recipient),
    status: String(r.status),
    attempts: Number(r.attempts),
    nextAttemptAt: iso(r.next_attempt_at)!,
    claimedAt: iso(r.claimed_at),
    createdAt: iso(r.created_at)!,
    sentAt: iso(r.sent_at),
    lastError: (r.last_error as string | null) ?? null,
    slackTs: (r.slack_ts as string | null) ?? null,
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, any>,
  }));
}

/** Seeds the bundled plan and links PEOPLE, all at SEEDED_AT. */
export async function seedWithPeople(database: Database): Promise<void> {
  await seedBundled(database.db, SEEDED_AT);
  const people = new DrizzlePeopleStore(database.db);
  for (const [slackId, owner] of PEOPLE) {
    const added = await people.link(slackId, owner, false, { actor: 'test', source: 'cli', at: SEEDED_AT });
    if (!added) throw new Error(`could not link ${slackId} to ${owner}`);
  }
}

export interface ReminderHarness {
  database: Database;
  settings: ReminderSettings;
  clock: ManualClock;
  outbox: OutboxStore;
  /** Moves the clock to `at` and runs one scheduler pass there. */
  tick(at: string, dryRun?: boolean): Promise<TickResult>;
  rows(): Promise<OutboxRow[]>;
  /** Empties the outbox (the plan and the links stay), for suites that share one database. */
  clearOutbox(): Promise<void>;
  /**
   * Sends everything due from `at`, through a notifier that records what it is given and says it was
   * sent, a second between rounds as the dispatcher paces each recipient.
   */
  send(at: string): Promise<SendableMessage[]>;
  /** What the pure rules decide at `at` from the seeded plan and PEOPLE (no outbox, no digest). */
  expectedNudges(at: string): Promise<NudgeDecision[]>;
  close(): Promise<void>;
}

/** A fresh database from `testDatabases`, seeded, with people linked. */
export async function openReminders(target: TestDatabase, start = '2017-10-04T10:00:00Z'): Promise<ReminderHarness> {
  const database = await target.open();
  await seedWithPeople(database);
  const settings = defaultSettings();
  const clock = manualClock(start);
  return {
    database,
    settings,
    clock,
    outbox: new OutboxStore(database.db),
    async tick(at, dryRun = false) {
      clock.set(at);
      return runTick(database, clock.now(), settings, dryRun);
    },
    rows: () => outboxRows(database),
    async clearOutbox() {
      await database.db.execute(sql`delete from outbox`);
    },
    async send(at) {
      clock.set(at);
      const sent: SendableMessage[] = [];
      const notifier = { send: async (m: SendableMessage) => (sent.push(m), { outcome: 'sent' as const, ref: `${sent.length}.0` }) };
      const outbox = new OutboxStore(database.db);
      while ((await dispatchOnce(outbox, notifier, clock)).claimed > 0) clock.advance(1_000);
      return sent;
    },
    expectedNudges: (at) => pureNudges(database, new Date(at), settings),
    close: () => database.close(),
  };
}

/** A second connection pool on the same PostgreSQL database (for racing schedulers); null on PGlite. */
export async function secondConnection(database: Database): Promise<Database | null> {
  if (database.kind !== 'postgres' || !database.url) return null;
  return openDatabase({ url: database.url });
}

/**
 * The pure `decideNudges` fed from the plan store and the PEOPLE table (not from the reminder data
 * store the scheduler uses), with no preferences and nobody re-armed: what the scheduler should decide.
 */
export async function pureNudges(database: Database, now: Date, settings: ReminderSettings): Promise<NudgeDecision[]> {
  const store = await planStore(database.db);
  const plan = (await store.plan())!;
  const recs = await store.find({});
  const membersOf = (owner: string): Recipient[] => PEOPLE.filter(([, o]) => o === owner).map(([id]) => ({ id, timeZone: null }));
  const items: NudgeItem[] = recs.map((rec) => {
    const seen = new Set<string>();
    const recipients = rec.owners.flatMap(membersOf).filter((r) => !seen.has(r.id) && seen.add(r.id));
    return { rec, recipients, rearmedAt: null };
  });
  return decideNudges({ now, planTimeZone: plan.timeZone, planAsOf: plan.asOf, items, preferences: [], settings });
}

/** Compact, sortable form of a message for exact comparisons. */
export const keysOf = (list: Array<{ key: string }>): string[] => list.map((m) => m.key).sort();

/** Sends nothing; records what it was asked to send, and answers each as sent. */
export function recordingNotifier(): Notifier & { sent: SendableMessage[] } {
  const sent: SendableMessage[] = [];
  return { sent, send: async (m) => (sent.push(m), { outcome: 'sent', ref: `ts-${sent.length}` }) };
}
