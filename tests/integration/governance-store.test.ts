import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEvent } from '../../src/core/ask/handlers/history.js';
import type { ChangeMeta, GovernanceStore, PlanStore } from '../../src/core/ports.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { auditEvents, decisions } from '../../src/store/schema.js';
import { testDatabases } from '../helpers/databases.js';
import { bundledPlanInput } from '../helpers/plan.js';
import { importAs } from '../helpers/plan-stores.js';

const SEEDED = '2017-10-04T09:00:00.000Z';
const META: ChangeMeta = { actor: 'Admin User', actorId: null, source: 'cli', at: '2017-10-13T09:00:00.000Z' };

/** Boards, meetings and the decision log on both drivers: the unique indexes and the trigger decide, not the code. */
describe.each(testDatabases)('governance store on $name', ({ open }) => {
  let database: Database;
  let store: PlanStore;
  let gov: GovernanceStore;
  const count = async (table: typeof auditEvents | typeof decisions) => (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
  const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; message?: string }) => e.code ?? e.message ?? 'error');

  beforeAll(async () => {
    database = await open();
    store = await importAs(database.db, bundledPlanInput(), SEEDED);
    const plans = new DrizzlePlanDirectory(database.db);
    gov = plans.governance((await plans.get('concerto-2017'))!);
    await gov.addBoard('SAS', 'Strategic Alliance Summit', META);
    await gov.addMeeting('SAS', '2017-10-12', '2017-10-05', META);
  });
  afterAll(async () => database?.close());

  it('keeps one board of a name per plan, even when two admins add it at once', async () => {
    const results = await Promise.all([codeOf(gov.addBoard('JCOB', null, META)), codeOf(gov.addBoard('JCOB', 'twin', META))]);
    expect(results.sort()).toEqual(['board_exists', 'ok']);
    expect((await gov.boards()).map((b) => b.name)).toEqual(['JCOB', 'SAS']);
  });

  it('keeps one meeting of a board per day', async () => {
    const audits = await count(auditEvents);
    expect(await codeOf(gov.addMeeting('SAS', '2017-10-12', '2017-10-06', META))).toBe('meeting_exists');
    expect(await codeOf(gov.addMeeting('NOPE', '2017-10-12', '2017-10-06', META))).toBe('not_found');
    expect(await count(auditEvents)).toBe(audits);
    expect((await gov.meetings()).filter((m) => m.board === 'SAS')).toEqual([expect.objectContaining({ date: '2017-10-12', papersBy: '2017-10-05' })]);
  });

  it('writes a decision and one audit event per affected item in one transaction; a bad id leaves neither', async () => {
    const [audits, rows] = [await count(auditEvents), await count(decisions)];
    const bad = gov.recordDecision({ board: 'SAS', decidedOn: '2017-10-12', meetingDate: '2017-10-12', text: 'Framework agreed', affects: ['1.1', '9.9.9'], supersedes: null }, META);
    await expect(bad).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('9.9.9') });
    expect([await count(auditEvents), await count(decisions)]).toEqual([audits, rows]);
    const noMeeting = gov.recordDecision({ board: 'SAS', decidedOn: '2017-10-19', meetingDate: '2017-10-19', text: 'x', affects: [], supersedes: null }, META);
    await expect(noMeeting).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('meeting add SAS 2017-10-19') });

    const d = await gov.recordDecision({ board: 'SAS', decidedOn: '2017-10-12', meetingDate: '2017-10-12', text: 'New governance framework agreed', affects: ['4.0.1', '1.1', '3.6'], supersedes: null }, META);
    expect(d).toMatchObject({ board: 'SAS', meetingDate: '2017-10-12', affects: ['1.1', '3.6', '4.0.1'] });
    expect([await count(auditEvents), await count(decisions)]).toEqual([audits + 3, rows + 1]);
    for (const id of d.affects) {
      expect((await store.history(id)).map(describeEvent)).toContain('decision of SAS on 12 Oct 2017: "New governance framework agreed"');
    }
  });

  it('refuses to change or delete a decision (the append-only trigger)', async () => {
    const rows = await count(decisions);
    // Drizzle wraps the driver's error; the trigger's own words are in it or in its cause.
    const failure = (p: Promise<unknown>) => p.then(() => 'ok', (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`);
    expect(await failure(database.db.execute(sql`update decisions set text = 'rewritten'`))).toMatch(/append-only: UPDATE is not allowed/);
    expect(await failure(database.db.execute(sql`delete from decisions`))).toMatch(/append-only: DELETE is not allowed/);
    expect(await count(decisions)).toBe(rows);
    expect((await gov.decisions()).map((d) => d.text)).not.toContain('rewritten');
  });

  it('lets one of two simultaneous corrections of a decision win', async () => {
    const old = await gov.recordDecision({ board: 'SAS', decidedOn: '2017-10-12', meetingDate: '2017-10-12', text: 'Terms agreed', affects: ['5.2'], supersedes: null }, META);
    const correct = (text: string) => gov.recordDecision({ board: 'SAS', decidedOn: '2017-10-12', meetingDate: '2017-10-12', text, affects: ['5.2'], supersedes: old.id }, META);
    const audits = await count(auditEvents);
    const results = await Promise.all([codeOf(correct('Terms agreed, as amended')), codeOf(correct('Terms agreed with changes'))]);
    expect(results.sort()).toEqual(['conflict', 'ok']);
    expect((await gov.decisions()).filter((d) => d.supersedes === old.id)).toHaveLength(1);
    expect(await count(auditEvents)).toBe(audits + 1);
  });

  it('sets what an item waits on with its status, and clears it when the item moves on, all in its history', async () => {
    const at = (t: string): Pick<ChangeMeta, 'actor' | 'source' | 'at'> => ({ actor: 'Karen Georgiou', source: 'cli', at: t });
    const waiting = await store.change({ ...at('2017-10-13T10:00:00.000Z'), recId: '9.2.4', status: 'awaiting_decision', waiting: { what: 'agreement of the framework', board: 'SAS' } });
    expect(waiting).toMatchObject({ status: 'awaiting_decision', waiting: { what: 'agreement of the framework', board: 'SAS' } });
    const moved = await store.change({ ...at('2017-10-13T11:00:00.000Z'), recId: '9.2.4', status: 'on_going' });
    expect(moved.waiting ?? null).toBeNull();
    const history = (await store.history('9.2.4')).map(describeEvent);
    expect(history).toEqual(expect.arrayContaining(['waiting on agreement of the framework (SAS)', 'no longer waiting on agreement of the framework (SAS)']));
  });
});
