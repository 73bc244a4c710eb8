import { describe, expect, it } from 'vitest';
import { read, table } from './tables.js';

const HEADER = ['Ref', 'Action', 'Owner', 'Due'];
const ids = (rows: Parameters<typeof table>[1]) => read([table('t', rows)]).plan.recommendations.map((r) => r.id);

describe('rows around and between the items', () => {
  it.each([
    ['title rows above the header', [['Action plan'], ['Board of 4 October 2017', ''], HEADER, ['1.1', 'Do it', 'Karen Georgiou', 'March 2018']]],
    ['blank rows', [HEADER, ['', '', '', ''], ['1.1', 'Do it', '', ''], [], ['  ', '\n', '', '']]],
    ['the header repeated on each page', [HEADER, ['1.1', 'Do it', '', ''], HEADER, ['ref', 'ACTION', 'owner', 'due'], ['1.2', 'Do that', '', '']]],
  ] as const)('%s are not items', (_what, rows) => {
    expect(ids([...rows]).length).toBeGreaterThan(0);
    expect(ids([...rows]).every((id) => /^1\.\d$/.test(id))).toBe(true);
  });

  it('lists the rows it left out and why', () => {
    const reading = read([table('t', [['Action plan'], HEADER, ['1.1', 'Do it', '', ''], HEADER, ['', 'A free-standing note about funding.', 'Karen Georgiou', 'March 2018'], ['1.2', 'Do that', '', '']])]);
    expect(reading.skipped).toEqual([
      { row: 1, reason: 'above the header row (a title)' },
      { row: 4, reason: 'the header row again (a new page)' },
      { row: 5, reason: 'no recommendation number in its number column or at the start of its text' },
    ]);
    expect(reading.headerRow).toBe(2);
  });
});

describe('sections', () => {
  it.each([
    ['a heading in one cell', ['Governance', '', '', '']],
    ['a heading merged across the row', ['Governance', 'Governance', 'Governance', 'Governance']],
    ['a heading in the text column', ['', 'Governance', '', '']],
    ['a heading ending in a colon', ['Governance:', '', '', '']],
  ])('%s is the theme of the rows below, until the next', (_what, section) => {
    const reading = read([table('t', [HEADER, ['What is BCH Collaboration', '', '', ''], ['1.1', 'A', '', ''], section, ['3.4', 'B', '', ''], ['3.6', 'C', '', '']])]);
    expect(reading.plan.recommendations.map((r) => [r.id, r.theme])).toEqual([['1.1', 'What is BCH Collaboration'], ['3.4', 'Governance'], ['3.6', 'Governance']]);
  });

  it('a theme column wins over section rows; an empty theme cell falls back to the section', () => {
    const reading = read([table('t', [['Ref', 'Action', 'Workstream'], ['ICT', '', ''], ['4.2.1', 'A', 'Digital'], ['4.2.2', 'B', '']])]);
    expect(reading.plan.recommendations.map((r) => r.theme)).toEqual(['Digital', 'ICT']);
  });

  it('no theme anywhere is "General", with a note', () => {
    const reading = read([table('t', [HEADER, ['1.1', 'A', '', '']])]);
    expect(reading.plan.recommendations[0]!.theme).toBe('General');
    expect(reading.notes).toContain('no theme column or section rows: every item has the theme "General"');
  });

  it('a lone cell under Owner is the owner carried over a page, not a section', () => {
    const reading = read([table('t', [HEADER, ['1.1', 'A', 'Karen Georgiou', ''], ['', '', 'Portfolio Office', '']])]);
    expect(reading.plan.recommendations[0]).toMatchObject({ theme: 'General', owners: ['Karen Georgiou', 'Portfolio Office'] });
  });

  it('a numbered row with nothing but a heading, above its own sub-numbers, is a heading', () => {
    const reading = read([table('t', [HEADER, ['9.1', 'Business as Usual:', '', ''], ['9.1.1', 'A', '', ''], ['9.2', 'A short item', 'Karen Georgiou', '']])]);
    expect(reading.plan.recommendations.map((r) => r.id)).toEqual(['9.1.1', '9.2']);
    expect(reading.skipped).toEqual([{ row: 2, reason: '"9.1 | Business as Usual:" heads the numbers below it (9.1.1…), not a recommendation' }]);
  });
});

describe('merged cells and rows split by a page break', () => {
  it('an owner cell merged down two rows gives each row the owner', () => {
    const reading = read([table('t', [HEADER, ['9.2.1', 'A', 'PCC’s', 'September 2017'], { cells: ['9.2.2', 'B', 'PCC’s', 'September 2017'], continued: [false, false, true, true] }])]);
    expect(reading.plan.recommendations.map((r) => [r.id, r.owners, r.delivery])).toEqual([['9.2.1', ['PCC’s'], 'September 2017'], ['9.2.2', ['PCC’s'], 'September 2017']]);
  });

  it.each([
    ['text going on in lower case', ['', 'benefits have been realised', '', ''], 'Hand over projects once the benefits have been realised'],
    ['text after a sentence left open', ['', 'Athena implementation is agreed.', '', ''], 'Hand over projects once the Athena implementation is agreed.'],
    ['a list going on', ['', '• and the third element', '', ''], 'Hand over projects once the\n• and the third element'],
    ['a number cell merged down', { cells: ['3.6', 'benefits have been realised', '', ''], continued: [true, false, false, false] }, 'Hand over projects once the benefits have been realised'],
  ] as const)('%s is joined to the row above, with a note', (_what, rest, text) => {
    const reading = read([table('t', [HEADER, ['3.6', 'Hand over projects once the', 'Karen Georgiou', 'September 2017'], rest])]);
    expect(reading.plan.recommendations).toHaveLength(1);
    expect(reading.plan.recommendations[0]).toMatchObject({ text, owners: ['Karen Georgiou'] });
    expect(reading.skipped).toEqual([]);
  });

  it('a row whose cells all repeat the row above adds nothing', () => {
    const reading = read([table('t', [HEADER, ['3.6', 'A', 'Karen Georgiou', ''], { cells: ['', '', 'Karen Georgiou', ''], continued: [false, false, true, false] }])]);
    expect(reading.plan.recommendations[0]!.owners).toEqual(['Karen Georgiou']);
    expect(reading.notes.filter((n) => n.includes('split across'))).toEqual([]);
  });

  it('the update cell carried over a page joins the update', () => {
    const reading = read([table('t', [['Ref', 'Action', 'Update'], ['4.2.1', 'A', 'On the 21st June 2017 a workshop was held for the'], ['', '', '7 Chief Constables.']])]);
    expect(reading.plan.recommendations[0]!.updates).toEqual([{ date: '2017-10-04', author: null, text: 'On the 21st June 2017 a workshop was held for the 7 Chief Constables.', evidence: null }]);
    expect(reading.notes).toContain('row 3: read as the rest of 4.2.1 (row 2), split across a page');
  });
});
