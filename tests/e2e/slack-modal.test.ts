import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_BLOCK, UPDATE_INPUT, VIEW } from '../../src/slack/ids.js';
import { allText, BOB, callAfter, NS, responseTo, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { storeOf } from '../helpers/slack-plans.js';

/**
 * `/concerto update 4.2.1` opens a loading modal at once (the trigger expires in 3 seconds) and fills
 * it with the form; its Save is checked field by field in the ack, from the form alone, then saved.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.stop());

interface Fields {
  text: string;
  status?: string;
  delivery: string;
  evidence?: string;
}

/** A view_submission of the update modal, as Slack sends it for these typed values, with the metadata the modal carries. */
async function submit(user: string, recId: string, f: Fields) {
  const rec = (await (await storeOf(t.services)).get(recId))!;
  const select = f.status ? { type: 'static_select', selected_option: { value: f.status, text: { type: 'plain_text', text: f.status } } } : { type: 'static_select', selected_option: null };
  return t.client.interaction(
    t.client.viewSubmission({
      user,
      callback_id: VIEW.update,
      private_metadata: JSON.stringify({ id: recId, status: rec.status, delivery: rec.delivery.text, tz: 'Europe/London', channel: 'C1' }),
      values: {
        [UPDATE_BLOCK.text]: { [UPDATE_INPUT.text]: f.text },
        [UPDATE_BLOCK.status]: { [UPDATE_INPUT.status]: select },
        [UPDATE_BLOCK.delivery]: { [UPDATE_INPUT.delivery]: f.delivery },
        [UPDATE_BLOCK.evidence]: { [UPDATE_INPUT.evidence]: f.evidence ?? '' },
      },
    }),
  );
}

async function counts() {
  return { updates: await t.count('updates'), audits: await t.count('audit_events'), rec: await (await storeOf(t.services)).get('4.2.1') };
}

describe('opening the modal', () => {
  it('opens the update modal with the command’s trigger_id, the item in private_metadata, and the four inputs', async () => {
    const trigger = '1111.2222.modal-trigger';
    const res = await t.client.command({ text: 'update 4.2.1', user_id: NS, channel_id: 'C1', trigger_id: trigger });
    expect(res).toMatchObject({ status: 200, body: '' });
    const open = (await t.fake.waitFor('views.open')).body;
    expect(open.trigger_id).toBe(trigger);
    // Opened before anything is read; the form replaces it.
    expect(open.view).toMatchObject({ type: 'modal', callback_id: VIEW.loading, title: { text: 'Update 4.2.1' } });
    const update = (await t.fake.waitFor('views.update')).body;
    expect(update.view_id).toMatch(/^V/);
    const view = update.view;
    expect(view).toMatchObject({ type: 'modal', callback_id: VIEW.update, title: { text: 'Update 4.2.1' }, submit: { text: 'Save' } });
    // What the Save is checked against before its ack: the item's status and date as shown, and the timezone.
    expect(JSON.parse(view.private_metadata)).toEqual({ id: '4.2.1', status: 'on_going', delivery: '', tz: 'Europe/London', channel: 'C1' });

    const inputs = (view.blocks as Array<Record<string, any>>).filter((b) => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.element.action_id, b.optional])).toEqual([
      [UPDATE_BLOCK.text, UPDATE_INPUT.text, false],
      [UPDATE_BLOCK.status, UPDATE_INPUT.status, true],
      [UPDATE_BLOCK.delivery, UPDATE_INPUT.delivery, true],
      [UPDATE_BLOCK.evidence, UPDATE_INPUT.evidence, true],
    ]);
    const status = inputs[1]!.element;
    expect(status.type).toBe('static_select');
    // The current status first, then those On-going may move to.
    expect(status.options.map((o: { value: string }) => o.value)).toEqual(['on_going', 'awaiting_decision', 'complete', 'not_being_implemented']);
    expect(status.initial_option.value).toBe('on_going');
    expect(inputs[2]!.element.initial_value).toBeUndefined(); // 4.2.1 has no delivery date yet
    expect(allText(view.blocks)).toContain('*Owners:* N. Shackleton');
    // Nothing is said at the response_url when the modal opens.
    expect(t.fake.responses(res.response_url.split('/').pop()!)).toEqual([]);
  });

  it('a non-owner asking for the modal is told why in it, with no Save button', async () => {
    const { call } = await callAfter(t.fake, 'views.update', () => t.client.command({ text: 'update 4.2.1', user_id: BOB }));
    expect(call.body.view.callback_id).toBe(VIEW.loading);
    expect(call.body.view.submit).toBeUndefined();
    expect(allText(call.body.view.blocks)).toContain('Only an owner of 4.2.1 (N. Shackleton) or an admin can change it.');
  });
});

describe('submitting the modal: field errors', () => {
  it('an unreadable delivery date is an error on the delivery field, saying what it can read; nothing is saved', async () => {
    const before = await counts();
    const res = await submit(NS, '4.2.1', { text: 'Plan circulated', status: 'awaiting_decision', delivery: 'whenever' });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(['response_action', 'errors']);
    expect(res.json.response_action).toBe('errors');
    expect(Object.keys(res.json.errors)).toEqual([UPDATE_BLOCK.delivery]);
    const message: string = res.json.errors[UPDATE_BLOCK.delivery];
    expect(message).toMatch(/^I can't read "whenever" as a date/);
    expect(message).toContain('Try a month ("March 2018"), a day ("31/03/2018"), a quarter ("Q1 2018")');
    expect(await counts()).toEqual(before);
  });

  it('an empty update text is an error on the text field', async () => {
    const before = await counts();
    const res = await submit(NS, '4.2.1', { text: '   ', status: 'on_going', delivery: 'Q1 2018' });
    expect(res.json).toEqual({ response_action: 'errors', errors: { [UPDATE_BLOCK.text]: 'Write what has happened since the last update.' } });
    expect(await counts()).toEqual(before);
  });

  it('a non-owner’s Save (the form was opened before they lost the item) is refused by DM with their text, and nothing is saved', async () => {
    const before = await counts();
    const { sent: res, call } = await callAfter(t.fake, 'chat.postMessage', () => submit(BOB, '4.2.1', { text: 'I did it', status: 'complete', delivery: '' }), (c) => c.body.channel === BOB);
    expect(res).toMatchObject({ status: 200, body: '' });
    expect(call.body.text).toMatch(/^Your update on 4\.2\.1 was not saved\. Only an owner of 4\.2\.1 \(N\. Shackleton\) or an admin can change it\./);
    expect(call.body.text).toContain('/concerto update 4.2.1');
    expect(call.body.text).toContain('>I did it');
    expect(await counts()).toEqual(before);
  });
});

describe('submitting the modal: saved', () => {
  it('closes the modal (empty 200), saves one change, confirms by DM with the date reading, and re-publishes App Home', async () => {
    const before = await counts();
    const publishes = t.fake.callsTo('views.publish').length;
    const res = await submit(NS, '4.2.1', { text: 'Demand list circulated to the DCB', status: 'awaiting_decision', delivery: 'end of next month', evidence: '' });
    expect(res).toMatchObject({ status: 200, body: '' });

    const dm = (await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === NS)).body;
    expect(dm.text).toBe('Saved your update on 4.2.1, dated 4 Oct 2017.');
    expect(dm.blocks[0].text.text.split('\n')).toEqual([
      'Saved your update on 4.2.1, dated 4 Oct 2017.',
      'Status: On-going → Awaiting decision.',
      'Delivery date: end of next month → by 30 Nov 2017. Baseline kept: (no delivery date given).',
    ]);

    const after = (await (await storeOf(t.services)).get('4.2.1'))!;
    expect(after.status).toBe('awaiting_decision');
    expect(after.delivery).toEqual({ text: 'end of next month', start: '2017-11-30', end: '2017-11-30', precision: 'day' });
    expect(after.updates.at(-1)).toEqual({ date: '2017-10-04', author: 'N. Shackleton', text: 'Demand list circulated to the DCB', evidence: null, source: 'slack' });
    expect(await t.count('updates')).toBe(before.updates + 1);

    const home = await t.fake.waitFor('views.publish', (c) => c.body.user_id === NS && t.fake.callsTo('views.publish').indexOf(c) >= publishes);
    expect(allText(home.body.view)).toContain('*4.2.1* A mechanism for capturing');
    expect(allText(home.body.view)).toContain('Awaiting decision · Delivery: end of next month');
  });

  it('history then shows the update, the status change, the date revision and the baseline', async () => {
    const res = await t.client.command({ text: 'history 4.2.1', user_id: NS });
    const lines = ((await responseTo(t.fake, res)).body.blocks[0].text.text as string).split('\n');
    expect(lines[0]).toBe('History of 4.2.1:');
    expect(lines).toContain('Baseline delivery date: (no delivery date given)');
    expect(lines).toContain('Current delivery date: end of next month (by 30 Nov 2017) (revised 1×)');
    // 10:00 UTC is 11:00 in the plan's timezone (BST).
    expect(lines).toContain('• 4 Oct 2017 11:00 — N. Shackleton (slack): status On-going → Awaiting decision');
    expect(lines).toContain('• 4 Oct 2017 11:00 — N. Shackleton (slack): delivery date (no delivery date given) → end of next month (by 30 Nov 2017)');
    expect(lines).toContain('• 4 Oct 2017 11:00 — N. Shackleton (slack): update dated 4 Oct 2017: "Demand list circulated to the DCB"');
  });

  it('the modal reopened shows the new status and date prefilled', async () => {
    const { call } = await callAfter(t.fake, 'views.update', () => t.client.command({ text: 'update 4.2.1', user_id: NS }));
    const view = call.body.view;
    const inputs = (view.blocks as Array<Record<string, any>>).filter((b) => b.type === 'input');
    expect(inputs[1]!.element.initial_option.value).toBe('awaiting_decision');
    expect(inputs[1]!.element.options[0].value).toBe('awaiting_decision');
    expect(inputs[2]!.element.initial_value).toBe('end of next month');
  });
});
