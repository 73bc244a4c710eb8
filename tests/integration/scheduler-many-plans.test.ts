import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importParsed } from '../../src/app/plan-loading.js';
import type { ChangeMeta, PlanInfo } from '../../src/core/ports.js';
import { localTime } from '../../src/core/reminders/local-time.js';
import { nudgeAtSend } from '../../src/core/reminders/nudge-at-send.js';
import type { QueuedNudge } from '../../src/core/reminders/outbox-message.js';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../src/core/reminders/settings.js';
import { runTick, type TickMessage } from '../../src/scheduler/tick.js';
import type { Database } from '../../src/store/database.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { queryRows } from '../../src/store/query-rows.js';
import { testDatabases } from '../helpers/databases.js';

/**
 * Issue 12, "Done when": the scheduler runs several plans in different timezones across a week and
 * sends each nudge once, at each plan's local morning.
 *
 * Four plans hold the same small plan file (same item ids, same owners), so every difference in
 * what goes out comes from the plan's own settings:
 *   london-2018     Europe/London     England and Wales  digest to its own channel C0LONDON1
 *   sydney-2018     Australia/Sydney  England and Wales  digest to its own channel C0SYDNEY1
 *   edinburgh-2018  Europe/London     Scotland           no channel of its own: CONCERTO's C0DEFAULT1
 *   newyork-2018    America/New_York  England and Wales  C0NEWYORK1; archived on Wednesday morning
 * Nobody linked has a Slack timezone, so each plan's timezone decides its morning (09:00 local).
 * The weekly digest is on Fridays at 09:00 in the plan's timezone.
 *
 * The week is Mon 26 Nov – Sun 2 Dec 2018 (GMT in London, AEDT +11 in Sydney, EST −5 in New
 * York). Fri 30 Nov is St Andrew's Day, a bank holiday in Scotland only. The scheduler also ran on
 * the Friday before (two passes at local noon), as a deployed one would have, so the week starts
 * with last week's messages already queued and the only messages are this week's.
 *
 * A pass runs every hour of UTC from Sun 25 Nov 12:00Z (Sunday 23:00 in Sydney, before any plan's
 * Monday) to Sun 2 Dec 21:00Z (Monday 08:00 in Sydney, before its next morning), and at half past
 * the hour when it is 08:30 in one of the plans' timezones: so each plan's 09:00 pass follows one
 * at 08:30 that must send it nothing. (A pass every 30 minutes all week takes a minute on PGlite.)
 */

const PLAN_FILE_ITEMS = [
  // Ends Fri 30 Nov: due soon a week before (Fri 23, last week) and the day before; due on the day.
  { id: '1.1', theme: 'Governance', text: 'Keep a decision log.', owners: ['Karen Georgiou'], status: 'on_going', delivery: '30 November 2018', updates: [] },
  // Ends Wed 28 Nov: due soon Tue 27, due Wed 28, overdue Thu 29. The Portfolio Office is two people.
  { id: '2.1', theme: 'Governance', text: 'Review the change board terms of reference.', owners: ['Portfolio Office'], status: 'not_started', delivery: '28 November 2018', updates: [] },
  // Ended Fri 23 Nov: first overdue chase Mon 26 (its nominal day, Sat 24, moved on). N. Shackleton is not linked.
  { id: '3.1', theme: 'Finance', text: 'Verify benefits before they are reported.', owners: ['Karen Georgiou', 'N. Shackleton'], status: 'on_going', delivery: '23 November 2018', updates: [] },
  // Complete: never chased, though it ends this week.
  { id: '4.1', theme: 'Finance', text: 'Publish the gateway schedule.', owners: ['Karen Georgiou'], status: 'complete', delivery: '28 November 2018', updates: [{ date: '2018-10-29', author: 'Karen Georgiou', text: 'COMPLETE – published.' }] },
  // Due in March, last updated Sun 28 Oct: "no update for 30 days" on Tue 27 Nov.
  { id: '6.1', theme: 'Assurance', text: 'Share lessons learned within a month of closure.', owners: ['Portfolio Office'], status: 'on_going', delivery: 'March 2019', updates: [{ date: '2018-10-28', author: 'Portfolio Office', text: 'Template drafted.' }] },
];

const planFile = (title: string, timeZone: string) => ({ title, asOf: '2018-11-01', timeZone, recommendations: PLAN_FILE_ITEMS });

const KAREN = 'U0KAREN01';
const PO = ['U0PORT001', 'U0PORT002'];
const PEOPLE: Array<[string, string]> = [
  [KAREN, 'Karen Georgiou'],
  [PO[0]!, 'Portfolio Office'],
  [PO[1]!, 'Portfolio Office'],
];

interface PlanSpec {
  key: string;
  title: string;
  timeZone: string;
  holidays: 'england-and-wales' | 'scotland';
  digestChannel: string | null;
}

const LONDON: PlanSpec = { key: 'london-2018', title: 'London audit 2018', timeZone: 'Europe/London', holidays: 'england-and-wales', digestChannel: 'C0LONDON1' };
const SYDNEY: PlanSpec = { key: 'sydney-2018', title: 'Sydney audit 2018', timeZone: 'Australia/Sydney', holidays: 'england-and-wales', digestChannel: 'C0SYDNEY1' };
const EDINBURGH: PlanSpec = { key: 'edinburgh-2018', title: 'Edinburgh audit 2018', timeZone: 'Europe/London', holidays: 'scotland', digestChannel: null };
const NEW_YORK: PlanSpec = { key: 'newyork-2018', title: 'New York audit 2018', timeZone: 'America/New_York', holidays: 'england-and-wales', digestChannel: 'C0NEWYORK1' };
const SPECS = [LONDON, SYDNEY, EDINBURGH, NEW_YORK];
const WEEK_FROM = '2018-11-25T12:00:00.000Z';
const WEEK_TO = '2018-12-02T22:00:00.000Z';
const PASSES = passTimes(WEEK_FROM, WEEK_TO, [...new Set(SPECS.map((s) => s.timeZone))]);
const DEFAULT_CHANNEL = 'C0DEFAULT1';

const SETTINGS: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, digestChannel: DEFAULT_CHANNEL, digestWeekday: 5 };

const SET_UP_AT = '2018-11-01T08:00:00.000Z';
const meta = (at: string): ChangeMeta => ({ actor: 'test', source: 'import', at });

/** The Friday before: a pass at local noon for London and Sydney (12:00Z), and for New York (17:00Z). */
const WARM_UP = ['2018-11-23T12:00:00.000Z', '2018-11-23T17:00:00.000Z'];
/** Between two passes, Wednesday 07:00 in New York, before its morning. */
const ARCHIVE_NEW_YORK_AFTER = '2018-11-28T12:00:00.000Z';

/** Every hour from `from` (inclusive) to `to` (exclusive), and the half hours that are 08:30 in one of `zones`. */
function passTimes(from: string, to: string, zones: string[]): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += 30 * 60_000) {
    const at = new Date(t);
    if (at.getUTCMinutes() === 0 || zones.some((z) => localTime(at, z).minutes === 8 * 60 + 30)) out.push(at.toISOString());
  }
  return out;
}

/** The date a key is for: its last `:`-separated part. */
const keyDate = (key: string) => key.split(':').at(-1)!;
const planOfKey = (key: string) => key.slice(0, key.indexOf('/'));

const nudge = (kind: string, item: string, to: string, on: string) => `${kind}:${item}:${to}:${on}`;
const toPO = (kind: string, item: string, on: string) => PO.map((p) => nudge(kind, item, p, on));

/** This week's nudges under England and Wales bank holidays, by local date (hand-checked from the rules). */
const ENGLAND_WEEK: Record<string, string[]> = {
  '2018-11-26': [nudge('overdue', '3.1', KAREN, '2018-11-26')],
  '2018-11-27': [...toPO('due_soon', '2.1', '2018-11-27'), ...toPO('stale', '6.1', '2018-11-27')],
  '2018-11-28': toPO('due_today', '2.1', '2018-11-28'),
  '2018-11-29': [...toPO('overdue', '2.1', '2018-11-29'), nudge('due_soon', '1.1', KAREN, '2018-11-29')],
  '2018-11-30': [nudge('due_today', '1.1', KAREN, '2018-11-30')],
};

/** Scotland: St Andrew's Day (Fri 30) is a holiday, so 1.1's "due today" moves to Thursday and overtakes its "due soon". */
const SCOTLAND_WEEK: Record<string, string[]> = {
  '2018-11-26': ENGLAND_WEEK['2018-11-26']!,
  '2018-11-27': ENGLAND_WEEK['2018-11-27']!,
  '2018-11-28': ENGLAND_WEEK['2018-11-28']!,
  '2018-11-29': [...toPO('overdue', '2.1', '2018-11-29'), nudge('due_today', '1.1', KAREN, '2018-11-29')],
};

/** New York is archived before its Wednesday morning: Monday's and Tuesday's nudges only. */
const NEW_YORK_WEEK: Record<string, string[]> = {
  '2018-11-26': ENGLAND_WEEK['2018-11-26']!,
  '2018-11-27': ENGLAND_WEEK['2018-11-27']!,
};

const WEEK_NUDGES: Record<string, Record<string, string[]>> = {
  [LONDON.key]: ENGLAND_WEEK,
  [SYDNEY.key]: ENGLAND_WEEK,
  [EDINBURGH.key]: SCOTLAND_WEEK,
  [NEW_YORK.key]: NEW_YORK_WEEK,
};

/** This week's digest per plan: [key, local date]. */
const WEEK_DIGESTS: Record<string, Array<[string, string]>> = {
  [LONDON.key]: [['digest:C0LONDON1:2018-11-30', '2018-11-30']],
  [SYDNEY.key]: [['digest:C0SYDNEY1:2018-11-30', '2018-11-30']],
  // Friday is St Andrew's Day: the digest moves to the working day before.
  [EDINBURGH.key]: [['digest:C0DEFAULT1:2018-11-29', '2018-11-29']],
  [NEW_YORK.key]: [],
};

/** What the Friday before queued per plan (due soon a week ahead, a catch-up "due soon" for 2.1, due today, the digest). */
const warmUpKeys = (spec: PlanSpec): string[] =>
  [
    nudge('due_soon', '1.1', KAREN, '2018-11-23'),
    ...toPO('due_soon', '2.1', '2018-11-21'),
    nudge('due_today', '3.1', KAREN, '2018-11-23'),
    `digest:${spec.digestChannel ?? DEFAULT_CHANNEL}:2018-11-23`,
    // New York's first pass was at 07:00 its time, before Friday's digest: it caught up the previous one.
    ...(spec === NEW_YORK ? [`digest:${spec.digestChannel}:2018-11-16`] : []),
  ].map((k) => `${spec.key}/${k}`);

interface Row {
  key: string;
  planId: number | null;
  kind: string;
  item: string | null;
  recipient: string;
  createdAt: string;
  payload: Record<string, any>;
}

async function outbox(database: Database): Promise<Row[]> {
  const rows = await queryRows(database.db, sql`select key, plan_id, kind, item, recipient, created_at, payload from outbox order by id`);
  return rows.map((r) => ({
    key: String(r.key),
    planId: r.plan_id === null || r.plan_id === undefined ? null : Number(r.plan_id),
    kind: String(r.kind),
    item: (r.item as string | null) ?? null,
    recipient: String(r.recipient),
    createdAt: new Date(r.created_at as string).toISOString(),
    payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, any>,
  }));
}

describe.each(testDatabases)('four plans in three timezones through a week on $name', (target) => {
  let database: Database;
  const plan: Record<string, PlanInfo> = {};
  /** Every message a pass queued, with the instant of that pass, in order. */
  const queued: Array<{ at: string; message: TickMessage }> = [];
  let warmUpRows: Row[] = [];
  let archivedAt: string | null = null;
  let passes = 0;

  /** The pass at `at` when each week key first appeared. */
  const firstSeen = () => new Map(queued.filter((q) => q.at >= WEEK_FROM).map((q) => [q.message.key, q.at]));
  const weekRows = async () => (await outbox(database)).filter((r) => r.createdAt >= WEEK_FROM);

  beforeAll(async () => {
    database = await target.open();
    const plans = new DrizzlePlanDirectory(database.db);
    for (const spec of SPECS) {
      const { plan: created } = await importParsed(plans, spec.key, planFile(spec.title, spec.timeZone), `${spec.key}.json`, meta(SET_UP_AT));
      plan[spec.key] = await plans.update(created.id, { holidays: spec.holidays, digestChannel: spec.digestChannel }, meta(SET_UP_AT));
    }
    const people = new DrizzlePeopleStore(database.db);
    for (const [id, owner] of PEOPLE) expect(await people.link(id, owner, false, meta(SET_UP_AT))).toBeTruthy();

    const tick = async (at: string) => {
      const result = await runTick(database, new Date(at), SETTINGS);
      passes++;
      expect(result.skipped, at).toBe(false);
      for (const message of result.messages) queued.push({ at, message });
    };
    for (const at of WARM_UP) await tick(at);
    warmUpRows = await outbox(database);
    for (const at of PASSES) {
      await tick(at);
      if (at === ARCHIVE_NEW_YORK_AFTER) {
        plan[NEW_YORK.key] = await plans.update(plan[NEW_YORK.key]!.id, { state: 'archived' }, meta(at));
        archivedAt = at;
      }
    }
  }, 600_000);

  afterAll(async () => {
    await database?.close();
  });

  it('set up: four plans with the same item ids, each with its timezone, calendar and digest channel; every pass ran, none skipped', () => {
    expect(Object.values(plan).map((p) => [p.key, p.timeZone, p.holidays, p.digestChannel, p.state])).toEqual([
      ['london-2018', 'Europe/London', 'england-and-wales', 'C0LONDON1', 'active'],
      ['sydney-2018', 'Australia/Sydney', 'england-and-wales', 'C0SYDNEY1', 'active'],
      ['edinburgh-2018', 'Europe/London', 'scotland', null, 'active'],
      ['newyork-2018', 'America/New_York', 'england-and-wales', 'C0NEWYORK1', 'archived'],
    ]);
    expect(new Set(Object.values(plan).map((p) => p.id)).size).toBe(4);
    expect(archivedAt).toBe(ARCHIVE_NEW_YORK_AFTER);
    expect(passes).toBe(WARM_UP.length + PASSES.length);
    // 178 hourly passes, and 08:30 in Sydney (8 days: Sun 25 Nov to Mon 3 Dec), London (7: Mon 26 to Sun 2 Dec) and New York (8: Sun 25 to Sun 2 Dec).
    expect(PASSES).toHaveLength(178 + 8 + 7 + 8);
    // At least one pass an hour throughout.
    for (let i = 1; i < PASSES.length; i++) expect(Date.parse(PASSES[i]!) - Date.parse(PASSES[i - 1]!)).toBeLessThanOrEqual(3_600_000);
  });

  it('the Friday before queued last week\'s messages for each plan, and nothing dated after it', () => {
    expect(warmUpRows.map((r) => r.key).sort()).toEqual(SPECS.flatMap(warmUpKeys).sort());
  });

  it('every pass queued only keys no earlier pass had: each key once, and the outbox holds exactly what the passes reported', async () => {
    const keys = queued.map((q) => q.message.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    const rows = await outbox(database);
    expect(rows.map((r) => r.key).sort()).toEqual([...keys].sort());
    const counted = await queryRows<{ key: string; n: number }>(database.db, sql`select key, count(*)::int as n from outbox group by key having count(*) > 1`);
    expect(counted).toEqual([]);
    // Each row was written by the pass that reported it.
    const at = new Map(queued.map((q) => [q.message.key, q.at]));
    for (const r of rows) expect(r.createdAt, r.key).toBe(at.get(r.key));
  });

  it.each(SPECS.map((s) => [s.key, s] as const))('%s: this week\'s nudges are exactly the expected ones, each queued once', async (key) => {
    const expected = Object.values(WEEK_NUDGES[key]!).flat().map((k) => `${key}/${k}`).sort();
    const rows = (await weekRows()).filter((r) => r.kind !== 'digest' && planOfKey(r.key) === key);
    expect(rows.map((r) => r.key).sort()).toEqual(expected);
  });

  it.each(SPECS.map((s) => [s.key, s] as const))('%s: each nudge went out at the first pass at or after 09:00 on its working day in the plan\'s timezone', async (key, spec) => {
    const seen = firstSeen();
    for (const [date, keys] of Object.entries(WEEK_NUDGES[key]!)) {
      for (const k of keys) {
        const at = seen.get(`${key}/${k}`);
        expect(at, `${key}/${k}`).toBeDefined();
        // Ticks are on the UTC half hour and every offset here is whole hours, so the first pass after 09:00 local is 09:00 exactly.
        expect(localTime(new Date(at!), spec.timeZone), `${key}/${k}`).toEqual({ date, minutes: 9 * 60 });
        expect(keyDate(k)).toBe(date);
        // There was a pass at 08:30 local that day, and it did not send this.
        expect(PASSES, `${key}/${k}`).toContain(new Date(Date.parse(at!) - 30 * 60_000).toISOString());
      }
    }
  });

  it('the same morning is a different instant per plan: Monday\'s overdue chase of 3.1 to Karen Georgiou', () => {
    const seen = firstSeen();
    const at = (planKey: string) => seen.get(`${planKey}/overdue:3.1:${KAREN}:2018-11-26`);
    expect(at(SYDNEY.key)).toBe('2018-11-25T22:00:00.000Z'); // Mon 09:00 AEDT = Sun 22:00 UTC
    expect(at(LONDON.key)).toBe('2018-11-26T09:00:00.000Z'); // Mon 09:00 GMT
    expect(at(EDINBURGH.key)).toBe('2018-11-26T09:00:00.000Z');
    expect(at(NEW_YORK.key)).toBe('2018-11-26T14:00:00.000Z'); // Mon 09:00 EST
  });

  it('nothing queued at a weekend or before 09:00 in the plan\'s timezone', async () => {
    const tz = new Map(SPECS.map((s) => [s.key, s.timeZone]));
    const rows = await weekRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const local = localTime(new Date(r.createdAt), tz.get(planOfKey(r.key))!);
      const weekday = new Date(`${local.date}T12:00:00Z`).getUTCDay();
      expect([0, 6], `${r.key} at ${r.createdAt}`).not.toContain(weekday);
      expect(local.minutes, `${r.key} at ${r.createdAt}`).toBeGreaterThanOrEqual(9 * 60);
    }
    // In particular nothing on either plan's local Saturday or Sunday.
    for (const r of rows) expect(['2018-12-01', '2018-12-02']).not.toContain(keyDate(r.key));
  });

  it('the same item in two plans is two messages: separate keys, each row with its own plan id', async () => {
    const rows = await weekRows();
    const same = rows.filter((r) => r.key.endsWith(`/overdue:3.1:${KAREN}:2018-11-26`));
    expect(same.map((r) => r.key).sort()).toEqual(SPECS.map((s) => `${s.key}/overdue:3.1:${KAREN}:2018-11-26`).sort());
    expect(new Set(same.map((r) => r.planId)).size).toBe(4);
    for (const r of same) expect(r).toMatchObject({ kind: 'overdue', item: '3.1', recipient: KAREN, payload: { kind: 'overdue', itemId: '3.1', on: '2018-11-26' } });
  });

  it('every row carries its plan: plan_id of the plan its key names; a digest also payload.plan { key, title }', async () => {
    const rows = await outbox(database);
    for (const r of rows) {
      const p = plan[planOfKey(r.key)]!;
      expect(p, r.key).toBeDefined();
      expect(r.planId, r.key).toBe(p.id);
      if (r.kind === 'digest') {
        expect(r.payload.plan, r.key).toEqual({ key: p.key, title: p.title });
        expect(r.payload.planTitle, r.key).toBe(p.title);
      } else expect(r.payload, r.key).toEqual({ kind: r.kind, itemId: r.item, on: keyDate(r.key) });
    }
  });

  it('a nudge is read against the item in its own plan when it is sent: 1.1\'s "due today" is for 30 Nov, due that day', async () => {
    const row = (await weekRows()).find((r) => r.key === `${LONDON.key}/due_today:1.1:${KAREN}:2018-11-30`)!;
    expect(row.payload).toEqual({ kind: 'due_today', itemId: '1.1', on: '2018-11-30' });
    // What the dispatcher does with it at 09:00:05 London time (scheduler-nudge-at-send.test.ts sends them for real).
    const plans = new DrizzlePlanDirectory(database.db);
    const london = (await plans.byId(row.planId!))!;
    const at = localTime(new Date('2018-11-30T09:00:05Z'), london.timeZone).date;
    const read = nudgeAtSend(row.payload as QueuedNudge, { key: london.key, title: london.title }, await plans.store(london).get('1.1'), at);
    expect(read).toMatchObject({ send: { kind: 'due_today', on: '2018-11-30', plan: { key: LONDON.key, title: LONDON.title }, item: { id: '1.1', owners: ['Karen Georgiou'], delivery: { end: '2018-11-30' }, overdue: false } } });
  });

  it('each plan\'s digest goes to its channel (or CONCERTO\'s) once, at 09:00 on Friday (Thursday in Scotland) in its timezone', async () => {
    const seen = firstSeen();
    const digests = (await weekRows()).filter((r) => r.kind === 'digest');
    expect(digests.map((r) => [r.key, r.recipient]).sort()).toEqual([
      ['edinburgh-2018/digest:C0DEFAULT1:2018-11-29', 'C0DEFAULT1'],
      ['london-2018/digest:C0LONDON1:2018-11-30', 'C0LONDON1'],
      ['sydney-2018/digest:C0SYDNEY1:2018-11-30', 'C0SYDNEY1'],
    ]);
    for (const spec of SPECS) {
      for (const [k, date] of WEEK_DIGESTS[spec.key]!) {
        const at = seen.get(`${spec.key}/${k}`);
        expect(at, k).toBeDefined();
        expect(localTime(new Date(at!), spec.timeZone), k).toEqual({ date, minutes: SETTINGS.digestAtMinutes });
        expect(PASSES, k).toContain(new Date(Date.parse(at!) - 30 * 60_000).toISOString());
      }
    }
    expect(seen.get('sydney-2018/digest:C0SYDNEY1:2018-11-30')).toBe('2018-11-29T22:00:00.000Z');
    expect(seen.get('london-2018/digest:C0LONDON1:2018-11-30')).toBe('2018-11-30T09:00:00.000Z');
    expect(seen.get('edinburgh-2018/digest:C0DEFAULT1:2018-11-29')).toBe('2018-11-29T09:00:00.000Z');
    for (const r of digests) {
      const p = plan[planOfKey(r.key)]!;
      expect(r.payload).toMatchObject({ kind: 'digest', on: keyDate(r.key), planTitle: p.title, plan: { key: p.key, title: p.title }, total: PLAN_FILE_ITEMS.length });
    }
  });

  it('the archived plan sends nothing from then on: no nudge, no digest', async () => {
    const ny = (await outbox(database)).filter((r) => planOfKey(r.key) === NEW_YORK.key);
    expect(ny.length).toBeGreaterThan(0);
    expect(ny.filter((r) => r.createdAt > archivedAt!)).toEqual([]);
    expect(ny.filter((r) => r.createdAt >= WEEK_FROM && r.kind === 'digest')).toEqual([]);
    // Without the archive it would have had Wednesday's to Friday's nudges and Friday's digest, like London.
    expect(Object.keys(NEW_YORK_WEEK)).toEqual(['2018-11-26', '2018-11-27']);
  });

  it('St Andrew\'s Day (Fri 30 Nov): the Scottish plan sends nothing, the England-and-Wales plans send 1.1\'s "due today"', async () => {
    const rows = await weekRows();
    const on30 = (key: string) => rows.filter((r) => planOfKey(r.key) === key && localTime(new Date(r.createdAt), 'Europe/London').date === '2018-11-30');
    expect(on30(EDINBURGH.key)).toEqual([]);
    expect(on30(LONDON.key).map((r) => r.key).sort()).toEqual([`${LONDON.key}/digest:C0LONDON1:2018-11-30`, `${LONDON.key}/due_today:1.1:${KAREN}:2018-11-30`]);
    // Edinburgh heard about 1.1 on the Thursday instead, as due that day.
    expect(rows.filter((r) => planOfKey(r.key) === EDINBURGH.key && r.item === '1.1').map((r) => [r.key, r.createdAt])).toEqual([
      [`${EDINBURGH.key}/due_today:1.1:${KAREN}:2018-11-29`, '2018-11-29T09:00:00.000Z'],
    ]);
  });

  it('never chased: the complete item 4.1, and N. Shackleton (not linked)', async () => {
    const rows = await outbox(database);
    expect(rows.filter((r) => r.item === '4.1')).toEqual([]);
    expect(new Set(rows.filter((r) => r.kind !== 'digest').map((r) => r.recipient))).toEqual(new Set([KAREN, ...PO]));
  });
});
