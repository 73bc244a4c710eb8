import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';
import { slackClient, type SlackClient } from '../../helpers/slack-requests.js';

/** The two helpers together against a plain Bolt app: the shape every end-to-end test takes. */
const SECRET = 'smoke-secret';
let fake: FakeSlack;
let app: App;
let slack: SlackClient;

beforeAll(async () => {
  fake = await startFakeSlack({ users: [{ id: 'U1', name: 'ada', real_name: 'Ada Lovelace' }] });
  app = new App({
    token: 'xoxb-test',
    signingSecret: SECRET,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
  });
  app.command('/concerto', async ({ ack, command, respond, client }) => {
    await ack();
    const who = await client.users.info({ user: command.user_id });
    await respond({ response_type: 'ephemeral', text: `${who.user?.real_name} asked: ${command.text}` });
  });
  app.event('app_mention', async ({ event, say }) => {
    await say({ text: `on it: ${event.text}`, thread_ts: event.ts });
  });
  app.message(async ({ message, say }) => {
    if (message.channel_type === 'im' && 'text' in message) await say(`you said ${message.text}`);
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Home' } }] } });
  });
  app.action('mark_done', async ({ ack, body, client }) => {
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: `done: ${(body as { actions: { value: string }[] }).actions[0]?.value}` });
  });
  app.view('update', async ({ ack, view }) => {
    const note = view.state.values.note?.note_input?.value;
    if (!note) await ack({ response_action: 'errors', errors: { note: 'Say something' } });
    else await ack();
  });
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
  slack = slackClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, secret: SECRET, responseUrl: fake.responseUrl });
});
afterAll(async () => {
  await app.stop();
  await fake.close();
});

describe('Bolt app against the fake Slack', () => {
  it('answers url_verification', async () => {
    const res = await slack.urlVerification('ch4ll3nge');
    expect(res).toMatchObject({ status: 200, json: { challenge: 'ch4ll3nge' } });
  });

  it('acks a slash command and responds via response_url', async () => {
    const res = await slack.command({ text: 'who owns R12?', user_id: 'U1' });
    expect(res.status).toBe(200);
    const sent = await fake.waitFor('response_url', (c) => res.response_url.endsWith(`/${c.id}`));
    expect(sent.body).toMatchObject({ response_type: 'ephemeral', text: 'Ada Lovelace asked: who owns R12?' });
  });

  it('answers an app mention in its thread, and a DM', async () => {
    await slack.event(slack.appMention({ user: 'U1', text: '<@UBOT> status', channel: 'C7', ts: '1700000009.000100' }));
    const call = await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'C7');
    expect(call.body).toMatchObject({ text: 'on it: <@UBOT> status', thread_ts: '1700000009.000100' });
    await slack.event(slack.directMessage({ user: 'U1', text: 'hello', channel: 'DU1', ts: '1700000010.000100' }));
    expect((await fake.waitFor('chat.postMessage', (c) => c.body.channel === 'DU1')).body.text).toBe('you said hello');
  });

  it('publishes the home tab when opened', async () => {
    await slack.event(slack.appHomeOpened({ user: 'U1' }));
    const call = await fake.waitFor('views.publish');
    expect(call.body).toMatchObject({ user_id: 'U1', view: { type: 'home' } });
  });

  it('handles a block action and a view submission with errors', async () => {
    const res = await slack.interaction(slack.blockAction({ user: 'U1', action_id: 'mark_done', value: 'R12', channel: 'C7', response_url: fake.responseUrl('a1') }));
    expect(res.status).toBe(200);
    expect((await fake.waitFor('chat.postMessage', (c) => c.body.text === 'done: R12')).body.channel).toBe('U1');
    const bad = await slack.interaction(slack.viewSubmission({ user: 'U1', callback_id: 'update', values: { note: { note_input: '' } } }));
    expect(bad).toMatchObject({ status: 200, json: { response_action: 'errors', errors: { note: 'Say something' } } });
    const good = await slack.interaction(slack.viewSubmission({ user: 'U1', callback_id: 'update', values: { note: { note_input: 'fine' } } }));
    expect(good).toMatchObject({ status: 200, body: '' });
  });

  it('refuses forged, unsigned and stale requests', async () => {
    const body = 'payload=%7B%7D';
    expect((await slack.raw({ body, signature: 'v0=' + '0'.repeat(64) })).status).toBe(401);
    expect((await slack.raw({ body, signature: null })).status).toBe(401);
    expect((await slack.raw({ body, timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
  });
});
