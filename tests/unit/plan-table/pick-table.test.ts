import { describe, expect, it } from 'vitest';
import { readPlanTable } from '../../../src/core/plan/table/read-plan-table.js';
import type { SourceTable } from '../../../src/core/plan/table/source-table.js';
import { failure, read, table } from './tables.js';

const NEEDS = 'the plan needs a column of numbers such as 4.2.1, or numbers at the start of each recommendation.';
const plan = (name: string, ids: string[]) => table(name, [['Ref', 'Action', 'Owner'], ...ids.map((id) => [id, `Action ${id}`, 'Portfolio Office'])]);

describe('which table is the plan', () => {
  it('the only table with numbered rows, and why', () => {
    const reading = read([table('table 1', [['Name', 'Role'], ['Karen Georgiou', 'Portfolio Office']]), plan('table 2', ['1.1', '1.2', '2.1'])]);
    expect(reading.table).toBe('table 2');
    expect(reading.why).toBe('the only table with a recommendation-number column and 3 numbered rows');
  });

  it('numbers inside the text column qualify a table with no number column', () => {
    const reading = read([table('the PDF\u2019s table', [['Recommendation', 'Owner'], ['1.1: BCH needs to act', 'Karen Georgiou'], ['1.2 Another', 'Karen Georgiou']])]);
    expect(reading.why).toBe('the only table with recommendation numbers at the start of its text and 2 numbered rows');
    expect(reading.plan.recommendations.map((r) => [r.id, r.text])).toEqual([['1.1', 'BCH needs to act'], ['1.2', 'Another']]);
  });

  it('of several, the one with the most numbered rows, saying how to choose another', () => {
    const reading = read([plan('sheet Summary', ['1', '2']), plan('sheet Tracker', ['1.1', '1.2', '2.1']), plan('sheet Closed', ['3.1'])]);
    expect(reading.table).toBe('sheet Tracker');
    expect(reading.why).toBe(
      'the table with the most numbered rows (3 numbered rows, a recommendation-number column) of 3 that have recommendation numbers ' +
        '(also sheet Summary: 2; sheet Closed: 1); to import another, say which: --sheet Summary or --sheet Closed',
    );
  });

  it.each([
    ['no tables at all', [], `The document has no table, so there are no recommendations to read; ${NEEDS}`],
    ['an empty table', [table('table 1', [])], `Table 1 is empty, so there are no recommendations to read; ${NEEDS}`],
    ['tables of blank rows', [table('table 1', [['', ''], [' ', '']]), table('table 2', [[]])], `Table 1 and table 2 are empty, so there are no recommendations to read; ${NEEDS}`],
    ['a table with no header', [table('table 1', [['1.1', 'Do it'], ['1.2', 'Do that']])], `The document has no table with recommendation numbers; ${NEEDS}`],
    ['a header but no numbered rows', [table('table 1', [['Ref', 'Action'], ['A', 'Do it'], ['', 'Do that']])], `The document has no table with recommendation numbers; ${NEEDS}`],
  ] as const)('%s: one sentence saying what the plan needs', (_what, tables, error) => {
    expect(failure([...tables])).toBe(error);
  });
});

const chosen = (tables: SourceTable[], choose: string) => readPlanTable(tables, { title: 'Plan', asOf: '2017-10-04', timeZone: 'Europe/London', table: choose });
const pick = (tables: SourceTable[], choose: string) => {
  const r = chosen(tables, choose);
  if (!r.ok) throw new Error(r.error);
  return r;
};
const refused = (tables: SourceTable[], choose: string) => {
  const r = chosen(tables, choose);
  return r.ok ? 'read' : r.error;
};

describe('the table the person chose (--table N, "table N" in Slack, or its name)', () => {
  const tables = [plan('table 1', ['1.1', '1.2']), plan('table 2', ['2.1', '2.2', '2.3']), table('table 3', [['Name', 'Role'], ['Karen', 'Portfolio Office']])];
  it.each([['1'], ['table 1'], ['Table 1']])('%j picks table 1 though table 2 has more rows', (choose) => {
    const reading = pick(tables, choose);
    expect([reading.table, reading.why]).toEqual(['table 1', 'the table asked for (--table 1), with a recommendation-number column and 2 numbered rows']);
  });

  it('a sheet by its name', () => {
    const reading = pick([plan('sheet Open', ['1.1', '1.2']), plan('sheet Closed', ['2.1'])], 'closed');
    expect([reading.table, reading.why]).toEqual(['sheet Closed', 'the table asked for (--sheet Closed), with a recommendation-number column and 1 numbered row']);
  });

  it('a table that is not there, or has no numbers, is refused saying what there is', () => {
    expect(refused(tables, '5')).toBe('There is no table "5" in the document; it has table 1, table 2, table 3.');
    expect(refused(tables, '3')).toBe(`Table 3 has no recommendation numbers; ${NEEDS}`);
  });
});
