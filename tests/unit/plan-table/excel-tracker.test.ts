import { describe, expect, it } from 'vitest';
import { PlanFile } from '../../../src/core/plan/plan-file.js';
import { bundled, entryOf, read, table, type BundledItem } from './tables.js';

/** "2017-06-14" → "14/06/2017", as a spreadsheet shows a date typed into a cell. */
const slashed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Trackers date entries "dd/mm/yyyy – …"; entries that already carry their date keep it. */
function trackerEntry(u: BundledItem['updates'][number]): string {
  const seed = entryOf(u);
  return seed.cell === u.text ? u.text : `${slashed(u.date)} – ${u.text}`;
}

const RAG = (r: BundledItem) => (r.status === 'complete' ? 'Green' : r.status === 'not_being_implemented' ? 'Grey' : 'Amber');

/** An Excel tracker of the same plan: a title block, its own headings, owners on one line, and a RAG column. */
function tracker() {
  return table('sheet Tracker', [
    ['BCH Collaboration – Action Plan Tracker', 'BCH Collaboration – Action Plan Tracker', '', '', '', ''],
    ['Prepared by the Portfolio Office', '', '', '', '', ''],
    ['Position at 04/10/2017', '', '', '', '', ''],
    ['', '', '', '', '', ''],
    ['Ref', 'Action', 'Action owner', 'Target date', 'Progress update', 'RAG'],
    ...bundled.recommendations.map((r) => [r.id, r.text, r.owners.join(' / '), r.delivery, r.updates.map(trackerEntry).join('\n\n'), RAG(r)]),
  ]);
}

describe('an Excel tracker with a title block, other headings and a RAG column', () => {
  const reading = read([table('sheet Cover', [['Action Plan'], ['Version 3']]), tracker()]);
  const got = new Map(reading.plan.recommendations.map((r) => [r.id, r]));

  it('finds the header under the title block and maps each heading by meaning', () => {
    expect(reading.table).toBe('sheet Tracker');
    expect(reading.headerRow).toBe(5);
    expect(reading.columns.map((c) => `${c.heading}→${c.field}`)).toEqual([
      'Ref→id', 'Action→text', 'Action owner→owner', 'Target date→delivery', 'Progress update→update', 'RAG→rag',
    ]);
    expect(reading.skipped).toEqual([1, 2, 3].map((row) => ({ row, reason: 'above the header row (a title)' })));
  });

  it('reads the RAG column as RAG, never as a status, and says so', () => {
    expect(reading.notes).toContain('RAG column ("RAG") read, not used as a status: Concerto rates RAG from each item\'s dates and status');
    // 6.1 is Grey in the RAG column; its status comes from its update, not from the colour.
    expect(got.get('6.1')!.status).toBe('on_going');
  });

  it('gives back every item: ids, text, owners split at " / ", dates as written, dated updates, theme General', () => {
    expect(PlanFile.safeParse(reading.plan).success).toBe(true);
    expect(reading.plan.recommendations.map((r) => r.id)).toEqual(bundled.recommendations.map((r) => r.id));
    for (const want of bundled.recommendations) {
      const r = got.get(want.id)!;
      expect(r.text).toBe(want.text);
      expect(r.owners).toEqual(want.owners);
      expect(r.delivery).toBe(want.delivery);
      expect(r.theme).toBe('General');
      expect(r.updates).toEqual(want.updates.map((u) => ({ date: u.date, author: u.author, text: trackerEntry(u), evidence: null })));
    }
    expect(reading.notes).toContain('no theme column or section rows: every item has the theme "General"');
  });

  it('takes statuses from what the rows say when there is no status column', () => {
    expect(['1.1', '4.0.2', '4.1.4', '4.3.2', '5.1', '7.1'].map((id) => got.get(id)!.status)).toEqual([
      'awaiting_decision', 'complete', 'complete', 'complete', 'complete', 'complete',
    ]);
    expect(got.get('4.2.3')!.status).toBe('on_going');
  });
});
