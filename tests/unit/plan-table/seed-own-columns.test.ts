import { describe, expect, it } from 'vitest';
import type { Status } from '../../../src/core/plan/status.js';
import { bundled, entryOf, read, table } from './tables.js';

/** The sub-heading lines the seed writes above the first item of each part of section 9. */
const SUBHEADINGS: Record<string, string> = { '9.1.1': '9.1 Business as Usual:', '9.2.1': '9.2 Governance:', '9.3.1': '9.3 Accountability:' };

/**
 * The seed's own columns: "Recommendation No" holds the number and the recommendation together
 * ("1.1: BCH needs to …"), there is no status column, and 3.4's "Complete" sits under its date.
 */
function ownColumns() {
  const rows: string[][] = [['Recommendation No', 'Owner', 'Update', 'Delivery Date']];
  let theme = '';
  for (const r of bundled.recommendations) {
    if (r.theme !== theme) rows.push([(theme = r.theme), '', '', '']);
    const numbered = r.id.startsWith('9.') ? `${r.id} ${r.text}` : `${r.id}: ${r.text}`;
    const first = SUBHEADINGS[r.id] ? `${SUBHEADINGS[r.id]}\n${numbered}` : numbered;
    const update = r.updates.map((u) => entryOf(u).cell).join('\n\n');
    rows.push([first, r.owners.join('\n'), update, r.id === '3.4' ? `${r.delivery}\nComplete` : r.delivery]);
  }
  return table('table 1', rows);
}

/**
 * Without a status column the status comes from what the row says: a status word in the date column,
 * or the status the latest update opens with; otherwise on-going. The bundled plan's other statuses
 * were decided by a person reading whole sentences ("…this recommendation is not being implemented…").
 */
const FROM_THE_DOCUMENT: Record<string, Status> = {
  '1.1': 'awaiting_decision', // "Awaits agreement of new governance framework"
  '3.4': 'complete', // "Complete" under "June 2017"
  '4.0.2': 'complete', // latest entry "08/08/17 Complete – …"
  '4.1.1': 'on_going', // "On-going – Interim report…"
  '4.1.4': 'complete', // "Completed" as its date
  '5.1': 'complete', // "Completed - CPO responsibilities…"
  '6.1': 'on_going', // "At the current time this recommendation is not being implemented…": prose, not a status word
  '9.1.3': 'on_going', // "See 9.1.1 Above"
};

describe('the seed in its own columns (number and text in one cell, no status column)', () => {
  const source = ownColumns();
  const reading = read([source]);
  const got = new Map(reading.plan.recommendations.map((r) => [r.id, r]));

  it('takes the number from the "Recommendation No" cell and the text after it', () => {
    expect(reading.why).toBe('the only table with a recommendation-number column and 30 numbered rows');
    expect(reading.columns.map((c) => c.field)).toEqual(['id', 'owner', 'update', 'delivery']);
    for (const want of bundled.recommendations) {
      const r = got.get(want.id)!;
      expect({ id: r.id, text: r.text, theme: r.theme, owners: r.owners, delivery: r.delivery }).toEqual({
        id: want.id, text: want.text, theme: want.theme, owners: want.owners, delivery: want.delivery,
      });
    }
  });

  it('sets the "9.1 Business as Usual:" lines aside as headings, with a note', () => {
    const row = source.rows.find((r) => r.cells[0]!.startsWith('9.1 Business'))!.number;
    expect(reading.notes).toContain(`row ${row}: "9.1 Business as Usual:" read as a heading above 9.1.1, not part of its text`);
    expect(reading.skipped).toEqual([]);
    expect(reading.notes.filter((n) => n.includes('read as a heading above'))).toHaveLength(3);
  });

  it.each(Object.entries(FROM_THE_DOCUMENT))('%s reads as %s from what its row says', (id, status) => {
    expect(got.get(id)!.status).toBe(status);
  });
});
