import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/scheduler/dispatcher.js';
import { slackNotifier } from '../../src/slack/notifier.js';
import { testDatabases } from '../helpers/databases.js';
import { startFakeSlack, type FakeCall, type FakeSlack } from '../helpers/fake-slack.js';
import { planStore } from '../helpers/plan-stores.js';
import { openReminders, type ReminderHarness } from '../helpers/reminders.js';

/**
 * The weekly digest of a plan with 200 overdue items, sent through the real notifier to a fake Slack
 * that paces chat.postMessage as Slack does: a second message to a channel within a second of the
 * last one it accepted there is answered 429, Retry-After 1. Real clock, real sleep: the dispatcher
 * must space the summary and each of its thread parts itself, and lose none of them.
 */

/** Outbox keys start with the plan's key. */
const KEY = 'concerto-2017/digest:CBOARD:2017-12-04';
const OVERDUE = 200;

describe.each(testDatabases)('a 200-item weekly digest against Slack\'s pacing on $name', (target) => {
  let h: ReminderHarness;
  let fake: FakeSlack;

  beforeAll(async () => {
    h = await openReminders(target);
    fake = await startFakeSlack();
    const lastAccepted = new Map<string, number>();
    fake.failFor('chat.postMessage', (body) => {
      const now = Date.now();
      const last = lastAccepted.get(body.channel);
      if (last !== undefined && now - last < 1000) return { status: 429, retryAfter: 1 };
      lastAccepted.set(body.channel, now);
      return null;
    });
    // The bundled plan's digest for Mon 4 Dec 2017, its overdue list grown to 200, queued now.
    await h.tick('2017-12-04T10:00:00Z');
    const digest = (await h.rows()).find((r) => r.key === KEY)!;
    await h.clearOutbox();
    const one = digest.payload.overdue[0];
    const overdue = Array.from({ length: OVERDUE }, (_, i) => ({ ...one, id: `${100 + Math.floor(i / 10)}.${i % 10}`, title: `Overdue item number ${i + 1}` }));
    const plan = (await (await planStore(h.database.db)).plan())!;
    await h.outbox.enqueue([{ key: KEY, planId: plan.id, kind: 'digest', item: null, recipient: 'CBOARD', payload: { ...digest.payload, overdue } as never }], new Date().toISOString());
  });
  afterAll(async () => {
    await fake?.close();
    await h?.close();
  });

  it('posts the summary and every part exactly once, every part in the summary\'s thread, and records each row sent', async () => {
    const notifier = slackNotifier({ botToken: 'xoxb-test', apiUrl: fake.url });
    await drainOutbox(h.outbox, notifier, { now: () => new Date() }, (ms) => sleep(ms), 30);

    const rows = await h.rows();
    expect(rows.filter((r) => r.status !== 'sent').map((r) => [r.key, r.status, r.lastError])).toEqual([]);
    const summaryRow = rows.find((r) => r.key === KEY)!;
    const partRows = rows.filter((r) => r.key !== KEY);
    // 205 lines (three headings, 200 items, "none" twice) at most 40 a part.
    expect(partRows.map((r) => [r.key, r.kind])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [`${KEY}#${n}`, 'digest_part']));

    const accepted = fake.callsTo('chat.postMessage').filter((c) => !c.fault);
    const top = accepted.filter((c) => !c.body.thread_ts);
    expect(top).toHaveLength(1);
    expect(String(top[0]!.body.text)).toMatch(/^Weekly digest — concerto-2017: Concerto Action Plan, 4 Dec 2017: 200 overdue, /);
    const replies = accepted.filter((c) => c.body.thread_ts);
    expect(replies.map((c) => c.body.thread_ts)).toEqual(Array(6).fill(summaryRow.slackTs));
    expect(replies.map((c) => c.body.text)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Weekly digest 4 Dec 2017: details, part ${n} of 6`));
    expect(new Set(partRows.map((r) => r.slackTs)).size).toBe(6);

    // Every overdue item exactly once, in order, across the thread.
    const listed = replies.flatMap((c: FakeCall) => [...JSON.stringify(c.body.blocks).matchAll(/• \*([\d.]+)\* Overdue item number (\d+) /g)].map((m) => Number(m[2])));
    expect(listed).toEqual(Array.from({ length: OVERDUE }, (_, i) => i + 1));
    expect(accepted.every((c) => c.body.channel === 'CBOARD')).toBe(true);
  }, 20_000);
});
