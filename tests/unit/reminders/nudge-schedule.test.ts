import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../src/core/reminders/bank-holidays.js';
import { addDaysIso } from '../../../src/core/reminders/local-time.js';
import { deadlineNudges, staleNudges, type NudgeKind, type ScheduledNudge } from '../../../src/core/reminders/nudge-schedule.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../src/core/reminders/settings.js';

/** [kind, goes out on, the day the rule named]. */
type Entry = [kind: NudgeKind, on: string, nominal: string];

const schedule = (entries: Entry[]): ScheduledNudge[] => entries.map(([kind, on, nominal]) => ({ kind, on, nominal }));

describe('deadline nudges with the default rules (7 and 1 days before, on the day, weekly while overdue)', () => {
  it.each<[string, string, string, Entry[]]>([
    [
      'an ordinary Thursday: everything on its own day',
      '2017-11-30',
      '2017-12-31',
      [
        ['due_soon', '2017-11-23', '2017-11-23'],
        ['due_soon', '2017-11-29', '2017-11-29'],
        ['due_today', '2017-11-30', '2017-11-30'],
        ['overdue', '2017-12-01', '2017-12-01'],
        ['overdue', '2017-12-08', '2017-12-08'],
        ['overdue', '2017-12-15', '2017-12-15'],
        ['overdue', '2017-12-22', '2017-12-22'],
        ['overdue', '2017-12-29', '2017-12-29'],
      ],
    ],
    [
      'Sunday 31 Dec 2017 ("By end 2017"): reminders move back to Friday, the first overdue forward past New Year\'s Day',
      '2017-12-31',
      '2018-01-15',
      [
        ['due_soon', '2017-12-22', '2017-12-24'],
        ['due_soon', '2017-12-29', '2017-12-30'],
        ['due_today', '2017-12-29', '2017-12-31'],
        ['overdue', '2018-01-02', '2018-01-01'],
        ['overdue', '2018-01-08', '2018-01-08'],
        ['overdue', '2018-01-15', '2018-01-15'],
      ],
    ],
    [
      'Boxing Day 2017: "due today" on Friday 22nd, "overdue" on Wednesday 27th',
      '2017-12-26',
      '2018-01-03',
      [
        ['due_soon', '2017-12-19', '2017-12-19'],
        ['due_soon', '2017-12-22', '2017-12-25'],
        ['due_today', '2017-12-22', '2017-12-26'],
        ['overdue', '2017-12-27', '2017-12-27'],
        ['overdue', '2018-01-03', '2018-01-03'],
      ],
    ],
    [
      'Easter Monday 2018: back over Good Friday to Maundy Thursday',
      '2018-04-02',
      '2018-04-10',
      [
        ['due_soon', '2018-03-26', '2018-03-26'],
        ['due_soon', '2018-03-29', '2018-04-01'],
        ['due_today', '2018-03-29', '2018-04-02'],
        ['overdue', '2018-04-03', '2018-04-03'],
        ['overdue', '2018-04-10', '2018-04-10'],
      ],
    ],
    [
      'Good Friday 2018: the first overdue waits for Tuesday after Easter',
      '2018-03-30',
      '2018-04-10',
      [
        ['due_soon', '2018-03-23', '2018-03-23'],
        ['due_soon', '2018-03-29', '2018-03-29'],
        ['due_today', '2018-03-29', '2018-03-30'],
        ['overdue', '2018-04-03', '2018-03-31'],
        ['overdue', '2018-04-09', '2018-04-07'],
      ],
    ],
    [
      'a Saturday: the week-before nudge moves back to Friday, the first overdue to Monday',
      '2017-12-02',
      '2017-12-11',
      [
        ['due_soon', '2017-11-24', '2017-11-25'],
        ['due_soon', '2017-12-01', '2017-12-01'],
        ['due_today', '2017-12-01', '2017-12-02'],
        ['overdue', '2017-12-04', '2017-12-03'],
        ['overdue', '2017-12-11', '2017-12-10'],
      ],
    ],
    [
      'the early May bank holiday 2018 (Monday 7th)',
      '2018-05-07',
      '2018-05-08',
      [
        ['due_soon', '2018-04-30', '2018-04-30'],
        ['due_soon', '2018-05-04', '2018-05-06'],
        ['due_today', '2018-05-04', '2018-05-07'],
        ['overdue', '2018-05-08', '2018-05-08'],
      ],
    ],
  ])('%s (end %s, up to %s)', (_why, end, until, expected) => {
    expect(deadlineNudges(end, until, DEFAULT_REMINDER_SETTINGS)).toEqual(schedule(expected));
  });

  it('lists the reminders before the end whatever `until` is, and no overdue ones until the day after the end', () => {
    const before: Entry[] = [
      ['due_soon', '2017-11-23', '2017-11-23'],
      ['due_soon', '2017-11-29', '2017-11-29'],
      ['due_today', '2017-11-30', '2017-11-30'],
    ];
    expect(deadlineNudges('2017-11-30', '2017-11-01', DEFAULT_REMINDER_SETTINGS)).toEqual(schedule(before));
    expect(deadlineNudges('2017-11-30', '2017-11-30', DEFAULT_REMINDER_SETTINGS)).toEqual(schedule(before));
    expect(deadlineNudges('2017-11-30', '2017-12-01', DEFAULT_REMINDER_SETTINGS)).toEqual(
      schedule([...before, ['overdue', '2017-12-01', '2017-12-01']]),
    );
    expect(deadlineNudges('2017-11-30', '2017-12-07', DEFAULT_REMINDER_SETTINGS)).toHaveLength(4);
    expect(deadlineNudges('2017-11-30', '2017-12-08', DEFAULT_REMINDER_SETTINGS)).toHaveLength(5);
  });

  it('an overdue nudge named for a weekend is listed once its nominal day is reached, though it goes out on Monday', () => {
    // End Friday 2017-12-01: overdue named for Saturday 2nd, sent Monday 4th.
    expect(deadlineNudges('2017-12-01', '2017-12-02', DEFAULT_REMINDER_SETTINGS).at(-1)).toEqual({
      kind: 'overdue',
      on: '2017-12-04',
      nominal: '2017-12-02',
    });
  });
});

describe('deadline nudges with other settings', () => {
  const settings = (over: Partial<ReminderSettings>): ReminderSettings => ({ ...DEFAULT_REMINDER_SETTINGS, ...over });

  it.each<[string, Partial<ReminderSettings>, string, string, Entry[]]>([
    [
      'days before in any order are sent earliest first; 0 is "on the day" and not a second reminder',
      { daysBefore: [1, 0, 14, 3] },
      '2017-11-30',
      '2017-11-30',
      [
        ['due_soon', '2017-11-16', '2017-11-16'],
        ['due_soon', '2017-11-27', '2017-11-27'],
        ['due_soon', '2017-11-29', '2017-11-29'],
        ['due_today', '2017-11-30', '2017-11-30'],
      ],
    ],
    [
      'no reminders before: only "due today" and the overdue chase',
      { daysBefore: [] },
      '2017-11-30',
      '2017-12-01',
      [
        ['due_today', '2017-11-30', '2017-11-30'],
        ['overdue', '2017-12-01', '2017-12-01'],
      ],
    ],
    [
      'fortnightly chase while overdue',
      { overdueEveryDays: 14 },
      '2017-11-30',
      '2017-12-31',
      [
        ['due_soon', '2017-11-23', '2017-11-23'],
        ['due_soon', '2017-11-29', '2017-11-29'],
        ['due_today', '2017-11-30', '2017-11-30'],
        ['overdue', '2017-12-01', '2017-12-01'],
        ['overdue', '2017-12-15', '2017-12-15'],
        ['overdue', '2017-12-29', '2017-12-29'],
      ],
    ],
  ])('%s', (_why, over, end, until, expected) => {
    expect(deadlineNudges(end, until, settings(over))).toEqual(schedule(expected));
  });
});

describe('deadline nudges never go out on a weekend or bank holiday (every end date, Oct 2017 – Dec 2018)', () => {
  const ends: string[] = [];
  for (let d = '2017-10-01'; d <= '2018-12-31'; d = addDaysIso(d, 1)) ends.push(d);

  it('every nudge is on a working day; reminders never after their day, overdue never before it nor on/before the end', () => {
    const problems: string[] = [];
    for (const end of ends) {
      const list = deadlineNudges(end, addDaysIso(end, 35), DEFAULT_REMINDER_SETTINGS);
      let previous = '';
      for (const n of list) {
        if (!isWorkingDay(n.on)) problems.push(`${end}: ${n.kind} on non-working ${n.on}`);
        if (n.kind === 'overdue' ? n.on < n.nominal || n.on <= end : n.on > n.nominal || n.on > end) {
          problems.push(`${end}: ${n.kind} on ${n.on} for ${n.nominal}`);
        }
        if (n.on < previous) problems.push(`${end}: ${n.kind} on ${n.on} before the previous nudge (${previous})`);
        previous = n.on;
      }
      expect(list.filter((n) => n.kind === 'due_today')).toHaveLength(1);
      expect(list.filter((n) => n.kind === 'due_soon')).toHaveLength(2);
      expect(list.filter((n) => n.kind === 'overdue')).toHaveLength(5);
    }
    expect(problems).toEqual([]);
    expect(ends).toHaveLength(457);
  });
});

describe('"no update" nudges: every 30 days after the last update, moved to the next working day', () => {
  it.each<[string, string, string, Entry[]]>([
    [
      'the plan date, 4 Oct 2017 (1.1, 4.1.1, 9.3.1…)',
      '2017-10-04',
      '2018-04-10',
      [
        ['stale', '2017-11-03', '2017-11-03'],
        ['stale', '2017-12-04', '2017-12-03'],
        ['stale', '2018-01-02', '2018-01-02'],
        ['stale', '2018-02-01', '2018-02-01'],
        ['stale', '2018-03-05', '2018-03-03'],
        ['stale', '2018-04-03', '2018-04-02'],
      ],
    ],
    [
      '20 Jul 2017 (4.2.1, 4.2.3)',
      '2017-07-20',
      '2017-12-31',
      [
        ['stale', '2017-08-21', '2017-08-19'],
        ['stale', '2017-09-18', '2017-09-18'],
        ['stale', '2017-10-18', '2017-10-18'],
        ['stale', '2017-11-17', '2017-11-17'],
        ['stale', '2017-12-18', '2017-12-17'],
      ],
    ],
    [
      '25 Nov 2017: Christmas Day falls due, so Wednesday 27th',
      '2017-11-25',
      '2018-01-31',
      [
        ['stale', '2017-12-27', '2017-12-25'],
        ['stale', '2018-01-24', '2018-01-24'],
      ],
    ],
  ])('last update %s', (_why, lastUpdate, until, expected) => {
    expect(staleNudges(lastUpdate, until, DEFAULT_REMINDER_SETTINGS)).toEqual(schedule(expected));
  });

  it.each([
    ['2017-11-02', 0],
    ['2017-11-03', 1],
    ['2017-12-02', 1],
    ['2017-12-03', 2],
  ])('from 4 Oct 2017, up to %s: %i nudge(s) (counted by the day the rule names)', (until, count) => {
    expect(staleNudges('2017-10-04', until, DEFAULT_REMINDER_SETTINGS)).toHaveLength(count);
  });

  it('staleAfterDays is configurable', () => {
    expect(staleNudges('2017-10-04', '2017-11-30', { ...DEFAULT_REMINDER_SETTINGS, staleAfterDays: 14 })).toEqual(
      schedule([
        ['stale', '2017-10-18', '2017-10-18'],
        ['stale', '2017-11-01', '2017-11-01'],
        ['stale', '2017-11-15', '2017-11-15'],
        ['stale', '2017-11-29', '2017-11-29'],
      ]),
    );
  });
});
