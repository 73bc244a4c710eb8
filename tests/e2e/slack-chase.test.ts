import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../src/scheduler/dispatcher.js';
import { ACTION } from '../../src/slack/ids.js';
import { slackNotifier } from '../../src/slack/notifier.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import type { FakeCall, FakeUser } from '../helpers/fake-slack.js';
import { manualClock } from '../helpers/reminders.js';
import { responseTo, settle, startTestApp, type TestApp } from '../helpers/slack-app.js';

/**
 * `/concerto chase 4.1.1 <note>` through the real Bolt receiver and the fake Slack: an admin's chase is
 * answered at once, and the dispatcher DMs each person linked to an owner a nudge naming the admin (by
 * the name Slack gives them) with the note and the buttons to act; anyone else is refused.
 */

const NOW = '2018-03-01T09:00:00Z';
const ADMIN = 'U0ADMIN01';
const RACHEL = 'U0RACHEL1';
const KAREN = 'U0KAREN01';
const USERS: FakeUser[] = [
  { id: ADMIN, name: 'alice', real_name: 'Alice Admin', tz: 'Europe/London' },
  { id: RACHEL, name: 'rwilkinson', real_name: 'Rachel Wilkinson', tz: 'Europe/London' },
  { id: KAREN, name: 'kgeorgiou', real_name: 'Karen Georgiou', tz: 'Europe/London' },
];

let t: TestApp;

async function dispatch(): Promise<FakeCall[]> {
  const from = t.fake.calls.length;
  const clock = manualClock(NOW);
  await drainOutbox(new OutboxStore(t.services.database.db), slackNotifier({ botToken: 'xoxb-test', apiUrl: t.fake.url }), clock, async (ms) => clock.advance(ms));
  return t.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage');
}

async function command(user: string, text: string): Promise<string> {
  const res = await t.client.command({ text, user_id: user, channel_id: 'C0GENERAL' });
  return (await responseTo(t.fake, res)).body.text as string;
}

beforeAll(async () => {
  t = await startTestApp({ users: USERS, admins: [ADMIN], now: NOW });
  const people = new DrizzlePeopleStore(t.services.database.db);
  const meta = { actor: 'test', source: 'cli' as const, at: '2017-10-04T09:00:00.000Z' };
  await people.link(RACHEL, 'Rachel Wilkinson', false, meta);
  await people.link(KAREN, 'Karen Georgiou', false, meta);
});
afterAll(async () => t?.stop());

describe('/concerto chase', () => {
  it('an owner who is no admin is refused, and nothing is sent', async () => {
    expect(await command(KAREN, 'chase 4.1.1')).toMatch(/^Only an admin of concerto-2017 can chase owners for an update\./);
    await settle(t.fake);
    expect(await dispatch()).toEqual([]);
  });

  it("an admin's chase is answered at once, and the owner gets a DM naming the admin, with the note and the buttons", async () => {
    expect(await command(ADMIN, 'chase 4.1.1 the interim report goes to SAS on Friday')).toBe(
      'Asked Rachel Wilkinson for an update on 4.1.1; the message goes out from the running app within a minute.',
    );
    await settle(t.fake);
    const posts = await dispatch();
    expect(posts.map((p) => p.body.channel)).toEqual([RACHEL]);
    const post = posts[0]!;
    expect(post.body.text).toBe('Alice Admin asks for an update on 4.1.1 (due November 2017 (by 30 Nov 2017)).');
    expect(JSON.stringify(post.body.blocks)).toContain('“the interim report goes to SAS on Friday”');
    const actions = (post.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string }> }>).find((b) => b.type === 'actions')!;
    expect(actions.elements!.map((e) => e.action_id)).toEqual([ACTION.openUpdate, ACTION.complete, ACTION.changeDate, ACTION.snooze, ACTION.mute]);
    // Sent once: another pass sends nothing.
    expect(await dispatch()).toEqual([]);
  });
});
