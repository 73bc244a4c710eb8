import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../src/app/services.js';
import { registerConcertoCommand } from '../../../src/slack/listeners/commands/concerto.js';
import { COULD_NOT_COMPLETE } from '../../../src/slack/listeners/failure.js';
import { ACTION, COMMAND, VIEW } from '../../../src/slack/ids.js';
import { BOB, buildArgs, calledBefore, fakeWebClient, NS, openTestServices, recordingApp, slackDeps } from '../../helpers/slack-app.js';
import { storeOf } from '../../helpers/slack-plans.js';

/** The `/concerto` listener called directly, with fake ack/respond/client. */

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(async () => services?.close());

/** The listener on deps whose background client (profiles, App Home) is the args' client, so a test sees both. */
function concerto(overrides: Parameters<typeof slackDeps>[1] = {}) {
  const { app, commands } = recordingApp();
  return (args: ReturnType<typeof buildArgs>) => {
    registerConcertoCommand(app, slackDeps(services, overrides, args.client));
    return commands.get(COMMAND)!(args);
  };
}

const command = (user: string, text: string) => ({ command: { command: COMMAND, text, user_id: user, channel_id: 'C1', trigger_id: '13345224609.738474920.8088930838d88f008e0', response_url: 'https://hooks.slack.com/commands/T1/1/x' } });

describe('the /concerto listener', () => {
  it('registers for /concerto only', () => {
    const { app, commands } = recordingApp();
    registerConcertoCommand(app, slackDeps(services));
    expect([...commands.keys()]).toEqual([COMMAND]);
  });

  it('acks (with nothing) before it responds, and responds ephemerally with a Share button', async () => {
    const args = buildArgs(command(NS, 'status 4.2.1'));
    await concerto()(args);
    expect(args.ack).toHaveBeenCalledTimes(1);
    expect(args.ack).toHaveBeenCalledWith();
    expect(calledBefore(args.ack, args.respond)).toBe(true);
    const message = args.respond.mock.calls[0]![0] as Record<string, any>;
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toMatch(/^4\.2\.1 \(ICT\): /);
    expect(message.blocks.at(-1).elements.map((e: { action_id: string }) => e.action_id)).toEqual([ACTION.share]);
  });

  it('acks, opens a loading modal with the command’s trigger_id before reading anything, fills it, and does not respond', async () => {
    const args = buildArgs(command(NS, 'update 4.2.1'));
    await concerto()(args);
    expect(calledBefore(args.ack, args.client.views.open)).toBe(true);
    expect(calledBefore(args.client.views.open, args.client.views.update)).toBe(true);
    expect(args.client.views.open).toHaveBeenCalledTimes(1);
    const opened = args.client.views.open.mock.calls[0]![0] as unknown as { trigger_id: string; view: { callback_id: string } };
    expect(opened.trigger_id).toBe('13345224609.738474920.8088930838d88f008e0');
    expect(opened.view.callback_id).toBe(VIEW.loading);
    const updated = args.client.views.update.mock.calls[0]![0] as unknown as { view_id: string; view: { callback_id: string; private_metadata: string } };
    expect(updated.view.callback_id).toBe(VIEW.update);
    expect(JSON.parse(updated.view.private_metadata)).toEqual({ id: '4.2.1', status: 'on_going', delivery: '', tz: 'Europe/London', channel: 'C1' });
    expect(args.respond).not.toHaveBeenCalled();
  });

  it('shows the refusal in the modal for someone who may not change the item', async () => {
    const args = buildArgs(command(BOB, 'update 4.2.1'));
    await concerto()(args);
    const updated = args.client.views.update.mock.calls[0]![0] as unknown as { view: { callback_id: string; submit?: unknown; blocks: Array<{ text: { text: string } }> } };
    expect(updated.view.callback_id).toBe(VIEW.loading);
    expect(updated.view.submit).toBeUndefined();
    expect(updated.view.blocks[0]!.text.text).toMatch(/^Only an owner of 4\.2\.1 \(N\. Shackleton\) or an admin can change it\./);
    expect(args.respond).not.toHaveBeenCalled();
  });

  it('an update with text is a one-shot update, not a modal', async () => {
    const args = buildArgs(command(NS, 'update 4.2.2 Supplier shortlist agreed'));
    await concerto()(args);
    expect(args.client.views.open).not.toHaveBeenCalled();
    expect(args.respond).toHaveBeenCalledWith(expect.objectContaining({ response_type: 'ephemeral', text: 'Recorded your update on 4.2.2, dated 4 Oct 2017.' }));
    expect((await (await storeOf(services)).get('4.2.2'))!.updates.at(-1)).toMatchObject({ text: 'Supplier shortlist agreed', source: 'slack' });
  });

  it('an empty command is help', async () => {
    const args = buildArgs(command(NS, '   '));
    await concerto()(args);
    const text = (args.respond.mock.calls[0]![0] as { blocks: Array<{ text?: { text: string } }> }).blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text.split('\n')[0]).toBe('Ask me about the action plan, or change an item you own:');
    // Placeholders in the grammar are escaped like any other text.
    expect(text).toContain('`complete 4.2.1 &lt;evidence&gt;`');
  });

  it('a failure inside still acks first, then says nothing was saved', async () => {
    const people = slackDeps(services).people;
    const broken = Object.assign(Object.create(people) as typeof people, { ownersFor: vi.fn(async () => Promise.reject(new Error('connection terminated'))) });
    const args = buildArgs(command(NS, 'mine'));
    await concerto({ people: broken })(args);
    expect(calledBefore(args.ack, args.respond)).toBe(true);
    expect(args.respond).toHaveBeenCalledWith({ response_type: 'ephemeral', text: COULD_NOT_COMPLETE });
    expect(args.logger.error).toHaveBeenCalledTimes(1);
  });

  it('acks even when Slack’s users.info is down, and answers from what it knows', async () => {
    const client = fakeWebClient();
    client.users.info.mockRejectedValue(new Error('An API error occurred: ratelimited'));
    const args = buildArgs(command('UNEWPERSON', 'overdue'), client);
    await concerto()(args);
    expect(calledBefore(args.ack, args.respond)).toBe(true);
    expect((args.respond.mock.calls[0]![0] as { text: string }).text).toBe('Overdue · as at 4 Oct 2017 — 6 items');
  });
});
