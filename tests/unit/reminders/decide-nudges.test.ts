import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../src/core/plan/recommendation.js';
import { decideNudges, type NudgeItem, type NudgePreference } from '../../../src/core/reminders/decide-nudges.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../../src/core/reminders/settings.js';
import {
  bundled,
  everyMinutes,
  itemEnding,
  itemOf,
  LONDON,
  PLAN_AS_OF,
  PLAN_ITEMS,
  redated,
  rows,
  simulate,
  today,
  withStatus,
  withUpdate,
  type Row,
} from './reminder-fixtures.js';

/** 20 Nov – 12 Dec 2017 (all GMT): three weeks around the November deadlines of 4.1.1–4.1.3 and 9.3.1. */
const HOURLY = everyMinutes('2017-11-20T00:00:00Z', '2017-12-12T00:00:00Z', 60);

const decide = (now: string, items: NudgeItem[] = PLAN_ITEMS, preferences: NudgePreference[] = []) =>
  decideNudges({ now: new Date(now), planTimeZone: LONDON, planAsOf: PLAN_AS_OF, items, preferences, settings: DEFAULT_REMINDER_SETTINGS });

const keysAt = (now: string, items: NudgeItem[] = PLAN_ITEMS) => decide(now, items).map((d) => d.key);

/** Items whose whole nudge history in the window is asserted below (the others: see the per-item cases at the bottom). */
const CHECKED = new Set(['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.2.1', '4.2.3', '9.1.1', '9.3.1']);

describe('three weeks of hourly ticks over the bundled plan (20 Nov – 12 Dec 2017)', () => {
  const sent = simulate({ ticks: HOURLY, items: PLAN_ITEMS });

  it('sends exactly these nudges for the November items and the undated or later ones', () => {
    const RW = 'U_RW';
    const CC = 'U_CC';
    const expected: Row[] = [
      // First pass: the "no update since 4 Oct" nudge of 3 Nov is caught up once (4.2.1/4.2.3: last update 20 Jul → 17 Nov).
      ['2017-11-20', 'stale', '4.1.1', RW, '2017-11-03'],
      ['2017-11-20', 'stale', '4.1.2', RW, '2017-11-03'],
      ['2017-11-20', 'stale', '4.1.3', RW, '2017-11-03'],
      ['2017-11-20', 'stale', '4.2.1', 'U_NS', '2017-11-17'],
      ['2017-11-20', 'stale', '4.2.3', 'U_SRO_OS', '2017-11-17'],
      ['2017-11-20', 'stale', '9.1.1', 'U_LEAD', '2017-11-03'],
      ['2017-11-20', 'stale', '9.3.1', CC, '2017-11-03'],
      // A week before the end of November (and of autumn, for 9.3.1).
      today('2017-11-23', 'due_soon', '4.1.1', RW),
      today('2017-11-23', 'due_soon', '4.1.2', RW),
      today('2017-11-23', 'due_soon', '4.1.3', RW),
      today('2017-11-23', 'due_soon', '9.3.1', CC),
      // The day before.
      today('2017-11-29', 'due_soon', '4.1.1', RW),
      today('2017-11-29', 'due_soon', '4.1.2', RW),
      today('2017-11-29', 'due_soon', '4.1.3', RW),
      today('2017-11-29', 'due_soon', '9.3.1', CC),
      // On the day.
      today('2017-11-30', 'due_today', '4.1.1', RW),
      today('2017-11-30', 'due_today', '4.1.2', RW),
      today('2017-11-30', 'due_today', '4.1.3', RW),
      today('2017-11-30', 'due_today', '9.3.1', CC),
      // Late.
      today('2017-12-01', 'overdue', '4.1.1', RW),
      today('2017-12-01', 'overdue', '4.1.2', RW),
      today('2017-12-01', 'overdue', '4.1.3', RW),
      today('2017-12-01', 'overdue', '9.3.1', CC),
      // Sixty days without an update (named for Sunday 3 Dec, so Monday): only 9.1.1, which is not yet due.
      // The November items are overdue by then, and the weekly chase replaces "no update" nudges.
      today('2017-12-04', 'stale', '9.1.1', 'U_LEAD'),
      // Still late a week on.
      today('2017-12-08', 'overdue', '4.1.1', RW),
      today('2017-12-08', 'overdue', '4.1.2', RW),
      today('2017-12-08', 'overdue', '4.1.3', RW),
      today('2017-12-08', 'overdue', '9.3.1', CC),
    ];
    expect(rows(sent.filter((s) => CHECKED.has(s.item)))).toEqual(expected);
  });

  it('every nudge goes out at 09:00 London time, which is 09:00Z in GMT', () => {
    expect(sent.filter((s) => s.at !== `${s.day}T09:00:00.000Z`)).toEqual([]);
  });

  it('nothing at weekends', () => {
    const weekend = ['2017-11-25', '2017-11-26', '2017-12-02', '2017-12-03', '2017-12-09', '2017-12-10'];
    expect(sent.filter((s) => weekend.includes(s.day))).toEqual([]);
    expect(decide('2017-11-25T12:00:00Z')).toEqual([]);
    expect(decide('2017-12-03T12:00:00Z')).toEqual([]);
  });

  it('nothing for closed items: 4.1.4 (complete) and 6.1–6.3 (not being implemented) never, nor any other closed item', () => {
    const closed = new Set(['3.4', '4.0.2', '4.1.4', '4.3.1', '4.3.2', '4.3.3', '5.1', '5.3', '6.1', '6.2', '6.3', '7.1', '9.1.2']);
    expect(sent.filter((s) => closed.has(s.item))).toEqual([]);
    expect(new Set(sent.map((s) => s.item))).toEqual(
      new Set(['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '4.2.1', '4.2.2', '4.2.3', '5.2', '9.1.1', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1']),
    );
  });

  it('at most one message a day per item and person', () => {
    const perDay = new Map<string, number>();
    for (const s of sent) perDay.set(`${s.day} ${s.item} ${s.to}`, (perDay.get(`${s.day} ${s.item} ${s.to}`) ?? 0) + 1);
    expect([...perDay].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('an overdue item gets no "no update" nudge: 1.1 on Mon 4 Dec is chased as overdue only', () => {
    // 1.1 (September 2017, last update 4 Oct): overdue weekly on Mondays; its 60-day "no update" mark also falls on Sun 3 Dec.
    expect(rows(sent.filter((s) => s.item === '1.1' && s.day === '2017-12-04'))).toEqual([
      today('2017-12-04', 'overdue', '1.1', 'U_KG'),
      today('2017-12-04', 'overdue', '1.1', 'U_PO'),
    ]);
    expect(keysAt('2017-12-04T10:00:00Z').filter((k) => k.includes(':1.1:'))).toEqual(['overdue:1.1:U_KG:2017-12-04', 'overdue:1.1:U_PO:2017-12-04']);
  });

  it('the overdue items of September are chased every Monday, one message per owner', () => {
    const overdueMondays = sent.filter((s) => s.item === '5.2' && s.kind === 'overdue');
    expect(rows(overdueMondays)).toEqual([
      today('2017-11-20', 'overdue', '5.2', 'U_KG'),
      today('2017-11-20', 'overdue', '5.2', 'U_PO'),
      today('2017-11-27', 'overdue', '5.2', 'U_KG'),
      today('2017-11-27', 'overdue', '5.2', 'U_PO'),
      today('2017-12-04', 'overdue', '5.2', 'U_KG'),
      today('2017-12-04', 'overdue', '5.2', 'U_PO'),
      today('2017-12-11', 'overdue', '5.2', 'U_KG'),
      today('2017-12-11', 'overdue', '5.2', 'U_PO'),
    ]);
  });
});

describe('the 09:00 send time', () => {
  it.each([
    ['2017-11-23T08:00:00Z', []],
    ['2017-11-23T08:59:00Z', []],
    [
      '2017-11-23T09:00:00Z',
      ['due_soon:4.1.1:U_RW:2017-11-23', 'due_soon:4.1.2:U_RW:2017-11-23', 'due_soon:4.1.3:U_RW:2017-11-23', 'due_soon:9.3.1:U_CC:2017-11-23'],
    ],
    [
      '2017-11-23T23:59:00Z',
      ['due_soon:4.1.1:U_RW:2017-11-23', 'due_soon:4.1.2:U_RW:2017-11-23', 'due_soon:4.1.3:U_RW:2017-11-23', 'due_soon:9.3.1:U_CC:2017-11-23'],
    ],
  ])('at %s the November items want %j', (now, keys) => {
    const items = PLAN_ITEMS.filter((i) => ['4.1.1', '4.1.2', '4.1.3', '4.1.4', '9.3.1'].includes(i.rec.id));
    expect(keysAt(now, items)).toEqual(keys);
  });

  it('a whole-plan tick before 09:00 on a working day decides nothing', () => {
    expect(decide('2017-12-01T08:59:59Z')).toEqual([]);
    expect(decide('2017-12-01T00:00:00Z')).toEqual([]);
  });
});

describe('"no update" nudges', () => {
  it('on Fri 3 Nov 2017 (30 days after the plan date of 4 Oct) every open item last updated 4 Oct and not yet overdue is nudged; overdue ones get their weekly chase instead', () => {
    expect(keysAt('2017-11-03T10:00:00Z')).toEqual([
      // September 2017 (ended Sat 30 Sep): overdue, chased every Monday; the latest chase is Mon 30 Oct.
      'overdue:1.1:U_KG:2017-10-30',
      'overdue:1.1:U_PO:2017-10-30',
      'overdue:3.6:U_KG:2017-10-30',
      'overdue:3.6:U_PO:2017-10-30',
      'overdue:4.0.1:U_KG:2017-10-30',
      'overdue:4.0.1:U_PO:2017-10-30',
      'stale:4.1.1:U_RW:2017-11-03',
      'stale:4.1.2:U_RW:2017-11-03',
      'stale:4.1.3:U_RW:2017-11-03',
      // Last updated 20 Jul: their latest "no update" nudge was 18 Oct.
      'stale:4.2.1:U_NS:2017-10-18',
      // Updates logged 4 Oct then 20 Jul: counted from the latest date, 4 Oct.
      'stale:4.2.2:U_NS:2017-11-03',
      'stale:4.2.3:U_SRO_OS:2017-10-18',
      'overdue:5.2:U_KG:2017-10-30',
      'overdue:5.2:U_PO:2017-10-30',
      'stale:9.1.1:U_LEAD:2017-11-03',
      // "With immediate effect" (ended Wed 4 Oct): overdue, chased every Thursday; the latest chase is Thu 2 Nov.
      'overdue:9.1.3:U_SRO:2017-11-02',
      'overdue:9.2.1:U_PCC:2017-10-30',
      'overdue:9.2.2:U_PCC:2017-10-30',
      'overdue:9.2.3:U_PCC_CC:2017-11-02',
      'overdue:9.2.4:U_ARG:2017-11-02',
      // 9.3.1 has no updates at all: counted from the plan's date.
      'stale:9.3.1:U_CC:2017-11-03',
    ]);
  });

  it('an item with no updates counts from planAsOf', () => {
    const rec = bundled('9.3.1');
    expect(rec.updates).toEqual([]);
    const at = (planAsOf: string) =>
      decideNudges({
        now: new Date('2017-11-03T10:00:00Z'),
        planTimeZone: LONDON,
        planAsOf,
        items: [itemOf(rec)],
        preferences: [],
        settings: DEFAULT_REMINDER_SETTINGS,
      }).map((d) => d.key);
    expect(at('2017-10-04')).toEqual(['stale:9.3.1:U_CC:2017-11-03']);
    expect(at('2017-10-05')).toEqual([]);
  });
});

describe('catch-up after downtime', () => {
  const ticks = [...everyMinutes('2017-11-20T00:00:00Z', '2017-11-21T00:00:00Z', 60), new Date('2017-12-04T10:00:00Z')];

  it('down from 21 Nov to 4 Dec: 4.1.1 (updated 10 Nov) gets ONE nudge on 4 Dec, the overdue of Fri 1 Dec, none of the missed reminders', () => {
    const rec = withUpdate(bundled('4.1.1'), '2017-11-10');
    const sent = simulate({ ticks, items: [itemOf(rec)] });
    expect(rows(sent)).toEqual([['2017-12-04', 'overdue', '4.1.1', 'U_RW', '2017-12-01']]);
    expect(sent[0]?.at).toBe('2017-12-04T10:00:00.000Z');
  });

  it('4.1.1 as bundled: one nudge on 20 Nov and one on 4 Dec, nothing more', () => {
    const sent = simulate({ ticks, items: [itemOf(bundled('4.1.1'))] });
    expect(sent.map((s) => s.day)).toEqual(['2017-11-20', '2017-12-04']);
  });
});

describe('idempotence: a tick may run any number of times', () => {
  it('the same tick decides the same keys', () => {
    const a = decide('2017-12-01T10:00:00Z');
    const b = decide('2017-12-01T10:00:00Z');
    expect(b).toEqual(a);
    expect(a.filter((d) => ['4.1.1', '4.1.2', '4.1.3', '9.3.1'].includes(d.item))).toEqual([
      { kind: 'overdue', item: '4.1.1', to: 'U_RW', on: '2017-12-01', key: 'overdue:4.1.1:U_RW:2017-12-01' },
      { kind: 'overdue', item: '4.1.2', to: 'U_RW', on: '2017-12-01', key: 'overdue:4.1.2:U_RW:2017-12-01' },
      { kind: 'overdue', item: '4.1.3', to: 'U_RW', on: '2017-12-01', key: 'overdue:4.1.3:U_RW:2017-12-01' },
      { kind: 'overdue', item: '9.3.1', to: 'U_CC', on: '2017-12-01', key: 'overdue:9.3.1:U_CC:2017-12-01' },
    ]);
  });

  it('the keys of a day are the same from 09:00 to midnight', () => {
    const nine = keysAt('2017-12-01T09:00:00Z');
    expect(keysAt('2017-12-01T13:30:00Z')).toEqual(nine);
    expect(keysAt('2017-12-01T23:59:59Z')).toEqual(nine);
    expect(nine).toHaveLength(21);
  });

  it('with the outbox, a second run of the same ticks sends nothing new', () => {
    const outbox = new Set<string>();
    const day = everyMinutes('2017-12-01T00:00:00Z', '2017-12-02T00:00:00Z', 60);
    const first = simulate({ ticks: day, items: PLAN_ITEMS, sent: outbox });
    expect(first).toHaveLength(21);
    expect(simulate({ ticks: day, items: PLAN_ITEMS, sent: outbox })).toEqual([]);
    expect(simulate({ ticks: [new Date('2017-12-01T09:00:00Z')], items: PLAN_ITEMS, sent: outbox })).toEqual([]);
  });
});

describe('preferences (4.1.1, Rachel Wilkinson)', () => {
  const item = itemOf(bundled('4.1.1'));
  const pref = (over: Partial<NudgePreference>): NudgePreference => ({
    item: '4.1.1',
    recipient: 'U_RW',
    snoozedUntil: null,
    muted: false,
    setAt: '2017-11-19T18:00:00.000Z',
    ...over,
  });
  const EVERYTHING: Row[] = [
    ['2017-11-20', 'stale', '4.1.1', 'U_RW', '2017-11-03'],
    today('2017-11-23', 'due_soon', '4.1.1', 'U_RW'),
    today('2017-11-29', 'due_soon', '4.1.1', 'U_RW'),
    today('2017-11-30', 'due_today', '4.1.1', 'U_RW'),
    today('2017-12-01', 'overdue', '4.1.1', 'U_RW'),
    // No 60-day "no update" nudge on Mon 4 Dec: the item is overdue and chased weekly.
    today('2017-12-08', 'overdue', '4.1.1', 'U_RW'),
  ];

  it.each<[string, NudgePreference[], string | null, Row[]]>([
    ['no preference: everything', [], null, EVERYTHING],
    ['snoozed until 7 Dec: nothing before, the overdue nudge of Fri 8 Dec goes out', [pref({ snoozedUntil: '2017-12-07' })], null, [today('2017-12-08', 'overdue', '4.1.1', 'U_RW')]],
    ['snoozed until 1 Dec: the overdue nudge of 1 Dec and after', [pref({ snoozedUntil: '2017-12-01' })], null, EVERYTHING.slice(4)],
    ['muted: nothing', [pref({ muted: true })], null, []],
    ['muted for another item: no effect', [pref({ item: '4.1.2', muted: true })], null, EVERYTHING],
    ['muted by another person: no effect', [pref({ recipient: 'U_KG', muted: true })], null, EVERYTHING],
    ['muted, then the item re-dated (rearmedAt after setAt): the mute is void', [pref({ muted: true })], '2017-11-19T18:00:01.000Z', EVERYTHING],
    ['snoozed, then re-armed: the snooze is void', [pref({ snoozedUntil: '2017-12-07' })], '2017-11-20T08:00:00.000Z', EVERYTHING],
    ['muted after the last re-dating: the mute holds', [pref({ muted: true })], '2017-11-19T17:59:59.000Z', []],
  ])('%s', (_why, preferences, rearmedAt, expected) => {
    expect(rows(simulate({ ticks: HOURLY, items: [{ ...item, rearmedAt }], preferences }))).toEqual(expected);
  });

  it('muted part-way (Fri 24 Nov 15:00): what went before stays sent, nothing after', () => {
    const muted = pref({ muted: true, setAt: '2017-11-24T15:00:00.000Z' });
    const sent = simulate({ ticks: HOURLY, items: [item], preferences: (now) => (now.toISOString() >= muted.setAt ? [muted] : []) });
    expect(rows(sent)).toEqual(EVERYTHING.slice(0, 2));
  });

  it('muted on 21 Nov, re-dated on 27 Nov to 15 Dec 2017: the mute is void and the new schedule runs', () => {
    const ticks = everyMinutes('2017-11-20T00:00:00Z', '2017-12-20T00:00:00Z', 60);
    const redatedAt = '2017-11-27T12:00:00.000Z';
    const muted = pref({ muted: true, setAt: '2017-11-21T12:00:00.000Z' });
    const rec = bundled('4.1.1');
    const items = (now: Date): NudgeItem[] =>
      now.toISOString() >= redatedAt ? [itemOf(redated(rec, '15 December 2017', '2017-11-27'), redatedAt)] : [itemOf(rec)];
    const sent = simulate({ ticks, items, preferences: (now) => (now.toISOString() >= muted.setAt ? [muted] : []) });
    expect(rows(sent)).toEqual([
      ['2017-11-20', 'stale', '4.1.1', 'U_RW', '2017-11-03'],
      today('2017-12-04', 'stale', '4.1.1', 'U_RW'),
      today('2017-12-08', 'due_soon', '4.1.1', 'U_RW'),
      today('2017-12-14', 'due_soon', '4.1.1', 'U_RW'),
      today('2017-12-15', 'due_today', '4.1.1', 'U_RW'),
      today('2017-12-18', 'overdue', '4.1.1', 'U_RW'),
    ]);
  });

  it('snoozed until a Thursday: 9.1.3 (overdue every Thursday) is chased again that Thursday, 7 Dec', () => {
    const snoozed: NudgePreference = { ...pref({ snoozedUntil: '2017-12-07' }), item: '9.1.3', recipient: 'U_SRO' };
    const sent = simulate({ ticks: HOURLY, items: [itemOf(bundled('9.1.3'))], preferences: [snoozed] });
    expect(rows(sent)).toEqual([today('2017-12-07', 'overdue', '9.1.3', 'U_SRO')]);
  });
});

describe('updates, re-dating and completion (4.1.1, end 30 Nov 2017)', () => {
  const rec = bundled('4.1.1');
  const ticks = everyMinutes('2017-11-20T00:00:00Z', '2017-12-23T00:00:00Z', 60);
  const BEFORE_THE_END: Row[] = [
    ['2017-11-20', 'stale', '4.1.1', 'U_RW', '2017-11-03'],
    today('2017-11-23', 'due_soon', '4.1.1', 'U_RW'),
    today('2017-11-29', 'due_soon', '4.1.1', 'U_RW'),
    today('2017-11-30', 'due_today', '4.1.1', 'U_RW'),
  ];
  /** The item as it stands at `now`, with an update dated `date` posted at `postedAt`. */
  const updatedAt = (date: string, postedAt: string) => (now: Date) => [
    itemOf(now.toISOString() >= postedAt ? withUpdate(rec, date) : rec),
  ];

  it.each<[string, string, string, Row[]]>([
    [
      'no update: chased every Friday once overdue, and no 60-day "no update" nudge on top',
      '2099-01-01',
      '2099-01-01T00:00:00Z',
      [
        ...BEFORE_THE_END,
        today('2017-12-01', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-08', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-15', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-22', 'overdue', '4.1.1', 'U_RW'),
      ],
    ],
    [
      'update on Mon 4 Dec: no chase on 8 Dec, chased again 15 Dec',
      '2017-12-04',
      '2017-12-04T14:00:00Z',
      [
        ...BEFORE_THE_END,
        today('2017-12-01', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-15', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-22', 'overdue', '4.1.1', 'U_RW'),
      ],
    ],
    [
      'update on Thu 7 Dec: no chase on 8 Dec, chased again 15 Dec',
      '2017-12-07',
      '2017-12-07T14:00:00Z',
      [
        ...BEFORE_THE_END,
        today('2017-12-01', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-15', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-22', 'overdue', '4.1.1', 'U_RW'),
      ],
    ],
    [
      'update on Tue 12 Dec: 15 Dec is quiet, chased again 22 Dec',
      '2017-12-12',
      '2017-12-12T14:00:00Z',
      [
        ...BEFORE_THE_END,
        today('2017-12-01', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-08', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-22', 'overdue', '4.1.1', 'U_RW'),
      ],
    ],
    [
      'update on Mon 27 Nov, days before the end: it also quiets the first overdue nudge (an update within the week)',
      '2017-11-27',
      '2017-11-27T14:00:00Z',
      [
        ...BEFORE_THE_END,
        today('2017-12-08', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-15', 'overdue', '4.1.1', 'U_RW'),
        today('2017-12-22', 'overdue', '4.1.1', 'U_RW'),
      ],
    ],
  ])('%s', (_why, date, postedAt, expected) => {
    expect(rows(simulate({ ticks, items: updatedAt(date, postedAt) }))).toEqual(expected);
  });

  it('re-dated on Tue 5 Dec to January 2018 (with an update): the weekly chase stops and a fresh schedule runs', () => {
    const redatedAt = '2017-12-05T12:00:00.000Z';
    const moved = withUpdate(redated(rec, 'January 2018', '2017-12-05'), '2017-12-05');
    expect(moved.delivery.end).toBe('2018-01-31');
    const sent = simulate({
      ticks: everyMinutes('2017-11-20T00:00:00Z', '2018-02-10T00:00:00Z', 60),
      items: (now) => [now.toISOString() >= redatedAt ? itemOf(moved, redatedAt) : itemOf(rec)],
    });
    expect(rows(sent)).toEqual([
      ...BEFORE_THE_END,
      today('2017-12-01', 'overdue', '4.1.1', 'U_RW'),
      // Overdue on Mon 4 Dec: no "no update" nudge. Re-dated: no overdue nudge on 8 Dec. 30 days after the update of 5 Dec:
      today('2018-01-04', 'stale', '4.1.1', 'U_RW'),
      today('2018-01-24', 'due_soon', '4.1.1', 'U_RW'),
      today('2018-01-30', 'due_soon', '4.1.1', 'U_RW'),
      today('2018-01-31', 'due_today', '4.1.1', 'U_RW'),
      today('2018-02-01', 'overdue', '4.1.1', 'U_RW'),
      // 60 days after 5 Dec (Sat 3 Feb, so Mon 5 Feb) it is overdue again: the weekly chase only.
      today('2018-02-08', 'overdue', '4.1.1', 'U_RW'),
    ]);
  });

  it('completed on Wed 29 Nov at noon: nothing after the morning nudge of that day', () => {
    const doneAt = '2017-11-29T12:00:00.000Z';
    const sent = simulate({ ticks, items: (now) => [itemOf(now.toISOString() >= doneAt ? withStatus(rec, 'complete') : rec)] });
    expect(rows(sent)).toEqual(BEFORE_THE_END.slice(0, 3));
  });

  it.each(['complete', 'not_being_implemented'] as const)('an item that is %s gets nothing, even with a date long past', (status) => {
    expect(simulate({ ticks, items: [itemOf(withStatus(rec, status))] })).toEqual([]);
    expect(simulate({ ticks, items: [itemOf(bundled('4.1.4'))] })).toEqual([]);
  });
});

describe('Christmas and New Year 2017', () => {
  const ticks = everyMinutes('2017-12-18T00:00:00Z', '2018-01-06T00:00:00Z', 60);
  const HOLIDAYS_AND_WEEKENDS = ['2017-12-23', '2017-12-24', '2017-12-25', '2017-12-26', '2017-12-30', '2017-12-31', '2018-01-01'];
  const items: Recommendation[] = [
    itemEnding('END-27-DEC', '2017-12-27', '2017-12-15'),
    itemEnding('END-BOXING-DAY', '2017-12-26', '2017-12-15'),
    itemEnding('END-NEW-YEAR', '2018-01-01', '2017-12-15'),
  ];

  it('reminders that would fall on 25/26 Dec go out on Fri 22nd; "due today" on Wed 27th is kept', () => {
    const sent = simulate({ ticks, items: items.map((r) => itemOf(r)) });
    expect(rows(sent)).toEqual([
      today('2017-12-19', 'due_soon', 'END-BOXING-DAY', 'U_X'),
      today('2017-12-20', 'due_soon', 'END-27-DEC', 'U_X'),
      // Named for 26th and 25th; for the Boxing Day item "due today" (26th) overtakes "due soon" (25th).
      today('2017-12-22', 'due_soon', 'END-27-DEC', 'U_X'),
      today('2017-12-22', 'due_today', 'END-BOXING-DAY', 'U_X'),
      today('2017-12-22', 'due_soon', 'END-NEW-YEAR', 'U_X'),
      today('2017-12-27', 'due_today', 'END-27-DEC', 'U_X'),
      today('2017-12-27', 'overdue', 'END-BOXING-DAY', 'U_X'),
      today('2017-12-28', 'overdue', 'END-27-DEC', 'U_X'),
      // New Year's Day is a Monday: "due tomorrow" (Sunday) and "due today" both land on Friday 29th, one message.
      today('2017-12-29', 'due_today', 'END-NEW-YEAR', 'U_X'),
      today('2018-01-02', 'overdue', 'END-NEW-YEAR', 'U_X'),
      today('2018-01-03', 'overdue', 'END-BOXING-DAY', 'U_X'),
      today('2018-01-04', 'overdue', 'END-27-DEC', 'U_X'),
    ]);
  });

  it('nothing at all is sent on 25/26 Dec or 1 Jan (nor the weekends), for the bundled plan and these items', () => {
    const all = [...PLAN_ITEMS, ...items.map((r) => itemOf(r))];
    const sent = simulate({ ticks, items: all });
    expect(sent.filter((s) => HOLIDAYS_AND_WEEKENDS.includes(s.day))).toEqual([]);
    for (const now of ['2017-12-25T12:00:00Z', '2017-12-26T12:00:00Z', '2018-01-01T12:00:00Z']) expect(decide(now, all)).toEqual([]);
    expect(new Set(sent.map((s) => s.day))).toEqual(
      new Set(['2017-12-18', '2017-12-19', '2017-12-20', '2017-12-21', '2017-12-22', '2017-12-27', '2017-12-28', '2017-12-29', '2018-01-02', '2018-01-03', '2018-01-04', '2018-01-05']),
    );
  });

  it('9.1.1 ("By end 2017" = Sun 31 Dec): due soon Fri 22nd, due today Fri 29th, overdue Tue 2 Jan', () => {
    const sent = simulate({ ticks, items: [itemOf(bundled('9.1.1'))] });
    expect(rows(sent.filter((s) => s.kind !== 'stale'))).toEqual([
      ['2017-12-22', 'due_soon', '9.1.1', 'U_LEAD', '2017-12-22'],
      ['2017-12-29', 'due_today', '9.1.1', 'U_LEAD', '2017-12-29'],
      ['2018-01-02', 'overdue', '9.1.1', 'U_LEAD', '2018-01-02'],
    ]);
  });
});

describe('clock changes: 09:00 local, whatever the offset', () => {
  type Timed = [kind: string, at: string];
  const run = (end: string, lastUpdate: string, timeZone: string, from: string, to: string): Timed[] =>
    simulate({ ticks: everyMinutes(from, to, 15), items: [itemOf(itemEnding('X', end, lastUpdate), null, timeZone)] }).map((s) => [s.kind, s.at]);

  it.each<[string, string, string, string, string, string, Timed[]]>([
    [
      'London, autumn: 08:00Z in BST (26 Oct), 09:00Z once the clocks go back on 29 Oct',
      LONDON, '2017-11-02', '2017-10-15', '2017-10-23T00:00:00Z', '2017-11-06T00:00:00Z',
      [
        ['due_soon', '2017-10-26T08:00:00.000Z'],
        ['due_soon', '2017-11-01T09:00:00.000Z'],
        ['due_today', '2017-11-02T09:00:00.000Z'],
        ['overdue', '2017-11-03T09:00:00.000Z'],
      ],
    ],
    [
      'New York, same item: 13:00Z while New York is still on EDT (until 5 Nov)',
      'America/New_York', '2017-11-02', '2017-10-15', '2017-10-23T00:00:00Z', '2017-11-06T00:00:00Z',
      [
        ['due_soon', '2017-10-26T13:00:00.000Z'],
        ['due_soon', '2017-11-01T13:00:00.000Z'],
        ['due_today', '2017-11-02T13:00:00.000Z'],
        ['overdue', '2017-11-03T13:00:00.000Z'],
      ],
    ],
    [
      'New York in mid-November (EST): 14:00Z',
      'America/New_York', '2017-11-16', '2017-10-30', '2017-11-06T00:00:00Z', '2017-11-20T00:00:00Z',
      [
        ['due_soon', '2017-11-09T14:00:00.000Z'],
        ['due_soon', '2017-11-15T14:00:00.000Z'],
        ['due_today', '2017-11-16T14:00:00.000Z'],
        ['overdue', '2017-11-17T14:00:00.000Z'],
      ],
    ],
    [
      'London, spring: 09:00Z on 22 Mar, 08:00Z after the clocks go forward on 25 Mar; overdue after Easter',
      LONDON, '2018-03-29', '2018-03-10', '2018-03-19T00:00:00Z', '2018-04-06T00:00:00Z',
      [
        ['due_soon', '2018-03-22T09:00:00.000Z'],
        ['due_soon', '2018-03-28T08:00:00.000Z'],
        ['due_today', '2018-03-29T08:00:00.000Z'],
        ['overdue', '2018-04-03T08:00:00.000Z'],
      ],
    ],
    [
      'New York, spring (EDT since 11 Mar): 13:00Z throughout',
      'America/New_York', '2018-03-29', '2018-03-10', '2018-03-19T00:00:00Z', '2018-04-06T00:00:00Z',
      [
        ['due_soon', '2018-03-22T13:00:00.000Z'],
        ['due_soon', '2018-03-28T13:00:00.000Z'],
        ['due_today', '2018-03-29T13:00:00.000Z'],
        ['overdue', '2018-04-03T13:00:00.000Z'],
      ],
    ],
  ])('%s', (_why, timeZone, end, lastUpdate, from, to, expected) => {
    expect(run(end, lastUpdate, timeZone, from, to)).toEqual(expected);
  });

  it('a recipient without a timezone gets the plan\'s', () => {
    const item: NudgeItem = { rec: itemEnding('X', '2017-11-02', '2017-10-15'), recipients: [{ id: 'U_X', timeZone: null }], rearmedAt: null };
    const at = (now: string) =>
      decideNudges({ now: new Date(now), planTimeZone: 'America/New_York', planAsOf: PLAN_AS_OF, items: [item], preferences: [], settings: DEFAULT_REMINDER_SETTINGS });
    expect(at('2017-10-26T12:59:00Z')).toEqual([]);
    expect(at('2017-10-26T13:00:00Z').map((d) => d.key)).toEqual(['due_soon:X:U_X:2017-10-26']);
  });

  it('two people on the same item, London and New York, each at their own 09:00', () => {
    const item: NudgeItem = {
      rec: itemEnding('X', '2017-11-16', '2017-10-30'),
      recipients: [
        { id: 'U_LDN', timeZone: LONDON },
        { id: 'U_NYC', timeZone: 'America/New_York' },
      ],
      rearmedAt: null,
    };
    const sent = simulate({ ticks: everyMinutes('2017-11-09T00:00:00Z', '2017-11-10T00:00:00Z', 15), items: [item] });
    expect(sent.map((s) => [s.to, s.at])).toEqual([
      ['U_LDN', '2017-11-09T09:00:00.000Z'],
      ['U_NYC', '2017-11-09T14:00:00.000Z'],
    ]);
  });
});

/*
 * ─── Formerly wrong for a plan manager, now fixed ────────────────────────────────────────────────────────────
 *
 * A. A "no update" nudge that was suppressed or overtaken by a deadline nudge went out the next working day
 *    (decideNudges picked `latest(stale) ?? chase` whenever the deadline nudge was not for today). Now overdue
 *    items get no "no update" nudges at all, and otherwise the more recent of the two wins (the deadline nudge on a tie).
 * B. "No update for 30 days" was counted from the last entry in the log, not the most recent update date.
 * C. An update posted on the same day as (after) an overdue nudge did not stop the next weekly one
 *    (the rule was `lastUpdate > nominal - 7`; now `>=`).
 */
describe('formerly wrong, now fixed', () => {
  const CATCH_UP_TICKS = [...everyMinutes('2017-11-20T00:00:00Z', '2017-11-21T00:00:00Z', 60), new Date('2017-12-04T10:00:00Z')];
  const mondays = (item: string, to: string) => ['2017-11-20', '2017-11-27', '2017-12-04', '2017-12-11'].map((d) => today(d, 'overdue', item, to));

  it('A1: 1.1 (overdue since September) is chased every Monday and never sent a "no update" nudge, neither on 21 Nov nor on 5 Dec', () => {
    const sent = simulate({ ticks: HOURLY, items: [itemOf(bundled('1.1'))] });
    expect(rows(sent)).toEqual([
      today('2017-11-20', 'overdue', '1.1', 'U_KG'),
      today('2017-11-20', 'overdue', '1.1', 'U_PO'),
      today('2017-11-27', 'overdue', '1.1', 'U_KG'),
      today('2017-11-27', 'overdue', '1.1', 'U_PO'),
      today('2017-12-04', 'overdue', '1.1', 'U_KG'),
      today('2017-12-04', 'overdue', '1.1', 'U_PO'),
      today('2017-12-11', 'overdue', '1.1', 'U_KG'),
      today('2017-12-11', 'overdue', '1.1', 'U_PO'),
    ]);
  });

  it.each<[string, string[]]>([
    ['3.6', ['U_KG', 'U_PO']],
    ['4.0.1', ['U_KG', 'U_PO']],
    ['5.2', ['U_KG', 'U_PO']],
    ['9.2.1', ['U_PCC']],
    ['9.2.2', ['U_PCC']],
  ])('A1: the same for %s: overdue on Mondays only', (item, owners) => {
    const sent = simulate({ ticks: HOURLY, items: [itemOf(bundled(item))] });
    const expected = owners.flatMap((to) => mondays(item, to)).sort((a, b) => a[0].localeCompare(b[0]) || a[3].localeCompare(b[3]));
    expect(rows(sent)).toEqual(expected);
  });

  it('A2: 9.1.1 is not sent a "no update" nudge on Wed 3 Jan, the day after its overdue nudge', () => {
    const ticks = everyMinutes('2017-12-18T00:00:00Z', '2018-01-06T00:00:00Z', 60);
    expect(rows(simulate({ ticks, items: [itemOf(bundled('9.1.1'))] }))).toEqual([
      // The 60-day nudge of Mon 4 Dec, caught up on the first tick (not yet due: "no update" nudges still run).
      ['2017-12-18', 'stale', '9.1.1', 'U_LEAD', '2017-12-04'],
      today('2017-12-22', 'due_soon', '9.1.1', 'U_LEAD'),
      today('2017-12-29', 'due_today', '9.1.1', 'U_LEAD'),
      // The 90-day mark (Tue 2 Jan) is the day it becomes overdue: the overdue nudge only, and nothing on 3 Jan.
      today('2018-01-02', 'overdue', '9.1.1', 'U_LEAD'),
    ]);
  });

  it.each<[string, string]>([
    ['9.1.3', 'U_SRO'],
    ['9.2.3', 'U_PCC_CC'],
    ['9.2.4', 'U_ARG'],
  ])('A3: catch-up sends the latest due nudge, not an older "no update" one: %s on 20 Nov gets its overdue of Thu 16 Nov', (item, to) => {
    const sent = simulate({ ticks: HOURLY, items: [itemOf(bundled(item))] });
    expect(rows(sent)).toEqual([
      ['2017-11-20', 'overdue', item, to, '2017-11-16'],
      today('2017-11-23', 'overdue', item, to),
      today('2017-11-30', 'overdue', item, to),
      // No 60-day "no update" nudge on Mon 4 Dec: it is overdue.
      today('2017-12-07', 'overdue', item, to),
    ]);
  });

  it('A4: after downtime a missed overdue nudge is caught up even if a "no update" nudge was sent earlier', () => {
    // 4.1.1 updated 21 Oct: "no update" falls Mon 20 Nov. Ticks on 20 Nov, then only at 4 Dec 10:00.
    const sent = simulate({ ticks: CATCH_UP_TICKS, items: [itemOf(withUpdate(bundled('4.1.1'), '2017-10-21'))] });
    expect(rows(sent)).toEqual([
      today('2017-11-20', 'stale', '4.1.1', 'U_RW'),
      ['2017-12-04', 'overdue', '4.1.1', 'U_RW', '2017-12-01'],
    ]);
  });

  it('A5: 4.1.1 as bundled, ticks on 20 Nov then 4 Dec 10:00 → the one nudge on 4 Dec is the overdue of 1 Dec', () => {
    const sent = simulate({ ticks: CATCH_UP_TICKS, items: [itemOf(bundled('4.1.1'))] });
    expect(rows(sent)).toEqual([
      ['2017-11-20', 'stale', '4.1.1', 'U_RW', '2017-11-03'],
      // Not the 60-day "no update" nudge (named Sun 3 Dec): the owner is told it is overdue.
      ['2017-12-04', 'overdue', '4.1.1', 'U_RW', '2017-12-01'],
    ]);
  });

  it('A6: not yet due, a "no update" nudge on the same day as a deadline nudge gives way to it, and is not caught up the next day', () => {
    // Ends Thu 30 Nov, last update 24 Oct: "no update" and "due in a week" both fall on Thu 23 Nov.
    const item = itemOf(itemEnding('T', '2017-11-30', '2017-10-24'));
    expect(keysAt('2017-11-23T10:00:00Z', [item])).toEqual(['due_soon:T:U_X:2017-11-23']);
    expect(keysAt('2017-11-24T10:00:00Z', [item])).toEqual(['due_soon:T:U_X:2017-11-23']);
    const sent = simulate({ ticks: everyMinutes('2017-11-20T00:00:00Z', '2017-12-02T00:00:00Z', 60), items: [item] });
    expect(rows(sent)).toEqual([
      today('2017-11-23', 'due_soon', 'T', 'U_X'),
      today('2017-11-29', 'due_soon', 'T', 'U_X'),
      today('2017-11-30', 'due_today', 'T', 'U_X'),
      today('2017-12-01', 'overdue', 'T', 'U_X'),
    ]);
  });

  it('B: 4.2.2 (updates logged 4 Oct then 20 Jul) is counted from 4 Oct: first nudged for "no update" on 3 Nov, not 18 Oct / 17 Nov', () => {
    expect(keysAt('2017-11-03T10:00:00Z').filter((k) => k.includes(':4.2.2:'))).toEqual(['stale:4.2.2:U_NS:2017-11-03']);
    const sent = simulate({ ticks: HOURLY, items: [itemOf(bundled('4.2.2'))] });
    expect(rows(sent)).toEqual([
      ['2017-11-20', 'stale', '4.2.2', 'U_NS', '2017-11-03'],
      today('2017-12-04', 'stale', '4.2.2', 'U_NS'),
    ]);
  });

  it('C: Rachel replies to the overdue nudge of Fri 1 Dec that afternoon → no chase on 8 Dec', () => {
    const rec = bundled('4.1.1');
    const ticks = everyMinutes('2017-11-20T00:00:00Z', '2017-12-20T00:00:00Z', 60);
    const items = (now: Date) => [itemOf(now.toISOString() >= '2017-12-01T15:00:00Z' ? withUpdate(rec, '2017-12-01') : rec)];
    expect(rows(simulate({ ticks, items }))).toEqual([
      ['2017-11-20', 'stale', '4.1.1', 'U_RW', '2017-11-03'],
      today('2017-11-23', 'due_soon', '4.1.1', 'U_RW'),
      today('2017-11-29', 'due_soon', '4.1.1', 'U_RW'),
      today('2017-11-30', 'due_today', '4.1.1', 'U_RW'),
      today('2017-12-01', 'overdue', '4.1.1', 'U_RW'),
      today('2017-12-15', 'overdue', '4.1.1', 'U_RW'),
    ]);
  });

  it('C2: the same a week later: an update posted after the 09:00 overdue nudge of Fri 8 Dec → no chase on 15 Dec', () => {
    const rec = bundled('4.1.1');
    const ticks = everyMinutes('2017-11-20T00:00:00Z', '2017-12-23T00:00:00Z', 60);
    const items = (now: Date) => [itemOf(now.toISOString() >= '2017-12-08T14:00:00Z' ? withUpdate(rec, '2017-12-08') : rec)];
    expect(rows(simulate({ ticks, items })).filter(([day]) => day >= '2017-12-08')).toEqual([
      today('2017-12-08', 'overdue', '4.1.1', 'U_RW'),
      today('2017-12-22', 'overdue', '4.1.1', 'U_RW'),
    ]);
  });
});

describe('an item whose completion is proposed (sign-off before complete)', () => {
  it('is not chased while the proposal awaits sign-off; once it is gone the nudges resume', () => {
    const rec = itemEnding('X', '2017-11-02', '2017-10-15');
    const proposal = { by: 'N. Shackleton', byId: 'U_X', at: '2017-10-25T10:00:00.000Z', evidence: 'https://example.org/e' };
    const at = (r: typeof rec) =>
      decideNudges({ now: new Date('2017-10-26T09:00:00Z'), planTimeZone: 'Europe/London', planAsOf: PLAN_AS_OF, items: [{ rec: r, recipients: [{ id: 'U_X', timeZone: null }], rearmedAt: null }], preferences: [], settings: DEFAULT_REMINDER_SETTINGS });
    expect(at(rec).map((d) => d.key)).toEqual(['due_soon:X:U_X:2017-10-26']);
    expect(at({ ...rec, proposal })).toEqual([]);
    expect(at({ ...rec, proposal: null }).map((d) => d.key)).toEqual(['due_soon:X:U_X:2017-10-26']);
  });
});
