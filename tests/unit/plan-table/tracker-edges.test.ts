import { describe, expect, it } from 'vitest';
import { datedAbove } from '../../../src/core/plan/table/dated-above.js';
import { readPlanTable } from '../../../src/core/plan/table/read-plan-table.js';
import type { SourceTable } from '../../../src/core/plan/table/source-table.js';
import { OPTIONS, read, table } from './tables.js';

function readOn(today: string, tables: SourceTable[]) {
  const reading = readPlanTable(tables, { ...OPTIONS, asOf: today });
  if (!reading.ok) throw new Error(reading.error);
  return reading;
}

/** The edges of a tracker kept in Excel: its title block's date, its footer rows, and references written with a space. */

const HEADER = ['Ref', 'Recommendation', 'Lead', 'Target Date', 'Status', 'Progress update'];

describe('the date a tracker says it stands at', () => {
  it.each<[string, string | null]>([
    ['Last updated: 12/02/2018', '2018-02-12'],
    ['Action Tracker — as at 12 February 2018', '2018-02-12'],
    ['Position as at 2018-02-12', '2018-02-12'],
    ['Date: 12.02.18', '2018-02-12'],
    ['Dated 1st February 2018 (v3)', '2018-02-01'],
    // A month names no day; a date with no cue is no claim about the document; a future date is a target.
    ['As at February 2018', null],
    ['Inspection of 12/02/2018', null],
    ['Updated: 31/12/2018', null],
    ['HMICFRS Inspection 2018 – Action Tracker', null],
  ])('%s → %s', (line, want) => {
    const t = table('Tracker', [[line, '', '', '', '', ''], HEADER, ['R1', 'Improve data quality', 'DCI Smith', '31/03/2018', 'On-going', '']]);
    expect(datedAbove(t, 2, '2018-02-15')?.date ?? null).toBe(want);
  });

  it('is the plan\'s as-of date and the day of an update that gives none, with a note', () => {
    const reading = readOn('2018-02-15', [
      table('Tracker', [
        ['HMICFRS Inspection 2018 – Action Tracker', '', '', '', '', ''],
        ['Last updated: 12/02/2018', '', '', '', '', ''],
        HEADER,
        ['R1', 'Improve data quality', 'DCI Smith', '31/03/2018', 'On-going', 'Audit commissioned'],
      ]),
    ]);
    expect(reading.plan.asOf).toBe('2018-02-12');
    expect((reading.plan.recommendations[0]!.updates ?? []).map((u) => u.date)).toEqual(['2018-02-12']);
    expect(reading.notes).toContain('dated 2018-02-12 by its title block (row 2): the plan as at that day, and the day of each update that gives none');
  });

  it('without one, the day of the import stands', () => {
    const reading = read([table('Tracker', [HEADER, ['R1', 'Improve data quality', 'DCI Smith', '31/03/2018', 'On-going', 'Audit commissioned']])]);
    expect(reading.plan.asOf).toBe('2017-10-04');
  });
});

describe('rows below the items', () => {
  it('a totals row is no part of the last item, after a blank row or not', () => {
    for (const gap of [[['', '', '', '', '', '']], []]) {
      const reading = read([
        table('Tracker', [
          HEADER,
          ['R1', 'Improve data quality', 'DCI Smith', '31/03/2018', 'On-going', ''],
          ['R2', 'Publish a new Code of Ethics training package', 'Head of HR', 'Summer 2018', 'Not started', ''],
          ...gap,
          ['Total', '2 recommendations', '', '', '', ''],
        ]),
      ]);
      expect(reading.plan.recommendations.map((r) => r.text)).toEqual(['Improve data quality', 'Publish a new Code of Ethics training package']);
      expect(reading.skipped.at(-1)!.reason).toBe('a total or a note below the items, not part of one');
    }
  });

  it('after a blank row, a line that would have read as the rest of the item above is not joined to it', () => {
    const reading = read([
      table('Tracker', [
        HEADER,
        ['R1', 'Publish a new Code of Ethics training package', 'Head of HR', 'Summer 2018', 'Not started', ''],
        ['', '', '', '', '', ''],
        ['', 'owned jointly with L&D', '', '', '', ''],
      ]),
    ]);
    expect(reading.plan.recommendations[0]!.text).toBe('Publish a new Code of Ethics training package');
    expect(reading.skipped.map((s) => s.row)).toContain(4);
  });

  it('without a blank row it is still the rest of the item, as a row split across a page is', () => {
    const reading = read([
      table('Tracker', [HEADER, ['R1', 'Publish a new Code of Ethics training package', 'Head of HR', 'Summer 2018', 'Not started', ''], ['', 'for every officer and member of staff', '', '', '', '']]),
    ]);
    expect(reading.plan.recommendations[0]!.text).toBe('Publish a new Code of Ethics training package for every officer and member of staff');
  });
});

describe('references written with a space', () => {
  it('"AFI 1" and "R 2" alone in the number column are AFI1 and R2; a period ("Q 1") is not a reference', () => {
    const reading = read([
      table('Tracker', [
        HEADER,
        ['R 2', 'Develop a workforce plan', 'Head of HR', 'Q2 2018/19', 'On-going', ''],
        ['AFI 1', 'Improve call handling times', 'Control Room Manager', 'ongoing', 'On-going', ''],
        ['Q 1', 'Quarterly review of demand', 'Control Room Manager', 'ongoing', 'On-going', ''],
      ]),
    ]);
    expect(reading.plan.recommendations.map((r) => r.id)).toEqual(['R2', 'AFI1']);
  });
});
