import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { ACK_DEADLINE_MS, editedAppMention, fileShare, messageChanged, slackClient, threadBroadcast, threadReply, userChange } from '../../helpers/slack-requests.js';

/** The fake Slack as strict as the real one: trigger ids, rate limits, pacing, late acks, and the event shapes Slack sends. */

/** Slack ids: upper-case letters and digits (U/W users, C channels, D DMs, F files, V views). */
const SLACK_ID = /^[A-Z0-9]+$/;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const view = { type: 'modal' as const, callback_id: 'm', title: { type: 'plain_text' as const, text: 'M' }, blocks: [] };

let fake: FakeSlack;
let client: WebClient;
beforeAll(async () => {
  fake = await startFakeSlack({ users: [{ id: 'U0ADA0001', name: 'ada', real_name: 'Ada Lovelace' }] });
  client = new WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

describe('trigger ids', () => {
  it('issues trigger ids shaped like Slack’s, each once', () => {
    const a = fake.issueTrigger();
    const b = fake.issueTrigger();
    expect(a).toMatch(/^\d+\.\d+\.[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
    expect(fake.triggerIssuedAt(a)).toBeLessThanOrEqual(Date.now());
    expect(fake.triggerIssuedAt('1.2.3')).toBeUndefined();
  });

  it('views.open accepts a fresh trigger once; the second use is exchanged_trigger_id', async () => {
    const trigger = fake.issueTrigger();
    await expect(client.views.open({ trigger_id: trigger, view })).resolves.toMatchObject({ ok: true });
    await expect(client.views.open({ trigger_id: trigger, view })).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'exchanged_trigger_id' } });
    const [first, second] = fake.callsTo('views.open');
    expect(first!.trigger).toMatchObject({ id: trigger, verdict: 'ok', ageMs: expect.any(Number) });
    expect(first!.trigger!.ageMs).toBeLessThan(1000);
    expect(second!.trigger?.verdict).toBe('exchanged');
    expect(second!.refusal).toEqual({ error: 'exchanged_trigger_id' });
    expect(second!.fault).toBeUndefined(); // a refusal by Slack, not an injected fault
  });

  it('a trigger issued more than 3 s before views.open or views.push is expired_trigger_id (and stays unused)', async () => {
    const stale = fake.issueTrigger({ ageMs: 3_100 });
    await expect(client.views.open({ trigger_id: stale, view })).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
    await expect(client.views.push({ trigger_id: stale, view })).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
    expect(fake.callsTo('views.open')[0]!.trigger).toMatchObject({ verdict: 'expired' });
    expect(fake.callsTo('views.open')[0]!.trigger!.ageMs).toBeGreaterThanOrEqual(3_100);
    const fresh = fake.issueTrigger({ ageMs: 2_500 });
    await expect(client.views.push({ trigger_id: fresh, view })).resolves.toMatchObject({ ok: true });
  });

  it('the 3 s count from the issue, in real time', async () => {
    const trigger = fake.issueTrigger({ ageMs: 2_900 });
    await sleep(200);
    await expect(client.views.open({ trigger_id: trigger, view })).rejects.toMatchObject({ data: { error: 'expired_trigger_id' } });
  });

  it('a trigger judged when the call arrives: a slow answer (delayMs) does not expire it, an injected error does not use it', async () => {
    const trigger = fake.issueTrigger({ ageMs: 2_800 });
    fake.failNext('views.open', { delayMs: 400 });
    await expect(client.views.open({ trigger_id: trigger, view })).resolves.toMatchObject({ ok: true });
    const other = fake.issueTrigger();
    fake.failNext('views.open', { error: 'fatal_error' });
    await expect(client.views.open({ trigger_id: other, view })).rejects.toMatchObject({ data: { error: 'fatal_error' } });
    await expect(client.views.open({ trigger_id: other, view })).resolves.toMatchObject({ ok: true });
  });

  it('a trigger the fake never issued is accepted by default, and refused as invalid_trigger_id when asked', async () => {
    await expect(client.views.open({ trigger_id: '1.2.3', view })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('views.open')[0]!.trigger).toEqual({ id: '1.2.3', verdict: 'unknown' });
    const strict = await startFakeSlack({ unknownTriggers: 'reject' });
    try {
      const c = new WebClient('xoxb-test', { slackApiUrl: strict.url, retryConfig: { retries: 0 } });
      await expect(c.views.open({ trigger_id: '1.2.3', view })).rejects.toMatchObject({ data: { error: 'invalid_trigger_id' } });
      await expect(c.views.open({ trigger_id: strict.issueTrigger(), view })).resolves.toMatchObject({ ok: true });
    } finally {
      await strict.close();
    }
  });

  it('views.open without a trigger_id (or interactivity_pointer) is invalid_arguments', async () => {
    await expect(client.apiCall('views.open', { view })).rejects.toMatchObject({ data: { error: 'invalid_arguments' } });
  });

  it('reset forgets issued triggers', async () => {
    const trigger = fake.issueTrigger();
    fake.reset();
    expect(fake.triggerIssuedAt(trigger)).toBeUndefined();
  });
});

describe('rate limits and delays', () => {
  it('rateLimit without times is a window: refused until Retry-After has passed, with the seconds left', async () => {
    fake.rateLimit('users.info', { retryAfter: 1 });
    await expect(client.users.info({ user: 'U0ADA0001' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
    await expect(client.users.info({ user: 'U0ADA0001' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError });
    await sleep(1_050);
    await expect(client.users.info({ user: 'U0ADA0001' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('users.info').map((c) => c.status)).toEqual([429, 429, 200]);
  });

  it('rateLimit with times refuses exactly that many calls; when picks which', async () => {
    fake.rateLimit('users.info', { retryAfter: 3, times: 2, when: (b) => b.user === 'U0ADA0001' });
    await expect(client.users.info({ user: 'U0NOBODY1' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await expect(client.users.info({ user: 'U0ADA0001' })).rejects.toMatchObject({ retryAfter: 3 });
    await expect(client.users.info({ user: 'U0ADA0001' })).rejects.toMatchObject({ retryAfter: 3 });
    await expect(client.users.info({ user: 'U0ADA0001' })).resolves.toMatchObject({ ok: true });
  });

  it('a rate-limited call through a default WebClient waits out Retry-After (pausing its queue) and retries', async () => {
    const patient = new WebClient('xoxb-test', { slackApiUrl: fake.url, logLevel: LogLevel.ERROR });
    fake.rateLimit('views.publish', { retryAfter: 1 });
    const started = Date.now();
    await expect(patient.views.publish({ user_id: 'U0ADA0001', view: { type: 'home', blocks: [] } })).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.callsTo('views.publish').map((c) => c.status)).toEqual([429, 200]);
  });

  it('delay answers every call late until reset, or the next `times`, or only those matching `when`', async () => {
    // Delays far apart from an undelayed call, so that a busy CI machine cannot blur the two.
    fake.delay('auth.test', 800, { times: 1 });
    let started = Date.now();
    await client.auth.test();
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
    started = Date.now();
    await client.auth.test();
    expect(Date.now() - started).toBeLessThan(500);
    fake.delay('users.info', 200, { when: (b) => b.user === 'U0ADA0001' });
    started = Date.now();
    await client.users.info({ user: 'U0ADA0001' }).catch(() => undefined);
    await client.users.info({ user: 'U0ADA0001' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('records what it answered: status and body', async () => {
    await client.chat.postMessage({ channel: 'C0GENERAL1', text: 'hi' });
    const [call] = fake.callsTo('chat.postMessage');
    expect(call).toMatchObject({ status: 200, response: { ok: true, channel: 'C0GENERAL1', ts: expect.any(String) } });
  });
});

describe('posting pace (opt-in): one message per second per channel', () => {
  it('is off by default', async () => {
    await client.chat.postMessage({ channel: 'C0PACE0001', text: 'a' });
    await expect(client.chat.postMessage({ channel: 'C0PACE0001', text: 'b' })).resolves.toMatchObject({ ok: true });
  });

  it('a second message to the same channel within 1 s is 429 Retry-After 1; another channel is not held up; after 1 s it posts', async () => {
    fake.pacePostMessage();
    await client.chat.postMessage({ channel: 'C0PACE0001', text: 'a' });
    await expect(client.chat.postMessage({ channel: 'C0PACE0001', text: 'b' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 1 });
    await expect(client.chat.postMessage({ channel: 'D0PACE0002', text: 'c' })).resolves.toMatchObject({ ok: true });
    await sleep(1_000);
    await expect(client.chat.postMessage({ channel: 'C0PACE0001', text: 'b again' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((c) => [c.body.channel, c.status])).toEqual([['C0PACE0001', 200], ['C0PACE0001', 429], ['D0PACE0002', 200], ['C0PACE0001', 200]]);
    expect(fake.callsTo('chat.postMessage')[1]!.refusal).toEqual({ status: 429, retryAfter: 1 });
  });

  it('can be on from the start, and reset turns it back to the option', async () => {
    const paced = await startFakeSlack({ pacePostMessage: true });
    try {
      const c = new WebClient('xoxb-test', { slackApiUrl: paced.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
      await c.chat.postMessage({ channel: 'C0PACE0003', text: 'a' });
      await expect(c.chat.postMessage({ channel: 'C0PACE0003', text: 'b' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError });
      paced.reset();
      await c.chat.postMessage({ channel: 'C0PACE0003', text: 'a' });
      await expect(c.chat.postMessage({ channel: 'C0PACE0003', text: 'b' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError });
    } finally {
      await paced.close();
    }
  });
});

describe('the directory', () => {
  it('updateUser deactivates a member: users.info and users.list say deleted', async () => {
    fake.setUsers([{ id: 'U0ADA0001', real_name: 'Ada Lovelace' }, { id: 'W0GRID001', real_name: 'Grace Hopper' }, { id: 'U0BOT0001', real_name: 'Reminder Bot', is_bot: true }]);
    fake.updateUser('U0ADA0001', { deleted: true });
    expect((await client.users.info({ user: 'U0ADA0001' })).user).toMatchObject({ id: 'U0ADA0001', deleted: true, profile: { real_name: 'Ada Lovelace' } });
    const members = (await client.users.list({})).members!;
    expect(members.map((m) => [m.id, m.deleted, m.is_bot])).toEqual([['U0ADA0001', true, false], ['W0GRID001', false, false], ['U0BOT0001', false, true]]);
    expect(members[2]!.profile).toMatchObject({ bot_id: expect.stringMatching(/^B/) });
  });
});

// ---- the signed client: Slack's 3 seconds ------------------------------------------------------

interface Seen { headers: IncomingHttpHeaders; body: string }
let server: Server;
let seen: Seen[] = [];
/** How long the app under test takes to answer the nth request (0-based); default at once. */
let answerAfter: (n: number) => number = () => 0;
let answerBody = '';
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const n = seen.length;
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(answerBody);
      }, answerAfter(n));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
beforeEach(() => {
  seen = [];
  answerAfter = () => 0;
  answerBody = '';
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('slackClient waits as long as Slack does', () => {
  it('Slack’s deadline is 3 s', () => {
    expect(ACK_DEADLINE_MS).toBe(3000);
  });

  it('an answer in time: acked, with how long it took', async () => {
    answerAfter = () => 120;
    answerBody = '{"response_action":"errors","errors":{"b":"no"}}';
    const slack = slackClient({ baseUrl: base, secret: 's' });
    const res = await slack.interaction(slack.viewSubmission({ user: 'U0ADA0001', callback_id: 'm' }));
    expect(res).toMatchObject({ acked: true, status: 200, json: { response_action: 'errors' } });
    expect(res.ms).toBeGreaterThanOrEqual(110);
    expect(res.ms).toBeLessThan(1000);
  });

  it('an answer after the deadline: not acked, status 0, and its body (field errors) lost', async () => {
    answerAfter = () => 2_000;
    answerBody = '{"response_action":"errors","errors":{"b":"no"}}';
    const slack = slackClient({ baseUrl: base, secret: 's', ackTimeoutMs: 300 });
    const started = Date.now();
    const res = await slack.interaction(slack.viewSubmission({ user: 'U0ADA0001', callback_id: 'm' }));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(res).toMatchObject({ acked: false, status: 0, body: '', json: undefined, ms: 300 });
  });

  it('by default it stops waiting at 3 s', async () => {
    answerAfter = () => 4_500;
    const slack = slackClient({ baseUrl: base, secret: 's' });
    const started = Date.now();
    const res = await slack.command({ text: 'help', user_id: 'U0ADA0001' });
    expect(res.acked).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_950);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('a late event is redelivered when asked, with the same event_id and X-Slack-Retry-Num / http_timeout', async () => {
    answerAfter = (n) => (n === 0 ? 600 : 0);
    const slack = slackClient({ baseUrl: base, secret: 's', ackTimeoutMs: 300 });
    const res = await slack.event(slack.directMessage({ user: 'U0ADA0001', text: 'hi' }), { event_id: 'Ev0LATE001', redeliverLate: true });
    expect(res).toMatchObject({ acked: true, status: 200, deliveries: 2 });
    expect(seen.map((s) => [JSON.parse(s.body).event_id, s.headers['x-slack-retry-num'], s.headers['x-slack-retry-reason']])).toEqual([
      ['Ev0LATE001', undefined, undefined],
      ['Ev0LATE001', '1', 'http_timeout'],
    ]);
    // Without the option, one delivery only.
    seen = [];
    answerAfter = () => 600;
    expect(await slack.event(slack.directMessage({ user: 'U0ADA0001', text: 'hi' }))).toMatchObject({ acked: false, deliveries: 1 });
    expect(seen).toHaveLength(1);
  });

  it('takes trigger ids from the fake for commands, block actions and view submissions', async () => {
    const slack = slackClient({ baseUrl: base, secret: 's', triggerId: () => fake.issueTrigger() });
    await slack.command({ text: 'update 4.2.1', user_id: 'U0ADA0001' });
    const command = new URLSearchParams(seen[0]!.body).get('trigger_id')!;
    expect(fake.triggerIssuedAt(command)).toBeGreaterThan(Date.now() - 5_000);
    const click = slack.blockAction({ user: 'U0ADA0001', action_id: 'a', channel: 'C0GENERAL1' });
    const submit = slack.viewSubmission({ user: 'U0ADA0001', callback_id: 'm' });
    expect(fake.triggerIssuedAt(click.trigger_id)).toBeDefined();
    expect(fake.triggerIssuedAt(submit.trigger_id)).toBeDefined();
    // A trigger given explicitly is kept as is.
    expect(slack.blockAction({ user: 'U0ADA0001', action_id: 'a', trigger_id: '1.2.3' }).trigger_id).toBe('1.2.3');
  });
});

describe('a Bolt app against the strict fake', () => {
  const SECRET = 'strict-secret';
  let app: App;
  let boltFake: FakeSlack;
  let slowSave = 0;
  let wait = 0;
  beforeAll(async () => {
    boltFake = await startFakeSlack({ users: [{ id: 'U0ADA0001', real_name: 'Ada Lovelace' }] });
    app = new App({ token: 'xoxb-test', signingSecret: SECRET, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: boltFake.url, retryConfig: { retries: 0 } } });
    app.command('/concerto', async ({ ack, command, client: web }) => {
      await ack();
      await new Promise((r) => setTimeout(r, wait));
      await web.views.open({ trigger_id: command.trigger_id, view }).catch(() => undefined);
    });
    app.view('m', async ({ ack }) => {
      await new Promise((r) => setTimeout(r, slowSave));
      await ack({ response_action: 'errors', errors: { b: 'Say more' } });
    });
    const started = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    base = `http://127.0.0.1:${(started.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await boltFake.close();
  });

  it('a modal opened at once gets a fresh trigger; opened after 3 s, expired_trigger_id', async () => {
    const slack = slackClient({ baseUrl: base, secret: SECRET, triggerId: () => boltFake.issueTrigger() });
    wait = 0;
    await slack.command({ text: 'update', user_id: 'U0ADA0001' });
    expect((await boltFake.waitFor('views.open')).trigger).toMatchObject({ verdict: 'ok' });
    boltFake.reset();
    wait = 3_100;
    await slack.command({ text: 'update', user_id: 'U0ADA0001' });
    const late = await boltFake.waitFor('views.open', undefined, 6_000);
    expect(late.trigger).toMatchObject({ verdict: 'expired' });
    expect(late.response).toEqual({ ok: false, error: 'expired_trigger_id' });
  });

  it('a view_submission acked after the deadline loses its field errors', async () => {
    const slack = slackClient({ baseUrl: base, secret: SECRET, ackTimeoutMs: 400 });
    slowSave = 0;
    expect(await slack.interaction(slack.viewSubmission({ user: 'U0ADA0001', callback_id: 'm' }))).toMatchObject({ acked: true, json: { errors: { b: 'Say more' } } });
    slowSave = 700;
    expect(await slack.interaction(slack.viewSubmission({ user: 'U0ADA0001', callback_id: 'm' }))).toMatchObject({ acked: false, json: undefined });
    await sleep(400); // let Bolt finish writing to the closed connection
  });
});

describe('event builders: the shapes Slack sends', () => {
  const slack = slackClient({ baseUrl: 'http://127.0.0.1:1/', secret: 's' });

  it('an edited @mention: the same ts, new text, edited { user, ts }', () => {
    const original = slack.appMention({ user: 'U0ADA0001', text: '<@UBOT> update 4.2.1 Plan circluated', channel: 'C0GENERAL1', ts: '1700000300.000100' });
    const edit = editedAppMention(original, { text: '<@UBOT> update 4.2.1 Plan circulated', editedTs: '1700000305.000000' });
    expect(edit).toMatchObject({ type: 'app_mention', user: 'U0ADA0001', channel: 'C0GENERAL1', ts: '1700000300.000100', text: '<@UBOT> update 4.2.1 Plan circulated', edited: { user: 'U0ADA0001', ts: '1700000305.000000' } });
    expect(edit.client_msg_id).toBe(original.client_msg_id);
    expect(original).not.toHaveProperty('edited');
  });

  it('a DM edit: message_changed, hidden, the new message (same ts, edited) and the previous one, no top-level user', () => {
    const original = slack.directMessage({ user: 'U0ADA0001', text: 'Plan circluated', channel: 'D0ADA0001', ts: '1700000400.000100' });
    const edit = messageChanged(original, { text: 'Plan circulated', editedTs: '1700000410.000000' });
    expect(edit).toMatchObject({
      type: 'message', subtype: 'message_changed', hidden: true, channel: 'D0ADA0001', channel_type: 'im', ts: '1700000410.000000',
      message: { type: 'message', user: 'U0ADA0001', text: 'Plan circulated', ts: '1700000400.000100', edited: { user: 'U0ADA0001', ts: '1700000410.000000' } },
      previous_message: { type: 'message', user: 'U0ADA0001', text: 'Plan circluated', ts: '1700000400.000100' },
    });
    expect(edit).not.toHaveProperty('user');
  });

  it('a DM in a thread, a thread_broadcast and a file_share', () => {
    const reply = threadReply({ user: 'U0ADA0001', text: 'status 4.2.1', channel: 'D0ADA0001', thread_ts: '1700000500.000100', ts: '1700000501.000100' });
    expect(reply).toMatchObject({ type: 'message', channel_type: 'im', thread_ts: '1700000500.000100', parent_user_id: 'UBOT', ts: '1700000501.000100' });
    expect(reply).not.toHaveProperty('subtype');

    const broadcast = threadBroadcast({ user: 'U0ADA0001', text: 'status 4.2.1', channel: 'D0ADA0001', thread_ts: '1700000500.000100' });
    expect(broadcast).toMatchObject({ subtype: 'thread_broadcast', user: 'U0ADA0001', thread_ts: '1700000500.000100', root: { ts: '1700000500.000100', thread_ts: '1700000500.000100' } });

    const share = fileShare({ user: 'U0ADA0001', channel: 'D0ADA0001', files: [{ name: 'plan.csv' }] });
    expect(share).toMatchObject({ type: 'message', subtype: 'file_share', user: 'U0ADA0001', upload: true, text: '', channel_type: 'im' });
    expect(share.files).toHaveLength(1);
    expect(share.files[0]).toMatchObject({ name: 'plan.csv', mimetype: 'text/csv', filetype: 'csv', url_private: expect.stringMatching(/^https:\/\/files\.slack\.com\/files-pri\/T1-F/) });
    expect(share.files[0].id).toMatch(SLACK_ID);
    expect(share.files[0].id).toMatch(/^F/);

    expect(userChange({ id: 'U0ADA0001', deleted: true })).toMatchObject({ type: 'user_change', user: { id: 'U0ADA0001', deleted: true } });
  });

  it('the client offers the builders too', () => {
    for (const name of ['editedAppMention', 'messageChanged', 'threadReply', 'threadBroadcast', 'fileShare', 'userChange'] as const) expect(slack[name]).toBeTypeOf('function');
  });
});
