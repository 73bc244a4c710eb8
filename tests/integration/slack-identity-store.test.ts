import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeMeta } from '../../src/core/ports.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { queryRows } from '../../src/store/query-rows.js';
import { SlackUserCache } from '../../src/store/slack-user-cache.js';
import { testDatabases } from '../helpers/databases.js';
import { bundledPlanInput } from '../helpers/plan.js';
import { importAs } from '../helpers/plan-stores.js';

/** Identity links, their confirmation and their audit, and the Slack member directory, on both databases. */

const ADMIN: ChangeMeta = { actor: 'Alice Admin', actorId: 'U0ALICE01', source: 'slack', at: '2017-10-04T10:00:00.000Z' };
const CONCERTO: ChangeMeta = { actor: 'concerto', actorId: null, source: 'slack', at: '2017-10-04T10:00:00.000Z' };
const profile = (userId: string, realName: string, over: { deleted?: boolean; isBot?: boolean } = {}) => ({
  userId, realName, nameKey: realName.toLowerCase(), displayName: null, timeZone: 'Europe/London', deleted: false, isBot: false, fetchedAt: '2017-10-04T09:00:00.000Z', ...over,
});

describe.each(testDatabases)('identity stores on $name', ({ open }) => {
  let database: Database;
  let people: DrizzlePeopleStore;
  let users: SlackUserCache;
  const personEvents = () =>
    queryRows<{ action: string; actor: string; actor_id: string | null; before: unknown; after: unknown }>(
      database.db,
      sql`select action, actor, actor_id, before, after from audit_events where action like 'person_%' order by id`,
    );

  beforeAll(async () => {
    database = await open();
    await importAs(database.db, bundledPlanInput(), '2017-10-04T09:00:00.000Z');
    people = new DrizzlePeopleStore(database.db);
    users = new SlackUserCache(database.db);
  });
  afterAll(async () => database?.close());

  it('an automatic link, then an admin confirming it: both audited with who did it, by user id', async () => {
    expect(await people.link('U0KAREN01', 'Karen Georgiou', true, CONCERTO)).toBe('added');
    expect(await people.link('U0KAREN01', 'Karen Georgiou', true, CONCERTO)).toBe('exists');
    expect(await people.links()).toEqual([{ externalId: 'U0KAREN01', ownerName: 'Karen Georgiou', auto: true }]);
    expect(await people.link('U0KAREN01', 'Karen Georgiou', false, ADMIN)).toBe('confirmed');
    expect(await people.link('U0KAREN01', 'Karen Georgiou', false, ADMIN)).toBe('exists');
    expect(await people.links()).toEqual([{ externalId: 'U0KAREN01', ownerName: 'Karen Georgiou', auto: false }]);
    const events = await personEvents();
    expect(events.map((e) => [e.action, e.actor, e.actor_id])).toEqual([
      ['person_linked', 'concerto', null],
      ['person_linked', 'Alice Admin', 'U0ALICE01'],
    ]);
    expect(events[1]!.after).toEqual({ externalId: 'U0KAREN01', ownerName: 'Karen Georgiou', auto: false, confirmed: true });
  });

  it('unlinking everything a member acts for (they left) is audited per link, and remembered', async () => {
    await people.link('U0PO00001', 'Portfolio Office', false, ADMIN);
    await people.link('U0PO00001', 'N. Shackleton', false, ADMIN);
    expect((await people.unlinkAll('U0PO00001', CONCERTO, 'deactivated in Slack, or a bot')).sort()).toEqual(['N. Shackleton', 'Portfolio Office']);
    expect(await people.ownersFor('U0PO00001')).toEqual([]);
    expect(await people.unlinkAll('U0PO00001', CONCERTO, 'again')).toEqual([]);
    expect(await people.wasUnlinked('U0PO00001', 'Portfolio Office')).toBe(true);
    expect(await people.wasUnlinked('U0PO00001', 'N. Shackleton')).toBe(true);
    expect(await people.wasUnlinked('U0KAREN01', 'Karen Georgiou')).toBe(false);
  });

  it('the member directory: upserts many, keeps who left and bots, and records when it was read', async () => {
    expect(await users.directoryReadAt()).toBeNull();
    const many = Array.from({ length: 2500 }, (_, i) => profile(`U0M${String(i).padStart(6, '0')}`, `Member ${i}`));
    await users.putMany([...many, profile('U0GONE001', 'Gone Person', { deleted: true }), profile('U0BOT0001', 'Robot', { isBot: true })]);
    await users.putMany([profile('U0M000001', 'Renamed Member')]);
    expect((await users.get('U0M000001'))?.realName).toBe('Renamed Member');
    expect((await users.members()).length).toBe(2502);
    expect((await users.inactiveIds()).sort()).toEqual(['U0BOT0001', 'U0GONE001']);
    expect((await users.membersNamed('member 2')).map((m) => m.id)).toEqual(['U0M000002']);
    expect(await users.membersNamed('member 1')).toEqual([]); // renamed
    await users.markDirectoryRead('2017-10-04T09:30:00.000Z', 2502);
    expect(await users.directoryReadAt()).toBe('2017-10-04T09:30:00.000Z');
  });
});
