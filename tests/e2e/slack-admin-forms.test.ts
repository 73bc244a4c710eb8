import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/scheduler/dispatcher.js';
import { assertModal } from '../../src/slack/block-kit.js';
import { ACTION, DECISION_BLOCK, DECISION_INPUT, MEETING_BLOCK, MEETING_INPUT, VIEW } from '../../src/slack/ids.js';
import { slackNotifier } from '../../src/slack/notifier.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import type { FakeCall, FakeUser } from '../helpers/fake-slack.js';
import { manualClock } from '../helpers/reminders.js';
import { buttons, callAfter, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';

/**
 * A plan admin's forms in Slack. `/concerto decision` opens the form a plan admin records a board's decision with: board, meeting day,
 * the board's words, the items it affects. Through the real app, signed requests and the strict fake:
 * the loading view opens on the command's trigger, the form replaces it; Record is checked inside the
 * ack (field errors) and saved after it; the affected owners get their one message from the outbox.
 */

const NOW = '2017-10-13T09:00:00Z';
const ADMIN = 'U0ADMIN01';
const KAREN = 'U0KAREN01';
const STRANGER = 'U0BOBNB01';
const USERS: FakeUser[] = [
  { id: ADMIN, name: 'alice', real_name: 'Alice Admin', tz: 'Europe/London' },
  { id: KAREN, name: 'kgeorgiou', real_name: 'Karen Georgiou', tz: 'Europe/London' },
  { id: STRANGER, name: 'bob', real_name: 'Bob Nobody', tz: 'Europe/London' },
];
const META = { actor: 'test', source: 'cli' as const, at: '2017-10-04T09:00:00.000Z' };

let t: TestApp;

/** Opens the form as `user`; returns the view the loading view was replaced with. */
async function openForm(user: string, text = 'decision'): Promise<{ open: FakeCall; view: Record<string, any> }> {
  const from = t.fake.calls.length;
  const { call: update } = await callAfter(t.fake, 'views.update', () => t.client.command({ text, user_id: user, channel_id: 'C0GENERAL' }));
  const open = t.fake.calls.slice(from).find((c) => c.method === 'views.open')!;
  return { open, view: update.body.view };
}

interface Typed {
  board?: string | null;
  day?: string;
  outside?: boolean;
  text?: string;
  affects?: string[];
}

function submit(user: string, metadata: string, f: Typed) {
  const option = (value: string) => ({ value, text: { type: 'plain_text', text: value } });
  return t.client.interaction(
    t.client.viewSubmission({
      user,
      callback_id: VIEW.decision,
      private_metadata: metadata,
      values: {
        [DECISION_BLOCK.board]: { [DECISION_INPUT.board]: { type: 'static_select', selected_option: f.board ? option(f.board) : null } },
        [DECISION_BLOCK.day]: { [DECISION_INPUT.day]: f.day ?? '' },
        [DECISION_BLOCK.outside]: { [DECISION_INPUT.outside]: { type: 'checkboxes', selected_options: f.outside ? [option('outside')] : [] } },
        [DECISION_BLOCK.text]: { [DECISION_INPUT.text]: f.text ?? '' },
        [DECISION_BLOCK.affects]: { [DECISION_INPUT.affects]: { type: 'multi_static_select', selected_options: (f.affects ?? []).map(option) } },
      },
    }),
  );
}

async function dispatch(): Promise<FakeCall[]> {
  const from = t.fake.calls.length;
  const clock = manualClock(NOW);
  await drainOutbox(new OutboxStore(t.services.database.db), slackNotifier({ botToken: 'xoxb-test', apiUrl: t.fake.url }), clock, async (ms) => clock.advance(ms));
  return t.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
}

let form: Record<string, any>;

beforeAll(async () => {
  t = await startTestApp({ users: USERS, admins: [ADMIN], now: NOW });
  const { db } = t.services.database;
  await new DrizzlePeopleStore(db).link(KAREN, 'Karen Georgiou', false, META);
  const plan = (await t.services.plans.get('concerto-2017'))!;
  const gov = t.services.plans.governance(plan);
  await gov.addBoard('SAS', 'Strategic Alliance Summit', META);
  await gov.addMeeting('SAS', '2017-10-12', '2017-10-05', META);
  await gov.addBoard('JCOB', null, META);
  await gov.addMeeting('JCOB', '2017-05-04', '2017-04-27', META);
  const store = t.services.plans.store(plan);
  for (const id of ['1.1', '3.6', '4.0.1']) await store.change({ ...META, recId: id, status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' } });
  // Decisions already queued by seeding are not this test's messages.
  await dispatch();
  form = (await openForm(ADMIN)).view;
});
afterAll(async () => t?.stop());

describe('opening the decision form', () => {
  it('opens a loading view on the command’s own trigger, then replaces it with the form', async () => {
    const { open, view } = await openForm(ADMIN);
    expect(open.trigger?.verdict).toBe('ok');
    expect(open.body.view.callback_id).toBe(VIEW.decisionNotice);
    expect(view.callback_id).toBe(VIEW.decision);
    expect(() => assertModal(view)).not.toThrow();
  });

  it('offers the plan’s boards, starts at the latest meeting, and lists every item to pick from', () => {
    const blocks = form.blocks as Array<Record<string, any>>;
    const board = blocks.find((b) => b.block_id === DECISION_BLOCK.board)!.element;
    expect(board.options.map((o: any) => o.value)).toEqual(expect.arrayContaining(['SAS', 'JCOB']));
    expect(board.initial_option.value).toBe('SAS');
    expect(blocks.find((b) => b.block_id === DECISION_BLOCK.day)!.element.initial_value).toBe('2017-10-12');
    const items = blocks.find((b) => b.block_id === DECISION_BLOCK.affects)!.element;
    expect(items.type).toBe('multi_static_select');
    expect(items.action_id).toBe(ACTION.decisionItems);
    expect(items.options.map((o: any) => o.value)).toEqual(expect.arrayContaining(['1.1', '3.6', '4.0.1', '4.3.1']));
    expect(items.options.find((o: any) => o.value === '4.0.1').text.text).toMatch(/^4\.0\.1 /);
  });

  it('someone who administers no plan is told so in the form, which has nothing to record', async () => {
    const { view } = await openForm(STRANGER);
    expect(view.callback_id).toBe(VIEW.decisionNotice);
    expect(view.submit).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('Only an admin of concerto-2017 can record a decision');
  });

  it('`decision` with its words is still the typed command, not the form', async () => {
    const opens = t.fake.callsTo('views.open').length;
    const res = await t.client.command({ text: 'decision SAS 2017-10-12 ""', user_id: ADMIN, channel_id: 'C0GENERAL' });
    expect(res.status).toBe(200);
    await settle(t.fake);
    expect(t.fake.callsTo('views.open')).toHaveLength(opens);
  });
});

describe('Record', () => {
  it('refuses, field by field inside the ack, what it can see is wrong — and writes nothing', async () => {
    const decisions = await t.count('decisions');
    const empty = await submit(ADMIN, form.private_metadata, { board: 'SAS', day: '2017-10-12', text: '  ' });
    expect(empty.json).toEqual({ response_action: 'errors', errors: { [DECISION_BLOCK.text]: expect.stringContaining("board's words") } });
    const noMeeting = await submit(ADMIN, form.private_metadata, { board: 'SAS', day: '13 October 2017', text: 'Agreed' });
    expect(noMeeting.json.errors[DECISION_BLOCK.day]).toBe('SAS has no meeting on 13 Oct 2017. Tick "Taken outside a meeting", or add the meeting first with `/concerto meeting add SAS 2017-10-13`.');
    const unreadable = await submit(ADMIN, form.private_metadata, { board: 'SAS', day: 'the blue moon', text: 'Agreed' });
    expect(unreadable.json.errors[DECISION_BLOCK.day]).toMatch(/^I can't read "the blue moon" as a day/);
    const noBoard = await submit(ADMIN, form.private_metadata, { board: null, day: '2017-10-12', text: 'Agreed' });
    expect(noBoard.json.errors[DECISION_BLOCK.board]).toBe('Choose the board that took the decision.');
    const lost = await submit(ADMIN, 'not json', { board: 'SAS', day: '2017-10-12', text: 'Agreed' });
    expect(lost.json.errors[DECISION_BLOCK.text]).toMatch(/lost track of its plan/);
    await settle(t.fake);
    expect(await t.count('decisions')).toBe(decisions);
  });

  it('records the decision, tells the admin by DM, and each linked owner gets one message with the buttons', async () => {
    const decisions = await t.count('decisions');
    const { sent, call } = await callAfter(
      t.fake,
      'chat.postMessage',
      () => submit(ADMIN, form.private_metadata, { board: 'SAS', day: '12 October 2017', text: 'New governance framework agreed', affects: ['1.1', '3.6', '4.0.1'] }),
      (c) => c.body.channel === ADMIN,
    );
    expect(sent.status).toBe(200);
    expect(sent.body).toBe('');
    expect(call.body.text).toMatch(/^Recorded decision #\d+: SAS at its meeting on 12 Oct 2017, "New governance framework agreed"\. It affects 1\.1, 3\.6, 4\.0\.1/);
    expect(await t.count('decisions')).toBe(decisions + 1);
    const plan = (await t.services.plans.get('concerto-2017'))!;
    const history = await t.services.plans.store(plan).history('3.6');
    expect(history.at(-1)).toMatchObject({ action: 'decision_recorded', actorId: ADMIN });
    const sentToKaren = (await dispatch()).filter((c) => c.body.channel === KAREN);
    expect(sentToKaren).toHaveLength(1);
    expect(JSON.stringify(sentToKaren[0]!.body.blocks)).toContain('New governance framework agreed');
    expect(buttons(sentToKaren[0]!.body.blocks).map((b) => b.action_id)).toContain(ACTION.decisionMoveOn);
    expect(await dispatch()).toEqual([]);
  });

  it('a decision outside a meeting is recorded on its day when the box is ticked', async () => {
    const { call } = await callAfter(
      t.fake,
      'chat.postMessage',
      () => submit(ADMIN, form.private_metadata, { board: 'SAS', day: '2017-10-13', outside: true, text: 'Chair’s action on 4.3.1', affects: ['4.3.1'] }),
      (c) => c.body.channel === ADMIN,
    );
    expect(call.body.text).toMatch(/SAS on 13 Oct 2017 \(outside a meeting\), "Chair’s action on 4\.3\.1"/);
  });

  it('what only the save can see (no longer an admin, an item gone) comes by DM with the words typed, and nothing is written', async () => {
    const decisions = await t.count('decisions');
    const { call } = await callAfter(
      t.fake,
      'chat.postMessage',
      () => submit(STRANGER, form.private_metadata, { board: 'SAS', day: '2017-10-12', text: 'A minute nobody may record', affects: ['1.1'] }),
      (c) => c.body.channel === STRANGER,
    );
    expect(call.body.text).toMatch(/^The decision was not recorded\. Only an admin of concerto-2017 can record a decision/);
    expect(call.body.text).toContain('>A minute nobody may record');
    expect(await t.count('decisions')).toBe(decisions);
  });
});

describe('the item search in a plan too big to list', () => {
  it('answers a block_suggestion with the items whose id starts with, or title holds, what was typed', async () => {
    const res = await t.client.interaction({
      type: 'block_suggestion',
      user: { id: ADMIN, username: 'alice', name: 'alice', team_id: 'T1' },
      container: { type: 'view', view_id: 'V0FORM001' },
      api_app_id: 'A1',
      token: 'verification-token',
      action_id: ACTION.decisionItems,
      block_id: DECISION_BLOCK.affects,
      value: '4.3',
      team: { id: 'T1', domain: 'test' },
      view: { id: 'V0FORM001', type: 'modal', callback_id: VIEW.decision, private_metadata: form.private_metadata, state: { values: {} } },
    });
    expect(res.status).toBe(200);
    const values = (res.json.options as Array<{ value: string }>).map((o) => o.value);
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v.startsWith('4.3'))).toBe(true);
  });
});

describe('the meeting form (`/concerto meeting add`)', () => {
  const submitMeeting = (user: string, metadata: string, f: { board?: string | null; date?: string; papersBy?: string }) =>
    t.client.interaction(
      t.client.viewSubmission({
        user,
        callback_id: VIEW.meeting,
        private_metadata: metadata,
        values: {
          [MEETING_BLOCK.board]: { [MEETING_INPUT.board]: { type: 'static_select', selected_option: f.board ? { value: f.board, text: { type: 'plain_text', text: f.board } } : null } },
          [MEETING_BLOCK.date]: { [MEETING_INPUT.date]: f.date ?? '' },
          [MEETING_BLOCK.papersBy]: { [MEETING_INPUT.papersBy]: f.papersBy ?? '' },
        },
      }),
    );

  it('opens on the command’s trigger with the plan’s boards; a non-admin is told why, with nothing to submit', async () => {
    const { open, view } = await openForm(ADMIN, 'meeting add');
    expect(open.trigger?.verdict).toBe('ok');
    expect(view.callback_id).toBe(VIEW.meeting);
    expect(() => assertModal(view)).not.toThrow();
    const board = (view.blocks as Array<Record<string, any>>).find((b) => b.block_id === MEETING_BLOCK.board)!.element;
    expect(board.options.map((o: any) => o.value)).toEqual(expect.arrayContaining(['SAS', 'JCOB']));
    const { view: refused } = await openForm(STRANGER, 'add a meeting');
    expect(refused.callback_id).toBe(VIEW.meetingNotice);
    expect(JSON.stringify(refused.blocks)).toContain('Only an admin of concerto-2017 can add a meeting');
  });

  it('refuses inside the ack what it can see is wrong, and writes nothing', async () => {
    const { view } = await openForm(ADMIN, 'meeting add');
    const meetings = async () => (await t.services.plans.governance((await t.services.plans.get('concerto-2017'))!).meetings()).length;
    const before = await meetings();
    const noDay = await submitMeeting(ADMIN, view.private_metadata, { board: 'SAS', date: 'sometime' });
    expect(Object.keys(noDay.json.errors)).toEqual([MEETING_BLOCK.date]);
    const late = await submitMeeting(ADMIN, view.private_metadata, { board: 'SAS', date: '9 November 2017', papersBy: '10 November 2017' });
    expect(late.json.errors[MEETING_BLOCK.papersBy]).toBe('Papers by 10 Nov 2017 is after the meeting on 9 Nov 2017; give a day on or before it, or leave it empty for five working days before.');
    const noBoard = await submitMeeting(ADMIN, view.private_metadata, { board: null, date: '9 November 2017' });
    expect(noBoard.json.errors[MEETING_BLOCK.board]).toBe('Choose the board that meets.');
    await settle(t.fake);
    expect(await meetings()).toBe(before);
  });

  it('adds the meeting with papers five working days before, says so by DM; the same meeting again is refused by DM', async () => {
    const { view } = await openForm(ADMIN, 'meeting add');
    const { call } = await callAfter(t.fake, 'chat.postMessage', () => submitMeeting(ADMIN, view.private_metadata, { board: 'SAS', date: '9 November 2017' }), (c) => c.body.channel === ADMIN);
    expect(call.body.text).toBe("Added SAS's meeting on 9 Nov 2017; papers are due by 2 Nov 2017 (five working days before).");
    const { call: twin } = await callAfter(t.fake, 'chat.postMessage', () => submitMeeting(ADMIN, view.private_metadata, { board: 'SAS', date: '2017-11-09' }), (c) => c.body.channel === ADMIN);
    expect(twin.body.text).toMatch(/^The meeting was not added\. /);
    const sas = (await t.services.plans.governance((await t.services.plans.get('concerto-2017'))!).meetings()).filter((m) => m.board === 'SAS' && m.date === '2017-11-09');
    expect(sas).toHaveLength(1);
  });
});
