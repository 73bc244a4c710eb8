import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask/ask.js';
import type { Actor } from '../../src/core/ask/actor.js';
import type { Reply } from '../../src/core/ask/reply.js';
import type { PlanStore } from '../../src/core/ports.js';
import type { NudgeNotice } from '../../src/core/reminders/outbox-message.js';
import { drainOutbox } from '../../src/scheduler/dispatcher.js';
import { DrizzleChaseQueue } from '../../src/store/chase-queue.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import type { Database } from '../../src/store/database.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { admin, owner } from '../helpers/ask.js';
import { testDatabases } from '../helpers/databases.js';
import { bundledPlanInput } from '../helpers/plan.js';
import { importAs } from '../helpers/plan-stores.js';
import { manualClock, outboxRows, recordingNotifier } from '../helpers/reminders.js';

const SEEDED = '2017-10-04T09:00:00.000Z';
const NOW = '2018-03-01T10:00:00.000Z';
const RACHEL = 'U0RACHEL1';
const KAREN = 'U0KAREN01';
const PO = 'U0PORTF01';

/**
 * `chase 4.1.1`: the portfolio office asks an item's owners for an update now. One message per person
 * linked to an owner, queued in the outbox and sent by the dispatcher as a nudge that names who asked
 * and carries their note; refused, with nothing queued, where there is nobody to ask or nothing to chase.
 */
describe.each(testDatabases)('chasing owners on $name', ({ open }) => {
  let database: Database;
  let store: PlanStore;
  const talk = (text: string, actor: Actor = admin('Alice Admin'), now = NOW): Promise<Reply> =>
    ask(
      {
        plans: new DrizzlePlanDirectory(database.db),
        conversations: new DrizzleConversationStore(database.db),
        chases: new DrizzleChaseQueue(database.db),
        actor,
        now: new Date(now),
        conversationKey: `chase:${actor.id}`,
      },
      text,
    );
  const chaseRows = async () => (await outboxRows(database)).filter((r) => r.kind === 'chase');

  beforeAll(async () => {
    database = await open();
    store = await importAs(database.db, bundledPlanInput(), SEEDED);
    const people = new DrizzlePeopleStore(database.db);
    const meta = { actor: 'test', source: 'cli' as const, at: SEEDED };
    for (const [id, name] of [[RACHEL, 'Rachel Wilkinson'], [KAREN, 'Karen Georgiou'], [PO, 'Portfolio Office']] as const) await people.link(id, name, false, meta);
  });
  afterAll(async () => database?.close());

  it('an owner who is no admin is refused, and nothing is queued', async () => {
    const reply = await talk('chase 4.1.1', owner('Karen Georgiou'));
    expect(reply).toMatchObject({ error: 'not_permitted' });
    expect(reply.text).toMatch(/^\[?.*Only an admin of concerto-2017 can chase owners for an update\./);
    expect(await chaseRows()).toEqual([]);
  });

  it.each([
    ['chase 3.4', /^3\.4 is Complete: there is nothing to chase\.$/],
    ['chase 6.1', /^6\.1 is Not being implemented: there is nothing to chase\.$/],
    ['chase 9.9.9', /9\.9\.9/],
  ])('%j is refused in a sentence, and nothing is queued', async (text, says) => {
    const reply = await talk(text);
    expect(reply.error).toBeDefined();
    expect(reply.text).toMatch(says);
    expect(await chaseRows()).toEqual([]);
  });

  it('queues one message per person linked to an owner, names them, and sends each as a nudge from the asker with their note', async () => {
    const reply = await talk('chase 5.2 – the paper goes to SAS on Friday');
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text).toBe('Asked Karen Georgiou and Portfolio Office for an update on 5.2; the message goes out from the running app within a minute.');
    const rows = await chaseRows();
    expect(rows.map((r) => [r.recipient, r.item, r.status]).sort()).toEqual([
      [KAREN, '5.2', 'pending'],
      [PO, '5.2', 'pending'],
    ]);
    expect(rows.every((r) => r.key.startsWith(`concerto-2017/chase:5.2:`))).toBe(true);

    const notifier = recordingNotifier();
    const clock = manualClock(NOW);
    const drained = await drainOutbox(new OutboxStore(database.db), notifier, clock, async (ms) => clock.advance(ms));
    expect(drained.sent).toBe(2);
    const sent = notifier.sent.map((m) => [m.recipient, m.payload as NudgeNotice]);
    for (const [, p] of sent) {
      expect(p).toMatchObject({ kind: 'chase', from: 'Alice Admin', note: 'the paper goes to SAS on Friday', item: { id: '5.2' }, plan: { key: 'concerto-2017' } });
    }
  });

  it('an owner nobody is linked to is named and not asked; with nobody linked at all, nothing is queued', async () => {
    await store.change({ actor: 'test', actorId: null, source: 'cli', at: SEEDED, recId: '4.1.2', owners: ['Rachel Wilkinson', 'Head of HR'] });
    const some = await talk('nudge the owners of 4.1.2');
    expect(some.text).toBe('Asked Rachel Wilkinson for an update on 4.1.2; the message goes out from the running app within a minute. Head of HR is linked to no one in Slack, so not chased.');
    const before = (await chaseRows()).length;
    const none = await talk('chase 9.3.1');
    expect(none).toMatchObject({ error: 'invalid' });
    expect(none.text).toBe('No one in Slack is linked to Chief Constables, so nobody was chased about 9.3.1. An admin links them with `link @person Chief Constables`.');
    expect((await chaseRows()).length).toBe(before);
  });

  it('asked again within the hour, nobody is asked twice; after the hour, it is asked again', async () => {
    const of411 = async () => (await chaseRows()).filter((r) => r.item === '4.1.1').length;
    const first = await of411();
    expect((await talk('remind Rachel about 4.1.1')).error).toBeUndefined();
    expect(await of411()).toBe(first + 1);
    const soon = await talk('chase 4.1.1 again please', admin('Bob Admin'), '2018-03-01T10:10:00.000Z');
    expect(soon.error).toBe('invalid');
    expect(soon.text).toBe(
      'Rachel Wilkinson was asked about 4.1.1 10 minutes ago, so I have not asked again: one chase an hour per item reaches them. Ask again after the hour, or `status 4.1.1` to see whether they have answered.',
    );
    expect(await of411()).toBe(first + 1);
    const later = await talk('chase 4.1.1', admin('Alice Admin'), '2018-03-01T11:01:00.000Z');
    expect(later.error, later.text).toBeUndefined();
    expect(await of411()).toBe(first + 2);
  });

  it('two chases of one item at once send one message to each person', async () => {
    const of413 = async () => (await chaseRows()).filter((r) => r.item === '4.1.3').length;
    const replies = await Promise.all([talk('chase 4.1.3'), talk('chase 4.1.3', admin('Bob Admin'), '2018-03-01T10:00:01.000Z')]);
    expect(replies.filter((r) => r.error === undefined)).toHaveLength(1);
    expect(await of413()).toBe(1);
  });
});
