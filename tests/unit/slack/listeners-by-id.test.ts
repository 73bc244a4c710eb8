import { App, type Receiver } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { listenersById } from '../../../src/slack/listeners/listeners-by-id.js';
import { blockAction } from '../../helpers/slack-requests.js';

/** Buttons, forms and menus by id: one Bolt listener per kind, each request reaching the listener of its id and no other. */

const receiver: Receiver = { init: () => {}, start: async () => {}, stop: async () => {} };

function boltApp(): App {
  return new App({ receiver, authorize: async () => ({ botToken: 'xoxb-test', botId: 'B0TEST', botUserId: 'U0BOT' }), logLevel: 'error' as never });
}

const listenerCount = (app: App) => (app as unknown as { listeners: unknown[] }).listeners.length;

async function deliver(app: App, body: Record<string, unknown>): Promise<void> {
  await app.processEvent({ body, ack: async () => {} });
}

function viewSubmission(callbackId: string) {
  return { type: 'view_submission', team: { id: 'T0TEST' }, user: { id: 'U0ALICE' }, api_app_id: 'A0TEST', trigger_id: '1.2.3', view: { id: 'V0TEST', callback_id: callbackId, state: { values: {} }, private_metadata: '' } };
}

describe('listenersById', () => {
  it('gives Bolt one listener per kind however many ids are registered', () => {
    const app = boltApp();
    const before = listenerCount(app);
    const { listeners, mount } = listenersById(app);
    for (const id of ['concerto.update', 'concerto.more', 'concerto.share', 'concerto.choose']) listeners.action(id, async () => {});
    for (const id of ['concerto.update_modal', 'concerto.decision_modal']) listeners.view(id, async () => {});
    listeners.options('concerto.decision_items', async () => {});
    mount();
    expect(listenerCount(app) - before).toBe(3);
  });

  it('hands a button click to the listener for its action id, and to no other', async () => {
    const app = boltApp();
    const { listeners, mount } = listenersById(app);
    const update = vi.fn(async () => {});
    const share = vi.fn(async () => {});
    listeners.action('concerto.update', update);
    listeners.action('concerto.share', share);
    mount();
    await deliver(app, blockAction({ user: 'U0ALICE', action_id: 'concerto.share', value: 'x', channel: 'C0TEST' }) as never);
    expect(share).toHaveBeenCalledTimes(1);
    expect(update).not.toHaveBeenCalled();
    expect((share.mock.calls[0] as unknown as [{ action: { action_id: string } }])[0].action.action_id).toBe('concerto.share');
  });

  it('does not take an id that only begins like a registered one', async () => {
    const app = boltApp();
    const { listeners, mount } = listenersById(app);
    const update = vi.fn(async () => {});
    listeners.action('concerto.update', update);
    mount();
    await deliver(app, blockAction({ user: 'U0ALICE', action_id: 'concerto.update_extra', value: 'x', channel: 'C0TEST' }) as never).catch(() => {});
    await deliver(app, blockAction({ user: 'U0ALICE', action_id: 'concertoXupdate', value: 'x', channel: 'C0TEST' }) as never).catch(() => {});
    expect(update).not.toHaveBeenCalled();
  });

  it('hands a form submission to the listener for its callback id', async () => {
    const app = boltApp();
    const { listeners, mount } = listenersById(app);
    const decision = vi.fn(async () => {});
    const meeting = vi.fn(async () => {});
    listeners.view('concerto.decision_modal', decision);
    listeners.view('concerto.meeting_modal', meeting);
    mount();
    await deliver(app, viewSubmission('concerto.meeting_modal'));
    expect(meeting).toHaveBeenCalledTimes(1);
    expect(decision).not.toHaveBeenCalled();
  });

  it('hands a menu search to the listener for its action id', async () => {
    const app = boltApp();
    const { listeners, mount } = listenersById(app);
    const items = vi.fn(async () => {});
    listeners.options('concerto.decision_items', items);
    mount();
    await deliver(app, { type: 'block_suggestion', team: { id: 'T0TEST' }, user: { id: 'U0ALICE' }, api_app_id: 'A0TEST', action_id: 'concerto.decision_items', block_id: 'items', value: '4.2' });
    expect(items).toHaveBeenCalledTimes(1);
  });

  it('refuses a second listener for the same id', () => {
    const { listeners } = listenersById(boltApp());
    listeners.action('concerto.update', async () => {});
    expect(() => listeners.action('concerto.update', async () => {})).toThrow(/Two action listeners for the id concerto\.update/);
  });

  it('passes a listener by pattern or constraint straight to Bolt', async () => {
    const app = boltApp();
    const before = listenerCount(app);
    const { listeners, mount } = listenersById(app);
    const closed = vi.fn(async () => {});
    listeners.view({ callback_id: 'concerto.update_modal', type: 'view_closed' }, closed);
    expect(listenerCount(app) - before).toBe(1);
    mount();
    expect(listenerCount(app) - before).toBe(1);
  });
});
