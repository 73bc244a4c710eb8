import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE, allText, callAfter, KG, NS, responseTo, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { storeOf } from '../helpers/slack-plans.js';
import { sign } from '../helpers/slack-requests.js';

/** What Slack's platform demands of a receiver: signatures, retries, escaping, and surviving junk. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A `/concerto` body exactly as Slack form-encodes it. */
function commandBody(user: string, text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'verification-token', team_id: 'T1', team_domain: 'test', channel_id: 'C1', channel_name: 'general', user_id: user,
    user_name: user.toLowerCase(), command: '/concerto', text, api_app_id: 'A1', response_url: responseUrl, trigger_id: '1.2.3',
  }).toString();
}

async function stillAnswers() {
  const res = await t.client.command({ text: 'status 4.2.1', user_id: NS });
  expect(res.status).toBe(200);
  expect((await responseTo(t.fake, res)).body.text).toMatch(/^4\.2\.1 \(ICT\): A mechanism/);
}

/** Everything the app has sent to Slack so far, as one string. */
const sentToSlack = () => t.fake.calls.filter((c) => c.method !== 'users.info' && c.method !== 'auth.test').map((c) => allText(c.body)).join('\n');

describe('request signatures', () => {
  it('refuses a forged signature with 401 and changes nothing', async () => {
    const before = { updates: await t.count('updates'), calls: t.fake.calls.length };
    const url = t.fake.responseUrl('forged');
    const body = commandBody(NS, 'update 4.2.1 forged update', url);
    const res = await t.client.raw({ body, signature: sign('not-the-secret', nowSeconds(), body) });
    expect(res.status).toBe(401);
    await settle(t.fake, 200);
    expect(await t.count('updates')).toBe(before.updates);
    // Bolt may check its token (auth.test) on the first request; nothing else reaches Slack.
    expect(t.fake.calls.slice(before.calls).map((c) => c.method).filter((m) => m !== 'auth.test')).toEqual([]);
  });

  it('refuses a correctly signed but stale request (over 5 minutes old) with 401', async () => {
    const before = await t.count('updates');
    const body = commandBody(NS, 'update 4.2.1 replayed update', t.fake.responseUrl('stale'));
    const res = await t.client.raw({ body, timestamp: nowSeconds() - 6 * 60 });
    expect(res.status).toBe(401);
    await settle(t.fake, 200);
    expect(await t.count('updates')).toBe(before);
    expect(t.fake.responses('stale')).toEqual([]);
  });

  it('GET /healthz answers 200 {ok:true} without a signature', async () => {
    const res = await fetch(`http://127.0.0.1:${t.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'pglite', model: 'ready' });
  });
});

describe('redelivered events are handled once', () => {
  const updatesWith = async (id: string, text: string) => (await (await storeOf(t.services)).get(id))!.updates.filter((u) => u.text === text).length;

  it('a retry after the first delivery (same event_id, X-Slack-Retry-Num: 1) is acked but not handled again', async () => {
    const event = t.client.directMessage({ user: NS, text: 'update 4.2.1 some text' });
    const first = await t.client.event(event, { event_id: 'EvRETRY0001' });
    await t.fake.waitFor('chat.postMessage', (c) => c.body.text === 'Recorded your update on 4.2.1, dated 4 Oct 2017.');
    const retry = await t.client.event(event, { event_id: 'EvRETRY0001', retryNum: 1, retryReason: 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await settle(t.fake);
    expect(t.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === `D${NS}`)).toHaveLength(1);
    expect(await updatesWith('4.2.1', 'some text')).toBe(1);
  });

  it('a retry arriving while the first delivery is still being handled is also dropped', async () => {
    // Hold the first delivery inside its listener: Slack answers its reply only after 800 ms.
    t.fake.failNext('chat.postMessage', { delayMs: 800 });
    const event = t.client.directMessage({ user: KG, text: 'update 5.2 papers went to the OPCCs' });
    const first = await t.client.event(event, { event_id: 'EvRETRY0002' });
    const reply = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${KG}`);
    expect(reply.fault?.delayMs).toBe(800); // still in flight
    const retry = await t.client.event(event, { event_id: 'EvRETRY0002', retryNum: 1, retryReason: 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${KG}`);
    await settle(t.fake);
    expect(t.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === `D${KG}`)).toHaveLength(1);
    expect(await updatesWith('5.2', 'papers went to the OPCCs')).toBe(1);
  });

  it('two deliveries of one event arriving at the same moment are handled once', async () => {
    const event = t.client.directMessage({ user: ALICE, text: 'update 9.2.1 JCOB agreed the simpler structure' });
    const [a, b] = await Promise.all([
      t.client.event(event, { event_id: 'EvRETRY0003' }),
      t.client.event(event, { event_id: 'EvRETRY0003', retryNum: 1, retryReason: 'http_timeout' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === `D${ALICE}`);
    await settle(t.fake);
    expect(t.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === `D${ALICE}`)).toHaveLength(1);
    expect(await updatesWith('9.2.1', 'JCOB agreed the simpler structure')).toBe(1);
    expect(await t.count('processed_events')).toBeGreaterThanOrEqual(3);
  });

  it('two different events with the same text are both handled', async () => {
    const before = t.fake.callsTo('chat.postMessage').length;
    await t.client.event(t.client.directMessage({ user: NS, text: 'mine' }), { event_id: 'EvDISTINCT01' });
    await t.client.event(t.client.directMessage({ user: NS, text: 'mine' }), { event_id: 'EvDISTINCT02' });
    await settle(t.fake);
    expect(t.fake.callsTo('chat.postMessage').slice(before)).toHaveLength(2);
  });
});

describe('hostile text is stored as the person saw it and never echoed as Slack markup', () => {
  const HOSTILE = '<!channel> <@U999> <https://evil.example|click me>';
  const RAW = ['<!channel>', '<@U999>', '<https://evil', '<!here>'];

  it('an update full of mentions and a forged link', async () => {
    const res = await t.client.command({ text: `update 4.2.1 ${HOSTILE}`, user_id: NS });
    expect((await responseTo(t.fake, res)).body.text).toBe('Recorded your update on 4.2.1, dated 4 Oct 2017.');
    // Slack's markup is turned back into what the person saw: the mention as "@channel", the link as its address.
    expect((await (await storeOf(t.services)).get('4.2.1'))!.updates.at(-1)).toMatchObject({
      text: '@channel @U999 click me (https://evil.example)',
      author: 'N. Shackleton',
      source: 'slack',
    });

    // Read back three ways: status, history, and App Home.
    const status = (await responseTo(t.fake, await t.client.command({ text: 'status 4.2.1', user_id: NS }))).body;
    expect(allText(status)).toContain('@\u2060channel @U999 click me (https://evil.example)');
    const history = (await responseTo(t.fake, await t.client.command({ text: 'history 4.2.1', user_id: NS }))).body;
    expect(allText(history)).toContain('@\u2060channel');
    await callAfter(t.fake, 'views.publish', () => t.client.event(t.client.appHomeOpened({ user: NS })));
    await settle(t.fake);
    const sent = sentToSlack();
    for (const raw of RAW) expect(sent).not.toContain(raw);
  });

  it('a DM question naming <!here> is answered with it escaped', async () => {
    const { call } = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(t.client.directMessage({ user: NS, text: "what's due for <!here>" })), (c) => c.body.channel === `D${NS}`);
    expect(call.body.text).toContain('I understood *open* but not *@\u2060here*: it is not a theme, an owner or a status in the plan.');
    for (const raw of RAW) expect(sentToSlack()).not.toContain(raw);
  });
});

describe('junk requests are refused and the server carries on', () => {
  it('malformed JSON in an event body', async () => {
    const res = await t.client.raw({ body: '{"type":"event_callback","event":', contentType: 'application/json' });
    expect(res.status).toBe(400);
    await stillAnswers();
  });

  it('a content type Slack never sends', async () => {
    const res = await t.client.raw({ body: 'status 4.2.1', contentType: 'text/plain' });
    expect(res.status).toBe(400);
    await stillAnswers();
  });

  it('an interaction payload that is not JSON', async () => {
    const res = await t.client.raw({ body: 'payload=%7Bnot%20json' });
    expect(res.status).toBe(400);
    await stillAnswers();
  });

  it('a 1 MB signed command: answered (or refused) without a crash', async () => {
    const huge = `update 4.2.1 ${'x'.repeat(1024 * 1024)}`;
    const before = await t.count('updates');
    const res = await t.client.command({ text: huge, user_id: NS });
    expect(res.status === 200 || (res.status >= 400 && res.status < 500)).toBe(true);
    if (res.status === 200) {
      const answer = (await responseTo(t.fake, res, 20_000)).body;
      expect(answer.text).not.toMatch(/^Recorded/);
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text.length).toBeLessThan(3001);
    }
    expect(await t.count('updates')).toBe(before);
    await stillAnswers();
  });

  it('a 1 MB form body that is nothing Slack sends: 4xx, and the server carries on', async () => {
    const res = await t.client.raw({ body: `junk=${'x'.repeat(1024 * 1024)}` });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await stillAnswers();
  });
});

describe('Slack\'s own escaping is undone before the core reads the text', () => {
  it('"R&D" arrives as "R&amp;D" and is stored as "R&D"', async () => {
    await callAfter(t.fake, 'chat.postMessage', () => t.client.event(t.client.directMessage({ user: NS, text: 'update 4.2.1 R&amp;D plan agreed' })), (c) => c.body.channel === `D${NS}`);
    expect((await (await storeOf(t.services)).get('4.2.1'))!.updates.at(-1)!.text).toBe('R&D plan agreed');
    const status = (await responseTo(t.fake, await t.client.command({ text: 'status 4.2.1', user_id: NS }))).body;
    expect(allText(status)).toContain('R&amp;D plan agreed');
    expect(allText(status)).not.toContain('&amp;amp;');
  });

  it('an owner name with "&" is found', async () => {
    const res = await t.client.command({ text: 'list Six Corporation Soles &amp; Chief Executives', user_id: NS });
    expect((await responseTo(t.fake, res)).body.text).toContain('Owned by Six Corporation Soles &amp; Chief Executives · as at 4 Oct 2017 — 3 items');
  });

  it('a pasted link is stored as its address, and becomes the evidence', async () => {
    await t.client.command({ text: 'update 4.2.1 minutes at <https://docs.example/m1|docs.example/m1>', user_id: NS });
    await settle(t.fake);
    expect((await (await storeOf(t.services)).get('4.2.1'))!.updates.at(-1)).toMatchObject({ text: 'minutes at https://docs.example/m1', evidence: 'https://docs.example/m1' });
  });
});
