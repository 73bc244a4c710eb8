import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDirectory } from '../../src/core/ports.js';
import type { NudgeNotice, SendableMessage } from '../../src/core/reminders/outbox-message.js';
import { dispatchOnce } from '../../src/scheduler/dispatcher.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { ModelPlanDirectory } from '../../src/store/read-model/model-plan-directory.js';
import { ReadModel } from '../../src/store/read-model/read-model.js';
import { testDatabases } from '../helpers/databases.js';
import { planStore } from '../helpers/plan-stores.js';
import { openReminders, type ReminderHarness } from '../helpers/reminders.js';

/**
 * A pass queues a nudge as which item, which day and which plan; the item is read when the nudge's
 * turn comes. On Thu 23 Nov 2017 at 10:00 the pass owes 16 nudges (scheduler-ticks.test.ts); before
 * they go, Rachel Wilkinson posts an update on 4.1.1 and Karen Georgiou completes 1.1. The nudges
 * go out showing the update, and the three about 1.1 are not sent, with the reason recorded. Read
 * through the tables (`concerto tick`) and through a server's read model (`concerto serve`).
 */
const PLAN = 'concerto-2017';
const QUEUED_AT = '2017-11-23T10:00:00Z';
const SENT_FROM = '2017-11-23T10:05:00Z';

describe.each(testDatabases)('nudges read at sending on $name', (target) => {
  describe.each(['the tables', 'a read model'] as const)('through %s', (through) => {
    let h: ReminderHarness;
    let model: ReadModel | null = null;
    let sent: SendableMessage[];

    beforeAll(async () => {
      h = await openReminders(target);
      const queued = await h.tick(QUEUED_AT);
      expect(queued.messages).toHaveLength(17);
      const store = await planStore(h.database.db);
      const meta = (actor: string) => ({ actor, source: 'slack' as const, at: '2017-11-23T10:02:00.000Z' });
      await store.change({ ...meta('Rachel Wilkinson'), recId: '4.1.1', update: { date: '2017-11-23', text: 'Draft strategy went to the board today.', author: 'Rachel Wilkinson', evidence: null } });
      await store.change({ ...meta('Karen Georgiou'), recId: '1.1', status: 'complete' });

      let plans: PlanDirectory = new DrizzlePlanDirectory(h.database.db);
      if (through === 'a read model') {
        // Built before the changes above would be the harder case; built now, it must still be confirmed per pass.
        model = await ReadModel.open(h.database);
        await model.warm();
        plans = new ModelPlanDirectory(plans, model);
      }
      sent = [];
      const notifier = { send: async (m: SendableMessage) => (sent.push(m), { outcome: 'sent' as const, ref: `${sent.length}.0` }) };
      const outbox = new OutboxStore(h.database.db);
      h.clock.set(SENT_FROM);
      const pass = () => dispatchOnce(outbox, notifier, h.clock, 20, plans);
      while ((await (model ? model.request(pass) : pass())).claimed > 0) h.clock.advance(1_000);
    });
    afterAll(async () => {
      await model?.close();
      await h?.close();
    });

    it('shows the item as it is when the nudge goes: the update posted after it was queued', () => {
      const nudge = sent.find((m) => m.key === `${PLAN}/due_soon:4.1.1:URW:2017-11-23`)!.payload as NudgeNotice;
      expect(nudge.item).toMatchObject({ id: '4.1.1', owners: ['Rachel Wilkinson'], status: 'on_going', delivery: { text: 'November 2017', end: '2017-11-30' }, overdue: false });
      expect(nudge.lastUpdate).toMatchObject({ date: '2017-11-23', text: 'Draft strategy went to the board today.', author: 'Rachel Wilkinson' });
      expect(nudge.plan).toEqual({ key: PLAN, title: expect.any(String) });
      const cc = sent.find((m) => m.key === `${PLAN}/due_soon:9.3.1:UCC:2017-11-23`)!.payload as NudgeNotice;
      expect(cc.item).toMatchObject({ id: '9.3.1', delivery: { text: 'Autumn 2017', end: '2017-11-30' } });
      expect(cc.lastUpdate).toBeNull();
    });

    it('does not send the nudges about an item completed before they went, and records why', async () => {
      expect(sent.filter((m) => m.key.includes(':1.1:'))).toEqual([]);
      const rows = await h.rows();
      const about11 = rows.filter((r) => r.item === '1.1' && r.kind !== 'digest');
      expect(about11.map((r) => r.recipient).sort()).toEqual(['UKG', 'UPO1', 'UPO2']);
      for (const r of about11) expect(r).toMatchObject({ status: 'dead', lastError: 'not sent: 1.1 was Complete by the time it was due to go', sentAt: null });
    });

    it('sends everything else once: the other 13 nudges, and the digest with its details threaded after it', async () => {
      const kinds = sent.map((m) => m.payload.kind);
      expect(kinds.filter((k) => k !== 'digest' && k !== 'digest_part')).toHaveLength(13);
      expect(kinds.filter((k) => k === 'digest')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'digest_part').length).toBeGreaterThan(0);
      expect(new Set(sent.map((m) => m.key)).size).toBe(sent.length);
      const rows = await h.rows();
      expect(rows.filter((r) => r.status === 'sent').map((r) => r.key).sort()).toEqual(sent.map((m) => m.key).sort());
      expect(rows.filter((r) => r.status === 'pending')).toEqual([]);
    });
  });
});

describe.each(testDatabases)('a nudge whose item cannot be read at sending on $name', (target) => {
  let h: ReminderHarness;
  beforeAll(async () => {
    h = await openReminders(target);
    await h.tick(QUEUED_AT);
  });
  afterAll(async () => h?.close());

  it('goes back to the queue unsent, its attempt given back, and the pass fails with the reason', async () => {
    const real = new DrizzlePlanDirectory(h.database.db);
    const down: PlanDirectory = Object.create(real, {
      byId: { value: async () => Promise.reject(new Error('the database went away')) },
    });
    const given: SendableMessage[] = [];
    const notifier = { send: async (m: SendableMessage) => (given.push(m), { outcome: 'sent' as const, ref: '1.0' }) };
    h.clock.set(SENT_FROM);
    const before = await h.rows();
    await expect(dispatchOnce(new OutboxStore(h.database.db), notifier, h.clock, 20, down)).rejects.toThrow('the database went away');
    // The digest (first in the queue, no item to read) may have gone; no nudge did, and none is left "sending".
    expect(given.every((m) => m.payload.kind === 'digest')).toBe(true);
    const after = await h.rows();
    const nudges = after.filter((r) => r.kind !== 'digest' && r.kind !== 'digest_part');
    expect(nudges.map((r) => [r.key, r.status, r.attempts])).toEqual(before.filter((r) => r.kind !== 'digest').map((r) => [r.key, 'pending', 0]));

    // With the database back, the next pass sends them.
    const sent = await h.send(SENT_FROM);
    expect(sent.filter((m) => m.payload.kind !== 'digest' && m.payload.kind !== 'digest_part')).toHaveLength(16);
  });
});
