import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../src/app/services.js';
import type { EventLedger } from '../../../src/core/ports.js';
import { registerDedupe } from '../../../src/slack/listeners/dedupe.js';
import { registerAppHome } from '../../../src/slack/listeners/events/app-home.js';
import { registerMessages } from '../../../src/slack/listeners/events/messages.js';
import { BOB, buildArgs, fakeWebClient, NS, openTestServices, recordingApp, slackDeps } from '../../helpers/slack-app.js';
import { storeOf } from '../../helpers/slack-plans.js';
import { appHomeOpened, appMention, directMessage } from '../../helpers/slack-requests.js';

/** Events: the dedupe middleware, DMs, @mentions and App Home, with the listeners called directly. */

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(async () => services?.close());

/** An in-memory ledger: the first call with an id wins. */
function memoryLedger(): EventLedger & { firstSeen: ReturnType<typeof vi.fn> } {
  const seen = new Set<string>();
  return { firstSeen: vi.fn(async (id: string) => (seen.has(id) ? false : (seen.add(id), true))) };
}

function wired(ledger: EventLedger = memoryLedger(), background = fakeWebClient()) {
  const rec = recordingApp();
  const deps = slackDeps(services, { ledger }, background);
  registerDedupe(rec.app, deps);
  registerMessages(rec.app, deps);
  registerAppHome(rec.app, deps);
  return rec;
}

/** Bolt's chain for one event delivery: the global middleware, then the listener. */
async function deliver(rec: ReturnType<typeof wired>, listener: (a: any) => Promise<void>, envelope: Record<string, unknown>, args: ReturnType<typeof buildArgs>) {
  const [dedupe] = rec.middleware;
  await dedupe!({ body: envelope, next: () => listener(args) });
}

describe('the dedupe middleware', () => {
  it('lets the first delivery of an event_id through and stops every redelivery', async () => {
    const ledger = memoryLedger();
    const rec = wired(ledger);
    const next = vi.fn(async () => {});
    const envelope = { type: 'event_callback', event_id: 'Ev0001', event: { type: 'message' } };
    await rec.middleware[0]!({ body: envelope, next });
    await rec.middleware[0]!({ body: envelope, next });
    await rec.middleware[0]!({ body: { ...envelope, event_id: 'Ev0002' }, next });
    expect(next).toHaveBeenCalledTimes(2);
    expect(ledger.firstSeen.mock.calls.map((c) => c[0])).toEqual(['Ev0001', 'Ev0001', 'Ev0002']);
  });

  it('passes commands and interactions (no event_id) straight through without touching the ledger', async () => {
    const ledger = memoryLedger();
    const rec = wired(ledger);
    const next = vi.fn(async () => {});
    await rec.middleware[0]!({ body: { command: '/concerto', text: 'mine' }, next });
    await rec.middleware[0]!({ body: { command: '/concerto', text: 'mine' }, next });
    await rec.middleware[0]!({ body: { type: 'block_actions', actions: [] }, next });
    expect(next).toHaveBeenCalledTimes(3);
    expect(ledger.firstSeen).not.toHaveBeenCalled();
  });

  it('a retried DM reaches the message listener once: one reply, one update stored', async () => {
    const rec = wired();
    const event = directMessage({ user: NS, text: 'update 4.2.2 Dedupe check' });
    const client = fakeWebClient();
    const envelope = { type: 'event_callback', event_id: 'EvRetried', event };
    const before = (await (await storeOf(services)).get('4.2.2'))!.updates.length;
    await deliver(rec, rec.messages[0]!, envelope, buildArgs({ message: event, event, body: envelope }, client));
    await deliver(rec, rec.messages[0]!, envelope, buildArgs({ message: event, event, body: envelope }, client));
    expect(client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(client.chat.postMessage).toHaveBeenCalledWith(expect.objectContaining({ channel: `D${NS}`, text: 'Recorded your update on 4.2.2, dated 4 Oct 2017.' }));
    expect((await (await storeOf(services)).get('4.2.2'))!.updates).toHaveLength(before + 1);
  });
});

describe('the DM listener', () => {
  const dm = async (message: Record<string, unknown>) => {
    const rec = wired();
    const args = buildArgs({ message, event: message });
    await rec.messages[0]!(args);
    return args;
  };

  it('answers a person’s own DM in the DM channel', async () => {
    const args = await dm(directMessage({ user: NS, text: 'mine' }));
    expect(args.client.chat.postMessage).toHaveBeenCalledTimes(1);
    expect(args.client.chat.postMessage).toHaveBeenCalledWith(expect.objectContaining({ channel: `D${NS}`, text: 'Owned by you (N. Shackleton) · as at 4 Oct 2017 — 2 items' }));
  });

  it('ignores edits, bot posts (its own replies included) and messages outside a DM', async () => {
    const edited = { ...directMessage({ user: NS, text: 'mine' }), subtype: 'message_changed' };
    const bot = { ...directMessage({ user: 'UBOT', text: 'Saved 4.2.1:' }), bot_id: 'BBOT' };
    const channel = { ...directMessage({ user: NS, text: 'mine', channel: 'C1' }), channel_type: 'channel' };
    for (const m of [edited, bot, channel]) expect((await dm(m)).client.chat.postMessage).not.toHaveBeenCalled();
  });
});

describe('the app_mention listener', () => {
  it('strips the leading mention and answers in the channel', async () => {
    const rec = wired();
    const event = appMention({ user: BOB, text: '<@UBOT>, who owns 9.3.1?', channel: 'C5', ts: '1700000300.000100' });
    const args = buildArgs({ event, body: { event } });
    await rec.events.get('app_mention')!(args);
    const sent = args.client.chat.postMessage.mock.calls[0]![0] as unknown as { channel: string; text: string; thread_ts?: string };
    expect(sent.channel).toBe('C5');
    expect(sent.thread_ts).toBeUndefined();
    expect(sent.text).toContain('Chief Constables');
  });

  it('ignores mentions posted by bots', async () => {
    const rec = wired();
    const event = { ...appMention({ user: 'UOTHERBOT', text: '<@UBOT> overdue', channel: 'C5' }), bot_id: 'B2' };
    const args = buildArgs({ event, body: { event } });
    await rec.events.get('app_mention')!(args);
    expect(args.client.chat.postMessage).not.toHaveBeenCalled();
  });
});

describe('the app_home_opened listener', () => {
  it('publishes the home tab in the background, and only for the Home tab', async () => {
    const background = fakeWebClient();
    const rec = wired(memoryLedger(), background);
    await rec.events.get('app_home_opened')!(buildArgs({ event: appHomeOpened({ user: NS, tab: 'messages' }) }));
    await rec.events.get('app_home_opened')!(buildArgs({ event: appHomeOpened({ user: NS }) }));
    await vi.waitFor(() => expect(background.views.publish).toHaveBeenCalledWith(expect.objectContaining({ user_id: NS, view: expect.objectContaining({ type: 'home' }) })));
    expect(background.views.publish).toHaveBeenCalledTimes(1);
  });

  it('does not throw when Slack refuses the publish', async () => {
    const background = fakeWebClient();
    background.views.publish.mockRejectedValue(new Error('An API error occurred: invalid_blocks'));
    const rec = wired(memoryLedger(), background);
    await expect(rec.events.get('app_home_opened')!(buildArgs({ event: appHomeOpened({ user: NS }) }))).resolves.toBeUndefined();
    await vi.waitFor(() => expect(background.views.publish).toHaveBeenCalledTimes(1));
  });
});
