import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../src/app/services.js';
import { UPDATE_BLOCK, UPDATE_INPUT, VIEW } from '../../../src/slack/ids.js';
import { registerUpdateSubmission } from '../../../src/slack/listeners/views/update-submission.js';
import { BOB, buildArgs, calledBefore, NS, openTestServices, recordingApp, slackDeps } from '../../helpers/slack-app.js';
import { viewSubmission } from '../../helpers/slack-requests.js';

/** The update modal's Save, called directly: every answer to Slack is in the ack. */

let services: Services;
beforeAll(async () => {
  services = await openTestServices();
});
afterAll(async () => services?.close());

function saveListener() {
  const { app, views } = recordingApp();
  registerUpdateSubmission(app, slackDeps(services));
  expect([...views.keys()]).toEqual([VIEW.update]);
  return views.get(VIEW.update)!;
}

function submission(user: string, f: { text: string; status?: string; delivery: string; evidence?: string }, metadata = JSON.stringify({ id: '4.2.1' })) {
  const body = viewSubmission({
    user,
    callback_id: VIEW.update,
    private_metadata: metadata,
    values: {
      [UPDATE_BLOCK.text]: { [UPDATE_INPUT.text]: f.text },
      [UPDATE_BLOCK.status]: { [UPDATE_INPUT.status]: { type: 'static_select', selected_option: f.status ? { value: f.status } : null } },
      [UPDATE_BLOCK.delivery]: { [UPDATE_INPUT.delivery]: f.delivery },
      [UPDATE_BLOCK.evidence]: { [UPDATE_INPUT.evidence]: f.evidence ?? '' },
    },
  });
  return buildArgs({ body, view: body.view, payload: body.view });
}

const updatesOn = async (id: string) => (await services.store.get(id))!.updates.length;

describe('the update modal submission listener', () => {
  it('an unreadable date: ack({response_action:"errors"}) keyed to the delivery block, and nothing else', async () => {
    const before = await updatesOn('4.2.1');
    const args = submission(NS, { text: 'Plan circulated', status: 'on_going', delivery: 'when pigs fly' });
    await saveListener()(args);
    expect(args.ack).toHaveBeenCalledTimes(1);
    expect(args.ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { [UPDATE_BLOCK.delivery]: expect.stringMatching(/^I can't read "when pigs fly" as a date/) } });
    expect(args.client.chat.postMessage).not.toHaveBeenCalled();
    expect(args.client.views.publish).not.toHaveBeenCalled();
    expect(await updatesOn('4.2.1')).toBe(before);
  });

  it('several bad fields are all reported at once', async () => {
    const args = submission(NS, { text: '', status: 'on_going', delivery: 'whenever', evidence: 'the minutes' });
    await saveListener()(args);
    const { errors } = args.ack.mock.calls[0]![0] as { errors: Record<string, string> };
    expect(Object.keys(errors).sort()).toEqual([UPDATE_BLOCK.delivery, UPDATE_BLOCK.evidence, UPDATE_BLOCK.text].sort());
    expect(errors[UPDATE_BLOCK.text]).toBe('Write what has happened since the last update.');
    expect(errors[UPDATE_BLOCK.evidence]).toBe('Paste a link starting with https:// (or leave it empty).');
  });

  it('a non-owner is refused on the text field', async () => {
    const args = submission(BOB, { text: 'Done it', status: 'complete', delivery: '' });
    await saveListener()(args);
    expect(args.ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { [UPDATE_BLOCK.text]: expect.stringMatching(/^Only an owner of 4\.2\.1/) } });
  });

  it('a good submission: a bare ack() (closing the modal) before the DM and the home re-publish', async () => {
    const before = await updatesOn('4.2.1');
    const args = submission(NS, { text: 'Demand list agreed', status: 'awaiting_decision', delivery: 'Q1 2018', evidence: 'https://minutes.example/dcb-3' });
    await saveListener()(args);
    expect(args.ack).toHaveBeenCalledWith();
    expect(calledBefore(args.ack, args.client.chat.postMessage)).toBe(true);
    expect(args.client.chat.postMessage).toHaveBeenCalledWith(expect.objectContaining({ channel: NS, text: 'Saved your update on 4.2.1, dated 4 Oct 2017.' }));
    expect(args.client.views.publish).toHaveBeenCalledWith(expect.objectContaining({ user_id: NS }));
    const after = (await services.store.get('4.2.1'))!;
    expect(after.updates).toHaveLength(before + 1);
    expect(after.updates.at(-1)).toMatchObject({ text: 'Demand list agreed', evidence: 'https://minutes.example/dcb-3' });
    expect(after.delivery).toMatchObject({ text: 'Q1 2018', end: '2018-03-31' });
  });

  it('a status the item cannot move to is an error on the status field', async () => {
    // 4.1.4 is Complete: it must be reopened before it can go anywhere else.
    const args = submission('UADMIN', { text: 'Back on', status: 'awaiting_decision', delivery: 'Completed' }, JSON.stringify({ id: '4.1.4' }));
    const { app, views } = recordingApp();
    registerUpdateSubmission(app, slackDeps(services, { admins: ['UADMIN'] }));
    await views.get(VIEW.update)!(args);
    expect(args.ack).toHaveBeenCalledWith({ response_action: 'errors', errors: { [UPDATE_BLOCK.status]: '4.1.4 cannot go from Complete to Awaiting decision; reopen it first.' } });
  });

  it('tampered private_metadata is refused on the text field without throwing', async () => {
    const args = submission(NS, { text: 'x', delivery: '' }, '{"id":');
    await saveListener()(args);
    expect(args.ack).toHaveBeenCalledTimes(1);
    const response = args.ack.mock.calls[0]![0] as { response_action: string; errors: Record<string, string> };
    expect(response.response_action).toBe('errors');
    expect(Object.keys(response.errors)).toEqual([UPDATE_BLOCK.text]);
    expect(response.errors[UPDATE_BLOCK.text]).toMatch(/lost track of its recommendation.*\/concerto update/);
  });
});

/*
 * Left out because it fails today (reported): tampered private_metadata is refused, but the message names no item.
 *   private_metadata '{"id":' → expected a sentence such as "This form no longer matches an item; close it and open it again."
 *   actual: errors.update_text = " is no longer in the plan." (the empty recId interpolated, leading space)
 */
