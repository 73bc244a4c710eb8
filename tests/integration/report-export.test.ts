import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/app/services.js';
import { seedBundledPlan } from '../../src/app/plan-loading.js';
import { PlanFile } from '../../src/core/plan/plan-file.js';
import type { PlanStore } from '../../src/core/ports.js';
import { readPlan } from '../../src/core/plan/read-plan.js';
import { STATUS_LABELS } from '../../src/core/plan/status.js';
import { boardDate } from '../../src/core/report/dates.js';
import { PAPER_CSV_COLUMNS } from '../../src/report/csv.js';
import { testDatabases } from '../helpers/databases.js';
import { bundledPlanInput } from '../helpers/plan.js';
import { inSeed, seedText, words } from '../unit/report/seed-text.js';
import { exported, servicesOn } from '../unit/report/services.js';

/** The bundled plan is loaded "today", years after its date: the paper as at its date must still be the seed's. */
const LOADED = '2025-06-02T09:00:00.000Z';
const bundled = PlanFile.parse(bundledPlanInput());
const seed = seedText();

describe.each(testDatabases)('the board paper from the bundled plan on $name', ({ open }) => {
  let services: Services;
  let store: PlanStore;

  beforeAll(async () => {
    services = servicesOn(await open(), LOADED);
    const { plan } = await seedBundledPlan(services.plans, { actor: 'seed', at: LOADED });
    store = services.plans.store(plan);
  });
  afterAll(async () => services?.close());

  it('as CSV as at 2017-10-04 reproduces the seed: every recommendation in order, under its theme, in its own words', async () => {
    const rows = parse(await exported(services, { format: 'csv', asOf: '2017-10-04' }), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...PAPER_CSV_COLUMNS]);
    expect(rows).toHaveLength(bundled.recommendations.length + 1);
    expect(bundled.recommendations).toHaveLength(30);
    bundled.recommendations.forEach((rec, i) => {
      const [theme, id, text, owners, updates, delivery, status, rag, baseline] = rows[i + 1]!;
      expect({ theme, id, text, owners, delivery, status, baseline }).toEqual({
        theme: rec.theme,
        id: rec.id,
        text: rec.text,
        owners: rec.owners.join('\n'),
        delivery: rec.delivery,
        status: STATUS_LABELS[rec.status],
        baseline: '',
      });
      // Each update under its day, unless its own words open with that day as the board wrote it ("14.06.17 COMPLETE – …").
      expect(updates).toBe(rec.updates.map((u) => (/^\d{2}[./]\d{2}[./]\d{2}\b/.test(u.text) ? u.text : `${boardDate(u.date)}: ${u.text}`)).join('\n\n'));
      expect(rag).toMatch(/^(Red|Amber|Green|Grey): .+$/);
    });
  });

  it.skipIf(!seed)('every update, delivery date and theme of the bundled plan is in the seed, word for word', () => {
    const seedWords = words(seed!);
    const joined = ` ${seedWords.join(' ')} `;
    for (const rec of bundled.recommendations) {
      expect(seedWords.includes(rec.id) || seedWords.includes(`${rec.id}:`), rec.id).toBe(true);
      expect(joined, rec.theme).toContain(` ${words(rec.theme).join(' ')} `);
      if (rec.delivery) expect(joined, `${rec.id} delivery`).toContain(` ${words(rec.delivery).join(' ')} `);
      for (const u of rec.updates) expect(inSeed(u.text, seedWords), `${rec.id}: ${u.text.slice(0, 60)}…`).toBe(true);
    }
  });

  it('as JSON as at 2017-10-04 is the bundled plan file itself, and imports again', async () => {
    const json = JSON.parse(await exported(services, { format: 'json', asOf: '2017-10-04' })) as unknown;
    expect(json).toEqual(bundled);
    expect(readPlan(json).ok).toBe(true);
  });

  describe('after changes made later', () => {
    beforeAll(async () => {
      const by = { actor: 'N. Shackleton', source: 'cli' as const };
      await store.change({
        ...by,
        at: '2017-10-10T10:00:00.000Z',
        recId: '4.2.1',
        update: { date: '2017-10-10', text: 'Prioritised ICT plan circulated to the SLT.', author: 'N. Shackleton', evidence: null },
        delivery: { text: 'end of next month', start: '2017-11-30', end: '2017-11-30', precision: 'day' },
      });
      await store.change({ ...by, at: '2017-10-12T10:00:00.000Z', recId: '4.2.1', status: 'awaiting_decision' });
      await store.change({ ...by, at: '2017-10-12T11:00:00.000Z', recId: '9.3.1', status: 'complete', update: { date: '2017-10-12', text: 'Done, see minutes.', author: null, evidence: null } });
      await store.change({ ...by, at: '2017-10-20T10:00:00.000Z', recId: '5.2', owners: ['Karen Georgiou'] });
    });

    const row = async (asOf: string, id: string) => {
      const rows = parse(await exported(services, { format: 'csv', asOf }), { bom: true }) as string[][];
      return rows.find((r) => r[1] === id)!;
    };

    it('as at 2017-10-04 the paper is still the seed', async () => {
      const json = JSON.parse(await exported(services, { format: 'json', asOf: '2017-10-04' })) as unknown;
      expect(json).toEqual(bundled);
    });

    it('as at a later date it carries the change, with the baseline next to the new date', async () => {
      const first = bundled.recommendations.find((r) => r.id === '4.2.1')!.updates[0]!;
      expect((await row('2017-10-09', '4.2.1')).slice(4, 9)).toEqual([`20/07/2017: ${first.text}`, '', 'On-going', 'Green: on track (no delivery date set)', '']);
      const later = await row('2017-10-11', '4.2.1');
      expect(later[4]).toMatch(/\n\n10\/10\/2017: Prioritised ICT plan circulated to the SLT\.$/);
      expect(later.slice(5, 9)).toEqual(['end of next month', 'On-going', 'Green: on track', '(no delivery date given)']);
      expect((await row('2017-10-12', '4.2.1'))[6]).toBe('Awaiting decision');
      expect((await row('2017-10-19', '5.2'))[3]).toBe('Karen Georgiou\nPortfolio Office');
      expect((await row('2017-10-20', '5.2'))[3]).toBe('Karen Georgiou');
    });

    it('--since lists exactly the changes in the window', async () => {
      const md = await exported(services, { format: 'md', asOf: '2017-10-12', since: '2017-10-04' });
      const section = md.slice(md.indexOf('## Changed since 4 October 2017'), md.indexOf('## The plan'));
      expect(section.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('### '))).toEqual([
        '### New updates',
        '- **4.2.1** 10/10/2017 (N. Shackleton): Prioritised ICT plan circulated to the SLT.',
        '- **9.3.1** 12/10/2017: Done, see minutes.',
        '### Status changes',
        '- **4.2.1** On-going → Awaiting decision (12/10/2017, N. Shackleton)',
        '- **9.3.1** On-going → Complete (12/10/2017, N. Shackleton)',
        '### Closed',
        '- **9.3.1** Complete (12/10/2017, N. Shackleton)',
        '### Delivery dates revised',
        '- **4.2.1** (no delivery date given) → end of next month (by 30 Nov 2017) (10/10/2017, N. Shackleton)',
      ]);
      const quiet = await exported(services, { format: 'md', asOf: '2017-10-19', since: '2017-10-12' });
      expect(quiet).toContain('Nothing changed between 12 October 2017 and 19 October 2017.');
    });

    it('without a date, json and csv are still the import format of the plan as it is now', async () => {
      const now = JSON.parse(await exported(services, { format: 'json' })) as PlanFile;
      expect(now).toEqual(await store.exportPlan());
      expect(now.recommendations.find((r) => r.id === '4.2.1')).toMatchObject({ delivery: 'end of next month', baseline: '', status: 'awaiting_decision' });
      expect((await exported(services, { format: 'csv' })).split('\r\n')[1]).toMatch(/^#plan,/);
    });
  });
});
