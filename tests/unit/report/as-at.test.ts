import { describe, expect, it } from 'vitest';
import { planAsAt } from '../../../src/core/report/as-at.js';
import { effectiveDays } from '../../../src/core/report/effective.js';
import { rec, trail } from './fixtures.js';
import { current, original, t } from './scenario.js';

const asAt = (day: string) => {
  const plan = planAsAt(current, t.events, '2017-10-04', day, 'Europe/London');
  return Object.fromEntries(plan.map((r) => [r.id, r]));
};

describe('planAsAt', () => {
  it.each([
    ['2017-10-04', ['Initial']],
    ['2017-10-09', ['Initial']],
    ['2017-10-10', ['Initial', 'Prioritised plan circulated']],
    ['2017-10-11', ['Initial', 'Prioritised plan circulated']],
  ])('as at %s, 4.2.1 has the updates %j', (day, texts) => {
    expect(asAt(day)['4.2.1']!.updates.map((u) => u.text)).toEqual(texts);
  });

  it.each([
    ['2017-10-04', 'Autumn 2017', 0, 'Autumn 2017'],
    ['2017-10-09', 'Autumn 2017', 0, 'Autumn 2017'],
    ['2017-10-10', 'Q1 2018', 1, 'Autumn 2017'],
    ['2017-12-31', 'Q1 2018', 1, 'Autumn 2017'],
  ])('as at %s, 9.3.1 is due %s (revised %i×, baseline %s)', (day, delivery, revisions, baseline) => {
    const r = asAt(day)['9.3.1']!;
    expect([r.delivery.text, r.revisions, r.baseline.text]).toEqual([delivery, revisions, baseline]);
  });

  it.each([
    ['2017-10-11', 'on_going'],
    ['2017-10-12', 'awaiting_decision'],
  ])('as at %s, 4.2.1 is %s', (day, status) => {
    expect(asAt(day)['4.2.1']!.status).toBe(status);
  });

  it.each([
    ['2017-10-10', 'on_going'],
    ['2017-10-11', 'complete'],
  ])('a change at 23:30 UTC on the 10th is a London change of the 11th: as at %s, 5.2 is %s', (day, status) => {
    expect(asAt(day)['5.2']!.status).toBe(status);
  });

  it.each([
    ['2017-10-11', []],
    ['2017-10-12', ['Backdated note']],
  ])('an update recorded on the 12th but dated the 9th: as at %s, 5.2 shows %j', (day, texts) => {
    expect(asAt(day)['5.2']!.updates.map((u) => u.text)).toEqual(texts);
  });

  it.each([
    ['2017-10-14', ['Chief Constables']],
    ['2017-10-15', ['Chief Constables', 'Portfolio Office']],
  ])('as at %s, 9.3.1 is owned by %j', (day, owners) => {
    expect(asAt(day)['9.3.1']!.owners).toEqual(owners);
  });

  it.each([
    ['2017-10-15', 'Old wording.', 'Governance'],
    ['2017-10-16', 'New wording.', 'ICT'],
  ])('as at %s, 4.2.1 reads %j under %s', (day, text, theme) => {
    expect(asAt(day)['4.2.1']).toMatchObject({ text, theme });
  });

  it.each([
    ['2017-10-19', ['4.2.1', '5.2', '9.3.1']],
    ['2017-10-20', ['4.2.1', '5.2', '9.3.1', '9.4.1']],
  ])('as at %s the plan holds %j, in plan order', (day, ids) => {
    expect(Object.keys(asAt(day))).toEqual(ids);
  });

  it('as at the plan date it is the plan file, although the file was loaded years later', () => {
    const plan = planAsAt(current, t.events, '2017-10-04', '2017-10-04', 'Europe/London');
    expect(plan).toEqual(original);
  });

  it('before the plan date, nothing had been imported yet', () => {
    expect(planAsAt(current, t.events, '2017-10-04', '2017-10-03', 'Europe/London')).toEqual([]);
  });

  it('does not change the current plan it is given', () => {
    const copy = structuredClone(current);
    planAsAt(current, t.events, '2017-10-04', '2017-10-04', 'Europe/London');
    expect(current).toEqual(copy);
  });
});

describe('effectiveDays', () => {
  it('dates each import by its own file, and never before a change it overwrote', () => {
    const later = trail()
      .imported('2025-06-01T10:00:00.000Z', '2017-10-04', [rec('1.1')])
      .change('1.1', '2017-11-20T10:00:00.000Z', 'status_changed', 'on_going', 'awaiting_decision')
      // The November paper, loaded later; it overwrites 1.1's change of the 20th, so for 1.1 it cannot take effect before then.
      .change('1.1', '2025-07-01T10:00:00.000Z', 'status_changed', 'awaiting_decision', 'complete', 'import')
      .change('1.2', '2025-07-01T10:00:00.000Z', 'recommendation_added', null, rec('1.2'), 'import');
    later.events.push({ id: 6, recId: null, at: '2025-07-01T10:00:00.000Z', actor: 'seed', source: 'import', action: 'plan_imported', before: null, after: { asOf: '2017-11-01' } });
    const days = effectiveDays(later.events, '2017-10-04', 'Europe/London');
    expect([...days.values()]).toEqual(['2017-10-04', '2017-10-04', '2017-11-20', '2017-11-20', '2017-11-01', '2017-11-01']);
  });

  it('reads the day of each instant in an hour that crosses midnight in the plan timezone (Kolkata is UTC+5:30)', () => {
    const t = trail()
      .change('1.1', '2017-10-10T18:10:00.000Z', 'status_changed', 'on_going', 'awaiting_decision')
      .change('1.1', '2017-10-10T18:40:00.000Z', 'status_changed', 'awaiting_decision', 'on_going')
      .change('1.2', '2017-10-10T18:20:00.000Z', 'status_changed', 'on_going', 'complete');
    expect([...effectiveDays(t.events, '2017-10-04', 'Asia/Kolkata').values()]).toEqual(['2017-10-10', '2017-10-11', '2017-10-10']);
  });
});
