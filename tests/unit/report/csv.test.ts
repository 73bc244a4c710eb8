import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildBoardPaper } from '../../../src/core/report/board-paper.js';
import { neutralise, PAPER_CSV_COLUMNS, paperToCsv } from '../../../src/report/csv.js';
import { PLAN, rec, upd, win } from './fixtures.js';

const FORMULA = "=cmd|' /C calc'!A0";

const awkward = buildBoardPaper(
  {
    plan: PLAN,
    recommendations: [
      rec('1.1', {
        theme: 'Governance, "Accountability" and more',
        text: 'Line one, with a comma\nLine two with "quotes" and a trailing ;',
        owners: ['Karen Georgiou', 'Force CFO’s'],
        updates: [upd('2017-06-14', '14.06.17 COMPLETE – SAS and JCOB Decision Logs developed'), upd('2017-10-04', 'Second, with\r\nCRLF inside')],
        status: 'complete',
      }),
      rec('1.2', { text: FORMULA, owners: ['+44 20 7946 0000'], delivery: win('-1', null, null), updates: [] }),
      rec('1.3', { text: '@SUM(A1:A2)', owners: ['\tTabbed'], updates: [] }),
      rec('1.4', { text: '\rcarriage return first', owners: ['- a dash and a space'], updates: [] }),
    ],
    events: [],
  },
  { asAt: '2017-10-04', producedOn: '2017-10-04' },
);

const csv = paperToCsv(awkward);
const cells = parse(csv, { bom: true }) as string[][];
const row = (id: string) => cells.find((r) => r[1] === id)!;

describe('the paper as CSV', () => {
  it('starts with a UTF-8 byte-order mark and the paper columns, one row per recommendation', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(cells[0]).toEqual([...PAPER_CSV_COLUMNS]);
    expect(cells.slice(1).map((r) => r[1])).toEqual(['1.1', '1.2', '1.3', '1.4']);
  });

  it('reads back commas, quotes, newlines and non-ASCII text exactly', () => {
    expect(row('1.1')).toEqual([
      'Governance, "Accountability" and more',
      '1.1',
      'Line one, with a comma\nLine two with "quotes" and a trailing ;',
      'Karen Georgiou\nForce CFO’s',
      // An update that opens with its own day, as the board wrote it, is not labelled with that day again.
      '14.06.17 COMPLETE – SAS and JCOB Decision Logs developed\n\n04/10/2017: Second, with\r\nCRLF inside',
      'September 2017',
      'Complete',
      'Green: complete',
      '',
      '',
      '',
    ]);
  });

  it('says what an item waits on, and a completion awaiting sign-off, in their own columns', () => {
    const paper = buildBoardPaper(
      {
        plan: PLAN,
        recommendations: [
          rec('1.1', { status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' }, updates: [] }),
          rec('1.2', { status: 'on_going', proposal: { by: 'N. Shackleton', byId: null, at: '2017-10-03T09:00:00.000Z', evidence: 'https://example.org/minutes' }, updates: [] }),
        ],
        events: [],
      },
      { asAt: '2017-10-04', producedOn: '2017-10-04' },
    );
    const read = parse(paperToCsv(paper), { bom: true }) as string[][];
    expect(read[0]!.slice(-2)).toEqual(['Waiting On', 'Awaiting Sign-off']);
    expect(read.find((r) => r[1] === '1.1')!.slice(-3)).toEqual(['', 'agreement of new governance framework (SAS)', '']);
    expect(read.find((r) => r[1] === '1.2')!.slice(-3)).toEqual(['', '', 'Proposed complete by N. Shackleton on 3 October 2017 (still On-going); evidence: https://example.org/minutes.']);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    expect(row('1.2')[2]).toBe(`'${FORMULA}`);
    expect(row('1.2')[3]).toBe("'+44 20 7946 0000");
    expect(row('1.2')[5]).toBe("'-1");
    expect(row('1.3')[2]).toBe("'@SUM(A1:A2)");
    expect(row('1.3')[3]).toBe("'\tTabbed");
    expect(row('1.4')[2]).toBe("'\rcarriage return first");
    expect(row('1.4')[3]).toBe("'- a dash and a space");
    for (const r of cells) for (const c of r) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
    ['4.2.1', '4.2.1'],
  ])('neutralise(%j) is %j', (cell, out) => {
    expect(neutralise(cell)).toBe(out);
  });
});
