import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notifier, OutboxMessage, SendOutcome } from '../../src/core/reminders/outbox-message.js';
import { dispatchOnce, drainOutbox } from '../../src/scheduler/dispatcher.js';
import { slackNotifier } from '../../src/slack/notifier.js';
import type { Database } from '../../src/store/database.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { testDatabases } from '../helpers/databases.js';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { openReminders, secondConnection, type ReminderHarness } from '../helpers/reminders.js';

/**
 * A 429 from Slack pauses all sending, not just the message it answered: Slack's Retry-After is
 * about our app, and several instances share one outbox. The clock is injected and moved by hand.
 */

const T0 = '2017-11-23T10:00:05.000Z';
const QUEUED_AT = '2017-11-23T10:00:00.000Z';
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe.each(testDatabases)('a rate limit pauses every send on $name', (target) => {
  let h: ReminderHarness;
  let other: Database | null;
  let fake: FakeSlack;
  let notifier: Notifier;
  let payload: never;
  let planId: number | null;

  beforeAll(async () => {
    h = await openReminders(target);
    other = await secondConnection(h.database);
    await h.tick('2017-11-23T10:00:00Z');
    const due = (await h.rows()).find((r) => r.kind === 'due_soon')!;
    payload = due.payload as never;
    planId = due.planId;
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });
  beforeEach(async () => {
    await h.clearOutbox();
    fake = await startFakeSlack();
    notifier = slackNotifier({ botToken: 'xoxb-test', apiUrl: fake.url });
  });
  afterEach(async () => fake?.close());

  const posts = () => fake.callsTo('chat.postMessage');
  const sent = () => posts().filter((c) => !c.fault);
  const row = async (key: string) => (await h.rows()).find((r) => r.key === key)!;
  const once = (at: string, n: Notifier = notifier) => {
    h.clock.set(at);
    return dispatchOnce(h.outbox, n, h.clock);
  };
  async function queue(recipients: string[], at = QUEUED_AT) {
    await h.outbox.enqueue(recipients.map((to) => ({ key: `nudge:${to}`, planId, kind: 'due_soon', item: '4.1.1', recipient: to, payload })), at);
  }

  it('three recipients, the first send is 429 Retry-After 5: one call in that pass, nothing to anyone before +5 s, all three after', async () => {
    await queue(['UA', 'UB', 'UC']);
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 5 });

    const first = await once(T0);
    expect(first).toMatchObject({ claimed: 3, sent: 0, deferred: 1 });
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body.channel).toBe('UA');
    // The rate-limited row waits 5 s; the other two went back as they were, their attempt given back.
    expect(await row('nudge:UA')).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: plus(T0, 5000), lastError: 'rate limited: retry after 5s' });
    for (const key of ['nudge:UB', 'nudge:UC']) expect(await row(key)).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: QUEUED_AT, lastError: null, sentAt: null });
    expect(await h.outbox.pausedUntil(T0)).toBe(plus(T0, 5000));

    for (const ms of [0, 1000, 2500, 4999]) expect(await once(plus(T0, ms)), `+${ms} ms`).toMatchObject({ claimed: 0, sent: 0 });
    expect(posts()).toHaveLength(1);

    // Draining from +1 s waits the pause out (its sleep moves the clock) instead of giving up behind it.
    h.clock.set(plus(T0, 1000));
    const counts = await drainOutbox(h.outbox, notifier, h.clock, async (ms) => h.clock.advance(ms));
    expect(counts).toEqual({ sent: 3, deferred: 0, dead: 0, unknown: 0 });
    expect(sent().map((c) => c.body.channel).sort()).toEqual(['UA', 'UB', 'UC']);
    const rows = await h.rows();
    expect(rows.map((r) => [r.key, r.status, r.attempts])).toEqual([['nudge:UA', 'sent', 1], ['nudge:UB', 'sent', 1], ['nudge:UC', 'sent', 1]]);
    for (const r of rows) expect(Date.parse(r.sentAt!)).toBeGreaterThanOrEqual(Date.parse(plus(T0, 5000)));
    expect(await h.outbox.pausedUntil(h.clock.now().toISOString())).toBeNull();
  });

  it('a message queued during the pause (a later pass) waits for it too', async () => {
    await queue(['UA', 'UB']);
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 3 });
    await once(T0);
    await queue(['UD'], plus(T0, 1000));
    expect(await once(plus(T0, 2000))).toMatchObject({ claimed: 0 });
    expect(posts()).toHaveLength(1);
    expect(await once(plus(T0, 3000))).toMatchObject({ claimed: 3, sent: 3 });
  });

  it('another instance stops mid-pass at the pause: its unsent claim goes back, nothing more is sent anywhere', async () => {
    await queue(['U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
    h.clock.set(T0);
    const calls: string[] = [];
    const ok = (m: OutboxMessage): SendOutcome => {
      calls.push(m.recipient);
      return { outcome: 'sent', ref: `ts-${m.recipient}` };
    };
    // Instance A, on its own connection where there is one, claims after B and is answered 429 at once.
    const a = new OutboxStore((other ?? h.database).db);
    let aResult: Awaited<ReturnType<typeof dispatchOnce>> | undefined;
    const aNotifier: Notifier = {
      send: async (m) => {
        calls.push(m.recipient);
        return { outcome: 'rate_limited', retryAfterSeconds: 10 };
      },
    };
    // Instance B's first send is in flight while A meets the 429.
    const bNotifier: Notifier = {
      send: async (m) => {
        if (!aResult) aResult = await dispatchOnce(a, aNotifier, h.clock, 3);
        return ok(m);
      },
    };
    const b = await dispatchOnce(h.outbox, bNotifier, h.clock, 3);
    expect(b).toMatchObject({ claimed: 3, sent: 1 });
    expect(aResult).toMatchObject({ claimed: 3, sent: 0, deferred: 1 });
    expect(calls).toEqual(['U4', 'U1']);
    const rows = await h.rows();
    expect(rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([
      ['U1', 'sent', 1],
      ['U2', 'pending', 0],
      ['U3', 'pending', 0],
      ['U4', 'pending', 0],
      ['U5', 'pending', 0],
      ['U6', 'pending', 0],
    ]);
    expect(await dispatchOnce(h.outbox, { send: async (m) => ok(m) }, { now: () => new Date(plus(T0, 9999)) })).toMatchObject({ claimed: 0 });
    expect(await dispatchOnce(h.outbox, { send: async (m) => ok(m) }, { now: () => new Date(plus(T0, 10_000)) })).toMatchObject({ claimed: 5, sent: 5 });
  });
});
