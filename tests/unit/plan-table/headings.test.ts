import { describe, expect, it } from 'vitest';
import { fieldOfHeading } from '../../../src/core/plan/table/headings.js';
import type { Field } from '../../../src/core/plan/table/reading.js';
import { failure, read, table } from './tables.js';

const SPELLINGS: Array<[Field, string[]]> = [
  ['id', ['Recommendation No', 'Recommendation No.', 'RECOMMENDATION NUMBER', 'Rec No', 'Rec. No.', 'Ref', 'Reference', 'No.', 'No', '#', 'Action ID', 'ID', 'Action Ref']],
  ['text', ['Recommendation', 'Action', 'Description', 'Finding', 'Recommendation/Action', 'recommendation / action', 'Actions', 'Area for improvement', 'AFI', 'Recommendation / AFI', 'Issue identified', 'Management action', 'Action required']],
  ['owner', ['Owner', 'Owners', 'Owner(s)', 'Lead', 'Lead officer', 'Responsible officer', 'Action owner', 'Accountable', 'Responsible', 'LEAD OFFICER:', 'SRO', 'Sponsor', 'Assigned to']],
  ['update', ['Update', 'Updates', 'Progress', 'Progress update', 'Commentary', 'Latest position', 'Comments', 'Update as at 30/09/17', 'Action taken', 'Progress made']],
  ['delivery', ['Delivery Date', 'Delivery\nDate', 'Target date', 'Due', 'Due date', 'Deadline', 'Timescale', 'By when', 'By when?', 'Completion date', 'Target quarter', 'Implementation date']],
  ['revised', ['Revised target', 'Revised Target Date', 'Revised date', 'New target date', 'Target completion date (revised)', 'Amended deadline']],
  ['original', ['Original target date', 'Original deadline', 'Baseline', 'Baseline Delivery Date', 'Initial target date']],
  ['status', ['Status', 'Progress status', 'Current status', 'STATUS']],
  ['rag', ['RAG', 'RAG status', 'RAG rating', 'R.A.G.', 'Rag Status (R/A/G)', 'BRAG', 'BRAG status']],
  ['theme', ['Theme', 'Workstream', 'Area', 'Section', 'Category']],
  ['priority', ['Priority', 'Priority rating', 'Risk rating', 'Rating', 'Grade', 'Recommendation priority', 'Priority (H/M/L)']],
];

describe('headings by meaning, whatever the case or punctuation', () => {
  it.each(SPELLINGS.flatMap(([field, names]) => names.map((n) => [n, field] as const)))('%j is %s', (heading, field) => {
    expect(fieldOfHeading(heading)?.field).toBe(field);
  });

  it.each(['', 'Version', '   ', 'The board agreed that the programme should be closed once the benefits are realised'])('%j is no heading', (heading) => {
    expect(fieldOfHeading(heading)).toBeNull();
  });

  it('prefers an exact spelling to a keyword guess when two columns claim one field', () => {
    const reading = read([table('t', [['Ref', 'Action', 'Date raised', 'Target date'], ['1.1', 'Do it', '01/01/2017', 'March 2018']])]);
    expect(reading.columns.find((c) => c.field === 'delivery')?.heading).toBe('Target date');
    expect(reading.ignoredColumns).toEqual(['Date raised']);
  });

  it('never reads a RAG column as the status, even with no status column', () => {
    const reading = read([table('t', [['Ref', 'Action', 'RAG status'], ['1.1', 'Do it', 'Complete']])]);
    expect(reading.columns.map((c) => c.field)).toEqual(['id', 'text', 'rag']);
    expect(reading.plan.recommendations[0]!.status).toBe('on_going');
    expect(reading.notes[0]).toMatch(/^RAG column \("RAG status"\) read, not used as a status/);
  });
});

describe('--map overrides a guess', () => {
  const rows = [['Ref', 'Action', 'Who', 'Lead', 'Notes'], ['1.1', 'Do it', 'Karen Georgiou', 'Portfolio Office', 'Awaiting board']];

  it.each([
    [{ owner: 'Who' }, 'owner', 'Who', 'Karen Georgiou'],
    [{ owner: 'who' }, 'owner', 'Who', 'Karen Georgiou'],
    [{ owner: 'Lead' }, 'owner', 'Lead', 'Portfolio Office'],
  ] as const)('%j maps %s to "%s"', (map, field, heading, owner) => {
    const reading = read([table('t', rows)], map);
    expect(reading.columns.find((c) => c.field === field)).toMatchObject({ heading, how: 'map' });
    expect(reading.plan.recommendations[0]!.owners).toEqual([owner]);
  });

  it('a map can give a column a field its heading would never suggest', () => {
    const reading = read([table('t', rows)], { update: 'Notes' });
    expect(reading.columns.find((c) => c.field === 'update')).toMatchObject({ heading: 'Notes', column: 5, how: 'map' });
    expect(reading.plan.recommendations[0]!.updates).toEqual([{ date: '2017-10-04', author: null, text: 'Awaiting board', evidence: null }]);
  });

  it('a map naming a heading that is not there fails, listing the headings there are', () => {
    expect(failure([table('sheet Tracker', rows)], { owner: 'Lead officer' })).toBe(
      'sheet Tracker has no column headed as --map owner="Lead officer" says; its headings are "Ref", "Action", "Who", "Lead", "Notes".',
    );
  });
});
