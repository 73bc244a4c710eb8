import { afterEach, describe, expect, it } from 'vitest';
import { seedBundledWithGovernance } from '../../src/app/plan-loading.js';
import { buildBoardPaper } from '../../src/core/report/board-paper.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';

/** The boards, meeting, decision and waits the bundled plan's own text records, loaded by `concerto seed`. */
describe('the bundled plan’s board business', () => {
  let database: Database | undefined;
  afterEach(async () => database?.close());

  const open = async () => {
    database = await openDatabase({ memory: true });
    await migrate(database);
    return new DrizzlePlanDirectory(database.db);
  };
  const meta = (at: string) => ({ actor: 'seed', at });

  it('records the extraordinary JCOB of 4 May 2017 on 4.3.1, and 1.1, 3.6 and 4.0.1 waiting on the governance framework', async () => {
    const plans = await open();
    const seeded = await seedBundledWithGovernance(plans, meta('2017-10-04T09:00:00.000Z'));
    expect(seeded.governance).toEqual({ boards: 1, meetings: 1, decisions: 1, waiting: 3 });
    const governance = plans.governance(seeded.plan);
    expect(await governance.meetings()).toEqual([{ id: expect.any(Number), board: 'JCOB', date: '2017-05-04', papersBy: '2017-04-26' }]);
    expect(await governance.decisions()).toEqual([
      expect.objectContaining({ board: 'JCOB', meetingDate: '2017-05-04', decidedOn: '2017-05-04', affects: ['4.3.1'], source: 'import' }),
    ]);
    const store = plans.store(seeded.plan);
    for (const id of ['1.1', '3.6', '4.0.1']) expect((await store.get(id))?.waiting).toEqual({ what: 'agreement of new governance framework', board: 'SAS' });
    expect((await store.history('4.3.1')).map((e) => e.action)).toContain('decision_recorded');
  });

  it('loaded years later, the paper as at any day from the plan’s date carries its decision and waits, as the plan’s items are carried', async () => {
    const plans = await open();
    const seeded = await seedBundledWithGovernance(plans, meta('2026-12-03T08:22:57.000Z'));
    const history = (await plans.store(seeded.plan).planHistory())!;
    const paper = (asAt: string) => buildBoardPaper(history, { asAt, producedOn: '2026-12-03' });
    for (const asAt of ['2017-10-04', '2018-03-01']) {
      expect(paper(asAt).decisions.map((d) => [d.board, d.decidedOn, d.affects])).toEqual([['JCOB', '2017-05-04', ['4.3.1']]]);
      expect(paper(asAt).waiting.find((g) => g.board === 'SAS')?.items.map((i) => i.id)).toEqual(['1.1', '3.6', '4.0.1']);
    }
    // Before the plan's date the office had neither on record.
    expect(paper('2017-10-03').decisions).toEqual([]);
  });

  it('a second seed adds nothing, and never marks as waiting an item its owners have moved on', async () => {
    const plans = await open();
    const first = await seedBundledWithGovernance(plans, meta('2017-10-04T09:00:00.000Z'));
    const store = plans.store(first.plan);
    // 1.1 moved on (which clears what it waited on); seeding again must leave it so.
    await store.change({ actor: 'Karen Georgiou', source: 'cli', at: '2017-10-13T09:00:00.000Z', recId: '1.1', status: 'on_going' });
    const again = await seedBundledWithGovernance(plans, meta('2017-10-14T09:00:00.000Z'));
    expect(again.governance).toEqual({ boards: 0, meetings: 0, decisions: 0, waiting: 0 });
    expect((await store.get('1.1'))?.waiting ?? null).toBeNull();
    expect(await plans.governance(first.plan).decisions()).toHaveLength(1);
  });
});
