import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_PLAN_KEY, seedBundledPlan } from '../../src/app/plan-loading.js';
import { loadConfig, reminderSettings } from '../../src/config.js';
import type { Actor } from '../../src/core/ask/actor.js';
import { ask } from '../../src/core/ask/ask.js';
import type { AskContext } from '../../src/core/ask/context.js';
import type { PlanInfo } from '../../src/core/ports.js';
import { runTick } from '../../src/scheduler/tick.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { queryRows } from '../../src/store/query-rows.js';
import { ReminderDataStore } from '../../src/store/reminder-data.js';
import { createScratchDatabase, postgresUrl } from '../helpers/databases.js';

/**
 * Upgrading a database the last single-plan release filled (tests/fixtures/README.md says what is in it)
 * to many plans: the dump is loaded into an empty database exactly as it was, today's migrations run over
 * it, and everything people did before the upgrade is still there and still behaves — on PGlite always and
 * on PostgreSQL when TEST_DATABASE_URL is set (CONCERTO_REQUIRE_POSTGRES makes it required, see
 * tests/helpers/databases.ts, which this file imports for that check).
 */

const DUMP = readFileSync(new URL('../fixtures/release-single-plan.sql', import.meta.url), 'utf8');

/** The tables the release had that hold people's work, counted before and after the upgrade. */
const TABLES = [
  'recommendations',
  'updates',
  'audit_events',
  'delivery_dates',
  'themes',
  'owners',
  'recommendation_owners',
  'identity_links',
  'slack_users',
  'nudge_preferences',
  'outbox',
  'conversations',
  'processed_events',
] as const;
type Table = (typeof TABLES)[number];
type Counts = Record<Table, number>;

/** What the dump inserts, table by table (pg_dump --inserts writes one INSERT per row). */
function rowsInDump(): Counts {
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as Counts;
  for (const m of DUMP.matchAll(/^INSERT INTO public\.(\w+) /gm)) if (m[1]! in counts) counts[m[1] as Table]++;
  return counts;
}

/** The outbox rows the release's tick queued on 30 Oct 2017 at 09:30 (pending, not yet sent). */
const QUEUED_BEFORE = [
  'overdue:3.6:U0KAREN01:2017-10-30',
  'overdue:4.0.1:U0KAREN01:2017-10-30',
  'stale:4.2.1:U0NSHACK1:2017-10-18',
  'overdue:5.2:U0KAREN01:2017-10-30',
  'digest:C0DIGEST1:2017-10-30',
];

const IDENTITY_LINKS = [
  { external_id: 'U0KAREN01', owner_name: 'Karen Georgiou', auto: false, linked_by: 'Admin Person' },
  { external_id: 'U0KAREN01', owner_name: 'Portfolio Office', auto: false, linked_by: 'Admin Person' },
  { external_id: 'U0NSHACK1', owner_name: 'N. Shackleton', auto: true, linked_by: 'concerto' },
];

const SHACKLETON: Actor = { id: 'N. Shackleton', name: 'N. Shackleton', owns: ['N. Shackleton'], admin: false, source: 'cli' };
const READER: Actor = { id: 'root', name: 'root', owns: [], admin: true, source: 'cli' };

/**
 * How each driver gets an empty database (no migrations run) and loads the dump into it in a session of
 * its own, as psql would; the app then opens the database afresh. (The dump empties search_path for its
 * session, so on PGlite — one session for everything — the session's default is restored afterwards.)
 */
interface Driver {
  name: 'pglite' | 'postgres';
  empty(): Promise<{ database: Database; load(): Promise<void> }>;
}

const pgliteClient = (database: Database) => (database.db as unknown as { $client: PGlite }).$client;

const drivers: Driver[] = [
  {
    name: 'pglite',
    async empty() {
      const database = await openDatabase({ memory: true });
      return {
        database,
        async load() {
          const client = pgliteClient(database);
          await client.exec(DUMP);
          await client.exec('RESET search_path');
        },
      };
    },
  },
  ...(postgresUrl
    ? [
        {
          name: 'postgres' as const,
          async empty() {
            const url = await createScratchDatabase(postgresUrl!);
            return {
              database: await openDatabase({ url }),
              async load() {
                const loader = postgres(url, { max: 1, onnotice: () => {} });
                try {
                  // Without parameters postgres.js sends the text as one simple query: every statement runs.
                  await loader.unsafe(DUMP);
                } finally {
                  await loader.end({ timeout: 5 });
                }
              },
            };
          },
        },
      ]
    : []),
];

async function countRows(database: Database): Promise<Counts> {
  const counts = {} as Counts;
  for (const t of TABLES) {
    const [row] = await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${t}`));
    counts[t] = Number(row!.n);
  }
  return counts;
}

async function appliedMigrations(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(database.db, sql.raw('select count(*)::int as n from drizzle.__drizzle_migrations'));
  return Number(row!.n);
}

async function publicTables(database: Database): Promise<string[]> {
  const rows = await queryRows<{ t: string }>(database.db, sql.raw(`select table_name as t from information_schema.tables where table_schema = 'public' order by 1`));
  return rows.map((r) => r.t);
}

/** Every column of every table, so a second migration can be shown to change nothing. */
async function schemaShape(database: Database): Promise<string[]> {
  const rows = await queryRows<{ c: string }>(
    database.db,
    sql.raw(
      `select table_name || '.' || column_name || ':' || data_type || ':' || is_nullable as c from information_schema.columns
        where table_schema in ('public', 'drizzle') order by 1`,
    ),
  );
  return rows.map((r) => r.c);
}

const MIGRATIONS_TODAY = (JSON.parse(readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] }).entries.length;

describe.each(drivers)('upgrading the single-plan release on $name', (driver) => {
  let database: Database;
  let before: Counts;
  let plan: PlanInfo;
  const plans = () => new DrizzlePlanDirectory(database.db);
  const context = (actor: Actor, now: string, conversationKey = `test:${actor.id}`): AskContext => ({
    plans: new DrizzlePlanDirectory(database.db),
    conversations: new DrizzleConversationStore(database.db),
    actor,
    now: new Date(now),
    conversationKey,
  });

  beforeAll(async () => {
    const empty = await driver.empty();
    database = empty.database;
    expect(await publicTables(database)).toEqual([]);
    await empty.load();
  });
  afterAll(async () => database?.close());

  it('loads the dump into an empty database: every row, with migrations 0000–0005 recorded', async () => {
    expect(await appliedMigrations(database)).toBe(6);
    before = await countRows(database);
    expect(before).toEqual(rowsInDump());
    // What tests/fixtures/README.md describes: 30 seeded items + 9.4.1, 32 seeded updates + two.
    expect(before).toMatchObject({ recommendations: 31, updates: 34, identity_links: 3, nudge_preferences: 2, outbox: 5, conversations: 1 });
  });

  it("runs today's migrations over it and keeps every row", async () => {
    await migrate(database);
    expect(MIGRATIONS_TODAY).toBeGreaterThan(6);
    expect(await appliedMigrations(database)).toBe(MIGRATIONS_TODAY);
    expect(await countRows(database)).toEqual(before);
  });

  it('makes the one plan there was concerto-2017, active, with the defaults', async () => {
    const all = await plans().list();
    expect(all).toHaveLength(1);
    plan = all[0]!;
    expect(plan).toMatchObject({
      key: BUNDLED_PLAN_KEY,
      title: 'Concerto Action Plan',
      asOf: '2017-10-04',
      timeZone: 'Europe/London',
      state: 'active',
      holidays: 'england-and-wales',
      admins: [],
      homeChannel: null,
      digestChannel: null,
    });
    expect(await plans().get('concerto-2017')).toEqual(plan);
  });

  it('keeps 4.1.1 whole: the import, the update of 20 Oct, the revised date and its November 2017 baseline', async () => {
    const store = plans().store(plan);
    const rec = await store.get('4.1.1');
    expect(rec?.delivery.text).toBe('end of January 2018');
    expect(rec?.baseline.text).toBe('November 2017');
    expect(rec?.revisions).toBe(1);
    expect(rec?.updates.map((u) => u.text)).toContain('Draft prioritisation agreed with the SLT');

    const history = await store.history('4.1.1');
    expect(history.map((e) => e.action)).toEqual(['recommendation_added', 'update_posted', 'date_revised']);
    expect(history[0]).toMatchObject({ source: 'import', actor: 'seed' });
    expect(history[1]).toMatchObject({ source: 'cli', after: { date: '2017-10-20', text: 'Draft prioritisation agreed with the SLT' } });
    expect(new Date(history[1]!.at).toISOString()).toBe('2017-10-20T10:00:00.057Z');
    expect(history[2]).toMatchObject({ before: { text: 'November 2017' }, after: { text: 'end of January 2018', start: '2018-01-31', end: '2018-01-31' } });

    const dates = await queryRows<{ seq: number; text: string; start: string; end: string }>(
      database.db,
      sql.raw(`select seq, text, start::text as start, "end"::text as "end" from delivery_dates where rec_id = '4.1.1' order by seq`),
    );
    expect(dates[0]).toEqual({ seq: 0, text: 'November 2017', start: '2017-11-01', end: '2017-11-30' });
  });

  it('answers `history 4.1.1` with the baseline, the revision and the update', async () => {
    const reply = await ask(context(READER, '2017-10-30T09:40:00Z'), 'history 4.1.1');
    expect(reply.error).toBeUndefined();
    expect(reply.plan).toBeUndefined(); // one plan: replies are not labelled
    expect(reply.text).toMatch(/^History of 4\.1\.1:/);
    expect(reply.text).toContain('Baseline delivery date: November 2017');
    expect(reply.text).toContain('end of January 2018');
    expect(reply.text).toContain('revised 1×');
    expect(reply.text).toContain('Draft prioritisation agreed with the SLT');
  });

  it('gives snoozes and mutes to the plan, and an upsert on the new key finds them', async () => {
    const rows = await queryRows<{ plan_id: number; item: string; recipient: string; muted: boolean; snoozed_until: string | null }>(
      database.db,
      sql.raw(`select plan_id, item, recipient, muted, snoozed_until::text as snoozed_until from nudge_preferences order by item`),
    );
    expect(rows).toEqual([
      { plan_id: plan.id, item: '1.1', recipient: 'U0KAREN01', muted: true, snoozed_until: null },
      { plan_id: plan.id, item: '4.2.1', recipient: 'U0KAREN01', muted: false, snoozed_until: '2017-11-01' },
    ]);
    const data = new ReminderDataStore(database.db);
    expect((await data.preferences(plan.id)).map((p) => p.item).sort()).toEqual(['1.1', '4.2.1']);
    // ON CONFLICT (plan_id, item, recipient) needs the new primary key: the same mute again stays one row.
    await data.setPreference(plan.id, { item: '1.1', recipient: 'U0KAREN01', snoozedUntil: null, muted: true, setAt: '2017-10-30T09:41:00.000Z' });
    expect(await data.preferences(plan.id)).toHaveLength(2);
  });

  it('gives queued messages to the plan and prefixes their keys with concerto-2017/, statuses unchanged', async () => {
    const rows = await queryRows<{ id: number; key: string; plan_id: number; status: string; attempts: number }>(
      database.db,
      sql.raw('select id::int as id, key, plan_id, status, attempts from outbox order by id'),
    );
    expect(rows).toEqual(QUEUED_BEFORE.map((key, i) => ({ id: i + 1, key: `concerto-2017/${key}`, plan_id: plan.id, status: 'pending', attempts: 0 })));
  });

  it('queues none of those messages again in the next scheduler pass (exactly once across the upgrade)', async () => {
    const settings = reminderSettings(loadConfig({ CONCERTO_DIGEST_CHANNEL: 'C0DIGEST1' }));
    const result = await runTick(database, new Date('2017-10-30T09:45:00Z'), settings);
    expect(result.skipped).toBe(false);
    const queued = new Set(QUEUED_BEFORE.map((k) => `concerto-2017/${k}`));
    expect(result.messages.filter((m) => queued.has(m.key))).toEqual([]);
    expect(result.messages.filter((m) => QUEUED_BEFORE.includes(m.key))).toEqual([]);
    // Same day, same rules, nothing new happened: nothing at all is owed that was not queued at 09:30.
    expect(result.messages).toEqual([]);
    const [row] = await queryRows<{ n: number }>(database.db, sql.raw('select count(*)::int as n from outbox'));
    expect(Number(row!.n)).toBe(QUEUED_BEFORE.length);
  });

  it("carries on N. Shackleton's update of 4.2.1 from its status step, in concerto-2017", async () => {
    const conversations = new DrizzleConversationStore(database.db);
    const now = '2017-10-30T09:50:00Z';
    expect(await conversations.load('cli:N. Shackleton', new Date(now).toISOString())).toMatchObject({
      flow: 'update',
      planId: plan.id,
      recId: '4.2.1',
      step: 'status',
      text: 'Prioritised plan circulated',
    });
    const reply = await ask(context(SHACKLETON, now, 'cli:N. Shackleton'), 'no');
    expect(reply.error).toBeUndefined();
    expect(reply.awaiting).toBe('delivery_date');
    expect(reply.items.map((i) => i.id)).toEqual(['4.2.1']);
    expect(reply.text).toMatch(/Delivery date is .*Has it moved\?/);
    expect(await conversations.load('cli:N. Shackleton', new Date(now).toISOString())).toMatchObject({
      flow: 'update',
      planId: plan.id,
      recId: '4.2.1',
      step: 'delivery_date',
      trail: ['update_text', 'status'],
      text: 'Prioritised plan circulated',
      status: null,
    });
  });

  it('keeps the identity links exactly', async () => {
    const rows = await queryRows<{ external_id: string; owner_name: string; auto: boolean; linked_by: string }>(
      database.db,
      sql.raw('select external_id, owner_name, auto, linked_by from identity_links order by external_id, owner_name'),
    );
    expect(rows).toEqual(IDENTITY_LINKS);
  });

  it('seeds afterwards without a second plan and without adding anything', async () => {
    const counts = await countRows(database);
    const seeded = await seedBundledPlan(plans(), { actor: 'seed', at: '2017-10-30T10:00:00.000Z' });
    expect(seeded.created).toBe(false);
    expect(seeded.added).toBe(0);
    expect(seeded.plan.id).toBe(plan.id);
    expect((await plans().list()).map((p) => p.key)).toEqual([BUNDLED_PLAN_KEY]);
    expect(await countRows(database)).toEqual(counts);
    // The work done before the upgrade is still in force.
    const rec = await plans().store(plan).get('4.1.1');
    expect(rec?.delivery.text).toBe('end of January 2018');
    expect((await plans().store(plan).get('9.3.1'))?.status).toBe('complete');
    expect(await plans().store(plan).get('9.4.1')).not.toBeNull();
  });

  it('migrates again as a no-op', async () => {
    const counts = await countRows(database);
    const shape = await schemaShape(database);
    await migrate(database);
    expect(await appliedMigrations(database)).toBe(MIGRATIONS_TODAY);
    expect(await countRows(database)).toEqual(counts);
    expect(await schemaShape(database)).toEqual(shape);
  });
});

describe.each(drivers)('migrating a fresh database on $name', (driver) => {
  let database: Database;
  beforeAll(async () => {
    database = (await driver.empty()).database;
  });
  afterAll(async () => database?.close());

  it('creates the schema with no plan, and a second migrate changes nothing', async () => {
    await migrate(database);
    expect(await appliedMigrations(database)).toBe(MIGRATIONS_TODAY);
    expect(await publicTables(database)).toEqual(expect.arrayContaining([...TABLES, 'plans', 'plan_choices']));
    expect(await new DrizzlePlanDirectory(database.db).list()).toEqual([]);
    expect(Object.values(await countRows(database)).every((n) => n === 0)).toBe(true);
    const shape = await schemaShape(database);
    await migrate(database);
    expect(await appliedMigrations(database)).toBe(MIGRATIONS_TODAY);
    expect(await schemaShape(database)).toEqual(shape);
    expect(await new DrizzlePlanDirectory(database.db).list()).toEqual([]);
  });
});
