import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackFetch } from '../../../src/slack/slack-fetch.js';

/** The Web API client's transport, against a server that answers as each case needs. */
let server: http.Server;
let base: string;
const received: Array<{ url: string; headers: http.IncomingHttpHeaders; body: string }> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      received.push({ url: req.url!, headers: req.headers, body });
      if (req.url === '/api/chat.postMessage') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-oauth-scopes': 'chat:write,users:read' });
        res.end(JSON.stringify({ ok: true, channel: 'C0123ABCD', ts: '1700000000.000100' }));
      } else if (req.url === '/api/users.info') {
        res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/elsewhere' });
        res.end();
      } else if (req.url === '/empty') {
        res.writeHead(204, { 'set-cookie': ['a=1', 'b=2'] });
        res.end();
      } else {
        res.writeHead(404);
        res.end('no such method');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('slackFetch', () => {
  it('carries a Web API call: the form body out, the JSON and the headers the client reads back', async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: `${base}/api/`, fetch: slackFetch, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
    const posted = await client.chat.postMessage({ channel: 'C0123ABCD', text: 'Overdue · 3 items', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*4.2.1* ✓' } }] });
    expect(posted.ok).toBe(true);
    expect(posted.ts).toBe('1700000000.000100');
    expect(posted.response_metadata?.scopes).toEqual(['chat:write', 'users:read']);
    const sent = received.at(-1)!;
    expect(sent.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(sent.headers.authorization).toBe('Bearer xoxb-test');
    const form = new URLSearchParams(sent.body);
    expect(form.get('channel')).toBe('C0123ABCD');
    expect(JSON.parse(form.get('blocks')!)).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*4.2.1* ✓' } }]);
  });

  it("gives the client Slack's Retry-After, so a rate-limited call is refused with the seconds to wait", async () => {
    const client = new WebClient('xoxb-test', { slackApiUrl: `${base}/api/`, fetch: slackFetch, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logLevel: LogLevel.ERROR });
    await expect(client.users.info({ user: 'U0123ABCD' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
  });

  it("answers Bolt's respond(): JSON to a response_url, a failure thrown with its status", async () => {
    const { createRespond } = await import('@slack/bolt/dist/context/create-respond.js');
    await expect(createRespond(slackFetch, `${base}/api/chat.postMessage`)({ text: 'Status of 4.2.1' })).resolves.toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse(received.at(-1)!.body)).toEqual({ text: 'Status of 4.2.1' });
    await expect(createRespond(slackFetch, `${base}/expired`)({ text: 'late' })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('refuses a redirect as fetch does when told redirect: "error"', async () => {
    await expect(slackFetch(`${base}/moved`, { method: 'POST', body: 'a=1', redirect: 'error' })).rejects.toThrow(/redirect \(HTTP 302\)/);
  });

  it('answers a status with no body, and keeps a header given twice', async () => {
    const res = await slackFetch(`${base}/empty`, { method: 'POST', body: 'x=1' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(Object.fromEntries(res.headers.entries())).toMatchObject({ 'set-cookie': 'a=1, b=2' });
  });

  it('gives an error status and its body to the caller, as fetch does', async () => {
    const res = await slackFetch(`${base}/nowhere`, { method: 'POST', body: 'x=1' });
    expect(res.status).toBe(404);
    expect(res.ok).toBe(false);
    expect(await res.text()).toBe('no such method');
    await expect(res.text()).rejects.toThrow(/already been read/);
  });

  it('gives up when the caller times out', async () => {
    const slow = http.createServer(() => {});
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/api/chat.postMessage`;
      await expect(slackFetch(url, { method: 'POST', body: 'x=1', signal: AbortSignal.timeout(100) })).rejects.toThrow();
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((r) => slow.close(() => r()));
    }
  });
});
