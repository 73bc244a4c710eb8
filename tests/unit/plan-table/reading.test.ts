import { describe, expect, it } from 'vitest';
import { read, table } from './tables.js';

const HEADER = ['Ref', 'Recommendation', 'Owner', 'Update', 'Target date'];

describe('numbers written in the text', () => {
  it.each([
    ['no id column', [['Recommendation', 'Owner'], ['1.1: BCH needs to act', 'Karen Georgiou']]],
    ['an empty id cell', [HEADER, ['', '1.1: BCH needs to act', 'Karen Georgiou', '', '']]],
    ['the id repeated in the text', [HEADER, ['1.1', '1.1: BCH needs to act', 'Karen Georgiou', '', '']]],
    ['the text in the id column, as the seed writes it', [['Recommendation No', 'Owner'], ['1.1: BCH needs to act', 'Karen Georgiou']]],
  ])('%s: the number is the id, the text keeps the rest', (_what, rows) => {
    expect(read([table('t', rows)]).plan.recommendations.map((r) => [r.id, r.text])).toEqual([['1.1', 'BCH needs to act']]);
  });

  it('a different number in the text is kept as text', () => {
    expect(read([table('t', [HEADER, ['1.2', '1.1 and 1.2 together', '', '', '']])]).plan.recommendations[0]!.text).toBe('1.1 and 1.2 together');
  });

  it('a number with no text is left out, with its row', () => {
    const reading = read([table('t', [HEADER, ['1.1', 'A', '', '', ''], ['1.2', '', 'Karen Georgiou', '', '']])]);
    expect(reading.skipped).toEqual([{ row: 3, reason: '1.2 has no recommendation text' }]);
  });
});

describe('delivery dates', () => {
  const reading = read([
    table('t', [
      HEADER,
      ['1.1', 'A', '', '', 'September\n2017'],
      ['1.2', 'B', '', '', 'Q1 or Q2 2018'],
      ['1.3', 'C', '', '', 'By end 2017'],
      ['1.4', 'D', '', '', 'When the review reports'],
      ['1.5', 'E', '', '', ''],
    ]),
  ]);

  it('are kept as written, a line break in the cell read as a space', () => {
    expect(reading.plan.recommendations.map((r) => r.delivery)).toEqual(['September 2017', 'Q1 or Q2 2018', 'By end 2017', 'When the review reports', '']);
  });

  it('one the date reader cannot read is flagged with its reason, never dropped', () => {
    expect(reading.flaggedDates.map((f) => [f.row, f.id, f.text])).toEqual([[3, '1.2', 'Q1 or Q2 2018'], [5, '1.4', 'When the review reports']]);
    for (const f of reading.flaggedDates) expect(f.reason).toMatch(/\S/);
  });
});

describe('duplicate ids', () => {
  it('are listed with every row; the plan keeps the first and the reading stays ok', () => {
    const reading = read([table('t', [HEADER, ['1.1', 'First', '', '', ''], ['1.2', 'B', '', '', ''], ['1.1', 'Second', '', '', ''], ['1.1', 'Third', '', '', '']])]);
    expect(reading.duplicates).toEqual([{ id: '1.1', rows: [2, 4, 5] }]);
    expect(reading.plan.recommendations.map((r) => [r.id, r.text])).toEqual([['1.1', 'First'], ['1.2', 'B']]);
  });
});

describe('"See 9.1.1 above"', () => {
  const reading = read([
    table('t', [
      HEADER,
      ['9.1.1', 'BaU plans', 'Lead CC’s', 'New framework', 'By end 2017'],
      ['9.2.1', 'Simplify', 'See 9.1.1 above', 'See 9.1.1 Above', 'September 2017'],
      ['9.2.2', 'Refocus', 'PCC’s', 'See 9.4.1 above', ''],
    ]),
  ]);

  it('is kept as written in the owner and the update', () => {
    expect(reading.plan.recommendations[1]).toMatchObject({ owners: ['See 9.1.1 above'], updates: [{ date: '2017-10-04', author: null, text: 'See 9.1.1 Above', evidence: null }] });
  });

  it('is noted as a link, and a link to an item not in the plan says so', () => {
    expect(reading.notes.filter((n) => !n.includes('"General"'))).toEqual([
      '9.2.1: owner says "See 9.1.1 above", linked to 9.1.1',
      '9.2.1: update says "See 9.1.1 Above", linked to 9.1.1',
      '9.2.2: update says "See 9.4.1 above", linked to 9.4.1, which is not in the plan',
    ]);
  });
});
