import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import type { Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import type { PlanStore } from '../../src/core/ports.js';
import { auditEvents, updates } from '../../src/store/schema.js';
import { testDatabases } from '../helpers/databases.js';
import { at, bundledPlanInput, read } from '../helpers/plan.js';
import { importAs } from '../helpers/plan-stores.js';

const SEEDED = '2017-10-04T09:00:00.000Z';

describe.each(testDatabases)('plan store on $name', ({ open }) => {
  let database: Database;
  let store: PlanStore;
  const count = async (table: typeof auditEvents | typeof updates) =>
    (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

  beforeAll(async () => {
    database = await open();
    store = await importAs(database.db, bundledPlanInput(), SEEDED);
  });
  afterAll(async () => database?.close());

  it('migrates again without changing anything', async () => {
    await migrate(database);
    expect((await store.ids()).length).toBe(30);
  });

  it('loads the bundled plan in plan order, with themes and owners', async () => {
    const ids = await store.ids();
    expect(ids.slice(0, 5)).toEqual(['1.1', '3.4', '3.6', '4.0.1', '4.0.2']);
    expect(ids.at(-1)).toBe('9.3.1');
    expect(await store.themes()).toContain('Knowledge Skills and Experience');
    const rec = await store.get('4.2.3');
    expect(rec?.owners).toEqual(['SRO – Organisational Support']);
    expect(rec?.delivery).toMatchObject({ text: '31 March 2018', start: '2018-03-31', end: '2018-03-31', precision: 'day' });
  });

  it('imports the same plan again as a no-op: nothing added, changed or audited', async () => {
    const audits = await count(auditEvents);
    const summary = await store.importPlan(read(bundledPlanInput()), { actor: 'seed', source: 'import', at: '2017-10-05T09:00:00.000Z' });
    expect(summary).toEqual({ added: 0, changed: 0, unchanged: 30, updatesAdded: 0 });
    expect(await count(auditEvents)).toBe(audits);
  });

  it('finds exactly the open items whose window ended before a date', async () => {
    const overdue = await store.find({ openOnly: true, endBefore: '2017-10-04' });
    expect(overdue.map((r) => r.id)).toEqual(['1.1', '3.6', '4.0.1', '5.2', '9.2.1', '9.2.2']);
    const later = await store.find({ openOnly: true, endBefore: '2018-01-01' });
    expect(later.map((r) => r.id)).toEqual(
      expect.arrayContaining(['4.1.1', '4.1.2', '4.1.3', '9.1.1', '9.1.3', '9.2.3', '9.2.4', '9.3.1']),
    );
    expect(later.map((r) => r.id)).not.toContain('9.1.2'); // complete
  });

  it('filters by owner and theme, carrying only the latest update in lists', async () => {
    const karen = await store.find({ owners: ['Karen Georgiou'] });
    expect(karen.map((r) => r.id)).toEqual(['1.1', '3.4', '3.6', '4.0.1', '4.0.2', '5.1', '5.2', '5.3', '7.1']);
    const ict = await store.find({ themes: ['ICT'] });
    expect(ict.map((r) => r.id)).toEqual(['4.2.1', '4.2.2', '4.2.3']);
    expect(ict[1]!.updates).toHaveLength(1);
    expect((await store.get('4.2.2'))!.updates).toHaveLength(2);
  });

  it('commits an update, a status change and a date revision together, each audited, keeping the baseline', async () => {
    const saved = await store.change({
      ...at('2017-10-10T10:00:00.000Z'),
      actor: 'N. Shackleton',
      recId: '4.2.1',
      update: { date: '2017-10-10', text: 'Prioritised plan circulated', author: 'N. Shackleton', evidence: null },
      status: 'awaiting_decision',
      delivery: { text: 'end of next month', start: '2017-11-30', end: '2017-11-30', precision: 'day' },
    });
    expect(saved.status).toBe('awaiting_decision');
    expect(saved.delivery.text).toBe('end of next month');
    expect(saved.baseline.text).toBe('');
    expect(saved.revisions).toBe(1);
    const history = await store.history('4.2.1');
    expect(history.map((e) => e.action)).toEqual(['recommendation_added', 'update_posted', 'status_changed', 'date_revised']);
    expect(history[2]).toMatchObject({ actor: 'N. Shackleton', source: 'cli', before: 'on_going', after: 'awaiting_decision' });
    expect(history[3]!.at).toBe('2017-10-10T10:00:00.000Z');

    const again = await store.change({ ...at('2017-10-11T10:00:00.000Z'), recId: '4.2.1', delivery: { text: 'Q1 2018', start: '2018-01-01', end: '2018-03-31', precision: 'quarter' } });
    expect(again.revisions).toBe(2);
    expect(again.baseline.text).toBe('');
    expect((await store.exportPlan())!.recommendations.find((r) => r.id === '4.2.1')!.baseline).toBe('');
  });

  it('writes nothing when any part of a change fails', async () => {
    const before = await store.get('4.1.1');
    const [updatesBefore, auditsBefore] = [await count(updates), await count(auditEvents)];
    await expect(
      store.change({
        ...at('2017-10-12T10:00:00.000Z'),
        recId: '4.1.1',
        update: { date: '2017-10-12', text: 'half a change', author: 'x', evidence: null },
        status: 'complete',
        delivery: { text: 'broken', start: 'not a date', end: 'not a date', precision: 'day' },
      }),
    ).rejects.toThrow();
    expect(await store.get('4.1.1')).toEqual(before);
    expect([await count(updates), await count(auditEvents)]).toEqual([updatesBefore, auditsBefore]);
  });

  it('refuses to alter or delete audit events', async () => {
    await expect(database.db.execute(sql`update audit_events set actor = 'someone else'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it('keeps every one of many concurrent updates to one item', async () => {
    const n = 40;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        store.change({ ...at('2017-10-13T10:00:00.000Z'), recId: '9.3.1', update: { date: '2017-10-13', text: `update ${i}`, author: 'Chief Constables', evidence: null } }),
      ),
    );
    const rec = (await store.get('9.3.1'))!;
    expect(rec.updates).toHaveLength(n);
    expect(new Set(rec.updates.map((u) => u.text)).size).toBe(n);
    expect((await store.history('9.3.1')).filter((e) => e.action === 'update_posted')).toHaveLength(n);
  });

  it('says which item is missing', async () => {
    await expect(store.change({ ...at('2017-10-13T10:00:00.000Z'), recId: '4.9.9', status: 'complete' })).rejects.toThrow('There is no recommendation 4.9.9');
  });

  it('round-trips export → import → export', async () => {
    const exported = await store.exportPlan();
    const other = await testDatabases[0]!.open();
    try {
      const copy = await importAs(other.db, exported, '2017-10-14T10:00:00.000Z', 'concerto-2017', 'import');
      expect(await copy.exportPlan()).toEqual(exported);
    } finally {
      await other.close();
    }
  });

  it('stores conversations until they expire', async () => {
    const conversations = new DrizzleConversationStore(database.db);
    await conversations.save('cli:Karen', { step: 1 }, '2017-10-04T10:00:00.000Z', '2017-10-04T11:00:00.000Z');
    expect(await conversations.load('cli:Karen', '2017-10-04T10:30:00.000Z')).toEqual({ step: 1 });
    expect(await conversations.load('cli:Karen', '2017-10-04T11:00:01.000Z')).toBeNull();
    await conversations.clear('cli:Karen');
    expect(await conversations.load('cli:Karen', '2017-10-04T10:30:00.000Z')).toBeNull();
  });
});

describe.each(testDatabases)('seeding on $name', ({ open }) => {
  it('adds missing items but never undoes work done since', async () => {
    const database = await open();
    try {
      const store = await importAs(database.db, bundledPlanInput(), SEEDED);
      await store.change({ ...at('2017-10-10T10:00:00.000Z'), recId: '4.2.1', status: 'complete' });
      const summary = await store.importPlan(read(bundledPlanInput()), { actor: 'seed', source: 'import', at: '2017-10-11T10:00:00.000Z' }, undefined, { addOnly: true });
      expect(summary).toEqual({ added: 0, changed: 0, unchanged: 30, updatesAdded: 0 });
      expect((await store.get('4.2.1'))!.status).toBe('complete');
    } finally {
      await database.close();
    }
  });
});
