import { describe, expect, it } from 'vitest';
import { buildBoardPaper } from '../../../src/core/report/board-paper.js';
import { PLAN, rec, upd, win } from './fixtures.js';
import { current, t } from './scenario.js';

const history = { plan: PLAN, recommendations: current, events: t.events };
const paper = (asAt: string, since: string | null = null) => buildBoardPaper(history, { asAt, producedOn: '2017-12-01', since });

describe('the board paper as data', () => {
  it('groups rows by theme in plan order, each theme once', () => {
    const p = buildBoardPaper(
      {
        plan: PLAN,
        recommendations: [rec('1.1', { theme: 'A' }), rec('3.4', { theme: 'B' }), rec('3.6', { theme: 'B' }), rec('9.4.1', { theme: 'A' })],
        events: [],
      },
      { asAt: '2017-10-04', producedOn: '2017-10-04' },
    );
    expect(p.groups.map((g) => [g.theme, g.rows.map((r) => r.id)])).toEqual([
      ['A', ['1.1', '9.4.1']],
      ['B', ['3.4', '3.6']],
    ]);
  });

  it('shows the baseline only once the date had been revised, as at each date', () => {
    const row = (asAt: string) => paper(asAt).groups.flatMap((g) => g.rows).find((r) => r.id === '9.3.1')!;
    expect([row('2017-10-09').delivery, row('2017-10-09').baseline]).toEqual(['Autumn 2017', null]);
    expect([row('2017-10-10').delivery, row('2017-10-10').baseline]).toEqual(['Q1 2018', 'Autumn 2017']);
  });

  it('rates RAG and counts overdue items as at the paper date, with the key from the same rules', () => {
    const p = buildBoardPaper(
      {
        plan: PLAN,
        recommendations: [
          rec('1.1', { status: 'awaiting_decision' }),
          rec('1.2', { delivery: win('October 2017', '2017-10-01', '2017-10-31', 'month') }),
          rec('1.3', { status: 'complete', updates: [upd('2017-06-14', 'Done')] }),
          rec('1.4', { status: 'not_being_implemented', delivery: win('', null, null) }),
          rec('1.5', { delivery: win('2018/19', '2018-04-01', '2019-03-31', 'financial_year') }),
        ],
        events: [],
      },
      { asAt: '2017-10-04', producedOn: '2017-10-04', rules: { amberWithinDays: 30, amberAfterRevisions: 1 } },
    );
    const rows = p.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => [r.id, r.rag.rag, r.rag.reason, r.overdue])).toEqual([
      ['1.1', 'red', 'awaiting a decision past its delivery date', true],
      ['1.2', 'amber', 'due within 30 days', false],
      ['1.3', 'green', 'complete', false],
      ['1.4', 'grey', 'not being implemented', false],
      ['1.5', 'green', 'on track', false],
    ]);
    expect(p.summary).toMatchObject({ total: 5, overdue: 1, byRag: { red: 1, amber: 1, green: 2, grey: 1 } });
    expect(p.summary.byStatus).toEqual({ not_started: 0, on_going: 2, awaiting_decision: 1, complete: 1, not_being_implemented: 1 });
    expect(p.ragKey.amber).toBe('due within 30 days, or delivery date revised more than once');
  });

  it('counts by theme as at the date', () => {
    expect(paper('2017-10-15').summary.byTheme.map((t) => [t.theme, t.total])).toEqual([['Governance', 3]]);
    expect(paper('2017-10-20').summary.byTheme.map((t) => [t.theme, t.total])).toEqual([
      ['ICT', 1],
      ['Governance', 3],
    ]);
  });

  it('carries the changed-since section only when asked', () => {
    expect(paper('2017-10-12').changes).toBeNull();
    expect(paper('2017-10-12', '2017-10-09').changes?.statusChanges).toHaveLength(2);
  });
});
