import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../../src/app/services.js';
import { UPDATE_BLOCK, UPDATE_INPUT, VIEW } from '../../../src/slack/ids.js';
import { registerUpdateSubmission } from '../../../src/slack/listeners/views/update-submission.js';
import { BOB, buildArgs, calledBefore, KG, NS, openTestServices, recordingApp, slackDeps } from '../../helpers/slack-app.js';
import { storeOf } from '../../helpers/slack-plans.js';
import { viewSubmission } from '../../helpers/slack-requests.js';

/**
 * The update modal's Save, called directly. Field errors are all in the ack, which is decided from the
 * form and its metadata alone; the save and its answer (a DM) come after it.
 */

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(async () => services?.close());

type Args = ReturnType<typeof buildArgs>;

/** Registers the listener on deps whose background client (profiles, App Home) is the args' client. */
function saveListener(args: Args, overrides: Parameters<typeof slackDeps>[1] = {}) {
  const { app, views } = recordingApp();
  const deps = slackDeps(services, overrides, args.client);
  registerUpdateSubmission(app, deps);
  expect([...views.keys()]).toEqual([VIEW.update]);
  return { run: () => views.get(VIEW.update)!(args), deps };
}

/** The metadata the real modal carries: the item's status and date as shown, and the timezone. */
async function metadataOf(id: string): Promise<string> {
  const rec = (await (await storeOf(services)).get(id))!;
  return JSON.stringify({ id, status: rec.status, delivery: rec.delivery.text, tz: 'Europe/London' });
}

async function submission(user: string, f: { text: string; status?: string; delivery: string; evidence?: string }, metadata?: string) {
  const body = viewSubmission({
    user,
    callback_id: VIEW.update,
    private_metadata: metadata ?? (await metadataOf('4.2.1')),
    values: {
      [UPDATE_BLOCK.text]: { [UPDATE_INPUT.text]: f.text },
      [UPDATE_BLOCK.status]: { [UPDATE_INPUT.status]: { type: 'static_select', selected_option: f.status ? { value: f.status } : null } },
      [UPDATE_BLOCK.delivery]: { [UPDATE_INPUT.delivery]: f.delivery },
      [UPDATE_BLOCK.evidence]: { [UPDATE_INPUT.evidence]: f.evidence ?? '' },
    },
  });
  return buildArgs({ body, view: body.view, payload: body.view });
}

const updatesOn = async (id: string) => (await (await storeOf(services)).get(id))!.updates.length;

describe('the update modal submission listener', () => {
  it('an unreadable date: ack({response_action:"errors"}) keyed to the delivery block, and nothing else', async () => {
    const before = await updatesOn('4.2.1');
    const args = await submission(NS, { text: 'Plan circulated', status: 'on_going', delivery: 'when pigs fly' });
    await saveListener(args).run();
    expect(args.ack).toHaveBeenCalledTimes(1);
    expect(args.ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { [UPDATE_BLOCK.delivery]: expect.stringMatching(/^I can't read "when pigs fly" as a date/) } });
    expect(args.client.chat.postMessage).not.toHaveBeenCalled();
    expect(args.client.users.info).not.toHaveBeenCalled();
    expect(await updatesOn('4.2.1')).toBe(before);
  });

  it('several bad fields are all reported at once', async () => {
    const args = await submission(NS, { text: '', status: 'on_going', delivery: 'whenever', evidence: 'the minutes' });
    await saveListener(args).run();
    const { errors } = args.ack.mock.calls[0]![0] as { errors: Record<string, string> };
    expect(Object.keys(errors).sort()).toEqual([UPDATE_BLOCK.delivery, UPDATE_BLOCK.evidence, UPDATE_BLOCK.text].sort());
    expect(errors[UPDATE_BLOCK.text]).toBe('Write what has happened since the last update.');
    expect(errors[UPDATE_BLOCK.evidence]).toBe('Paste a link starting with https:// (or leave it empty).');
  });

  it('acks before any database or Slack work: the profile is read after the ack', async () => {
    const args = await submission(KG, { text: 'Benefits agreed with the SAS', delivery: '' }, await metadataOf('4.0.1'));
    const { run, deps } = saveListener(args);
    const read = vi.spyOn(deps.users, 'get');
    await run();
    expect(args.ack).toHaveBeenCalledWith();
    expect(calledBefore(args.ack, read)).toBe(true);
    expect(calledBefore(args.ack, args.client.users.info)).toBe(true);
  });

  it('a non-owner: the modal closes, and a DM says it was not saved, why, and gives their text back', async () => {
    const before = await updatesOn('4.2.1');
    const args = await submission(BOB, { text: 'Done it', status: 'complete', delivery: '' });
    await saveListener(args).run();
    expect(args.ack).toHaveBeenCalledWith();
    expect(args.client.chat.postMessage).toHaveBeenCalledWith({
      channel: BOB,
      text: expect.stringMatching(/^Your update on 4\.2\.1 was not saved\. Only an owner of 4\.2\.1 .*\n.*`\/concerto update 4\.2\.1`.*\nWhat you wrote:\n>Done it$/s),
    });
    expect(await updatesOn('4.2.1')).toBe(before);
  });

  it('a good submission: a bare ack() (closing the modal) before the DM and the home re-publish', async () => {
    const before = await updatesOn('4.2.1');
    const args = await submission(NS, { text: 'Demand list agreed', status: 'awaiting_decision', delivery: 'Q1 2018', evidence: 'https://minutes.example/dcb-3' });
    await saveListener(args).run();
    expect(args.ack).toHaveBeenCalledWith();
    expect(calledBefore(args.ack, args.client.chat.postMessage)).toBe(true);
    expect(args.client.chat.postMessage).toHaveBeenCalledWith(expect.objectContaining({ channel: NS, text: 'Saved your update on 4.2.1, dated 4 Oct 2017.' }));
    await vi.waitFor(() => expect(args.client.views.publish).toHaveBeenCalledWith(expect.objectContaining({ user_id: NS })));
    const after = (await (await storeOf(services)).get('4.2.1'))!;
    expect(after.updates).toHaveLength(before + 1);
    expect(after.updates.at(-1)).toMatchObject({ text: 'Demand list agreed', evidence: 'https://minutes.example/dcb-3' });
    expect(after.delivery).toMatchObject({ text: 'Q1 2018', end: '2018-03-31' });
  });

  it('a status the item cannot move to is an error on the status field', async () => {
    // 4.1.4 is Complete: it must be reopened before it can go anywhere else.
    const args = await submission('UADMIN', { text: 'Back on', status: 'awaiting_decision', delivery: 'Completed' }, await metadataOf('4.1.4'));
    await saveListener(args, { admins: ['UADMIN'] }).run();
    expect(args.ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { [UPDATE_BLOCK.status]: '4.1.4 cannot go from Complete to Awaiting decision; reopen it first.' } });
  });

  it('a status that changed after the form opened is caught at the save, and said by DM', async () => {
    // The form showed 4.1.4 as On-going; it has since been completed.
    const args = await submission('UADMIN', { text: 'Back on', status: 'awaiting_decision', delivery: 'Completed' }, JSON.stringify({ id: '4.1.4', status: 'on_going', delivery: 'Completed', tz: 'Europe/London' }));
    await saveListener(args, { admins: ['UADMIN'] }).run();
    expect(args.ack).toHaveBeenCalledWith();
    expect(args.client.chat.postMessage).toHaveBeenCalledWith({ channel: 'UADMIN', text: expect.stringMatching(/^Your update on 4\.1\.4 was not saved\. 4\.1\.4 cannot go from Complete to Awaiting decision; reopen it first\./) });
  });

  it('tampered private_metadata is refused on the text field without throwing', async () => {
    const args = await submission(NS, { text: 'x', delivery: '' }, '{"id":');
    await saveListener(args).run();
    expect(args.ack).toHaveBeenCalledTimes(1);
    const response = args.ack.mock.calls[0]![0] as { response_action: string; errors: Record<string, string> };
    expect(response.response_action).toBe('errors');
    expect(Object.keys(response.errors)).toEqual([UPDATE_BLOCK.text]);
    expect(response.errors[UPDATE_BLOCK.text]).toMatch(/lost track of its recommendation.*\/concerto update/);
  });
});
