import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../src/store/bulk-insert.js';
import type { Database } from '../../src/store/database.js';
import { queryRows } from '../../src/store/query-rows.js';
import { identityLinks, outbox } from '../../src/store/schema.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * The many-row insert that imports and the scheduler's pass use: every value lands as given, whether
 * its column travels in the rows' JSON or, being the same in every row of a chunk, once as a parameter.
 */

const AT = '2017-10-04T08:00:00.000Z';

type OutboxRow = typeof outbox.$inferInsert;
const nudge = (n: number, over: Partial<OutboxRow> = {}): OutboxRow => ({
  key: `concerto-2017/nudge-overdue:${n}.1.1:U0${n}ABCD:2017-10-04`,
  planId: 1,
  kind: 'nudge-overdue',
  item: `${n}.1.1`,
  recipient: `U0${n}ABCD`,
  payload: { kind: 'nudge-overdue', itemId: `${n}.1.1`, on: '2017-10-04' },
  status: 'pending',
  nextAttemptAt: AT,
  createdAt: AT,
  ...over,
});

describe.each(testDatabases)('bulk insert on $name', (target) => {
  let database: Database;
  const statements: string[] = [];
  beforeAll(async () => {
    database = await target.open({ onQuery: (q) => statements.push(q) });
  });
  afterAll(async () => database?.close());
  beforeEach(async () => {
    await database.db.execute(sql`delete from outbox`);
    await database.db.execute(sql`delete from identity_links`);
    statements.length = 0;
  });

  const stored = () =>
    queryRows<{ key: string; plan_id: number | null; kind: string; item: string | null; recipient: string; payload: unknown; status: string; next_attempt_at: unknown; created_at: unknown; attempts: number }>(
      database.db,
      sql`select key, plan_id, kind, item, recipient, payload, status, next_attempt_at::text as next_attempt_at, created_at::text as created_at, attempts from outbox order by key`,
    );
  const inserts = () => statements.filter((s) => s.startsWith('insert into'));

  it('stores every row as given when most columns are the same in every row, and sends those once', async () => {
    const rows = Array.from({ length: 7 }, (_, n) => nudge(n));
    await bulkInsert(database.db, outbox, rows);
    const got = await stored();
    expect(got).toHaveLength(7);
    expect(got.map((r) => r.key)).toEqual(rows.map((r) => r.key).sort());
    for (const r of got) {
      const n = Number(r.item!.split('.')[0]);
      expect(r).toMatchObject({ plan_id: 1, kind: 'nudge-overdue', recipient: `U0${n}ABCD`, payload: { kind: 'nudge-overdue', itemId: `${n}.1.1`, on: '2017-10-04' }, status: 'pending', attempts: 0 });
      expect(Date.parse(String(r.next_attempt_at).replace(' ', 'T').replace(/\+00$/, 'Z'))).toBe(Date.parse(AT));
      expect(Date.parse(String(r.created_at).replace(' ', 'T').replace(/\+00$/, 'Z'))).toBe(Date.parse(AT));
    }
    // Only the columns that differ row to row are in the JSON's record shape.
    const [statement] = inserts();
    expect(statement).toMatch(/as x\("key" text, "item" text, "recipient" text, "payload" jsonb\)/);
  });

  it('keeps a null that every row shares, and a value that differs in one row only', async () => {
    const rows = [nudge(1, { planId: null }), nudge(2, { planId: null }), nudge(3, { planId: null, kind: 'nudge-due' })];
    await bulkInsert(database.db, outbox, rows);
    const got = await stored();
    expect(got.map((r) => [r.item, r.plan_id, r.kind])).toEqual([
      ['1.1.1', null, 'nudge-overdue'],
      ['2.1.1', null, 'nudge-overdue'],
      ['3.1.1', null, 'nudge-due'],
    ]);
  });

  it('keeps a JSON value that every row shares, a string included, as JSON', async () => {
    const rows = [1, 2, 3].map((n) => nudge(n, { payload: 'as-is' as never }));
    await bulkInsert(database.db, outbox, rows);
    const got = await queryRows<{ kind: string }>(database.db, sql`select jsonb_typeof(payload) as kind from outbox`);
    expect(got.map((r) => r.kind)).toEqual(['string', 'string', 'string']);
  });

  it('stores a boolean every row shares, and a single row', async () => {
    const link = (n: number, auto: boolean) => ({ externalId: `U0${n}ABCD`, ownerName: `Owner ${n}`, auto, linkedBy: 'U0ADMIN1', linkedAt: AT });
    await bulkInsert(database.db, identityLinks, [link(1, false), link(2, false), link(3, false)]);
    await bulkInsert(database.db, identityLinks, [link(4, true)]);
    const got = await queryRows<{ external_id: string; auto: boolean; linked_by: string }>(database.db, sql`select external_id, auto, linked_by from identity_links order by external_id`);
    expect(got).toEqual([
      { external_id: 'U01ABCD', auto: false, linked_by: 'U0ADMIN1' },
      { external_id: 'U02ABCD', auto: false, linked_by: 'U0ADMIN1' },
      { external_id: 'U03ABCD', auto: false, linked_by: 'U0ADMIN1' },
      { external_id: 'U04ABCD', auto: true, linked_by: 'U0ADMIN1' },
    ]);
  });

  it('inserts rows that are the same in every column, skipping the conflicts when asked', async () => {
    await bulkInsert(database.db, outbox, [nudge(5), nudge(5), nudge(5)], { onConflictDoNothing: true });
    expect((await stored()).map((r) => r.key)).toEqual([nudge(5).key]);
    await bulkInsert(database.db, outbox, [nudge(5), nudge(6)], { onConflictDoNothing: true });
    expect((await stored()).map((r) => r.key)).toEqual([nudge(5).key, nudge(6).key]);
  });

  it('decides per chunk which columns are shared', async () => {
    // The first chunk shares its kind; the second does not.
    const rows = [nudge(1), nudge(2), nudge(3, { kind: 'nudge-due' }), nudge(4), nudge(5, { kind: 'nudge-stale' })];
    await bulkInsert(database.db, outbox, rows, { chunk: 2 });
    expect((await stored()).map((r) => [r.item, r.kind])).toEqual([
      ['1.1.1', 'nudge-overdue'],
      ['2.1.1', 'nudge-overdue'],
      ['3.1.1', 'nudge-due'],
      ['4.1.1', 'nudge-overdue'],
      ['5.1.1', 'nudge-stale'],
    ]);
    expect(inserts()).toHaveLength(3);
  });
});
