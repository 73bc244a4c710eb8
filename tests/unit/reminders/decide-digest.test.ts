import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../src/core/plan/recommendation.js';
import { decideDigest, digestData } from '../../../src/core/reminders/decide-digest.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../../src/core/reminders/settings.js';
import { BUNDLED, everyMinutes, LONDON } from './reminder-fixtures.js';

const BOARD: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, digestChannel: 'C_BOARD' };

/** The `on` day of the digest due at `now` (London), or null. */
const dueAt = (now: string, settings: ReminderSettings = BOARD, timeZone = LONDON) => decideDigest(new Date(now), timeZone, settings)?.on ?? null;

/** The scheduler loop with an outbox: [instant, key] of each digest actually posted. */
function posted(ticks: Date[], settings: ReminderSettings = BOARD, sent = new Set<string>()): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const now of ticks) {
    const d = decideDigest(now, LONDON, settings);
    if (!d || sent.has(d.key)) continue;
    sent.add(d.key);
    out.push([now.toISOString(), d.key]);
  }
  return out;
}

describe('the weekly digest: Mondays 09:00 London to C_BOARD', () => {
  it('the decision for Monday 27 Nov 2017', () => {
    expect(decideDigest(new Date('2017-11-27T09:00:00Z'), LONDON, BOARD)).toEqual({
      kind: 'digest',
      item: null,
      to: 'C_BOARD',
      on: '2017-11-27',
      key: 'digest:C_BOARD:2017-11-27',
    });
  });

  it.each([
    ['Mon 27 Nov 08:59 (GMT): still last week\'s', '2017-11-27T08:59:00Z', '2017-11-20'],
    ['Mon 27 Nov 08:59:59', '2017-11-27T08:59:59Z', '2017-11-20'],
    ['Mon 27 Nov 09:00', '2017-11-27T09:00:00Z', '2017-11-27'],
    ['Mon 27 Nov 17:30', '2017-11-27T17:30:00Z', '2017-11-27'],
    ['Tue 28 Nov', '2017-11-28T12:00:00Z', '2017-11-27'],
    ['Wed 29 Nov', '2017-11-29T00:00:00Z', '2017-11-27'],
    ['Fri 1 Dec', '2017-12-01T23:59:00Z', '2017-11-27'],
    ['Mon 4 Dec 08:59', '2017-12-04T08:59:00Z', '2017-11-27'],
    ['Mon 4 Dec 09:00: next week\'s', '2017-12-04T09:00:00Z', '2017-12-04'],
    ['Mon 23 Oct 07:59Z (08:59 BST)', '2017-10-23T07:59:00Z', '2017-10-16'],
    ['Mon 23 Oct 08:00Z (09:00 BST)', '2017-10-23T08:00:00Z', '2017-10-23'],
    ['Mon 30 Oct 08:00Z (08:00 GMT, the clocks went back on Sunday)', '2017-10-30T08:00:00Z', '2017-10-23'],
    ['Mon 30 Oct 09:00Z (09:00 GMT)', '2017-10-30T09:00:00Z', '2017-10-30'],
    // Nothing at all goes out at weekends, a late digest included.
    ['Sun 3 Dec, last second', '2017-12-03T23:59:59Z', null],
  ])('%s → the digest of %s', (_why, now, on) => {
    expect(dueAt(now)).toBe(on);
  });

  it('three weeks of 15-minute ticks post one digest each Monday at 09:00, and last week\'s is not posted again', () => {
    const ticks = everyMinutes('2017-11-20T00:00:00Z', '2017-12-12T00:00:00Z', 15);
    expect(posted(ticks, BOARD, new Set(['digest:C_BOARD:2017-11-13']))).toEqual([
      ['2017-11-20T09:00:00.000Z', 'digest:C_BOARD:2017-11-20'],
      ['2017-11-27T09:00:00.000Z', 'digest:C_BOARD:2017-11-27'],
      ['2017-12-04T09:00:00.000Z', 'digest:C_BOARD:2017-12-04'],
      ['2017-12-11T09:00:00.000Z', 'digest:C_BOARD:2017-12-11'],
    ]);
  });

  it('the plan\'s timezone sets the hour: New York\'s 09:00 is 14:00Z in late November', () => {
    expect(dueAt('2017-11-27T13:59:00Z', BOARD, 'America/New_York')).toBe('2017-11-20');
    expect(dueAt('2017-11-27T14:00:00Z', BOARD, 'America/New_York')).toBe('2017-11-27');
  });
});

describe('a bank holiday Monday: the digest is dated the working day before', () => {
  it.each([
    ['Easter Monday 2018', '2018-04-03T12:00:00Z', '2018-03-29'],
    ['early May bank holiday 2018', '2018-05-08T12:00:00Z', '2018-05-04'],
    ['summer bank holiday 2017', '2017-08-29T12:00:00Z', '2017-08-25'],
    ['Christmas Day 2017 (a Monday)', '2017-12-27T12:00:00Z', '2017-12-22'],
    ["New Year's Day 2018 (a Monday)", '2018-01-02T12:00:00Z', '2017-12-29'],
    ['spring bank holiday 2018', '2018-05-29T12:00:00Z', '2018-05-25'],
  ])('%s: later that week the digest due is the one of %s', (_why, now, on) => {
    expect(dueAt(now)).toBe(on);
  });

  it('one digest a week across Easter 2018: 26 Mar, Maundy Thursday 29 Mar, 9 Apr', () => {
    const ticks = everyMinutes('2018-03-26T00:00:00Z', '2018-04-10T00:00:00Z', 15);
    expect(posted(ticks, BOARD, new Set(['digest:C_BOARD:2018-03-19'])).map(([, key]) => key)).toEqual([
      'digest:C_BOARD:2018-03-26',
      'digest:C_BOARD:2018-03-29',
      'digest:C_BOARD:2018-04-09',
    ]);
  });

  it('one digest a week over Christmas 2017: 18 Dec, 22 Dec (for Christmas Day), 29 Dec (for New Year\'s Day), 8 Jan', () => {
    const ticks = everyMinutes('2017-12-18T00:00:00Z', '2018-01-09T00:00:00Z', 15);
    expect(posted(ticks, BOARD, new Set(['digest:C_BOARD:2017-12-11'])).map(([, key]) => key)).toEqual([
      'digest:C_BOARD:2017-12-18',
      'digest:C_BOARD:2017-12-22',
      'digest:C_BOARD:2017-12-29',
      'digest:C_BOARD:2018-01-08',
    ]);
  });
});

describe('after downtime only the latest digest is due', () => {
  it.each<[string, string[], Array<[string, string]>]>([
    [
      'down from 27 Nov to Wed 20 Dec: one catch-up digest, the one of 18 Dec',
      ['2017-11-27T10:00:00Z', '2017-12-20T12:00:00Z'],
      [
        ['2017-11-27T10:00:00.000Z', 'digest:C_BOARD:2017-11-27'],
        ['2017-12-20T12:00:00.000Z', 'digest:C_BOARD:2017-12-18'],
      ],
    ],
    [
      'down over Christmas (20 Dec → 3 Jan): the one dated Fri 29 Dec for New Year\'s week',
      ['2017-12-20T12:00:00Z', '2018-01-03T12:00:00Z'],
      [
        ['2017-12-20T12:00:00.000Z', 'digest:C_BOARD:2017-12-18'],
        ['2018-01-03T12:00:00.000Z', 'digest:C_BOARD:2017-12-29'],
      ],
    ],
    [
      'back on a Monday before 09:00: last week\'s, then this week\'s at 09:00',
      ['2017-12-11T08:30:00Z', '2017-12-11T09:00:00Z'],
      [
        ['2017-12-11T08:30:00.000Z', 'digest:C_BOARD:2017-12-04'],
        ['2017-12-11T09:00:00.000Z', 'digest:C_BOARD:2017-12-11'],
      ],
    ],
  ])('%s', (_why, ticks, expected) => {
    expect(posted(ticks.map((t) => new Date(t)))).toEqual(expected);
  });
});

describe('other digest settings', () => {
  it.each([
    ['no channel (the default)', DEFAULT_REMINDER_SETTINGS],
    ['an empty channel', { ...BOARD, digestChannel: '' }],
  ])('%s: never a digest', (_why, settings) => {
    for (const now of ['2017-11-27T09:00:00Z', '2017-11-27T12:00:00Z', '2017-11-29T12:00:00Z', '2018-03-29T12:00:00Z']) {
      expect(decideDigest(new Date(now), LONDON, settings)).toBeNull();
    }
  });

  it('Fridays at 16:00', () => {
    const friday: ReminderSettings = { ...BOARD, digestWeekday: 5, digestAtMinutes: 16 * 60 };
    expect(dueAt('2017-12-01T15:59:00Z', friday)).toBe('2017-11-24');
    expect(dueAt('2017-12-01T16:00:00Z', friday)).toBe('2017-12-01');
    expect(dueAt('2017-12-04T09:00:00Z', friday)).toBe('2017-12-01');
    // Good Friday 2018: Maundy Thursday's.
    expect(dueAt('2018-04-03T12:00:00Z', friday)).toBe('2018-03-29');
  });

  it('the channel is in the key, so two boards each get theirs', () => {
    expect(decideDigest(new Date('2017-11-27T09:00:00Z'), LONDON, { ...BOARD, digestChannel: 'C_OTHER' })?.key).toBe('digest:C_OTHER:2017-11-27');
  });
});

describe('what the digest says (bundled plan)', () => {
  const ids = (recs: Recommendation[]) => recs.map((r) => r.id);

  it('at the plan date, 4 Oct 2017', () => {
    const data = digestData(BUNDLED, new Set(['3.4', '4.1.4', '5.2', '9.9.9']), '2017-10-04', BOARD);
    expect(data.asAt).toBe('2017-10-04');
    // Open items whose delivery window (September 2017) has passed.
    expect(ids(data.overdue)).toEqual(['1.1', '3.6', '4.0.1', '5.2', '9.2.1', '9.2.2']);
    // "With immediate effect" = 4 Oct: due today, so due within 14 days and not yet overdue.
    expect(ids(data.dueSoon)).toEqual(['9.1.3', '9.2.3', '9.2.4']);
    // Only the given ids, and only when they are complete (5.2 is on-going; 9.9.9 does not exist).
    expect(ids(data.completed)).toEqual(['3.4', '4.1.4']);
    expect(data.byStatus).toEqual([
      { status: 'not_started', count: 0 },
      { status: 'on_going', count: 13 },
      { status: 'awaiting_decision', count: 4 },
      { status: 'complete', count: 10 },
      { status: 'not_being_implemented', count: 3 },
    ]);
    expect(data.byStatus.reduce((n, s) => n + s.count, 0)).toBe(30);
    expect(data.total).toBe(30);
  });

  it.each<[string, string[], string[]]>([
    // Horizon 29 Nov: the November items (end 30 Nov) are not yet within 14 days.
    ['2017-11-15', ['1.1', '3.6', '4.0.1', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4'], []],
    // Horizon 30 Nov: now they are (and autumn's 9.3.1).
    ['2017-11-16', ['1.1', '3.6', '4.0.1', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4'], ['4.1.1', '4.1.2', '4.1.3', '9.3.1']],
    // On the last day of the window they are due, not overdue.
    ['2017-11-30', ['1.1', '3.6', '4.0.1', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4'], ['4.1.1', '4.1.2', '4.1.3', '9.3.1']],
    // The day after, overdue.
    ['2017-12-01', ['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1'], []],
    // "By end 2017": 9.1.1 is due soon; 9.1.2 has the same date but is complete.
    ['2017-12-17', ['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1'], ['9.1.1']],
    ['2018-01-01', ['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '5.2', '9.1.1', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1'], []],
  ])('at %s: overdue and due within 14 days', (today, overdue, dueSoon) => {
    const data = digestData(BUNDLED, new Set(), today, BOARD);
    expect(ids(data.overdue)).toEqual(overdue);
    expect(ids(data.dueSoon)).toEqual(dueSoon);
    expect(data.completed).toEqual([]);
    expect(data.total).toBe(30);
  });

  it('the horizon follows digestDueWithinDays', () => {
    expect(ids(digestData(BUNDLED, new Set(), '2017-11-23', { ...BOARD, digestDueWithinDays: 6 }).dueSoon)).toEqual([]);
    expect(ids(digestData(BUNDLED, new Set(), '2017-11-23', { ...BOARD, digestDueWithinDays: 7 }).dueSoon)).toEqual(['4.1.1', '4.1.2', '4.1.3', '9.3.1']);
  });
});

/*
 * ─── Formerly wrong, now fixed ───────────────────────────────────────────────────────────────────────────────
 *
 * D. A digest moved off a bank-holiday Monday was not posted on the working day before: decideDigest only looked at
 *    digest days up to today, so Thursday 29 Mar never saw Monday 2 Apr, and the moved digest came out at 00:00 on
 *    the bank holiday itself, keyed for the day before. It now goes out on the working day before, at the digest time.
 */
describe('a digest moved off a bank holiday goes out on the working day before, at the digest time', () => {
  it.each([
    ['Easter Monday 2018', '2018-03-29T07:59:00Z', '2018-03-29T08:00:00Z', '2018-03-29', '2018-03-26'],
    ['early May bank holiday 2018', '2018-05-04T07:59:00Z', '2018-05-04T08:00:00Z', '2018-05-04', '2018-04-30'],
    ['summer bank holiday 2017', '2017-08-25T07:59:00Z', '2017-08-25T08:00:00Z', '2017-08-25', '2017-08-21'],
    ['Christmas Day 2017', '2017-12-22T08:59:00Z', '2017-12-22T09:00:00Z', '2017-12-22', '2017-12-18'],
    ["New Year's Day 2018", '2017-12-29T08:59:00Z', '2017-12-29T09:00:00Z', '2017-12-29', '2017-12-22'],
  ])('D1: %s → still the previous digest at 08:59 local, the moved one at 09:00 on the working day before', (_why, before, at, on, previous) => {
    expect(dueAt(before)).toBe(previous);
    expect(dueAt(at)).toBe(on);
  });

  it('D2: across Easter 2018 the Maundy Thursday digest is posted on Thursday at 09:00 BST, not at midnight on Easter Monday', () => {
    const ticks = everyMinutes('2018-03-26T00:00:00Z', '2018-04-10T00:00:00Z', 15);
    expect(posted(ticks, BOARD, new Set(['digest:C_BOARD:2018-03-19']))).toEqual([
      ['2018-03-26T08:00:00.000Z', 'digest:C_BOARD:2018-03-26'],
      ['2018-03-29T08:00:00.000Z', 'digest:C_BOARD:2018-03-29'],
      ['2018-04-09T08:00:00.000Z', 'digest:C_BOARD:2018-04-09'],
    ]);
  });

  it('D2: over Christmas 2017 the moved digests go out on Fri 22 Dec and Fri 29 Dec at 09:00 GMT', () => {
    const ticks = everyMinutes('2017-12-18T00:00:00Z', '2018-01-09T00:00:00Z', 15);
    expect(posted(ticks, BOARD, new Set(['digest:C_BOARD:2017-12-11']))).toEqual([
      ['2017-12-18T09:00:00.000Z', 'digest:C_BOARD:2017-12-18'],
      ['2017-12-22T09:00:00.000Z', 'digest:C_BOARD:2017-12-22'],
      ['2017-12-29T09:00:00.000Z', 'digest:C_BOARD:2017-12-29'],
      ['2018-01-08T09:00:00.000Z', 'digest:C_BOARD:2018-01-08'],
    ]);
  });

  it('D3: a Friday digest and Good Friday 2018 → Thursday 29 Mar at 16:00', () => {
    const friday: ReminderSettings = { ...BOARD, digestWeekday: 5, digestAtMinutes: 16 * 60 };
    expect(dueAt('2018-03-29T14:59:00Z', friday)).toBe('2018-03-23');
    expect(dueAt('2018-03-29T15:00:00Z', friday)).toBe('2018-03-29');
  });
});
