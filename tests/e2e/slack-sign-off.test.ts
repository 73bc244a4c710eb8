import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderSettings } from '../../src/config.js';
import { drainOutbox } from '../../src/scheduler/dispatcher.js';
import { runTick } from '../../src/scheduler/tick.js';
import { ACTION, RETURN_REASON, VIEW } from '../../src/slack/ids.js';
import { slackNotifier } from '../../src/slack/notifier.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import type { FakeCall, FakeUser } from '../helpers/fake-slack.js';
import { manualClock } from '../helpers/reminders.js';
import { buttons, callAfter, responseTo, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';

/**
 * Sign-off before complete through the real app (signed requests, the strict fake Web API): an owner's
 * complete on a plan with sign-off on asks the plan's admins, whose Sign off and Return answer it once.
 * The admins' messages go through the outbox, as the server's dispatcher sends them; here it is run by hand.
 */

const NOW = '2017-10-13T09:00:00Z';
const ADMIN = 'U0ADMIN01';
const PLAN_ADMIN = 'U0PLANAD1';
const NS = 'U0NSHACK1';
const STRANGER = 'U0BOBNB01';
const USERS: FakeUser[] = [
  { id: ADMIN, name: 'alice', real_name: 'Alice Admin', tz: 'Europe/London' },
  { id: PLAN_ADMIN, name: 'pam', real_name: 'Pam Planadmin', tz: 'Europe/London' },
  { id: NS, name: 'nshackleton', real_name: 'N. Shackleton', tz: 'Europe/London' },
  { id: STRANGER, name: 'bob', real_name: 'Bob Nobody', tz: 'Europe/London' },
];

let t: TestApp;

async function store() {
  const plan = (await t.services.plans.get('concerto-2017'))!;
  return t.services.plans.store(plan);
}

/** Runs the dispatcher until nothing is due, at `now`; returns the chat.postMessage calls it made. */
async function dispatch(now = NOW): Promise<FakeCall[]> {
  const from = t.fake.calls.length;
  const clock = manualClock(now);
  await drainOutbox(new OutboxStore(t.services.database.db), slackNotifier({ botToken: 'xoxb-test', apiUrl: t.fake.url }), clock, async (ms) => clock.advance(ms));
  return t.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
}

/** An owner's `/concerto complete …`; returns the answer and the admins' DMs it queued, once sent. */
async function propose(text: string): Promise<{ answer: string; dms: FakeCall[] }> {
  const res = await t.client.command({ text, user_id: NS, channel_id: 'C0GENERAL' });
  const answer = (await responseTo(t.fake, res)).body.text as string;
  await settle(t.fake);
  return { answer, dms: await dispatch() };
}

/** Presses a button on a DM; returns what was sent to its response_url. */
async function press(user: string, action_id: string, value: string): Promise<FakeCall> {
  const url = t.fake.responseUrl(`press-${user}-${action_id}-${Math.random()}`);
  const res = await t.client.interaction(t.client.blockAction({ user, action_id, value, channel: `D${user}`, response_url: url }));
  expect(res.status).toBe(200);
  return responseTo(t.fake, url);
}

beforeAll(async () => {
  t = await startTestApp({ users: USERS, admins: [ADMIN], now: NOW });
  const plan = (await t.services.plans.get('concerto-2017'))!;
  await t.services.plans.update(plan.id, { signOff: true, admins: [PLAN_ADMIN] }, { actor: 'test', source: 'cli', at: '2017-10-04T09:00:00.000Z' });
});
afterAll(async () => t?.stop());

describe('sign-off in Slack', () => {
  let signOffValue: string;

  it("an owner's complete is a proposal, and each admin gets one DM with Sign off and Return", async () => {
    const { answer, dms } = await propose('complete 4.2.1 https://example.org/minutes');
    expect(answer).toContain('4.2.1: complete — awaiting sign-off (evidence: https://example.org/minutes)');
    expect((await (await store()).get('4.2.1'))!).toMatchObject({ status: 'on_going', proposal: { by: 'N. Shackleton', byId: NS } });
    expect(dms.map((d) => d.body.channel).sort()).toEqual([ADMIN, PLAN_ADMIN].sort());
    for (const dm of dms) {
      expect(dm.body.text).toBe('N. Shackleton proposes 4.2.1 as complete: it awaits your sign-off.');
      expect(JSON.stringify(dm.body.blocks)).toContain('https://example.org/minutes');
      const [sign, ret] = buttons(dm.body.blocks);
      expect([sign!.action_id, sign!.text, ret!.action_id, ret!.text]).toEqual([ACTION.signOff, 'Sign off', ACTION.signOffReturn, 'Return']);
      expect(sign!.value).toMatch(/^concerto-2017\/4\.2\.1@2017-10-13T09:00:00\.000Z$/);
      signOffValue = sign!.value;
    }
  });

  it("the scheduler's pass queues the same requests under the same keys: nothing is sent twice", async () => {
    const outbox = await t.count('outbox');
    const pass = await runTick(t.services.database, new Date(NOW), reminderSettings(t.services.config));
    expect(pass.messages.filter((m) => m.kind.startsWith('sign_off'))).toEqual([]);
    expect(await t.count('outbox')).toBe(outbox);
    expect(await dispatch()).toEqual([]);
  });

  it('a non-admin pressing Sign off is refused in one sentence and nothing is written', async () => {
    const audits = await t.count('audit_events');
    const answer = await press(STRANGER, ACTION.signOff, signOffValue);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', text: 'Only an admin of concerto-2017 can sign off a proposed completion; its admins are listed by `plans`.' });
    expect(await t.count('audit_events')).toBe(audits);
  });

  it('two admins pressing Sign off at the same moment: one completion, one "already signed off", one audit event', async () => {
    const audits = await t.count('audit_events');
    const [a, b] = await Promise.all([press(ADMIN, ACTION.signOff, signOffValue), press(PLAN_ADMIN, ACTION.signOff, signOffValue)]);
    const [done, late] = a.body.replace_original ? [a, b] : [b, a];
    expect(done.body.text).toMatch(/^4\.2\.1 is signed off and now complete \(proposed by N\. Shackleton\)\. \(by <@U0(ADMIN01|PLANAD1)>\)$/);
    expect(late.body).toMatchObject({ response_type: 'ephemeral', text: '4.2.1 is already signed off (complete), so nothing was written.' });
    expect(await t.count('audit_events')).toBe(audits + 2);
    const history = await (await store()).history('4.2.1');
    expect(history.filter((e) => e.action === 'completion_signed_off')).toHaveLength(1);
    expect(history.slice(-2).map((e) => e.action)).toEqual(['status_changed', 'completion_signed_off']);
    expect((await (await store()).get('4.2.1'))!).toMatchObject({ status: 'complete', proposal: null });
  });

  it('Return opens a modal for the reason; submitting it returns the proposal and tells the owner', async () => {
    const { dms } = await propose('complete 4.2.2 done');
    const value = buttons(dms[0]!.body.blocks)[1]!.value;
    const trigger = t.fake.issueTrigger();
    const { call: open } = await callAfter(t.fake, 'views.open', () =>
      t.client.interaction(t.client.blockAction({ user: PLAN_ADMIN, action_id: ACTION.signOffReturn, value, channel: `D${PLAN_ADMIN}`, response_url: t.fake.responseUrl('ret'), trigger_id: trigger })),
    );
    expect(open.body.view.callback_id).toBe(VIEW.signOffReturn);
    expect(open.trigger?.verdict).toBe('ok');

    // An empty reason is a field error, and nothing is written.
    const audits = await t.count('audit_events');
    const empty = await t.client.interaction(t.client.viewSubmission({ user: PLAN_ADMIN, callback_id: VIEW.signOffReturn, private_metadata: open.body.view.private_metadata, values: { [RETURN_REASON.block]: { [RETURN_REASON.input]: '  ' } } }));
    expect(JSON.parse(empty.body)).toMatchObject({ response_action: 'errors', errors: { [RETURN_REASON.block]: 'Say why it goes back: the owners are told.' } });
    expect(await t.count('audit_events')).toBe(audits);

    const from = t.fake.calls.length;
    await t.client.interaction(t.client.viewSubmission({ user: PLAN_ADMIN, callback_id: VIEW.signOffReturn, private_metadata: open.body.view.private_metadata, values: { [RETURN_REASON.block]: { [RETURN_REASON.input]: 'No minutes attached' } } }));
    const toOwner = await t.fake.waitFor('chat.postMessage', (c) => c.body.channel === NS && /returned/.test(c.body.text));
    expect(toOwner.body.text).toBe(`Your proposed completion of 4.2.2 (concerto-2017) was returned by <@${PLAN_ADMIN}>: "No minutes attached". It keeps its status; \`complete 4.2.2 <evidence>\` proposes it again.`);
    await settle(t.fake);
    const toAdmin = t.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.body.channel === PLAN_ADMIN);
    expect(toAdmin.map((c) => c.body.text)).toEqual([`4.2.2's completion went back to N. Shackleton (proposed by N. Shackleton): "No minutes attached". It stays On-going.`]);
    expect((await (await store()).get('4.2.2'))!).toMatchObject({ status: 'on_going', proposal: null });
    expect((await (await store()).history('4.2.2')).at(-1)).toMatchObject({ action: 'completion_returned', actorId: PLAN_ADMIN, after: { reason: 'No minutes attached' } });

    // The old Sign off button names the returned proposal: it writes nothing.
    const after = await t.count('audit_events');
    const stale = await press(ADMIN, ACTION.signOff, buttons(dms[0]!.body.blocks)[0]!.value);
    expect(stale.body.text).toBe('4.2.2 changed since that proposal was made (it is On-going with no completion proposed), so nothing was written.');
    expect(await t.count('audit_events')).toBe(after);
  });

  it('a proposal nobody answers is chased once, to each admin, on the fifth working day after it', async () => {
    await propose('complete 4.2.2 minutes now attached');
    const settings = reminderSettings(t.services.config);
    // Friday 13 Oct: the fifth working day after is Friday 20 Oct, from the send time (09:00 local).
    for (const early of ['2017-10-19T12:00:00Z', '2017-10-20T07:59:00Z']) {
      expect((await runTick(t.services.database, new Date(early), settings)).messages.filter((m) => m.kind === 'sign_off_chase')).toEqual([]);
    }
    const pass = await runTick(t.services.database, new Date('2017-10-20T08:00:00Z'), settings);
    expect(pass.messages.filter((m) => m.kind === 'sign_off_chase').map((m) => m.to).sort()).toEqual([ADMIN, PLAN_ADMIN].sort());
    const chases = await dispatch('2017-10-20T08:00:00Z');
    expect(chases.map((c) => c.body.text)).toEqual([
      'Still awaiting sign-off: N. Shackleton proposed 4.2.2 as complete on 13 Oct 2017, five working days ago or more.',
      'Still awaiting sign-off: N. Shackleton proposed 4.2.2 as complete on 13 Oct 2017, five working days ago or more.',
    ]);
    expect(buttons(chases[0]!.body.blocks).map((b) => b.action_id)).toEqual([ACTION.signOff, ACTION.signOffReturn]);
    // Once: a later pass adds nothing.
    expect((await runTick(t.services.database, new Date('2017-10-23T08:00:00Z'), settings)).messages).toEqual([]);
  });

  it("an admin's App Home lists the proposal with Sign off; pressed there, the outcome comes by DM and the tab is redrawn without it", async () => {
    const { call: home } = await callAfter(t.fake, 'views.publish', () => t.client.event(t.client.appHomeOpened({ user: PLAN_ADMIN })), (c) => c.body.user_id === PLAN_ADMIN);
    expect(JSON.stringify(home.body.view.blocks)).toContain('Awaiting your sign-off');
    const sign = buttons(home.body.view.blocks).find((b) => b.action_id === ACTION.signOff)!;
    expect(sign.value).toMatch(/^concerto-2017\/4\.2\.2@/);
    // The proposer sees no sign-off section on theirs.
    const { call: own } = await callAfter(t.fake, 'views.publish', () => t.client.event(t.client.appHomeOpened({ user: NS })), (c) => c.body.user_id === NS);
    expect(JSON.stringify(own.body.view.blocks)).not.toContain('Awaiting your sign-off');

    const from = t.fake.calls.length;
    const res = await t.client.interaction(t.client.blockAction({ user: PLAN_ADMIN, action_id: ACTION.signOff, value: sign.value, view: { type: 'home', id: home.body.view.id } }));
    expect(res.status).toBe(200);
    const dm = await t.fake.waitFor('chat.postMessage', (c) => t.fake.calls.indexOf(c) >= from && c.body.channel === PLAN_ADMIN);
    expect(dm.body.text).toBe('4.2.2 is signed off and now complete (proposed by N. Shackleton).');
    const redrawn = await t.fake.waitFor('views.publish', (c) => t.fake.calls.indexOf(c) >= from && c.body.user_id === PLAN_ADMIN);
    expect(JSON.stringify(redrawn.body.view.blocks)).not.toContain('Awaiting your sign-off');
    expect((await (await store()).get('4.2.2'))!.status).toBe('complete');
  });
});
