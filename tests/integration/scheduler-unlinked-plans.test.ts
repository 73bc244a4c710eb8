import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/core/reminders/settings.js';
import { runTick } from '../../src/scheduler/tick.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { testDatabases } from '../helpers/databases.js';
import { seedBundled } from '../helpers/plan-stores.js';

/**
 * A pass runs every minute over every active plan. Snoozes, mutes and the events that re-arm them
 * matter only to people who could be nudged, so a plan whose owners nobody has linked to Slack (a
 * plan just imported, or one whose owners are not in the workspace) costs a pass no reading of them.
 */

const SEEDED_AT = '2017-10-04T09:00:00.000Z';
// A working morning after the seed's first dates: owners of late items are owed nudges once linked.
const NUDGE_TIME = new Date('2018-03-07T10:00:00Z');

describe.each(testDatabases)('a scheduler pass over a plan nobody is linked to on $name', (target) => {
  let database: Database;
  const statements: string[] = [];
  beforeAll(async () => {
    database = await target.open({ onQuery: (q) => statements.push(q) });
    await seedBundled(database.db, SEEDED_AT);
  });
  afterAll(async () => database?.close());

  const pass = async () => {
    statements.length = 0;
    const result = await runTick(database, NUDGE_TIME, DEFAULT_REMINDER_SETTINGS, true);
    return { result, preferenceReads: statements.filter((s) => /from "nudge_preferences"/.test(s)).length, rearmReads: statements.filter((s) => /from "audit_events"/.test(s) && /max\(/.test(s)).length };
  };

  it('reads no snoozes or re-arming events while nobody can be nudged, and reads them once someone can', async () => {
    const before = await pass();
    expect(before.result.messages.filter((m) => m.kind.startsWith('nudge'))).toEqual([]);
    expect(before.preferenceReads).toBe(0);
    expect(before.rearmReads).toBe(0);

    await new DrizzlePeopleStore(database.db).link('U0PO12345', 'Portfolio Office', false, { actor: 'U0ADMIN01', source: 'cli', at: SEEDED_AT });
    const after = await pass();
    expect(after.result.messages.filter((m) => m.to === 'U0PO12345').length).toBeGreaterThan(0);
    expect(after.preferenceReads).toBe(1);
    expect(after.rearmReads).toBe(1);
  });
});
