import { describe, expect, it } from 'vitest';
import { numberAtStart } from '../../../src/core/plan/table/numbering.js';
import { read, table } from './tables.js';

/**
 * An internal audit's tracker, as audit teams lay them out: the finding beside the recommendation and the
 * action management agreed, and references written with a word in front ("#1", "No. 2", "Rec 3") or split
 * into parts ("4a", "4(b)").
 */
const items = (header: string[], ...rows: string[][]) => read([table('Tracker', [header, ...rows])]);

describe('an audit tracker', () => {
  const HEADER = ['No.', 'Finding', 'Recommendation', 'Responsible officer', 'Agreed action', 'Implementation date', 'Progress'];
  const reading = items(
    HEADER,
    ['#1', 'Weak access controls', 'Review access quarterly', 'Head of ICT', 'Agreed', '31/03/2019', 'Complete'],
    ['No. 2', 'Leavers not removed', 'Remove leavers within 5 days', 'HR Manager', 'Agreed', '30 June 2019', 'In progress'],
    ['Rec 3', 'No BCP test', 'Test the BCP annually', 'Head of Resilience', 'Agreed', 'Sept 2019', 'Not yet started'],
    ['4(a)', 'Policy out of date', 'Update the policy', 'Head of ICT', 'Agreed', 'TBC', ''],
    ['4B', 'Policy not published', 'Publish the policy on the intranet', 'Head of ICT', 'Agreed', 'Dec 2019', ''],
  );

  it('reads every reference as its number, a word in front dropped and a part kept', () => {
    expect(reading.plan.recommendations.map((r) => r.id)).toEqual(['1', '2', '3', '4a', '4b']);
  });

  it('takes the recommendation as the text, keeps the finding under it, and says what it left', () => {
    expect(reading.plan.recommendations.map((r) => r.text)).toEqual([
      'Review access quarterly\n\nFinding: Weak access controls',
      'Remove leavers within 5 days\n\nFinding: Leavers not removed',
      'Test the BCP annually\n\nFinding: No BCP test',
      'Update the policy\n\nFinding: Policy out of date',
      'Publish the policy on the intranet\n\nFinding: Policy not published',
    ]);
    expect(reading.columns.find((c) => c.field === 'text')?.heading).toBe('Recommendation');
    expect(reading.ignoredColumns).toEqual(['Agreed action']);
    expect(reading.notes).toContain('"Finding" kept under each item\'s text ("Recommendation"), each with its heading');
  });

  it('a finding of a word or two, or none, adds nothing under the text', () => {
    const short = items(['Ref', 'Recommendation', 'Finding', 'Owner'], ['1', 'Review access', 'See above', 'Head of ICT'], ['2', 'Remove leavers', '', 'HR Manager']);
    expect(short.plan.recommendations.map((r) => r.text)).toEqual(['Review access', 'Remove leavers']);
  });

  it('a tracker with only a finding column still reads it as the text', () => {
    const only = items(['Ref', 'Finding', 'Owner', 'Due'], ['1', 'Weak access controls', 'Head of ICT', 'March 2019']);
    expect(only.plan.recommendations.map((r) => r.text)).toEqual(['Weak access controls']);
  });
});

describe("a tracker's priorities", () => {
  it('are kept as written, from a Priority column, and left out for a blank cell', () => {
    const reading = items(['Ref', 'Recommendation', 'Priority', 'Owner', 'Due'], ['1', 'Review access', 'High', 'Head of ICT', 'March 2019'], ['2', 'Remove leavers', '', 'HR Manager', 'June 2019'], ['3', 'Test the BCP', '2 - Medium', 'Head of Resilience', 'Sept 2019']);
    expect(reading.columns.find((c) => c.field === 'priority')?.heading).toBe('Priority');
    expect(reading.plan.recommendations.map((r) => r.priority)).toEqual(['High', undefined, '2 - Medium']);
  });

  it("are read back from a board paper's \"Priority: …\" line under the text, which leaves the text", () => {
    const reading = items(['Recommendation No', 'Owner', 'Delivery Date'], ['P1: Keep a contracts register\nPriority: High', 'Head of Procurement', 'June 2018']);
    expect(reading.plan.recommendations.map((r) => [r.id, r.text, r.priority])).toEqual([['P1', 'Keep a contracts register', 'High']]);
  });
});

describe('a number at the start of the text', () => {
  it.each<[string, { id: string; rest: string } | null]>([
    ['4.2.1a Review the framework', { id: '4.2.1a', rest: 'Review the framework' }],
    ['1a) Review the policy', { id: '1a', rest: 'Review the policy' }],
    // A PDF that lost the space: the capital starts the text.
    ['4.2.1A mechanism for capturing demand', { id: '4.2.1', rest: 'A mechanism for capturing demand' }],
    ['4.2.1st of the month', null],
  ])('%j', (text, want) => {
    const got = numberAtStart(text);
    expect(got === null ? null : { id: got.id, rest: got.rest }).toEqual(want);
  });
});
