import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notifier } from '../../src/core/reminders/outbox-message.js';
import { dispatchOnce, drainOutbox } from '../../src/scheduler/dispatcher.js';
import { ACTION } from '../../src/slack/ids.js';
import { slackNotifier } from '../../src/slack/notifier.js';
import { testDatabases } from '../helpers/databases.js';
import { startFakeSlack, type FakeCall, type FakeSlack, type Fault } from '../helpers/fake-slack.js';
import { openReminders, type OutboxRow, type ReminderHarness } from '../helpers/reminders.js';

/**
 * The dispatcher sending the outbox through the real Slack notifier to a fake Slack Web API.
 * The clock is injected and moved by hand: `drainOutbox`'s sleep advances it by one second.
 */

/** Thu 23 Nov 2017, 10:00Z: 16 nudges (URW ×3, UCC ×1, UKG/UPO1/UPO2 ×4 each) and last Monday's digest. */
const FIRST_TICK = '2017-11-23T10:00:00Z';
const T0 = '2017-11-23T10:00:05.000Z';
const TOKEN = 'xoxb-test-token';

/** Outbox keys, and the values of a nudge's buttons, start with the plan's key. */
const PLAN = 'concerto-2017';
const inPlan = (key: string) => `${PLAN}/${key}`;

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

describe.each(testDatabases)('dispatching the outbox to Slack on $name', (target) => {
  let fake: FakeSlack;
  let h: ReminderHarness;
  let notifier: Notifier;

  // One database per driver (the outbox is emptied before each test); a fresh fake (a new port) per
  // test, so no keep-alive connection is reused across tests — it could meet a socket the fake
  // closed while PGlite held the event loop, which the notifier records as 'unknown'.
  beforeAll(async () => {
    h = await openReminders(target);
  });
  afterAll(async () => h?.close());
  beforeEach(async () => {
    await h.clearOutbox();
    fake = await startFakeSlack();
    notifier = slackNotifier({ botToken: TOKEN, apiUrl: fake.url });
  });
  afterEach(async () => fake?.close());

  const posts = () => fake.callsTo('chat.postMessage');
  /** Posts to a channel, not counting digest thread replies. */
  const postsTo = (channel: string) => posts().filter((c) => c.body.channel === channel && !c.body.thread_ts);
  const ok = (calls: FakeCall[]) => calls.filter((c) => !c.fault);
  const rowsTo = async (recipient: string) => (await h.rows()).filter((r) => r.recipient === recipient);
  const row = async (key: string) => (await h.rows()).find((r) => r.key === key)!;
  /** A fault for the first `times` posts to `channel` only. */
  function failFirst(channel: string, fault: Fault, times = 1) {
    let left = times;
    fake.failFor('chat.postMessage', (body) => (body.channel === channel && !body.thread_ts && left-- > 0 ? fault : null));
  }
  const drain = () => drainOutbox(h.outbox, notifier, h.clock, async () => h.clock.advance(1000));
  const once = (at?: string) => {
    if (at) h.clock.set(at);
    return dispatchOnce(h.outbox, notifier, h.clock);
  };

  async function queue(at = FIRST_TICK) {
    const r = await h.tick(at);
    h.clock.set(plus(at, 5000));
    return r.messages;
  }

  it('sends every queued message exactly once, one post per row, and records the Slack ts', async () => {
    const queued = await queue();
    expect(queued).toHaveLength(17);
    const counts = await drain();
    // The 17 queued, and the digest's details: a row of their own, queued when the summary was sent.
    expect(counts).toEqual({ sent: 18, deferred: 0, dead: 0, unknown: 0 });
    const rows = await h.rows();
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(rows.filter((r) => r.kind === 'digest_part').map((r) => r.key)).toEqual([inPlan('digest:CBOARD:2017-11-20#1')]);
    for (const r of rows) {
      const all = posts().filter((c) => c.body.channel === r.recipient);
      expect(all.length).toBe(rows.filter((x) => x.recipient === r.recipient).length);
      expect(r.attempts).toBe(1);
      expect(r.lastError).toBeNull();
      expect(r.slackTs).toMatch(/^\d+\.\d{6}$/);
    }
    expect(posts().every((c) => c.token === TOKEN)).toBe(true);
    // A second drain sends nothing more.
    const before = posts().length;
    expect(await drain()).toEqual({ sent: 0, deferred: 0, dead: 0, unknown: 0 });
    expect(posts()).toHaveLength(before);
  });

  it('a 429 with Retry-After 2 puts the row back for 2 s, not sent before then, then sent exactly once', async () => {
    await queue();
    failFirst('UCC', { status: 429, retryAfter: 2 });
    const key = inPlan('due_soon:9.3.1:UCC:2017-11-23');

    const first = await once(T0);
    expect(first.deferred).toBe(1);
    // A rate limit gives its attempt back: it is Slack pacing us, not a failure.
    expect(await row(key)).toMatchObject({ status: 'pending', nextAttemptAt: plus(T0, 2000), attempts: 0, lastError: 'rate limited: retry after 2s', sentAt: null });
    expect(postsTo('UCC')).toHaveLength(1);
    expect(postsTo('UCC')[0]!.fault).toMatchObject({ status: 429 });

    await once(plus(T0, 1000));
    await once(plus(T0, 1999));
    expect(postsTo('UCC')).toHaveLength(1);
    expect((await row(key)).status).toBe('pending');

    await once(plus(T0, 2000));
    expect(await row(key)).toMatchObject({ status: 'sent', sentAt: plus(T0, 2000), attempts: 1, lastError: null });
    await drain();
    h.clock.advance(60_000);
    await drain();
    expect(postsTo('UCC')).toHaveLength(2);
    expect(ok(postsTo('UCC'))).toHaveLength(1);
    expect((await h.rows()).filter((r) => r.status !== 'sent')).toEqual([]);
  });

  it('a 500 is retried after a backoff (30 s, then 60 s) and then sent once', async () => {
    await queue();
    failFirst('UCC', { status: 500 }, 2);
    const key = inPlan('due_soon:9.3.1:UCC:2017-11-23');

    await once(T0);
    expect(await row(key)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: plus(T0, 30_000), lastError: 'HTTP 500' });
    // Draining sends the rest and stops once only the backed-off row is left.
    await drain();
    expect(postsTo('UCC')).toHaveLength(1);
    expect((await h.rows()).filter((r) => r.status !== 'sent').map((r) => r.key)).toEqual([key]);

    await once(plus(T0, 29_999));
    expect(postsTo('UCC')).toHaveLength(1);
    await once(plus(T0, 30_000));
    expect(await row(key)).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: plus(T0, 90_000), lastError: 'HTTP 500' });
    await once(plus(T0, 89_999));
    expect(postsTo('UCC')).toHaveLength(2);
    await once(plus(T0, 90_000));
    expect(await row(key)).toMatchObject({ status: 'sent', attempts: 3, lastError: null, sentAt: plus(T0, 90_000) });
    expect(postsTo('UCC')).toHaveLength(3);
    expect(ok(postsTo('UCC'))).toHaveLength(1);
  });

  it('channel_not_found makes that row dead at once; every other recipient still gets all its messages', async () => {
    await queue();
    fake.failFor('chat.postMessage', (body) => (body.channel === 'UCC' ? { error: 'channel_not_found' } : null));
    const counts = await drain();
    expect(counts).toEqual({ sent: 17, deferred: 0, dead: 1, unknown: 0 });
    expect(await rowsTo('UCC')).toEqual([expect.objectContaining({ status: 'dead', lastError: 'channel_not_found', attempts: 1, sentAt: null })]);
    expect(postsTo('UCC')).toHaveLength(1);
    const others = (await h.rows()).filter((r) => r.recipient !== 'UCC');
    expect(others).toHaveLength(17); // 15 nudges, the digest and its details
    expect(others.filter((r) => r.status !== 'sent')).toEqual([]);
    for (const who of ['URW', 'UKG', 'UPO1', 'UPO2']) expect(ok(postsTo(who))).toHaveLength((await rowsTo(who)).length);
    expect(ok(posts().filter((c) => c.body.channel === 'CBOARD'))).toHaveLength((await rowsTo('CBOARD')).length);
    // A dead row is never tried again.
    h.clock.advance(3_600_000);
    await drain();
    expect(postsTo('UCC')).toHaveLength(1);
  });

  it('a timeout after the request reached Slack leaves the row unknown, never resent', async () => {
    await queue();
    notifier = slackNotifier({ botToken: TOKEN, apiUrl: fake.url }, 500);
    fake.failFor('chat.postMessage', (body) => (body.channel === 'UCC' ? { delayMs: 3000 } : null));
    const counts = await drain();
    expect(counts).toMatchObject({ sent: 17, unknown: 1, dead: 0 });
    const [ucc] = await rowsTo('UCC');
    expect(ucc).toMatchObject({ status: 'unknown', attempts: 1, sentAt: null });
    expect(ucc!.lastError).toBeTruthy();
    expect(postsTo('UCC')).toHaveLength(1);
    for (const later of [60_000, 10 * 60_000, 24 * 3_600_000]) {
      h.clock.set(plus(T0, later));
      await drain();
    }
    expect(postsTo('UCC')).toHaveLength(1);
    expect((await rowsTo('UCC'))[0]!.status).toBe('unknown');
  });

  it('paces each recipient: never two messages to one recipient within the same second of the clock', async () => {
    await queue();
    // Two passes at the same instant: the second sends nothing to anyone already sent to.
    const a = await once(T0);
    expect(a.sent).toBe(6); // one each: URW, UCC, UKG, UPO1, UPO2, CBOARD
    const b = await once(T0);
    expect(b).toMatchObject({ sent: 0, claimed: 0 });
    const c = await once(plus(T0, 999));
    expect(c).toMatchObject({ sent: 0, claimed: 0 });
    const d = await once(plus(T0, 1000));
    expect(d.sent).toBe(5); // URW, UKG, UPO1, UPO2, and the digest's details to CBOARD (queued at T0 with the summary)
    await drain();

    const rows = await h.rows();
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    const byRecipient = new Map<string, OutboxRow[]>();
    for (const r of rows) byRecipient.set(r.recipient, [...(byRecipient.get(r.recipient) ?? []), r]);
    for (const [who, list] of byRecipient) {
      const times = list.map((r) => Date.parse(r.sentAt!)).sort((x, y) => x - y);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!, who).toBeGreaterThanOrEqual(1000);
    }
    expect(byRecipient.get('UKG')!.map((r) => r.sentAt).sort()).toEqual([T0, plus(T0, 1000), plus(T0, 2000), plus(T0, 3000)]);
  });

  it('a row left "sending" by a crashed dispatcher becomes unknown on the next pass, and is not sent', async () => {
    await queue();
    const key = inPlan('due_soon:9.3.1:UCC:2017-11-23');
    const recent = inPlan('due_soon:4.1.1:URW:2017-11-23');
    h.clock.set(T0);
    await h.database.db.execute(sql`update outbox set status = 'sending', attempts = 1, claimed_at = ${plus(T0, -10 * 60_000)} where key = ${key}`);
    await h.database.db.execute(sql`update outbox set status = 'sending', attempts = 1, claimed_at = ${plus(T0, -60_000)} where key = ${recent}`);
    await once();
    expect(await row(key)).toMatchObject({ status: 'unknown', sentAt: null, attempts: 1 });
    expect((await row(key)).lastError).toMatch(/stopped while sending/);
    // One claimed a minute ago may still be in flight elsewhere: left alone.
    expect((await row(recent)).status).toBe('sending');
    await drain();
    expect(postsTo('UCC')).toHaveLength(0);
    expect(posts().filter((c) => c.body.channel === 'URW' && String(c.body.text).startsWith('4.1.1 '))).toHaveLength(0);
  });

  it('a nudge has the item, its last update, and buttons to update, complete, re-date, snooze and mute it', async () => {
    await queue();
    await drain();
    const post = posts().find((c) => c.body.channel === 'URW' && String(c.body.text).startsWith('4.1.1 '))!;
    expect(post).toBeDefined();
    expect(post.body.text).toBe('4.1.1 is due soon: November 2017 (by 30 Nov 2017).');
    const blocks = post.body.blocks as Array<Record<string, any>>;
    const actions = blocks.find((b) => b.type === 'actions')!;
    expect(actions.elements.map((e: { action_id: string }) => e.action_id)).toEqual([ACTION.openUpdate, ACTION.complete, ACTION.changeDate, ACTION.snooze, ACTION.mute]);
    expect(actions.elements.map((e: { value: string }) => e.value)).toEqual(Array(5).fill(inPlan('4.1.1')));
    const text = JSON.stringify(blocks);
    expect(text).toContain('Rachel Wilkinson');
    expect(text).toContain('Last update, 4 Oct 2017');
    // 9.3.1 has no update at all.
    const cc = ok(postsTo('UCC'))[0]!;
    expect(JSON.stringify(cc.body.blocks)).toContain('No update has been posted yet.');
    expect((cc.body.blocks as Array<Record<string, any>>).find((b) => b.type === 'actions')!.elements.map((e: { value: string }) => e.value)).toEqual(Array(5).fill(inPlan('9.3.1')));
  });

  it('the digest is a channel post and a thread reply (thread_ts = the summary\'s ts) listing the overdue items', async () => {
    const queued = await queue('2017-12-04T10:00:00Z');
    expect(queued.filter((m) => m.kind === 'digest').map((m) => m.key)).toEqual([inPlan('digest:CBOARD:2017-12-04')]);
    await drain();
    const toChannel = posts().filter((c) => c.body.channel === 'CBOARD');
    const summary = toChannel.filter((c) => !c.body.thread_ts);
    expect(summary).toHaveLength(1);
    expect(summary[0]!.body.text).toBe('Weekly digest — concerto-2017: Concerto Action Plan, 4 Dec 2017: 13 overdue, 0 due in the next two weeks, 0 completed since the last digest.');
    const digestRow = await row(inPlan('digest:CBOARD:2017-12-04'));
    expect(digestRow.status).toBe('sent');
    const replies = toChannel.filter((c) => c.body.thread_ts);
    expect(replies.length).toBeGreaterThanOrEqual(1);
    expect(replies.every((c) => c.body.thread_ts === digestRow.slackTs)).toBe(true);
    // The summary's ts, as the fake answered it, is what the replies thread on.
    expect(summary[0]!.at).toBeLessThanOrEqual(replies[0]!.at);
    const thread = replies.map((c) => JSON.stringify(c.body.blocks)).join('\n');
    const overduePart = thread.slice(thread.indexOf('*Overdue* (13)'), thread.indexOf('*Due in the next two weeks*'));
    expect(overduePart).not.toBe('');
    const ids = [...overduePart.matchAll(/• \*([\d.]+)\*/g)].map((m) => m[1]);
    expect(ids).toEqual(['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1']);
    // Each thread reply is a row of its own, queued when the summary was recorded sent.
    const parts = (await h.rows()).filter((r) => r.kind === 'digest_part');
    expect(parts.map((r) => [r.key, r.recipient, r.status, r.createdAt])).toEqual([[inPlan('digest:CBOARD:2017-12-04#1'), 'CBOARD', 'sent', digestRow.sentAt]]);
    expect(parts[0]!.payload).toMatchObject({ kind: 'digest_part', part: 1, of: 1, threadRef: digestRow.slackTs });
    expect(replies).toHaveLength(parts.length);
  });

  it('a digest part is retried like any message and posted once, in the thread; a dead summary queues no parts', async () => {
    await queue('2017-12-04T10:00:00Z');
    const isPart = (body: Record<string, any>) => body.channel === 'CBOARD' && Boolean(body.thread_ts);
    let left = 1;
    fake.failFor('chat.postMessage', (body) => (isPart(body) && left-- > 0 ? { status: 500 } : null));
    await drain();
    const part = await row(inPlan('digest:CBOARD:2017-12-04#1'));
    expect(part).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    h.clock.advance(30_000);
    await drain();
    expect(await row(inPlan('digest:CBOARD:2017-12-04#1'))).toMatchObject({ status: 'sent', attempts: 2 });
    const replies = posts().filter((c) => isPart(c.body));
    expect(replies).toHaveLength(2);
    expect(ok(replies).map((c) => c.body.thread_ts)).toEqual([(await row(inPlan('digest:CBOARD:2017-12-04'))).slackTs]);
    // Recording the summary sent again (say, by a second dispatcher) queues nothing twice.
    const summary = await row(inPlan('digest:CBOARD:2017-12-04'));
    await h.outbox.markSent(summary.id, summary.slackTs, summary.sentAt!, [{ key: part.key, kind: part.kind, item: null, recipient: 'CBOARD', payload: part.payload as never }]);
    expect((await h.rows()).filter((r) => r.kind === 'digest_part')).toHaveLength(1);

    await h.clearOutbox();
    await queue('2017-12-11T10:00:00Z');
    fake.failFor('chat.postMessage', (body) => (body.channel === 'CBOARD' ? { error: 'channel_not_found' } : null));
    await drain();
    expect((await h.rows()).filter((r) => r.recipient === 'CBOARD').map((r) => [r.key, r.status])).toEqual([[inPlan('digest:CBOARD:2017-12-11'), 'dead']]);
  });

  describe('fixed after this suite first found them', () => {
    it('rate limits are not counted as failed attempts', async () => {
      await queue();
      failFirst('UCC', { status: 429, retryAfter: 1 }, 5);
      let at = T0;
      for (let i = 0; i < 5; i++) { await once(at); at = plus(at, 1000); }
      failFirst('UCC', { status: 500 });
      await once(at);
      expect(await row(inPlan('due_soon:9.3.1:UCC:2017-11-23'))).toMatchObject({ status: 'pending', lastError: 'HTTP 500' });
    });

    it('a refused connection is retried, not recorded as unknown', async () => {
      await queue();
      // A port nothing listens on (fetch refuses "bad ports" such as 1 before even trying, so not that).
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const refused = slackNotifier({ botToken: TOKEN, apiUrl: `http://127.0.0.1:${port}/api/` });
      await dispatchOnce(h.outbox, refused, h.clock);
      const ucc = await row(inPlan('due_soon:9.3.1:UCC:2017-11-23'));
      expect(ucc).toMatchObject({ status: 'pending', lastError: 'ECONNREFUSED', nextAttemptAt: plus(T0, 30_000) });
    });

    it('one busy recipient does not hold up the others', async () => {
      const payload = (await queue(), (await h.rows())[0]!.payload) as never;
      await h.clearOutbox();
      const at = '2017-11-23T10:00:00.000Z';
      await h.outbox.enqueue(Array.from({ length: 120 }, (_, i) => ({ key: `busy:${i}`, kind: 'due_soon', item: '4.1.1', recipient: 'UBUSY', payload })), at);
      await h.outbox.enqueue([{ key: 'other', kind: 'due_soon', item: '4.1.1', recipient: 'UOTHER', payload }], at);
      expect((await h.outbox.claim(at, 20)).map((m) => m.recipient).sort()).toEqual(['UBUSY', 'UOTHER']);
    });

    it('a pass over a large plan can queue more messages than one statement has parameters for (the benchmark found this)', async () => {
      const payload = (await queue(), (await h.rows())[0]!.payload) as never;
      await h.clearOutbox();
      const at = '2017-11-23T10:00:00.000Z';
      const rows = Array.from({ length: 12_000 }, (_, i) => ({ key: `many:${i}`, kind: 'due_soon', item: '4.1.1', recipient: `U${i % 2000}`, payload }));
      await h.outbox.enqueue(rows, at);
      // Queued again (another instance's pass), nothing is doubled.
      await h.outbox.enqueue(rows.slice(0, 100), at);
      expect((await h.outbox.knownKeys(rows.map((r) => r.key))).size).toBe(12_000);
      expect(await h.rows()).toHaveLength(12_000);
    });
  });
});
