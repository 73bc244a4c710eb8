import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../../src/core/plan/plan-file.js';
import type { Status } from '../../../src/core/plan/status.js';
import type { SourceRow } from '../../../src/core/plan/table/source-table.js';
import { bundled, entryOf, read, type BundledItem } from './tables.js';

/** The words the seed's board writes, several spellings each, so the status map is exercised too. */
const WORDS: Record<Status, string[]> = {
  complete: ['Complete', 'Completed', 'COMPLETE', 'Closed'],
  on_going: ['On-going', 'Ongoing', 'In progress', 'On track'],
  awaiting_decision: ['Awaits agreement', 'Awaiting decision', 'Pending decision'],
  not_started: ['Not started'],
  not_being_implemented: ['Not being implemented', 'Withdrawn'],
};

const HEADER = ['Recommendation No', 'Recommendation', 'Owner', 'Update', 'Delivery Date', 'Status'];

function itemRow(r: BundledItem, i: number): string[] {
  const update = r.updates.map((u) => entryOf(u).cell).join('\n\n');
  const words = WORDS[r.status];
  // 3.4 as the seed writes it: "Complete" under its date, no status of its own.
  if (r.id === '3.4') return [r.id, r.text, r.owners.join('\n'), update, `${r.delivery}\nComplete`, ''];
  return [r.id, r.text, r.owners.join('\n'), update, r.delivery, words[i % words.length]!];
}

/**
 * The seed as a Word table arrives: a title row, the header, a section row at each change of theme
 * (alternately a lone cell and a cell merged across the table), the header repeated at a page break,
 * 3.6 split across that break, the 9.1 sub-heading, and 9.2.1–9.2.2 sharing one merged owner cell.
 */
function seedTable(): { name: string; rows: SourceRow[] } {
  const rows: Array<{ cells: string[]; continued?: boolean[] }> = [{ cells: ['Concerto Action Plan', '', '', '', '', ''] }, { cells: HEADER }];
  let theme = '';
  bundled.recommendations.forEach((r, i) => {
    if (r.theme !== theme) {
      theme = r.theme;
      rows.push({ cells: i % 2 ? Array(6).fill(theme) : [theme, '', '', '', '', ''] });
    }
    if (r.id === '9.1.1') rows.push({ cells: ['9.1', 'Business as Usual:', '', '', '', ''] });
    const cells = itemRow(r, i);
    if (r.id === '3.6') {
      const cut = r.text.indexOf(' benefits have been realised');
      rows.push({ cells: [cells[0]!, r.text.slice(0, cut), ...cells.slice(2)] });
      rows.push({ cells: HEADER });
      rows.push({ cells: ['', r.text.slice(cut + 1), '', '', '', ''] });
      return;
    }
    rows.push(r.id === '9.2.2' ? { cells, continued: [false, false, true, false, false, false] } : { cells });
  });
  return { name: 'table 1', rows: rows.map((r, i) => ({ number: i + 1, ...r })) };
}

describe('the seed as a Word table', () => {
  const source = seedTable();
  const reading = read([{ name: 'table 2', rows: [{ number: 1, cells: ['Version', 'Date'] }, { number: 2, cells: ['1.0', '04/10/2017'] }] }, source]);
  const got = new Map(reading.plan.recommendations.map((r) => [r.id, r]));

  it('picks the plan table, says why, and maps every column from its heading', () => {
    expect(reading.table).toBe('table 1');
    expect(reading.why).toBe('the only table with a recommendation-number column and 30 numbered rows');
    expect(reading.headerRow).toBe(2);
    expect(reading.columns.map((c) => [c.field, c.column, c.heading, c.how])).toEqual([
      ['id', 1, 'Recommendation No', 'heading'],
      ['text', 2, 'Recommendation', 'heading'],
      ['owner', 3, 'Owner', 'heading'],
      ['update', 4, 'Update', 'heading'],
      ['delivery', 5, 'Delivery Date', 'heading'],
      ['status', 6, 'Status', 'heading'],
    ]);
    expect(reading.ignoredColumns).toEqual([]);
  });

  it('gives back the 30 recommendations in order, a valid plan file', () => {
    expect(reading.plan.recommendations.map((r) => r.id)).toEqual(bundled.recommendations.map((r) => r.id));
    expect(PlanFile.safeParse(reading.plan).success).toBe(true);
  });

  it.each(bundled.recommendations.map((r) => [r.id, r] as const))('%s: every field as the bundled plan has it', (id, want) => {
    const r = got.get(id)!;
    expect(r.theme).toBe(want.theme);
    expect(r.text).toBe(want.text);
    expect(r.owners).toEqual(want.owners);
    expect(r.delivery).toBe(want.delivery);
    expect(r.status).toBe(want.status);
    expect(r.updates).toEqual(want.updates.map((u) => ({ date: u.date, author: u.author, text: entryOf(u).text, evidence: null })));
  });

  it('reads the dated entries of one cell apart, oldest first after the undated text', () => {
    expect(got.get('3.4')!.updates!.map((u) => u.date)).toEqual(['2017-10-04', '2017-06-14']);
    expect(got.get('4.2.2')!.updates!.map((u) => [u.date, u.author])).toEqual([['2017-10-04', null], ['2017-07-20', 'N. Shackleton']]);
    expect(got.get('4.3.1')!.updates).toEqual([{ date: '2017-05-04', author: null, text: expect.stringMatching(/^04\.05\.17 Sequencing/), evidence: null }]);
  });

  it('skips the title, the repeated header and the 9.1 sub-heading, naming each row', () => {
    const rows = source.rows;
    const numberOf = (pred: (r: SourceRow) => boolean) => rows.filter(pred).map((r) => r.number);
    expect(reading.skipped).toEqual([
      { row: 1, reason: 'above the header row (a title)' },
      ...numberOf((r) => r.number > 2 && r.cells[0] === 'Recommendation No').map((row) => ({ row, reason: 'the header row again (a new page)' })),
      { row: numberOf((r) => r.cells[0] === '9.1')[0]!, reason: '"9.1 | Business as Usual:" heads the numbers below it (9.1.1…), not a recommendation' },
    ]);
  });

  it('joins 3.6 across the page break, links "See 9.1.1 above", and flags nothing', () => {
    expect(reading.notes).toContainEqual(expect.stringMatching(/^row \d+: read as the rest of 3\.6 \(row \d+\), split across a page$/));
    for (const id of ['9.1.3', '9.2.1', '9.2.2', '9.2.4']) expect(reading.notes).toContain(`${id}: update says "See 9.1.1 Above", linked to 9.1.1`);
    expect(reading.notes).toContain('9.2.3: update says "See 9.1.1 above", linked to 9.1.1');
    expect(reading.flaggedDates).toEqual([]);
    expect(reading.duplicates).toEqual([]);
  });
});
