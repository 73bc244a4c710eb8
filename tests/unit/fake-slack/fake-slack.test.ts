import { ErrorCode, LogLevel, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

let fake: FakeSlack;
let client: WebClient;

beforeAll(async () => {
  fake = await startFakeSlack({ users: [{ id: 'U1', name: 'ada', real_name: 'Ada Lovelace', tz: 'Europe/London', tz_offset: 3600 }] });
  client = new WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Rec 1* is on track' } }];

describe('fake Slack Web API with a real WebClient', () => {
  it('answers auth.test like Slack', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Test', url: 'https://test.slack.com/' });
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-test');
  });

  it('records chat.postMessage with blocks parsed back to objects and increasing ts', async () => {
    const a = await client.chat.postMessage({ channel: 'C1', text: 'hello', blocks });
    const b = await client.chat.postMessage({ channel: 'C1', text: 'again', thread_ts: a.ts! });
    expect(a).toMatchObject({ ok: true, channel: 'C1', ts: '1700000000.000100', message: { text: 'hello' } });
    expect(Number(b.ts)).toBeGreaterThan(Number(a.ts));
    const [first, second] = fake.callsTo('chat.postMessage');
    expect(first).toMatchObject({ method: 'chat.postMessage', token: 'xoxb-test', body: { channel: 'C1', text: 'hello', blocks } });
    expect(first?.at).toBeTypeOf('number');
    expect(second?.body.thread_ts).toBe(a.ts);
  });

  it('answers the other chat methods', async () => {
    expect(await client.chat.postEphemeral({ channel: 'C1', user: 'U1', text: 'psst' })).toMatchObject({ ok: true, message_ts: expect.any(String) });
    expect(await client.chat.update({ channel: 'C1', ts: '1.2', text: 'edited' })).toMatchObject({ ok: true, ts: '1.2' });
    expect(await client.chat.delete({ channel: 'C1', ts: '1.2' })).toMatchObject({ ok: true });
  });

  it('records views with the view parsed, and answers with an id', async () => {
    const view = { type: 'modal' as const, callback_id: 'update', title: { type: 'plain_text' as const, text: 'Update' }, blocks, private_metadata: '{"rec":"R1"}' };
    const opened = await client.views.open({ trigger_id: '123.456.abc', view });
    expect(opened.view?.id).toMatch(/^V/);
    expect(opened.view?.callback_id).toBe('update');
    expect(fake.callsTo('views.open')[0]?.body).toEqual({ trigger_id: '123.456.abc', view });
    const home = { type: 'home' as const, blocks };
    await client.views.publish({ user_id: 'U1', view: home });
    expect(fake.callsTo('views.publish')[0]?.body).toEqual({ user_id: 'U1', view: home });
    const updated = await client.views.update({ view_id: opened.view!.id!, view });
    expect(updated.view?.id).toBe(opened.view?.id);
    expect(await client.views.push({ trigger_id: '1', view })).toMatchObject({ ok: true });
  });

  it('serves users.info, users.list and conversations.open from the directory', async () => {
    const info = await client.users.info({ user: 'U1' });
    expect(info.user).toMatchObject({ id: 'U1', name: 'ada', real_name: 'Ada Lovelace', tz: 'Europe/London', tz_offset: 3600, profile: { real_name: 'Ada Lovelace', display_name: 'ada' } });
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { error: 'user_not_found' } });

    fake.setUsers([{ id: 'U1' }, { id: 'U2' }, { id: 'U3' }]);
    const all = await client.users.list({});
    expect(all.members?.map((m) => m.id)).toEqual(['U1', 'U2', 'U3']);
    expect(all.response_metadata?.next_cursor).toBe('');
    const paged: string[] = [];
    for await (const page of client.paginate('users.list', { limit: 2 })) paged.push(...((page as unknown as { members: { id: string }[] }).members.map((m) => m.id)));
    expect(paged).toEqual(['U1', 'U2', 'U3']);

    expect((await client.conversations.open({ users: 'U2' })).channel?.id).toBe('DU2');
  });

  it('answers unknown methods and unauthenticated calls like Slack', async () => {
    await expect(client.apiCall('nope.never')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    const res = await fetch(`${fake.url}auth.test`, { method: 'POST' });
    expect(await res.json()).toEqual({ ok: false, error: 'not_authed' });
  });

  it('accepts JSON bodies too', async () => {
    const res = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-json' },
      body: JSON.stringify({ channel: 'C9', text: 'json', blocks }),
    });
    expect(await res.json()).toMatchObject({ ok: true, channel: 'C9' });
    expect(fake.callsTo('chat.postMessage')[0]).toMatchObject({ token: 'xoxb-json', body: { channel: 'C9', blocks } });
  });

  it('does the three-step external file upload and records the bytes', async () => {
    const csv = 'id,title\nR1,Board review\n';
    const res = await client.filesUploadV2({ channel_id: 'C1', filename: 'plan.csv', title: 'Plan', content: csv, initial_comment: 'Here it is' });
    expect(res.ok).toBe(true);
    const upload = await fake.waitFor('upload');
    expect(upload.bytes?.toString('utf8')).toBe(csv);
    const done = await fake.waitFor('files.completeUploadExternal');
    expect(done.body).toMatchObject({ channel_id: 'C1', initial_comment: 'Here it is' });
    expect(done.files).toEqual([{ id: upload.id, title: 'Plan', bytes: Buffer.from(csv), text: csv }]);
  });

  it('serves response_url and records what is POSTed there', async () => {
    const url = fake.responseUrl('cmd-1');
    const waiting = fake.waitFor('response_url', (c) => c.id === 'cmd-1');
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response_type: 'ephemeral', text: 'Only you', blocks }) });
    expect((await waiting).body).toEqual({ response_type: 'ephemeral', text: 'Only you', blocks });
    expect(fake.responses('cmd-1')).toHaveLength(1);
    expect(fake.responses('other')).toEqual([]);
  });
});

describe('fault injection', () => {
  it('429 with Retry-After surfaces as a rate-limited error', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 2 });
    // only the next call fails
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((c) => c.fault?.status)).toEqual([429, undefined]);
  });

  it('sends the raw 429 exactly like Slack', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    const res = await fetch(`${fake.url}chat.postMessage`, { method: 'POST', headers: { authorization: 'Bearer x' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toEqual({ ok: false, error: 'ratelimited' });
  });

  it('an error surfaces as a platform error; 500 as an HTTP error', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: ErrorCode.PlatformError, data: { ok: false, error: 'channel_not_found' } });
    fake.failNext('chat.postMessage', { status: 500 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 500 });
  });

  it('times fails that many calls', async () => {
    fake.failNext('users.info', { error: 'fatal_error', times: 2 });
    await expect(client.users.info({ user: 'U1' })).rejects.toMatchObject({ data: { error: 'fatal_error' } });
    await expect(client.users.info({ user: 'U1' })).rejects.toMatchObject({ data: { error: 'fatal_error' } });
    await expect(client.users.info({ user: 'U1' })).resolves.toMatchObject({ ok: true });
  });

  it('failFor applies per channel, until reset', async () => {
    fake.failFor('chat.postMessage', (body) => (body.channel === 'CGONE' ? { error: 'channel_not_found' } : null));
    await expect(client.chat.postMessage({ channel: 'CGONE', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true, channel: 'C1' });
    await expect(client.chat.postMessage({ channel: 'CGONE', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    fake.reset();
    await expect(client.chat.postMessage({ channel: 'CGONE', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('delayMs answers late, so a client timeout fires', async () => {
    const impatient = new WebClient('xoxb-test', { slackApiUrl: fake.url, retryConfig: { retries: 0 }, timeout: 100, logLevel: LogLevel.ERROR });
    fake.failNext('chat.postMessage', { delayMs: 1000 });
    await expect(impatient.chat.postMessage({ channel: 'C1', text: 'slow' })).rejects.toMatchObject({ code: ErrorCode.RequestError });
    fake.failNext('chat.postMessage', { delayMs: 150 });
    const started = Date.now();
    await expect(client.chat.postMessage({ channel: 'C1', text: 'late' })).resolves.toMatchObject({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('lets a custom handler answer a method the fake does not know', async () => {
    fake.handle('chat.getPermalink', (body) => ({ ok: true, permalink: `https://test.slack.com/archives/${body.channel}/p1` }));
    await expect(client.chat.getPermalink({ channel: 'C1', message_ts: '1.2' })).resolves.toMatchObject({ permalink: 'https://test.slack.com/archives/C1/p1' });
  });
});

describe('waitFor', () => {
  it('resolves for a call made after it started waiting', async () => {
    const waiting = fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C2');
    setTimeout(() => void client.chat.postMessage({ channel: 'C1', text: 'not this' }), 10);
    setTimeout(() => void client.chat.postMessage({ channel: 'C2', text: 'this' }), 30);
    const call = await waiting;
    expect(call.body).toMatchObject({ channel: 'C2', text: 'this' });
  });

  it('resolves at once for a call already made', async () => {
    await client.chat.postMessage({ channel: 'C3', text: 'earlier' });
    await expect(fake.waitFor('chat.postMessage')).resolves.toMatchObject({ body: { channel: 'C3' } });
  });

  it('rejects after the timeout, naming the calls it saw', async () => {
    await client.auth.test();
    await expect(fake.waitFor('views.open', undefined, 50)).rejects.toThrow(/views\.open.*auth\.test/);
  });
});
