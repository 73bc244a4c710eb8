import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importParsed, seedBundledPlan } from '../../src/app/plan-loading.js';
import { buildBoardPaper, type BoardPaper } from '../../src/core/report/board-paper.js';
import { xlsxToPlan } from '../../src/files/plan-xlsx.js';
import { paperToJson } from '../../src/report/json.js';
import { paperToXlsx } from '../../src/report/xlsx.js';
import type { PlanStore } from '../../src/core/ports.js';
import type { Database } from '../../src/store/database.js';
import { readPlanHistory } from '../../src/store/plan-history.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { testDatabases } from '../helpers/databases.js';
import { grid, hostilePlan, openWithExcelJs } from '../unit/report/xlsx-fixtures.js';

/**
 * The Excel round trip as `concerto export --format xlsx` and `concerto import` make it: the paper as at a
 * date, from the database, written as a workbook, read back and imported into an empty database, which then
 * exports the same plan (the paper's JSON) and, as at the same date, the same Action plan sheet cell for cell.
 */

const LOADED = '2025-06-02T09:00:00.000Z';
const by = { actor: 'N. Shackleton', source: 'cli' as const };

describe.each(testDatabases)('the board paper workbook through the database on $name', ({ open }) => {
  const opened: Database[] = [];
  const fresh = async () => {
    const db = await open();
    opened.push(db);
    return { db, plans: new DrizzlePlanDirectory(db.db) };
  };
  /** The paper of the database's only plan. */
  const paperOf = async (db: Database, asAt: string): Promise<BoardPaper> => {
    const all = await new DrizzlePlanDirectory(db.db).list();
    expect(all).toHaveLength(1);
    return buildBoardPaper((await readPlanHistory(db.db, all[0]!.id))!, { asAt, producedOn: asAt });
  };

  /** Writes the paper, imports the workbook into an empty database, and returns that database's export and its own paper. */
  async function roundTrip(paper: BoardPaper) {
    const bytes = await paperToXlsx(paper);
    const reading = await xlsxToPlan(bytes, { title: 'unused', asOf: '2030-01-01' });
    if ('problems' in reading) throw new Error(JSON.stringify(reading.problems));
    expect(reading.warnings).toEqual([]);
    const copy = await fresh();
    // As `concerto import` into an empty database: no --plan, so a new plan keyed from the file's title.
    const imported = await importParsed(copy.plans, null, reading.plan, 'paper.xlsx', { actor: 'test', source: 'import', at: LOADED });
    const again = await paperToXlsx(await paperOf(copy.db, paper.asAt));
    return { exported: await copy.plans.store(imported.plan).exportPlan(), first: await openWithExcelJs(bytes), again: await openWithExcelJs(again) };
  }

  let source: Awaited<ReturnType<typeof fresh>> & { store: PlanStore };
  beforeAll(async () => {
    const first = await fresh();
    const { plan } = await seedBundledPlan(first.plans, { actor: 'seed', at: LOADED });
    source = { ...first, store: first.plans.store(plan) };
  });
  afterAll(async () => {
    for (const db of opened) await db.close();
  });

  it('the bundled plan as at its own date: the same plan, and the same Action plan sheet', async () => {
    const paper = await paperOf(source.db, '2017-10-04');
    const { exported, first, again } = await roundTrip(paper);
    expect(exported).toEqual(JSON.parse(paperToJson(paper)));
    expect(exported!.recommendations).toHaveLength(30);
    expect(grid(again.getWorksheet('Action plan')!)).toEqual(grid(first.getWorksheet('Action plan')!));
  });

  it('after updates with authors and evidence, a re-dated item and a closed one', async () => {
    await source.store.change({
      ...by,
      at: '2017-10-10T10:00:00.000Z',
      recId: '4.2.1',
      update: { date: '2017-10-10', text: 'Prioritised ICT plan circulated to the SLT.\n\n11/10/2017: not a new entry', author: 'N. Shackleton', evidence: 'SLT minutes, item 3' },
      delivery: { text: 'end of next month', start: '2017-11-30', end: '2017-11-30', precision: 'day' },
    });
    await source.store.change({ ...by, at: '2017-10-12T11:00:00.000Z', recId: '9.3.1', status: 'complete', update: { date: '2017-10-12', text: 'Done, see minutes.', author: null, evidence: null } });
    await source.store.change({ ...by, at: '2017-10-20T10:00:00.000Z', recId: '5.2', owners: ['Karen Georgiou', '=Portfolio Office'] });
    const paper = await paperOf(source.db, '2017-10-20');
    const { exported, first, again } = await roundTrip(paper);
    expect(exported).toEqual(JSON.parse(paperToJson(paper)));
    expect(exported!.recommendations.find((r) => r.id === '4.2.1')).toMatchObject({ delivery: 'end of next month', baseline: '' });
    expect(grid(again.getWorksheet('Action plan')!)).toEqual(grid(first.getWorksheet('Action plan')!));
  });

  it('a hostile plan, imported, exported as a workbook and imported again', async () => {
    const hostile = await fresh();
    const imported = await importParsed(hostile.plans, null, hostilePlan(), 'hostile.json', { actor: 'test', source: 'import', at: LOADED });
    const paper = await paperOf(hostile.db, '2017-10-04');
    const { exported, first, again } = await roundTrip(paper);
    expect(exported).toEqual(await hostile.plans.store(imported.plan).exportPlan());
    expect(grid(again.getWorksheet('Action plan')!)).toEqual(grid(first.getWorksheet('Action plan')!));
  });
});
