import { queryRows } from '../../src/store/query-rows.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTime } from '../../src/core/reminders/local-time.js';
import { runTick, type TickResult } from '../../src/scheduler/tick.js';
import type { Database } from '../../src/store/database.js';
import { testDatabases } from '../helpers/databases.js';
import {
  DIGEST_CHANNEL,
  ENDING_30_NOV,
  keysOf,
  LONDON,
  openReminders,
  secondConnection,
  type OutboxRow,
  type ReminderHarness,
} from '../helpers/reminders.js';

/**
 * `runTick` against a real database: the bundled plan (as at 4 Oct 2017) with Rachel Wilkinson
 * (URW), the Chief Constables (UCC), Karen Georgiou (UKG) and the two members of the Portfolio
 * Office (UPO1, UPO2) linked, the default rules and a digest channel. What a plan manager expects
 * to go out, when, and only once.
 */

const londonDate = (instant: string) => localTime(new Date(instant), LONDON).date;

/** Every hour from `from` (inclusive) to `to` (exclusive), as ISO instants. */
function hourly(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += 3_600_000) out.push(new Date(t).toISOString());
  return out;
}

/** Outbox keys start with the plan's key; the pure rules' keys do not. */
const PLAN = 'concerto-2017';
const inPlan = (key: string) => `${PLAN}/${key}`;

/** The date a key is for: its last `:`-separated part. */
const keyDate = (key: string) => key.split(':').at(-1)!;

const fourKeys = (kind: string, on: string) => ENDING_30_NOV.map(([item, to]) => inPlan(`${kind}:${item}:${to}:${on}`)).sort();

/** The other linked owners' open items: Karen Georgiou and the Portfolio Office own all four together. */
const KG_PO_OPEN = ['1.1', '3.6', '4.0.1', '5.2'];
const KG_PO = ['UKG', 'UPO1', 'UPO2'];

describe.each(testDatabases)('scheduler passes on $name', (target) => {
  let h: ReminderHarness;
  let other: Database | null;
  beforeAll(async () => {
    h = await openReminders(target);
    other = await secondConnection(h.database);
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  describe('through late November 2017', () => {
    beforeAll(async () => h.clearOutbox());

    /** Keys in the outbox now. */
    const keys = async () => new Set((await h.rows()).map((r) => r.key));

    /** Ticks at `at` and checks it adds exactly what the pure rules decide there and the outbox lacks (plus `digest`, if given). */
    async function tickAdds(at: string, digest: string | null): Promise<TickResult> {
      const before = await keys();
      const expected = keysOf((await h.expectedNudges(at)).filter((d) => !before.has(inPlan(d.key)))).map(inPlan);
      const result = await h.tick(at);
      expect(result.skipped).toBe(false);
      expect(keysOf(result.messages)).toEqual([...expected, ...(digest ? [inPlan(digest)] : [])].sort());
      const after = await keys();
      expect(after.size).toBe(before.size + result.messages.length);
      for (const m of result.messages) expect(after.has(m.key)).toBe(true);
      return result;
    }

    it('before 09:00 London (GMT in November) on Thu 23 Nov: no nudge for that day, only the catch-up of Monday\'s digest', async () => {
      expect(await h.expectedNudges('2017-11-23T08:59:00Z')).toEqual([]);
      const early = await h.tick('2017-11-23T08:00:00Z');
      expect(early).toEqual({ skipped: false, messages: [{ kind: 'digest', item: null, to: DIGEST_CHANNEL, key: inPlan('digest:CBOARD:2017-11-20') }] });
      const justBefore = await h.tick('2017-11-23T08:59:00Z');
      expect(justBefore).toEqual({ skipped: false, messages: [] });
      expect((await h.rows()).map((r) => r.key)).toEqual([inPlan('digest:CBOARD:2017-11-20')]);
    });

    it('Thu 23 Nov 10:00Z: "due soon" for the four items ending 30 Nov, plus one catch-up per other open item and person, once', async () => {
      const result = await tickAdds('2017-11-23T10:00:00Z', null);
      const messages = result.messages;

      // Hand-checked: a week before 30 Nov.
      const dueSoon = messages.filter((m) => m.kind === 'due_soon');
      expect(keysOf(dueSoon)).toEqual(fourKeys('due_soon', '2017-11-23'));
      expect(dueSoon.map((m) => [m.item, m.to]).sort()).toEqual(ENDING_30_NOV.map(([i, t]) => [i, t]).sort());

      // The rest, hand-checked: the September items of Karen Georgiou and the Portfolio Office (1.1, 3.6,
      // 4.0.1, 5.2: overdue since 30 Sep, chased weekly on Mondays) get one catch-up each for each of the
      // three people: the latest chase that has fallen due, Mon 20 Nov; not the older "no update" nudge
      // of 3 Nov, which it overtook.
      const rest = messages.filter((m) => m.kind !== 'due_soon');
      expect(keysOf(rest)).toEqual(KG_PO_OPEN.flatMap((i) => KG_PO.map((p) => inPlan(`overdue:${i}:${p}:2017-11-20`))).sort());
      expect(messages).toHaveLength(4 + 12);
      // Closed items (4.1.4 complete) and unlinked owners (4.2.1 N. Shackleton) are never chased.
      expect(messages.filter((m) => ['4.1.4', '4.2.1', '9.1.1', '3.4'].includes(m.item ?? ''))).toEqual([]);

      const rows = await h.rows();
      expect(rows).toHaveLength(1 + 16);
      for (const r of rows.filter((r) => r.kind !== 'digest')) {
        expect(r).toMatchObject({ status: 'pending', attempts: 0, createdAt: '2017-11-23T10:00:00.000Z', nextAttemptAt: '2017-11-23T10:00:00.000Z' });
        // A nudge is queued as which item and which day (plan_id says which plan); the item is read when it is sent.
        expect(r.payload).toEqual({ kind: r.kind, itemId: r.item, on: keyDate(r.key) });
      }
    });

    it('three more passes the same day (same minute, a minute later, the afternoon) add nothing', async () => {
      const before = await h.rows();
      for (const at of ['2017-11-23T10:00:00Z', '2017-11-23T10:01:00Z', '2017-11-23T16:30:00Z']) {
        expect(await h.tick(at)).toEqual({ skipped: false, messages: [] });
      }
      expect(await h.rows()).toEqual(before);
    });

    it('Fri 24 Nov adds nothing: the "no update" nudge of 3 Nov was overtaken by Thursday\'s "due soon"', async () => {
      expect(await h.tick('2017-11-24T10:00:00Z')).toEqual({ skipped: false, messages: [] });
      expect(await h.expectedNudges('2017-11-24T10:00:00Z')).toEqual(
        expect.arrayContaining([expect.objectContaining({ key: 'due_soon:4.1.1:URW:2017-11-23' })]),
      );
    });

    it('nothing at all on Sat 25 and Sun 26 Nov, ticking every hour', async () => {
      const before = (await h.rows()).length;
      for (const at of hourly('2017-11-25T00:00:00Z', '2017-11-27T00:00:00Z')) {
        const r = await h.tick(at);
        expect(r.messages, at).toEqual([]);
      }
      expect(await h.rows()).toHaveLength(before);
    });

    it('Wed 29 Nov: "due soon" again, the day before', async () => {
      // Monday 27 Nov first (its content is checked against the pure rules), then Tuesday: nothing new.
      await tickAdds('2017-11-27T10:00:00Z', 'digest:CBOARD:2017-11-27');
      expect((await h.tick('2017-11-28T10:00:00Z')).messages).toEqual([]);
      const r = await tickAdds('2017-11-29T10:00:00Z', null);
      expect(keysOf(r.messages)).toEqual(fourKeys('due_soon', '2017-11-29'));
    });

    it('Thu 30 Nov 10:00Z: "due today" for the four, and nothing else', async () => {
      const r = await tickAdds('2017-11-30T10:00:00Z', null);
      expect(keysOf(r.messages)).toEqual(fourKeys('due_today', '2017-11-30'));
      expect(r.messages.every((m) => m.kind === 'due_today')).toBe(true);
    });

    it('Fri 1 Dec 10:00Z: "overdue" for the four', async () => {
      const r = await tickAdds('2017-12-01T10:00:00Z', null);
      expect(keysOf(r.messages)).toEqual(fourKeys('overdue', '2017-12-01'));
    });

    it('nothing at all on Sat 2 and Sun 3 Dec', async () => {
      const before = (await h.rows()).length;
      for (const at of hourly('2017-12-02T00:00:00Z', '2017-12-04T00:00:00Z')) expect((await h.tick(at)).messages, at).toEqual([]);
      expect(await h.rows()).toHaveLength(before);
    });

    it('Mon 4 Dec 10:00Z: the weekly digest to CBOARD, and no second "overdue" for 4.1.1 (that is Fri 8 Dec)', async () => {
      const r = await tickAdds('2017-12-04T10:00:00Z', 'digest:CBOARD:2017-12-04');
      expect(r.messages.filter((m) => m.kind === 'digest')).toEqual([{ kind: 'digest', item: null, to: 'CBOARD', key: inPlan('digest:CBOARD:2017-12-04') }]);
      expect(r.messages.filter((m) => m.kind === 'overdue' && ENDING_30_NOV.some(([i]) => i === m.item))).toEqual([]);
      const digest = (await h.rows()).find((row) => row.key === inPlan('digest:CBOARD:2017-12-04'))!;
      expect(digest).toMatchObject({ kind: 'digest', item: null, recipient: 'CBOARD', status: 'pending' });
      expect(digest.payload).toMatchObject({ kind: 'digest', on: '2017-12-04', planTitle: 'Concerto Action Plan', total: 30 });
      expect(digest.payload.overdue.map((i: { id: string }) => i.id)).toEqual(
        ['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1'],
      );

      const overdue411 = async () => (await h.rows()).filter((row) => row.kind === 'overdue' && row.item === '4.1.1').map((row) => row.key);
      expect(await overdue411()).toEqual([inPlan('overdue:4.1.1:URW:2017-12-01')]);
      // Nothing in between: in particular no "no update" nudge the day after a chase (1.1's 60-day one fell on Mon 4 Dec too).
      for (const at of ['2017-12-05T10:00:00Z', '2017-12-06T10:00:00Z', '2017-12-07T10:00:00Z']) expect((await h.tick(at)).messages, at).toEqual([]);
      expect(await overdue411()).toEqual([inPlan('overdue:4.1.1:URW:2017-12-01')]);
      await tickAdds('2017-12-08T10:00:00Z', null);
      expect(await overdue411()).toEqual([inPlan('overdue:4.1.1:URW:2017-12-01'), inPlan('overdue:4.1.1:URW:2017-12-08')]);
    });

    it('over the whole run: every key once, nothing dated or created at a weekend, every nudge for a working day at or after 09:00', async () => {
      const rows = await h.rows();
      const counted = await queryRows<{ key: string; n: number }>(h.database.db, sql`select key, count(*)::int as n from outbox group by key having count(*) > 1`);
      expect(counted).toEqual([]);
      const weekend = ['2017-11-25', '2017-11-26', '2017-12-02', '2017-12-03'];
      expect(rows.filter((r) => weekend.includes(londonDate(r.createdAt)) || weekend.includes(keyDate(r.key)))).toEqual([]);
      for (const r of rows.filter((row) => row.kind !== 'digest')) {
        expect(localTime(new Date(r.createdAt), LONDON).minutes).toBeGreaterThanOrEqual(9 * 60);
      }
    });
  });

  describe('Christmas 2017 (Mon 25 and Tue 26 Dec are bank holidays)', () => {
    let rows: OutboxRow[];
    beforeAll(async () => {
      await h.clearOutbox();
      await h.tick('2017-12-21T10:00:00Z');
      for (const at of hourly('2017-12-22T00:00:00Z', '2017-12-28T00:00:00Z')) await h.tick(at);
      rows = await h.rows();
    });

    const HOLIDAYS = ['2017-12-25', '2017-12-26'];

    it('no row of any kind is created on the 25th or 26th, or dated for them', async () => {
      expect(rows.filter((r) => HOLIDAYS.includes(keyDate(r.key)) || HOLIDAYS.includes(String(r.payload.on)))).toEqual([]);
      expect(rows.filter((r) => HOLIDAYS.includes(londonDate(r.createdAt)))).toEqual([]);
      // Nor at the weekend before.
      expect(rows.filter((r) => ['2017-12-23', '2017-12-24'].includes(londonDate(r.createdAt)))).toEqual([]);
    });

    it('the weekly overdue chases go out on the Friday before and the Wednesday after', async () => {
      const added = (day: string) => rows.filter((r) => r.kind !== 'digest' && londonDate(r.createdAt) === day).map((r) => r.key).sort();
      expect(added('2017-12-22')).toEqual(fourKeys('overdue', '2017-12-22'));
      // 1.1, 3.6, 4.0.1 and 5.2: overdue on Mondays; the one named for Christmas Day waits for Wed 27th.
      expect(added('2017-12-27')).toEqual(KG_PO_OPEN.flatMap((i) => KG_PO.map((p) => inPlan(`overdue:${i}:${p}:2017-12-27`))).sort());
      expect(rows.filter((r) => r.kind !== 'digest' && londonDate(r.createdAt) === '2017-12-27').every((r) => r.createdAt === '2017-12-27T09:00:00.000Z')).toBe(true);
    });

    it('the digest of Christmas Day moves to Fri 22 Dec and is queued then, at 09:00, once', async () => {
      expect(rows.filter((r) => r.kind === 'digest').map((r) => [r.key, r.createdAt])).toEqual([
        [inPlan('digest:CBOARD:2017-12-18'), '2017-12-21T10:00:00.000Z'],
        [inPlan('digest:CBOARD:2017-12-22'), '2017-12-22T09:00:00.000Z'],
      ]);
    });
  });

  describe('concurrent passes', () => {
    beforeAll(async () => h.clearOutbox());

    async function race(at: string) {
      const databases = [h.database, other ?? h.database];
      const now = new Date(at);
      const results = await Promise.all([0, 1, 2, 3, 4].map((i) => runTick(databases[i % 2]!, now, h.settings)));
      return results;
    }

    it.each(['2017-11-23T10:00:00Z', '2017-11-30T10:00:00Z', '2017-12-04T10:00:00Z'])('five passes racing at %s write each key exactly once', async (at) => {
      const before = new Set((await h.rows()).map((r) => r.key));
      const expected = keysOf((await h.expectedNudges(at)).filter((d) => !before.has(inPlan(d.key)))).map(inPlan);
      const results = await race(at);

      const counts = await queryRows<{ key: string; n: number }>(h.database.db, sql`select key, count(*)::int as n from outbox group by key order by key`);
      expect(counts.length).toBeGreaterThan(0);
      expect(counts.filter((c) => Number(c.n) !== 1)).toEqual([]);

      // Exactly one pass did the work: the others were skipped or found everything already queued.
      const working = results.filter((r) => r.messages.length > 0);
      expect(working).toHaveLength(1);
      expect(results.filter((r) => r.skipped || r.messages.length === 0)).toHaveLength(4);
      const added = (await h.rows()).map((r) => r.key).filter((k) => !before.has(k)).sort();
      expect(keysOf(working[0]!.messages)).toEqual(added);
      expect(added.filter((k) => !k.startsWith(inPlan('digest:')))).toEqual(expected);
      expect(added.length).toBeGreaterThan(0);
    });

    // PGlite has one connection: its transactions run one after another, so only PostgreSQL can hold the lock meanwhile.
    it.runIf(target.name === 'postgres')('on PostgreSQL a pass on another connection that finds the lock held is skipped', async () => {
      if (!other) throw new Error('no second connection');
      // Hold the lock in one transaction while another pass runs on the other connection.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = h.database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7291002)`);
        locked();
        await held;
      });
      await isLocked;
      const skipped = await runTick(other, new Date('2017-12-08T10:00:00Z'), h.settings);
      release();
      await holder;
      expect(skipped).toEqual({ skipped: true, messages: [] });
      expect((await h.rows()).filter((r) => r.key.endsWith(':2017-12-08'))).toEqual([]);
      const after = await runTick(other, new Date('2017-12-08T10:00:00Z'), h.settings);
      expect(after.skipped).toBe(false);
      expect(keysOf(after.messages)).toEqual(fourKeys('overdue', '2017-12-08'));
    });
  });

  describe('--dry-run', () => {
    beforeAll(async () => h.clearOutbox());

    it('returns the messages a real pass would queue and writes no row; the real pass then queues exactly those', async () => {
      const at = '2017-11-23T10:00:00Z';
      const dry = await h.tick(at, true);
      expect(dry.skipped).toBe(false);
      const expected = [...keysOf(await h.expectedNudges(at)).map(inPlan), inPlan('digest:CBOARD:2017-11-20')].sort();
      expect(keysOf(dry.messages)).toEqual(expected);
      expect(dry.messages).toHaveLength(17);
      expect(await h.rows()).toEqual([]);

      const again = await h.tick(at, true);
      expect(again).toEqual(dry);
      expect(await h.rows()).toEqual([]);

      const real = await h.tick(at);
      expect(real).toEqual(dry);
      expect((await h.rows()).map((r) => r.key).sort()).toEqual(expected);

      const dryAfter = await h.tick(at, true);
      expect(dryAfter).toEqual({ skipped: false, messages: [] });
      expect(await h.rows()).toHaveLength(17);
    });
  });
});

it.each(testDatabases)('a first pass on a Saturday queues nothing on $name', async (target) => {
  const h = await openReminders(target);
  try {
    expect((await h.tick('2017-12-02T10:00:00Z')).messages).toEqual([]);
  } finally {
    await h.close();
  }
});
