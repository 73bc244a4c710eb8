import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_BLOCK, UPDATE_INPUT, VIEW } from '../../src/slack/ids.js';
import type { FakeCall, FakeUser } from '../helpers/fake-slack.js';
import { allText, responseTo, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';
import { storeOf } from '../helpers/slack-plans.js';

/**
 * Slack's clocks (issue 10): an answer within 3 s, a trigger_id good for 3 s, and rate limits that
 * pause a Web API client. Each case runs on a fresh app, so the person is one Concerto has not met yet
 * (nothing cached about them). Through the real Bolt receiver and the fake Slack.
 */

// ---- budgets and wording, loosely: adjust here ---------------------------------------------------

/** The modal's Save must be acknowledged well inside Slack's 3 s. */
const ACK_BUDGET_MS = 1_000;
/** views.open must follow the command this closely (the trigger lasts 3 s). */
const OPEN_BUDGET_MS = 1_000;
/** A reply must not wait for App Home refreshes. */
const REPLY_BUDGET_MS = 1_500;
const SAYS = {
  saved: /^(Saved|Recorded) your update on 4\.2\.1/,
  recorded: /^Recorded your update on 4\.2\.1/,
};

// ---- people: realistic Slack ids ---------------------------------------------------------------

const NS = 'U0NSHACK1'; // "N. Shackleton", owner of 4.2.1
const ADMIN = 'U0ALICE01';
const USERS: FakeUser[] = [
  { id: ADMIN, name: 'alice', real_name: 'Alice Admin' },
  { id: NS, name: 'nshackleton', real_name: 'N. Shackleton' },
  { id: 'U0KAREN01', name: 'karen', real_name: 'Karen Georgiou' },
];

/**
 * A fresh app whose member directory (read at start) does not have NS yet: NS joins the workspace
 * afterwards, so Concerto must look them up (users.info) on their first request — the slow path.
 */
async function fresh(): Promise<TestApp> {
  const t = await startTestApp({ users: USERS.filter((u) => u.id !== NS), admins: [ADMIN] });
  t.fake.setUsers(USERS);
  return t;
}

const lookedUp = (t: TestApp) => t.fake.callsTo('users.info').filter((c) => c.body.user === NS).length;

/** Resolves when `check` holds, polling; fails after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A DM to `user`: posted to the user id, or to their DM channel. */
const isDmTo = (user: string) => (c: FakeCall) => c.body.channel === user || c.body.channel === `D${user}` || c.body.channel === `D0${user.slice(2)}`;

/** The update modal showing `id`'s form: its callback, the update text input, and the item in its title. */
function isUpdateForm(view: Record<string, any> | undefined, id: string): boolean {
  if (!view || view.callback_id !== VIEW.update) return false;
  const inputs = ((view.blocks ?? []) as Array<Record<string, any>>).filter((b) => b.type === 'input');
  return inputs.some((b) => b.block_id === UPDATE_BLOCK.text) && allText(view.title).includes(id);
}

describe('ack first: the modal’s Save is acknowledged at once, even while users.info is slow', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await fresh();
  });
  afterAll(async () => t?.stop());

  it('users.info answering after 3.5 s: acked within 1 s, saved once, confirmed by DM', async () => {
    t.fake.delay('users.info', 3_500, { when: (b) => b.user === NS });
    const before = { updates: await t.count('updates'), rec: (await (await storeOf(t.services)).get('4.2.1'))!.updates.length };

    const res = await t.client.interaction(
      t.client.viewSubmission({
        user: NS,
        callback_id: VIEW.update,
        private_metadata: JSON.stringify({ id: '4.2.1', channel: 'C0GENERAL1' }),
        values: {
          [UPDATE_BLOCK.text]: { [UPDATE_INPUT.text]: 'Demand list circulated to the DCB' },
          [UPDATE_BLOCK.status]: { [UPDATE_INPUT.status]: { type: 'static_select', selected_option: null } },
          [UPDATE_BLOCK.delivery]: { [UPDATE_INPUT.delivery]: '' },
          [UPDATE_BLOCK.evidence]: { [UPDATE_INPUT.evidence]: '' },
        },
      }),
    );
    expect(res.acked, `Save answered after ${res.ms} ms`).toBe(true);
    expect(res.ms).toBeLessThan(ACK_BUDGET_MS);
    expect(res.status).toBe(200);
    // Closed (an empty 200), not field errors the person would be left looking at.
    expect(res.json?.response_action).not.toBe('errors');

    const dm = await t.fake.waitFor('chat.postMessage', (c) => isDmTo(NS)(c) && SAYS.saved.test(String(c.body.text)), 10_000);
    expect(dm.body.text).toMatch(SAYS.saved);
    // Let the slow users.info answer and anything it sets off finish, then count.
    await until(() => t.fake.callsTo('users.info').every((c) => c.status !== undefined), 10_000, 'users.info to answer');
    await settle(t.fake, 500);
    expect(await t.count('updates')).toBe(before.updates + 1);
    const updates = (await (await storeOf(t.services)).get('4.2.1'))!.updates;
    expect(updates).toHaveLength(before.rec + 1);
    expect(updates.at(-1)).toMatchObject({ text: 'Demand list circulated to the DCB', author: 'N. Shackleton', source: 'slack' });
    expect(t.fake.callsTo('chat.postMessage').filter((c) => isDmTo(NS)(c) && SAYS.saved.test(String(c.body.text)))).toHaveLength(1);
    expect(lookedUp(t), 'the slow users.info was on the path').toBeGreaterThan(0);
  });
});

describe('a modal opens inside the trigger’s 3 s, even while users.info is rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await fresh();
  });
  afterAll(async () => t?.stop());

  it('users.info answering 429 (Retry-After 3): views.open within 1 s of the command, and the modal ends up showing 4.2.1’s form', async () => {
    t.fake.rateLimit('users.info', { retryAfter: 3 });
    const res = await t.client.command({ text: 'update 4.2.1', user_id: NS, channel_id: 'C0GENERAL1' });
    expect(res).toMatchObject({ acked: true, status: 200 });

    const open = await t.fake.waitFor('views.open', undefined, 10_000);
    expect(t.fake.triggerIssuedAt(open.body.trigger_id), 'views.open used the command’s trigger').toBeDefined();
    expect(open.trigger?.ageMs, 'ms from the command to views.open').toBeLessThan(OPEN_BUDGET_MS);
    expect(open.trigger?.verdict).toBe('ok');
    expect(open.response).toMatchObject({ ok: true });

    // The form itself: in the open, or in a views.update of the opened view once the app knows who is asking.
    const viewId = open.response?.view?.id as string;
    const updatesOf = () => t.fake.callsTo('views.update').filter((c) => c.body.view_id === viewId || (c.body.external_id && c.body.external_id === open.body.view?.external_id));
    if (!isUpdateForm(open.body.view, '4.2.1')) await until(() => updatesOf().some((c) => isUpdateForm(c.body.view, '4.2.1')), 10_000, 'a views.update showing 4.2.1’s form');
    await settle(t.fake, 500);
    const last = updatesOf().at(-1);
    const shown = last ? last.body.view : open.body.view;
    expect(isUpdateForm(shown, '4.2.1'), `the modal shows: ${allText(shown?.title)} / ${allText(shown?.blocks).slice(0, 200)}`).toBe(true);
    if (last) expect(last.response).toMatchObject({ ok: true });
    expect(JSON.parse(shown.private_metadata)).toMatchObject({ id: '4.2.1' });
    // No second views.open with the same trigger (exchanged), none expired.
    expect(t.fake.callsTo('views.open').map((c) => c.trigger?.verdict)).toEqual(['ok']);
    expect(lookedUp(t), 'the rate-limited users.info was on the path').toBeGreaterThan(0);
  });
});

describe('a reply does not wait for App Home', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await fresh();
  });
  afterAll(async () => t?.stop());

  it('views.publish answering 429 (Retry-After 5): `/concerto update 4.2.1 <text>` is answered within 1.5 s', async () => {
    t.fake.rateLimit('views.publish', { retryAfter: 5 });
    const started = Date.now();
    const res = await t.client.command({ text: 'update 4.2.1 Supplier shortlist agreed', user_id: NS, channel_id: 'C0GENERAL1' });
    expect(res).toMatchObject({ acked: true, status: 200 });
    const answer = await responseTo(t.fake, res, 10_000);
    expect(answer.body.text).toMatch(SAYS.recorded);
    expect(answer.at - started, 'ms from the command to its answer').toBeLessThan(REPLY_BUDGET_MS);
    expect((await (await storeOf(t.services)).get('4.2.1'))!.updates.at(-1)).toMatchObject({ text: 'Supplier shortlist agreed' });
  });
});
