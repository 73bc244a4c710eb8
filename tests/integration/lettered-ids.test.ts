import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../src/core/ask/ask.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { admin } from '../helpers/ask.js';
import { testDatabases } from '../helpers/databases.js';
import { importAs } from '../helpers/plan-stores.js';

/**
 * An internal audit's tracker numbers its findings IA-01, IA-02 … and a sub-finding IA-2.1; an inspection's
 * R1, R2 … R10. Both databases keep them, list them in their order, and answer commands that name them.
 */
const AUDIT = {
  title: 'Internal audit 2018',
  asOf: '2018-03-20',
  recommendations: [
    ['IA-10', 'Tenth finding'],
    ['R2', 'An inspection recommendation'],
    ['IA-2.1', 'A finding under the second'],
    ['4.1', 'A plainly numbered one'],
    ['ia-01', 'Access reviews should be performed quarterly'],
    ['IA-02', 'Leavers process to be documented'],
    ['R10', 'A later inspection recommendation'],
    // Parts of a recommendation, as trackers split them.
    ['IA-01A', 'The first part of the first finding'],
    ['4.1b', 'The second part of 4.1'],
  ].map(([id, text]) => ({ id, theme: 'Audit', text, owners: ['Head of ICT'], status: 'on_going', delivery: 'Q2 2018', updates: [] })),
};

describe.each(testDatabases)('lettered ids on $name', ({ open }) => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
    await importAs(database.db, AUDIT, '2018-03-20T09:00:00.000Z', 'audit-2018');
  });
  afterAll(async () => database?.close());

  const talk = (text: string) =>
    ask({ plans: new DrizzlePlanDirectory(database.db), conversations: new DrizzleConversationStore(database.db), actor: admin(), now: new Date('2018-04-01T10:00:00Z'), conversationKey: `ids:${text}` }, text);

  it('lists them in plan order: numbers first, then by letters and numbers; a lower-case id is held in capitals', async () => {
    const reply = await talk('list');
    expect(reply.items.map((i) => i.id)).toEqual(['4.1', '4.1b', 'IA-01', 'IA-01a', 'IA-02', 'IA-2.1', 'IA-10', 'R2', 'R10']);
  });

  it('answers and changes an item named in any case', async () => {
    expect((await talk('status ia-2.1')).text).toMatch(/^IA-2\.1 \(Audit\): A finding under the second/);
    expect((await talk('who owns R10?')).items.map((i) => i.id)).toEqual(['R10']);
    const updated = await talk('update ia-01 First quarterly review done');
    expect(updated.error, updated.text).toBeUndefined();
    expect((await talk('IA-01?')).text).toContain('First quarterly review done');
    const redated = await talk('IA-02 has slipped to Q3 2018');
    expect(redated.error, redated.text).toBeUndefined();
    expect((await talk('status IA-02')).text).toMatch(/Baseline delivery: Q2 2018/);
  });

  it('a part is named in any case, with or without brackets, and changed like any item', async () => {
    expect((await talk('status ia-01(a)')).text).toMatch(/^IA-01a \(Audit\): The first part of the first finding/);
    expect((await talk('is 4.1b done?')).items.map((i) => i.id)).toEqual(['4.1b']);
    const done = await talk('complete 4.1B evidence in the audit file');
    expect(done.error, done.text).toBeUndefined();
    expect((await talk('list complete')).items.map((i) => i.id)).toEqual(['4.1b']);
  });

  it('a mistyped lettered id gets the nearest ones', async () => {
    expect((await talk('status IA-03')).text).toMatch(/There is no IA-03 in the plan — did you mean (IA-01|IA-02)/);
  });
});
