import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sign, slackClient, type SlackClient } from '../../helpers/slack-requests.js';

const SLACK_DOC_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const SLACK_DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

describe('sign', () => {
  it("matches Slack's documented example", () => {
    expect(sign(SLACK_DOC_SECRET, 1531420618, SLACK_DOC_BODY)).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
    expect(sign(SLACK_DOC_SECRET, '1531420618', Buffer.from(SLACK_DOC_BODY))).toBe('v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503');
  });
});

/** Captures what the client sends and answers 200 `{"ok":true}`. */
interface Captured { headers: IncomingHttpHeaders; body: string; url: string }
const SECRET = 'test-signing-secret';
const NOW = 1_760_000_000;
let server: Server;
let seen: Captured[] = [];
let slack: SlackClient;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), url: req.url ?? '' });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  slack = slackClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, secret: SECRET, now: () => NOW });
});
beforeEach(() => { seen = []; });
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const last = (): Captured => seen.at(-1)!;
/** Bolt's own verification, at the client's clock. */
const boltAccepts = (c: Captured) =>
  verifySlackRequest({
    signingSecret: SECRET,
    body: c.body,
    headers: { 'x-slack-signature': String(c.headers['x-slack-signature']), 'x-slack-request-timestamp': Number(c.headers['x-slack-request-timestamp']) },
    nowMilliseconds: NOW * 1000,
  });

describe('slackClient', () => {
  it('sends a slash command form-encoded and signed, in the order Slack uses', async () => {
    const res = await slack.command({ text: 'who owns R12?', user_id: 'U1', channel_id: 'C7', response_url: 'http://x/response/1' });
    expect(res).toMatchObject({ status: 200, json: { ok: true }, body: '{"ok":true}', response_url: 'http://x/response/1' });
    const c = last();
    expect(c.url).toBe('/slack/events');
    expect(c.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(c.headers['x-slack-request-timestamp']).toBe(String(NOW));
    expect(c.headers['x-slack-signature']).toBe(sign(SECRET, NOW, c.body));
    expect(() => boltAccepts(c)).not.toThrow();
    const form = new URLSearchParams(c.body);
    expect([...form.keys()]).toEqual(['token', 'team_id', 'team_domain', 'channel_id', 'channel_name', 'user_id', 'user_name', 'command', 'text', 'api_app_id', 'is_enterprise_install', 'response_url', 'trigger_id']);
    expect(Object.fromEntries(form)).toMatchObject({ command: '/concerto', text: 'who owns R12?', user_id: 'U1', channel_id: 'C7', team_id: 'T1', response_url: 'http://x/response/1' });
    expect(form.get('trigger_id')).toMatch(/^\d+\.\d+\.[0-9a-f]{32}$/);
  });

  it('makes the default response_url with the responseUrl option', async () => {
    const withUrls = slackClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, secret: SECRET, responseUrl: (id) => `http://fake/response/${id}` });
    const res = await withUrls.command({ text: '', user_id: 'U1' });
    expect(res.response_url).toMatch(/^http:\/\/fake\/response\/cmd-/);
    expect(new URLSearchParams(last().body).get('response_url')).toBe(res.response_url);
  });

  it('sends interactions as payload=<JSON>', async () => {
    await slack.interaction(slack.blockAction({ user: 'U1', action_id: 'mark_done', value: 'R12', channel: 'C7', response_url: 'http://x/r' }));
    const c = last();
    expect(() => boltAccepts(c)).not.toThrow();
    const payload = JSON.parse(new URLSearchParams(c.body).get('payload')!);
    expect(payload).toMatchObject({
      type: 'block_actions', user: { id: 'U1' }, team: { id: 'T1' }, api_app_id: 'A1', channel: { id: 'C7' },
      container: { type: 'message', channel_id: 'C7' }, response_url: 'http://x/r', actions: [{ action_id: 'mark_done', value: 'R12', type: 'button' }],
    });
  });

  it('builds block actions inside a view and view submissions with state values', () => {
    const inHome = slack.blockAction({ user: 'U1', action_id: 'open', view: { id: 'VHOME', type: 'home' } });
    expect(inHome).toMatchObject({ container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' } });
    expect(inHome).not.toHaveProperty('channel');
    const sub = slack.viewSubmission({
      user: 'U1', callback_id: 'update', private_metadata: '{"rec":"R12"}',
      values: { note: { note_input: 'On track' }, status: { status_select: { type: 'static_select', selected_option: { value: 'green' } } } },
    });
    expect(sub).toMatchObject({
      type: 'view_submission', user: { id: 'U1' },
      view: { type: 'modal', callback_id: 'update', private_metadata: '{"rec":"R12"}', state: { values: {
        note: { note_input: { type: 'plain_text_input', value: 'On track' } },
        status: { status_select: { type: 'static_select', selected_option: { value: 'green' } } },
      } } },
    });
  });

  it('sends events in an event_callback envelope, with retry headers when asked', async () => {
    await slack.event(slack.appMention({ user: 'U1', text: '<@UBOT> status of R12', channel: 'C7', ts: '1700000001.000100' }), { event_id: 'Ev1', retryNum: 1, retryReason: 'http_timeout' });
    const c = last();
    expect(c.headers['content-type']).toBe('application/json');
    expect(c.headers['x-slack-retry-num']).toBe('1');
    expect(c.headers['x-slack-retry-reason']).toBe('http_timeout');
    expect(() => boltAccepts(c)).not.toThrow();
    expect(JSON.parse(c.body)).toMatchObject({
      type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: 'Ev1', event_time: NOW,
      authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
      event: { type: 'app_mention', user: 'U1', text: '<@UBOT> status of R12', channel: 'C7', ts: '1700000001.000100', event_ts: '1700000001.000100' },
    });
    await slack.event(slack.directMessage({ user: 'U1', text: 'hi', channel: 'DU1', ts: '1.1' }));
    expect(last().headers).not.toHaveProperty('x-slack-retry-num');
    expect(JSON.parse(last().body).event).toMatchObject({ type: 'message', channel_type: 'im', channel: 'DU1', user: 'U1', text: 'hi' });
    expect(slack.appHomeOpened({ user: 'U1' })).toMatchObject({ type: 'app_home_opened', user: 'U1', tab: 'home', channel: 'DU1' });
  });

  it('sends url_verification', async () => {
    await slack.urlVerification('abc123');
    expect(JSON.parse(last().body)).toEqual({ token: expect.any(String), challenge: 'abc123', type: 'url_verification' });
    expect(() => boltAccepts(last())).not.toThrow();
  });

  it('raw signs by default, and forges, omits or backdates on request', async () => {
    await slack.raw({ body: '{not json', contentType: 'application/json' });
    expect(() => boltAccepts(last())).not.toThrow();
    await slack.raw({ body: 'a=1', signature: 'v0=deadbeef' });
    expect(last().headers['x-slack-signature']).toBe('v0=deadbeef');
    expect(() => boltAccepts(last())).toThrow();
    await slack.raw({ body: 'a=1', signature: null });
    expect(last().headers).not.toHaveProperty('x-slack-signature');
    await slack.raw({ body: 'a=1', timestamp: NOW - 6 * 60 });
    expect(last().headers['x-slack-signature']).toBe(sign(SECRET, NOW - 6 * 60, 'a=1'));
    expect(() => boltAccepts(last())).toThrow(/stale|old|timestamp/i);
    await slack.raw({ body: 'a=1', headers: { 'x-slack-request-timestamp': undefined, 'content-type': 'text/plain' } });
    expect(last().headers).not.toHaveProperty('x-slack-request-timestamp');
    expect(last().headers['content-type']).toBe('text/plain');
    const big = Buffer.alloc(64 * 1024, 'a');
    await slack.raw({ body: big });
    expect(last().body.length).toBe(big.length);
  });
});
