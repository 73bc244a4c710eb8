import { describe, expect, it } from 'vitest';
import { planAsAt } from '../../../src/core/report/as-at.js';
import { buildBoardPaper } from '../../../src/core/report/board-paper.js';
import type { PlanHistory } from '../../../src/core/report/history.js';
import { summarise } from '../../../src/core/report/summary.js';
import { planTrends, weekEnds } from '../../../src/core/report/trends.js';
import { DEFAULT_RAG_RULES } from '../../../src/core/plan/rag.js';
import { PLAN, rec, trail, win } from './fixtures.js';
import { current as scenarioNow, t as scenarioTrail } from './scenario.js';

/**
 * A plan of 4 October 2017 (a Wednesday) whose items are completed, re-dated, moved to awaiting a
 * decision and added in known weeks; the weeks end on Sundays 8, 15, 22, 29 October and 5 November.
 */
const SEPT = win('September 2017', '2017-09-01', '2017-09-30', 'month');
const OCT = win('October 2017', '2017-10-01', '2017-10-31', 'month');
const DEC = win('December 2017', '2017-12-01', '2017-12-31', 'month');
const NOV = win('November 2017', '2017-11-01', '2017-11-30', 'month');
const TENTH = win('10 October 2017', '2017-10-10', '2017-10-10', 'day');

const original = [
  rec('1.1', { delivery: SEPT, baseline: SEPT }), // overdue from the start
  rec('1.2', { delivery: OCT, baseline: OCT }), // would be overdue from 1 November, but is re-dated first
  rec('1.3', { status: 'not_started', delivery: TENTH, baseline: TENTH }), // overdue from the 11th
  rec('1.5', { status: 'not_being_implemented' }),
];
const t = trail()
  .imported('2025-06-01T10:00:00.000Z', '2017-10-04', original)
  // 23:30 UTC on Sunday the 22nd is 00:30 on Monday the 23rd in London: the week ending the 29th.
  .change('1.1', '2017-10-22T23:30:00.000Z', 'status_changed', 'on_going', 'complete')
  .change('1.2', '2017-10-25T09:00:00.000Z', 'date_revised', OCT, DEC)
  .change('1.3', '2017-10-30T09:00:00.000Z', 'status_changed', 'not_started', 'awaiting_decision')
  .change('1.4', '2017-11-01T09:00:00.000Z', 'recommendation_added', null, rec('1.4', { delivery: NOV, baseline: NOV }))
  // After the paper's date: never in it.
  .change('1.2', '2017-11-20T09:00:00.000Z', 'status_changed', 'on_going', 'complete');
const current = [
  rec('1.1', { status: 'complete', delivery: SEPT, baseline: SEPT }),
  rec('1.2', { status: 'complete', delivery: DEC, baseline: OCT, revisions: 1 }),
  rec('1.3', { status: 'awaiting_decision', delivery: TENTH, baseline: TENTH }),
  rec('1.4', { delivery: NOV, baseline: NOV }),
  rec('1.5', { status: 'not_being_implemented' }),
];
const history: PlanHistory = { plan: PLAN, recommendations: current, events: t.events };

const row = (weekEnding: string, total: number, [ns, og, ad, c, nbi]: number[], overdue: number) => ({
  weekEnding,
  total,
  byStatus: { not_started: ns, on_going: og, awaiting_decision: ad, complete: c, not_being_implemented: nbi },
  overdue,
});

describe('planTrends', () => {
  it.each([
    //  week ending    total  ns og ad  c nbi   overdue
    [row('2017-10-08', 4, [1, 2, 0, 0, 1], 1)], // 1.1 only: 1.3 is due on the 10th
    [row('2017-10-15', 4, [1, 2, 0, 0, 1], 2)], // 1.3 has passed its day
    [row('2017-10-22', 4, [1, 2, 0, 0, 1], 2)], // 1.1's completion is a London Monday's
    [row('2017-10-29', 4, [1, 1, 0, 1, 1], 1)], // 1.1 complete; 1.2 re-dated to December
    [row('2017-11-05', 5, [0, 2, 1, 1, 1], 1)], // 1.4 added; 1.3 awaiting a decision, still overdue
    [row('2017-11-08', 5, [0, 2, 1, 1, 1], 1)], // the as-at day; 1.2's completion on the 20th is not in it
  ])('as at 8 November 2017, the point %# is %j', (want) => {
    const weeks = planTrends(history, '2017-11-08').weeks;
    expect(weeks.find((w) => w.weekEnding === want.weekEnding)).toEqual(want);
  });

  it('has one point per Sunday from the plan date, then the as-at day', () => {
    expect(planTrends(history, '2017-11-08').weeks.map((w) => w.weekEnding)).toEqual(['2017-10-08', '2017-10-15', '2017-10-22', '2017-10-29', '2017-11-05', '2017-11-08']);
  });

  it('as at the plan date, is one point: the plan file', () => {
    expect(planTrends(history, '2017-10-04').weeks).toEqual([{ ...row('2017-10-04', 4, [1, 2, 0, 0, 1], 1) }]);
  });

  it('without the re-dating, 1.2 would have been overdue from 1 November', () => {
    const events = t.events.filter((e) => e.action !== 'date_revised');
    const recs = current.map((r) => (r.id === '1.2' ? { ...r, delivery: OCT, revisions: 0 } : r));
    const weeks = planTrends({ plan: PLAN, recommendations: recs, events }, '2017-11-08').weeks;
    expect(weeks.map((w) => w.overdue)).toEqual([1, 2, 2, 1, 2, 2]);
  });

  it.each([
    ['this plan', history, '2017-12-31'],
    ['the as-at scenario', { plan: PLAN, recommendations: scenarioNow, events: scenarioTrail.events }, '2017-11-30'],
  ])('counts %s at every point exactly as the paper rebuilt for that day counts it', (_name, h, asAt) => {
    for (const week of planTrends(h, asAt).weeks) {
      const recs = planAsAt(h.recommendations, h.events, h.plan.asOf, week.weekEnding, h.plan.timeZone);
      const s = summarise(recs, week.weekEnding, DEFAULT_RAG_RULES);
      expect(week, week.weekEnding).toEqual({ weekEnding: week.weekEnding, total: s.total, byStatus: s.byStatus, overdue: s.overdue });
    }
  });

  it('is in the board paper, its last point the paper summary', () => {
    const paper = buildBoardPaper(history, { asAt: '2017-11-08', producedOn: '2017-11-08' });
    const last = paper.trends.weeks.at(-1)!;
    expect(last).toEqual({ weekEnding: '2017-11-08', total: paper.summary.total, byStatus: paper.summary.byStatus, overdue: paper.summary.overdue });
  });

  it('does not change the history it is given', () => {
    const copy = structuredClone(history);
    planTrends(history, '2017-11-08');
    expect(history).toEqual(copy);
  });
});

describe('weekEnds', () => {
  it.each([
    ['2017-10-04', '2017-10-04', ['2017-10-04']],
    ['2017-10-04', '2017-10-08', ['2017-10-08']],
    ['2017-10-04', '2017-10-09', ['2017-10-08', '2017-10-09']],
    ['2017-10-08', '2017-10-22', ['2017-10-08', '2017-10-15', '2017-10-22']],
    ['2017-12-27', '2018-01-10', ['2017-12-31', '2018-01-07', '2018-01-10']],
    // The clocks go back on Sunday 29 October 2017 in London: calendar days are unaffected.
    ['2017-10-25', '2017-11-06', ['2017-10-29', '2017-11-05', '2017-11-06']],
  ])('from %s to %s: %j', (from, asAt, want) => {
    expect(weekEnds(from, asAt)).toEqual(want);
  });
});
