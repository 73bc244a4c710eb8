import { describe, expect, it } from 'vitest';
import type { Status } from '../../../src/core/plan/status.js';
import { statusAtStartOfUpdate, statusOfCell } from '../../../src/core/plan/table/status-words.js';
import { read, table } from './tables.js';

const WORDS: Array<[Status, string[]]> = [
  ['complete', ['Complete', 'Completed', 'COMPLETE', 'Closed', 'Done', 'Delivered', 'Implemented', 'Complete – 14/06/17']],
  ['on_going', ['On-going', 'Ongoing', 'on going', 'In progress', 'On track', 'Open', 'Started', 'Underway', 'Delayed', 'Behind', 'Partially complete', 'Partially implemented', 'Overdue', 'In hand', 'Proposed for closure']],
  ['not_started', ['Not started', 'Not yet started', 'Planned', 'NOT STARTED', 'Not due', 'Not yet commenced']],
  ['awaiting_decision', ['Awaiting decision', 'Awaits agreement of new governance framework', 'Pending decision', 'On hold awaiting SAS', 'Pending', 'On hold']],
  ['not_being_implemented', ['Not being implemented', 'Superseded', 'Withdrawn', 'Rejected', 'Not accepted', 'Cancelled', 'Not implemented']],
];

describe('status words as boards write them', () => {
  it.each(WORDS.flatMap(([status, words]) => words.map((w) => [w, status] as const)))('%j is %s', (word, status) => {
    expect(statusOfCell(word)).toBe(status);
  });

  it.each([
    ['COMPLETE – SAS and JCOB Decision Logs developed', 'complete'],
    ['Completed - CPO responsibilities defined', 'complete'],
    ['Complete.', 'complete'],
    ['On-going – Interim report to SAS', 'on_going'],
    ['Awaits agreement of new governance framework', 'awaiting_decision'],
    ['Not being implemented until other recommendations are', 'not_being_implemented'],
    // Prose that happens to open with a status word says nothing about the status.
    ['Completed see above', null],
    ['Delivered the first workshop; more to follow', null],
    ['Open discussions were held', null],
    ['At the current time this recommendation is not being implemented', null],
  ] as const)('an update opening %j → %s', (text, status) => {
    expect(statusAtStartOfUpdate(text)).toBe(status);
  });
});

const HEADER = ['Ref', 'Action', 'Update', 'Delivery Date', 'Status'];
/** A section row above, so the only notes are about the status. */
const one = (cells: string[], header = HEADER) => read([table('t', [header, ['Governance'], cells])]);

describe('the status of a row', () => {
  it.each([
    ['the status column', ['1.1', 'A', 'COMPLETE – done', 'March 2018', 'Awaits agreement'], 'awaiting_decision', 'March 2018'],
    ['"Complete" under the date, as the seed writes 3.4', ['3.4', 'A', 'Decision logs', 'June 2017\nComplete', ''], 'complete', 'June 2017'],
    ['"Completed" alone as the date: kept, the date reader reads it as no date', ['4.1.4', 'A', '', 'Completed', ''], 'complete', 'Completed'],
    ['"Closed" alone as the date: the status, and no date', ['4.1.4', 'A', '', 'Closed', ''], 'complete', ''],
    ['an empty status cell: the latest update opening "COMPLETE"', ['3.4', 'A', 'Decision logs\n\n14.06.17 COMPLETE – logs', 'June 2017', ''], 'complete', 'June 2017'],
    ['an empty status cell: an earlier "Complete" does not count', ['3.4', 'A', '14.06.17 Complete – phase 1\n\n08/08/17 Phase 2 started', '', ''], 'on_going', ''],
    ['nothing said: on-going', ['1.1', 'A', 'Work continues', 'March 2018', ''], 'on_going', 'March 2018'],
  ] as const)('%s', (_what, cells, status, delivery) => {
    const reading = one([...cells]);
    expect(reading.plan.recommendations[0]).toMatchObject({ status, delivery });
    expect(reading.notes).toEqual([]);
  });

  it('with no status column at all, the update decides', () => {
    const reading = one(['1.1', 'A', 'Complete – signed off'], ['Ref', 'Action', 'Update']);
    expect(reading.plan.recommendations[0]!.status).toBe('complete');
  });

  it('an unknown status word is on-going, with a note naming the row', () => {
    const reading = one(['4.2.1', 'A', '', '', 'Amber-ish']);
    expect(reading.plan.recommendations[0]!.status).toBe('on_going');
    expect(reading.notes).toEqual(['row 3 (4.2.1): status "Amber-ish" is not a status Concerto knows; read as On-going']);
  });
});
