import { describe, expect, it } from 'vitest';
import { readPlan } from '../../../src/core/plan/read-plan.js';
import { read, table } from './tables.js';

/**
 * Trackers keep a revised date beside the first ("Target date" and "Revised target"), or the first beside
 * the date in force ("Original deadline" and "Deadline"). Concerto keeps both: the date in force, and the
 * first as the baseline, as if the date had been revised in Concerto.
 */
const items = (header: string[], ...rows: string[][]) => read([table('t', [header, ...rows])]);
const dates = (reading: ReturnType<typeof read>) => reading.plan.recommendations.map((r) => [r.id, r.delivery, r.baseline ?? null]);

describe('a revised date beside the first', () => {
  const HEADER = ['Ref', 'Action', 'Owner', 'Target date', 'Revised target', 'Status'];

  it('a revised date that differs is the date in force, and the first its baseline', () => {
    const reading = items(
      HEADER,
      ['1', 'Access reviews quarterly', 'Head of ICT', '31/03/2018', '', 'Open'],
      ['2', 'Leavers process documented', 'HR Director', 'Q2 2018', 'Q3 2018', 'Not started'],
      ['3', 'Backup restores tested', 'Head of ICT', 'End of June 2018', 'n/a', 'Open'],
      ['4', 'Contracts register', 'Procurement', 'March 2018', 'march  2018', 'Open'],
      ['5', 'Disaster recovery plan', 'Head of ICT', '', 'September 2018', 'Open'],
    );
    expect(dates(reading)).toEqual([
      ['1', '31/03/2018', null],
      ['2', 'Q3 2018', 'Q2 2018'],
      ['3', 'End of June 2018', null],
      // The same date written again is no revision.
      ['4', 'March 2018', null],
      // A first date that was blank: the baseline is "no date".
      ['5', 'September 2018', ''],
    ]);
    expect(reading.columns.map((c) => c.field)).toEqual(['id', 'text', 'owner', 'delivery', 'revised', 'status']);
    expect(reading.ignoredColumns).toEqual([]);
    expect(reading.notes).toContain('2 of 5 items have a date in "Revised target" that differs from "Target date": each is due by the revised date, and the first is kept as its baseline');
  });

  it('reads as a plan whose revised items count one revision, their baseline kept', () => {
    const reading = items(HEADER, ['2', 'Leavers process documented', 'HR Director', 'Q2 2018', 'Q3 2018', 'Not started']);
    const plan = readPlan(reading.plan);
    if (!plan.ok) throw new Error(plan.errors.join('; '));
    const d = plan.plan.delivery.get('2')!;
    expect([d.current.start, d.current.end, d.baseline?.start, d.baseline?.end]).toEqual(['2018-07-01', '2018-09-30', '2018-04-01', '2018-06-30']);
  });

  it('a revised date the reader cannot read is flagged like any date, and kept as written', () => {
    const reading = items(HEADER, ['2', 'Leavers process documented', 'HR Director', 'Q2 2018', 'after the restructure', 'Open']);
    expect(dates(reading)).toEqual([['2', 'after the restructure', 'Q2 2018']]);
    expect(reading.flaggedDates.map((f) => f.text)).toEqual(['after the restructure']);
    expect(readPlan(reading.plan, { keepUnreadable: true }).ok).toBe(true);
  });

  it('a lone date column called revised is simply the delivery date', () => {
    const reading = items(['Ref', 'Action', 'Target completion date (revised)'], ['1', 'Do it', 'March 2018']);
    expect(reading.columns.map((c) => c.field)).toEqual(['id', 'text', 'delivery']);
    expect(dates(reading)).toEqual([['1', 'March 2018', null]]);
  });
});

describe('the first date beside the date in force', () => {
  it('an original date that differs is the baseline; a blank date in force is the original, unchanged', () => {
    const reading = items(
      ['Ref', 'Action', 'Original deadline', 'Deadline'],
      ['1', 'Do it', 'March 2018', 'June 2018'],
      ['2', 'Do that', 'March 2018', 'March 2018'],
      ['3', 'And this', 'Q1 2018', ''],
    );
    expect(dates(reading)).toEqual([
      ['1', 'June 2018', 'March 2018'],
      ['2', 'March 2018', null],
      ['3', 'Q1 2018', null],
    ]);
    expect(reading.notes).toContain('1 of 3 items has a date in "Deadline" that differs from "Original deadline": each is due by the current date, and the first is kept as its baseline');
  });

  it('with no differing dates, says every item keeps one date', () => {
    const reading = items(['Ref', 'Action', 'Target date', 'Revised date'], ['1', 'Do it', 'March 2018', '']);
    expect(reading.notes).toContain('no item\'s "Revised date" differs from its "Target date": every item keeps one date');
  });
});

describe('the first date as Concerto\'s own paper prints it', () => {
  it('"Baseline:" under the date is the first date; "(no delivery date given)" a first date that was blank', () => {
    const reading = items(
      ['Recommendation No', 'Recommendation', 'Delivery Date', 'Status'],
      ['4.1.3', 'Develop the Impact Assessment', 'end of May 2018\nBaseline:\nNovember 2017\nOverdue: was\ndue by\n31/05/2018', 'On-going'],
      ['4.2.1', 'A mechanism for capturing demands', 'end of March 2018\nBaseline: (no\ndelivery date\ngiven)', 'Complete'],
      ['4.2.2', 'Not re-dated', 'March 2018', 'On-going'],
    );
    expect(dates(reading)).toEqual([
      ['4.1.3', 'end of May 2018', 'November 2017'],
      ['4.2.1', 'end of March 2018', ''],
      ['4.2.2', 'March 2018', null],
    ]);
    expect(reading.notes).toContain('2 of 3 items carry a "Baseline:" under their date, as Concerto\'s paper prints a re-dated item: each keeps it as its first date');
  });
});


describe('a header written in two rows: "Target date" merged over "Original" and "Revised"', () => {
  // As exceljs reads such a sheet: headings merged down repeat in the second row (marked continued), and the
  // heading merged across is written in its first column only.
  const TOP = ['Ref', 'Recommendation', 'Action owner', 'Target date', '', 'Status'];
  const UNDER = { cells: ['Ref', 'Recommendation', 'Action owner', 'Original', 'Revised', 'Status'], continued: [true, true, true, false, false, true] };
  const reading = read([
    table('t', [
      ['Internal Audit – Procurement 2019', '', '', '', '', ''],
      TOP,
      UNDER,
      ['R1', 'Maintain a contracts register', 'Head of Procurement', '31/03/2019', '30/06/2019', 'In progress'],
      ['R2', 'Introduce a waiver process', 'Finance Director', 'Q2 2019', '', 'Not started'],
      ['R3', 'Train budget holders', 'Head of Procurement', 'End of 2019', 'n/a', 'Complete'],
    ]),
  ]);

  it('reads both rows as one header, each date column under its own heading', () => {
    expect([reading.headerFrom, reading.headerRow]).toEqual([2, 3]);
    expect(reading.columns.map((c) => [c.field, c.heading])).toEqual([
      ['id', 'Ref'],
      ['text', 'Recommendation'],
      ['owner', 'Action owner'],
      ['original', 'Target date Original'],
      ['delivery', 'Target date Revised'],
      ['status', 'Status'],
    ]);
    // The header's first row is the header, not a title; the title above it still is.
    expect(reading.skipped).toEqual([{ row: 1, reason: 'above the header row (a title)' }]);
    expect(reading.titleRow).toBe('Internal Audit – Procurement 2019');
  });

  it('an item revised is due by the revised date, its baseline the original; blank or "n/a" keeps the original', () => {
    expect(dates(reading)).toEqual([
      ['R1', '30/06/2019', '31/03/2019'],
      ['R2', 'Q2 2019', null],
      ['R3', 'End of 2019', null],
    ]);
  });

  it('a first item row under the header is never taken for its second row', () => {
    const one = read([table('t', [['Ref', 'Action', 'Target date', 'Status'], ['1', 'Do it', 'March 2018', 'Open'], ['2', 'Do that', 'June 2018', 'Open']])]);
    expect(one.headerFrom).toBeUndefined();
    expect(one.plan.recommendations.map((r) => r.id)).toEqual(['1', '2']);
  });
});
