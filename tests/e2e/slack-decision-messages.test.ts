import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/scheduler/dispatcher.js';
import { ACTION, VIEW } from '../../src/slack/ids.js';
import { slackNotifier } from '../../src/slack/notifier.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { StoreError } from '../../src/store/store-error.js';
import type { FakeCall, FakeUser } from '../helpers/fake-slack.js';
import { manualClock } from '../helpers/reminders.js';
import { buttons, callAfter, responseTo, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';

/**
 * When a decision affecting items is recorded, each person linked to an owner of an affected item
 * gets one DM (sent by the dispatcher from the outbox) with Move on and Still waiting for each of
 * their items at Awaiting decision. Through the real app: signed requests, the strict fake Web API.
 */

const NOW = '2017-10-13T09:00:00Z';
const ADMIN = 'U0ADMIN01';
const KAREN = 'U0KAREN01';
const PORTFOLIO = 'U0PORTF01';
const STRANGER = 'U0BOBNB01';
const USERS: FakeUser[] = [
  { id: ADMIN, name: 'alice', real_name: 'Alice Admin', tz: 'Europe/London' },
  { id: KAREN, name: 'kgeorgiou', real_name: 'Karen Georgiou', tz: 'Europe/London' },
  { id: PORTFOLIO, name: 'pat', real_name: 'Pat Portfolio', tz: 'Europe/London' },
  { id: STRANGER, name: 'bob', real_name: 'Bob Nobody', tz: 'Europe/London' },
];
const STILL_WAITING_1_1 = "Still waiting on agreement of new governance framework after SAS's decision of 12 Oct 2017.";

let t: TestApp;
let decisionId: number;
const dms: Record<string, FakeCall[]> = {};

/** Runs the dispatcher until nothing is due; returns the chat.postMessage calls it made. */
async function dispatch(): Promise<FakeCall[]> {
  const from = t.fake.calls.length;
  const clock = manualClock(NOW);
  await drainOutbox(new OutboxStore(t.services.database.db), slackNotifier({ botToken: 'xoxb-test', apiUrl: t.fake.url }), clock, async (ms) => clock.advance(ms));
  return t.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
}

/** Presses a button as `user` on a DM; returns the ephemeral answer's text. */
async function press(user: string, action_id: string, value: string): Promise<string> {
  const url = t.fake.responseUrl(`press-${user}-${action_id}-${value}-${Math.random()}`);
  const res = await t.client.interaction(t.client.blockAction({ user, action_id, value, channel: `D${user}`, response_url: url }));
  expect(res.status).toBe(200);
  return (await responseTo(t.fake, url)).body.text;
}

const valueFor = (item: string) => `concerto-2017/${item}#${decisionId}`;

beforeAll(async () => {
  t = await startTestApp({ users: USERS, admins: [ADMIN], now: NOW });
  const { db } = t.services.database;
  const people = new DrizzlePeopleStore(db);
  const meta = { actor: 'test', source: 'cli' as const, at: '2017-10-04T09:00:00.000Z' };
  // Karen is linked by her full name when the directory is read; the role needs an admin's link.
  await people.link(KAREN, 'Karen Georgiou', false, meta);
  await people.link(PORTFOLIO, 'Portfolio Office', false, meta);
  const plan = (await t.services.plans.get('concerto-2017'))!;
  const gov = t.services.plans.governance(plan);
  await gov.addBoard('SAS', null, meta).catch((e: unknown) => {
    if (!(e instanceof StoreError && e.code === 'board_exists')) throw e;
  });
  await gov.addMeeting('SAS', '2017-10-12', '2017-10-05', meta);
  const store = t.services.plans.store(plan);
  for (const id of ['1.1', '3.6', '4.0.1']) await store.change({ ...meta, recId: id, status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' } });

  const res = await t.client.command({ text: 'decision SAS 2017-10-12 "New governance framework agreed" affects 1.1, 3.6, 4.0.1', user_id: ADMIN, channel_id: 'C0GENERAL' });
  const answer = (await responseTo(t.fake, res)).body.text as string;
  expect(answer).toMatch(/^Recorded decision #\d+: SAS at its meeting on 12 Oct 2017, "New governance framework agreed"/);
  decisionId = Number(/#(\d+)/.exec(answer)![1]);
  await settle(t.fake);
  for (const call of await dispatch()) (dms[call.body.channel] ??= []).push(call);
});
afterAll(async () => t?.stop());

describe('the message to owners when a decision is recorded', () => {
  it('each linked owner gets one DM, listing their three items with Move on and Still waiting on each', () => {
    expect(Object.keys(dms).sort()).toEqual([KAREN, PORTFOLIO].sort());
    for (const person of [KAREN, PORTFOLIO]) {
      expect(dms[person]).toHaveLength(1);
      const body = dms[person]![0]!.body;
      expect(body.text).toBe('SAS decided at its meeting on 12 Oct 2017, affecting your items 1.1, 3.6, 4.0.1.');
      expect(JSON.stringify(body.blocks)).toContain('New governance framework agreed');
      expect(buttons(body.blocks).map((b) => [b.action_id, b.value, b.text])).toEqual(
        ['1.1', '3.6', '4.0.1'].flatMap((id) => [
          [ACTION.decisionMoveOn, valueFor(id), 'Move on'],
          [ACTION.decisionStillWaiting, valueFor(id), 'Still waiting'],
        ]),
      );
    }
  });

  it('a second dispatcher pass sends nothing again', async () => {
    expect(await dispatch()).toEqual([]);
  });

  it('Still waiting records one update on the item, audited; a second press records nothing more', async () => {
    const [updates, audits] = [await t.count('updates'), await t.count('audit_events')];
    expect(await press(KAREN, ACTION.decisionStillWaiting, valueFor('1.1'))).toBe(`Recorded on 1.1: ${STILL_WAITING_1_1}`);
    expect([await t.count('updates'), await t.count('audit_events')]).toEqual([updates + 1, audits + 1]);
    const plan = (await t.services.plans.get('concerto-2017'))!;
    const rec = (await t.services.plans.store(plan).get('1.1'))!;
    expect(rec.status).toBe('awaiting_decision');
    expect(rec.updates.at(-1)).toMatchObject({ text: STILL_WAITING_1_1, author: 'Karen Georgiou', date: '2017-10-13' });
    expect(await press(KAREN, ACTION.decisionStillWaiting, valueFor('1.1'))).toBe('1.1 already says it is still waiting after this decision, so nothing more was recorded.');
    expect(await t.count('updates')).toBe(updates + 1);
  });

  it('Move on opens the update form for the item with the click’s trigger', async () => {
    const trigger = t.fake.issueTrigger();
    const { call: open } = await callAfter(t.fake, 'views.open', () =>
      t.client.interaction(t.client.blockAction({ user: KAREN, action_id: ACTION.decisionMoveOn, value: valueFor('3.6'), channel: `D${KAREN}`, response_url: t.fake.responseUrl('move-on-3.6'), trigger_id: trigger })),
    );
    expect(open.body.trigger_id).toBe(trigger);
    expect(open.trigger?.verdict).toBe('ok');
    const update = await t.fake.waitFor('views.update', (c) => c.body.view?.callback_id === VIEW.update);
    expect(JSON.stringify(update.body.view)).toContain('3.6');
  });

  it('a stranger’s press is refused in one sentence and writes nothing; Move on opens nothing', async () => {
    const [updates, audits] = [await t.count('updates'), await t.count('audit_events')];
    const refusal = 'Only an owner of 3.6 (Karen Georgiou, Portfolio Office) or a plan admin can answer for it, so nothing was changed.';
    expect(await press(STRANGER, ACTION.decisionStillWaiting, valueFor('3.6'))).toBe(refusal);
    const opens = t.fake.callsTo('views.open').length;
    expect(await press(STRANGER, ACTION.decisionMoveOn, valueFor('3.6'))).toBe(refusal);
    await settle(t.fake);
    expect(t.fake.callsTo('views.open')).toHaveLength(opens);
    expect([await t.count('updates'), await t.count('audit_events')]).toEqual([updates, audits]);
  });

  it('a press on an item that has moved on since says so and writes nothing', async () => {
    const plan = (await t.services.plans.get('concerto-2017'))!;
    await t.services.plans.store(plan).change({ actor: 'Karen Georgiou', actorId: KAREN, source: 'slack', at: NOW, recId: '4.0.1', status: 'on_going' });
    const [updates, audits] = [await t.count('updates'), await t.count('audit_events')];
    const changed = "4.0.1 has changed since SAS's decision: it is On-going now, not Awaiting decision, so nothing was changed.";
    expect(await press(PORTFOLIO, ACTION.decisionStillWaiting, valueFor('4.0.1'))).toBe(changed);
    expect(await press(PORTFOLIO, ACTION.decisionMoveOn, valueFor('4.0.1'))).toBe(changed);
    expect([await t.count('updates'), await t.count('audit_events')]).toEqual([updates, audits]);
  });
});
