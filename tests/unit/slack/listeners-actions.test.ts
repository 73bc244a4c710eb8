import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../src/app/services.js';
import { ACTION, VIEW } from '../../../src/slack/ids.js';
import { registerItemButtons } from '../../../src/slack/listeners/actions/item-buttons.js';
import { registerListButtons } from '../../../src/slack/listeners/actions/list-buttons.js';
import { BOB, buildArgs, calledBefore, KG, NS, openTestServices, recordingApp, slackDeps } from '../../helpers/slack-app.js';
import { storeOf } from '../../helpers/slack-plans.js';
import { blockAction, type BlockActionInput } from '../../helpers/slack-requests.js';

/** Buttons, called directly: every one acks first; the re-run buttons only ever re-run questions. */

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(async () => services?.close());

function click(input: BlockActionInput) {
  const rec = recordingApp();
  const body = blockAction(input);
  const args = buildArgs({ body, action: body.actions[0], payload: body.actions[0] });
  // One fake client for replies and background work (profiles, App Home), so the test sees both.
  const deps = slackDeps(services, {}, args.client);
  registerListButtons(rec.app, deps);
  registerItemButtons(rec.app, deps);
  return { run: () => rec.actions.get(input.action_id)!(args), args };
}

const RESPONSE_URL = 'https://hooks.slack.com/actions/T1/1/x';

describe('Show more and Share in channel', () => {
  it('Show more acks, then replaces the message with the next page', async () => {
    const { run, args } = click({ user: NS, action_id: ACTION.showMore, value: JSON.stringify({ q: 'list', p: 1 }), channel: 'C1', response_url: RESPONSE_URL });
    await run();
    expect(calledBefore(args.ack, args.respond)).toBe(true);
    const message = args.respond.mock.calls[0]![0] as { replace_original: boolean; blocks: Array<Record<string, any>> };
    expect(message.replace_original).toBe(true);
    expect(message.blocks[1]!.elements[0].text).toBe('Showing 21–30 of 30');
  });

  it('Share posts in the channel the button was clicked in', async () => {
    const { run, args } = click({ user: KG, action_id: ACTION.share, value: JSON.stringify({ q: 'overdue', p: 0 }), channel: 'C3', response_url: RESPONSE_URL });
    await run();
    expect(calledBefore(args.ack, args.client.chat.postMessage)).toBe(true);
    expect(args.client.chat.postMessage).toHaveBeenCalledWith(expect.objectContaining({ channel: 'C3', text: `<@${KG}> asked: overdue\nOverdue · as at 4 Oct 2017 — 6 items` }));
    expect(args.respond).toHaveBeenCalledWith({ delete_original: true });
  });

  it.each([
    [ACTION.share, { q: `update 4.2.1 forged through a share button`, p: 0 }],
    [ACTION.showMore, { q: `complete 4.2.1 forged through show more`, p: 1 }],
    [ACTION.share, { q: `link <@${BOB}> "Portfolio Office"`, p: 0 }],
  ])('%s with a value that would change something (%j) is acked and ignored', async (actionId, value) => {
    const before = await (await storeOf(services)).get('4.2.1');
    const links = await slackDeps(services).people.links();
    const { run, args } = click({ user: NS, action_id: actionId, value: JSON.stringify(value), channel: 'C1', response_url: RESPONSE_URL });
    await run();
    expect(args.ack).toHaveBeenCalledTimes(1);
    expect(args.respond).not.toHaveBeenCalled();
    expect(args.client.chat.postMessage).not.toHaveBeenCalled();
    expect(await (await storeOf(services)).get('4.2.1')).toEqual(before);
    expect(await slackDeps(services).people.links()).toEqual(links);
  });

  it.each(['not json', '{"q":"list"}', '{"q":"list","p":-1}', ''])('a malformed value (%j) is acked and ignored', async (value) => {
    const { run, args } = click({ user: NS, action_id: ACTION.showMore, value, channel: 'C1', response_url: RESPONSE_URL });
    await run();
    expect(args.ack).toHaveBeenCalledTimes(1);
    expect(args.respond).not.toHaveBeenCalled();
  });
});

describe('item buttons (App Home)', () => {
  const home = { type: 'home', callback_id: '' };

  it('Update from App Home acks, opens a loading modal with the click’s trigger_id before reading anything, then fills it', async () => {
    const { run, args } = click({ user: NS, action_id: ACTION.openUpdate, value: '4.2.2', view: home, trigger_id: '99.88.home' });
    await run();
    expect(calledBefore(args.ack, args.client.views.open)).toBe(true);
    expect(calledBefore(args.client.views.open, args.client.views.update)).toBe(true);
    const opened = args.client.views.open.mock.calls[0]![0] as unknown as { trigger_id: string; view: { callback_id: string } };
    expect(opened.trigger_id).toBe('99.88.home');
    expect(opened.view.callback_id).toBe(VIEW.loading);
    const updated = args.client.views.update.mock.calls[0]![0] as unknown as { view_id: string; view: { callback_id: string; private_metadata: string } };
    expect(updated.view_id).toBe('V0MODAL01');
    expect(updated.view.callback_id).toBe(VIEW.update);
    expect(JSON.parse(updated.view.private_metadata).id).toBe('4.2.2');
  });

  it('Update by someone who may not change it is told why in the modal', async () => {
    const { run, args } = click({ user: BOB, action_id: ACTION.openUpdate, value: '4.2.2', view: home });
    await run();
    const updated = args.client.views.update.mock.calls[0]![0] as unknown as { view: { callback_id: string; blocks: Array<{ text: { text: string } }> } };
    expect(updated.view.callback_id).toBe(VIEW.loading);
    expect(updated.view.blocks[0]!.text.text).toMatch(/^Only an owner of 4\.2\.2/);
    expect(args.client.chat.postMessage).not.toHaveBeenCalled();
  });

  it('Complete acks, marks the item complete, tells the person by DM and re-publishes their home', async () => {
    const { run, args } = click({ user: NS, action_id: ACTION.complete, value: '4.2.2', view: home });
    await run();
    expect(calledBefore(args.ack, args.client.chat.postMessage)).toBe(true);
    expect((await (await storeOf(services)).get('4.2.2'))!.status).toBe('complete');
    expect(args.client.chat.postMessage).toHaveBeenCalledWith(expect.objectContaining({ channel: NS }));
    await vi.waitFor(() => expect(args.client.views.publish).toHaveBeenCalledWith(expect.objectContaining({ user_id: NS })));
  });

  it('History in a message answers ephemerally in place', async () => {
    const { run, args } = click({ user: BOB, action_id: ACTION.history, value: '4.2.2', channel: 'C1', response_url: RESPONSE_URL });
    await run();
    expect(calledBefore(args.ack, args.respond)).toBe(true);
    expect(args.respond).toHaveBeenCalledWith(expect.objectContaining({ response_type: 'ephemeral', replace_original: false, text: 'History of 4.2.2:' }));
    expect(args.client.chat.postMessage).not.toHaveBeenCalled();
  });
});
