import { describe, expect, it } from 'vitest';
import { changesSince, hasChanges } from '../../../src/core/report/changes.js';
import { describeChanges } from '../../../src/core/report/describe-changes.js';
import { AUTUMN, current, Q1, t } from './scenario.js';

const changes = (since: string, asAt: string) => changesSince(t.events, current, since, asAt, { planAsOf: '2017-10-04', timeZone: 'Europe/London' });

describe('changesSince', () => {
  it('lists exactly what changed after the 9th up to the 12th', () => {
    const c = changes('2017-10-09', '2017-10-12');
    expect(c.updates.map((u) => [u.id, u.update.date, u.update.text])).toEqual([
      ['4.2.1', '2017-10-10', 'Prioritised plan circulated'],
      ['5.2', '2017-10-09', 'Backdated note'],
    ]);
    expect(c.statusChanges.map((s) => [s.id, s.day, s.before, s.after])).toEqual([
      ['4.2.1', '2017-10-12', 'on_going', 'awaiting_decision'],
      ['5.2', '2017-10-11', 'on_going', 'complete'],
    ]);
    expect(c.closed.map((s) => [s.id, s.after])).toEqual([['5.2', 'complete']]);
    expect(c.dateRevisions).toEqual([{ id: '9.3.1', day: '2017-10-10', actor: 'N. Shackleton', before: AUTUMN, after: Q1 }]);
    expect(c.ownersChanges).toEqual([]);
    expect(c.added).toEqual([]);
  });

  it.each([
    ['2017-10-04', '2017-10-09'],
    ['2017-10-20', '2017-12-31'],
  ])('finds nothing between %s and %s', (since, asAt) => {
    expect(hasChanges(changes(since, asAt))).toBe(false);
  });

  it('counts the plan file itself as new on the day before it', () => {
    const c = changes('2017-10-03', '2017-10-04');
    expect(c.added.map((a) => a.id)).toEqual(['4.2.1', '5.2', '9.3.1']);
    expect(c.updates.map((u) => u.update.text)).toEqual(['Initial']);
  });

  it('takes the end of `since` as the start of the window and the end of `asAt` as its end', () => {
    const c = changes('2017-10-14', '2017-10-20');
    expect(c.ownersChanges.map((o) => [o.id, o.before, o.after])).toEqual([['9.3.1', ['Chief Constables'], ['Chief Constables', 'Portfolio Office']]]);
    expect(c.rewordings.map((w) => [w.id, w.after.theme])).toEqual([['4.2.1', 'ICT']]);
    expect(c.added.map((a) => a.id)).toEqual(['9.4.1']);
    expect(changes('2017-10-15', '2017-10-19').ownersChanges).toEqual([]);
  });

  it('words the changes for the paper, keeping update texts as written', () => {
    const sections = describeChanges(changes('2017-10-09', '2017-10-12'));
    expect(sections.map((s) => s.heading)).toEqual(['New updates', 'Status changes', 'Closed', 'Delivery dates revised']);
    expect(sections[0]!.lines[0]).toEqual({ id: '4.2.1', text: '10/10/2017: Prioritised plan circulated' });
    expect(sections[1]!.lines[0]).toEqual({ id: '4.2.1', text: 'On-going → Awaiting decision (12/10/2017, N. Shackleton)' });
    expect(sections[3]!.lines[0]!.text).toBe('Autumn 2017 (1 Sep – 30 Nov 2017) → Q1 2018 (1 Jan – 31 Mar 2018) (10/10/2017, N. Shackleton)');
  });
});
