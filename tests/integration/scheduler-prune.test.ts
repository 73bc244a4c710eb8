import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/store/query-rows.js';
import { testDatabases } from '../helpers/databases.js';
import { openReminders, type ReminderHarness } from '../helpers/reminders.js';

/**
 * Every Slack event (each App Home open included) leaves its id in processed_events, kept only to
 * drop Slack's redeliveries, which come within minutes; conversations expire. The scheduler's pass
 * prunes both, so neither table grows for ever.
 */

const AT = '2017-11-23T10:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(AT) + ms).toISOString();
const HOUR = 3_600_000;

describe.each(testDatabases)('the scheduler pass prunes old event ids and expired conversations on $name', (target) => {
  let h: ReminderHarness;
  beforeAll(async () => {
    h = await openReminders(target);
  });
  afterAll(async () => h?.close());
  beforeEach(async () => {
    await h.database.db.execute(sql`delete from processed_events`);
    await h.database.db.execute(sql`delete from conversations`);
    await h.clearOutbox();
  });

  const events = async () => (await queryRows<{ event_id: string }>(h.database.db, sql`select event_id from processed_events order by event_id`)).map((r) => r.event_id);
  const conversations = async () => (await queryRows<{ key: string }>(h.database.db, sql`select key from conversations order by key`)).map((r) => r.key);
  async function event(id: string, receivedAt: string) {
    await h.database.db.execute(sql`insert into processed_events (event_id, received_at) values (${id}, ${receivedAt})`);
  }
  async function conversation(key: string, expiresAt: string) {
    await h.database.db.execute(sql`insert into conversations (key, state, updated_at, expires_at) values (${key}, ${'{}'}::jsonb, ${plus(-HOUR)}, ${expiresAt})`);
  }

  async function seed() {
    await event('E1-a-week-ago', plus(-7 * 24 * HOUR));
    await event('E2-a-day-and-a-second-ago', plus(-24 * HOUR - 1000));
    await event('E3-exactly-a-day-ago', plus(-24 * HOUR));
    await event('E4-an-hour-ago', plus(-HOUR));
    await event('E5-now', AT);
    await conversation('C1-expired-yesterday', plus(-24 * HOUR));
    await conversation('C2-expires-now', AT);
    await conversation('C3-expires-in-a-minute', plus(60_000));
  }

  it('a pass drops event ids older than a day and conversations whose expiry has passed, and keeps the rest', async () => {
    await seed();
    const result = await h.tick(AT);
    expect(result.skipped).toBe(false);
    expect(await events()).toEqual(['E3-exactly-a-day-ago', 'E4-an-hour-ago', 'E5-now']);
    expect(await conversations()).toEqual(['C3-expires-in-a-minute']);
    // A day later, what was recent then has gone too.
    await h.tick(plus(24 * HOUR));
    expect(await events()).toEqual(['E5-now']);
    expect(await conversations()).toEqual([]);
  });

  it('a dry run prunes nothing', async () => {
    await seed();
    await h.tick(AT, true);
    expect(await events()).toHaveLength(5);
    expect(await conversations()).toHaveLength(3);
  });

  it('a long-grown table is worked off ten thousand rows a pass, oldest first, keeping each pass short', async () => {
    await h.database.db.execute(sql`
      insert into processed_events (event_id, received_at)
      select 'old-' || lpad(g::text, 5, '0'), ${plus(-30 * 24 * HOUR)}::timestamptz + g * interval '1 second'
      from generate_series(1, 10005) g`);
    await event('recent', plus(-HOUR));
    await h.tick(AT);
    expect(await events()).toEqual(['old-10001', 'old-10002', 'old-10003', 'old-10004', 'old-10005', 'recent']);
    await h.tick(plus(60_000));
    expect(await events()).toEqual(['recent']);
  });
});
