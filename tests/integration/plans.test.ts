import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanTargetError } from '../../src/app/plan-errors.js';
import { importParsed } from '../../src/app/plan-loading.js';
import type { Actor } from '../../src/core/ask/actor.js';
import { ask } from '../../src/core/ask/ask.js';
import type { AskContext } from '../../src/core/ask/context.js';
import type { Reply } from '../../src/core/ask/reply.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { queryRows } from '../../src/store/query-rows.js';
import { StoreError } from '../../src/store/store-error.js';
import { admin, owner, SEEDED_AT, stranger } from '../helpers/ask.js';
import { createScratchDatabase, postgresUrl, testDatabases } from '../helpers/databases.js';
import { importAs, planStore, seedBundled } from '../helpers/plan-stores.js';

/**
 * Many plans through `ask`, on both drivers: the bundled plan (concerto-2017) and the internal audit
 * fixture (audit-2018) side by side. The tests share one database and run in order.
 */

const AUDIT = JSON.parse(readFileSync(new URL('../fixtures/audit-2018.json', import.meta.url), 'utf8')) as unknown;
const NOW = '2018-02-01T10:00:00Z';
const KAREN = owner('Karen Georgiou');
/** Administers audit-2018 only: a Slack member listed in that plan's admins. */
const PAT: Actor = { id: 'U0PATADM1', name: 'Pat Admin', owns: [], admin: false, source: 'slack' };

type Table = 'plans' | 'audit_events' | 'updates' | 'recommendations' | 'recommendation_owners' | 'plan_choices';

describe.each(testDatabases)('many plans on $name', ({ name, open }) => {
  let database: Database;
  const extra: Database[] = [];

  const context = (actor: Actor = admin(), more: Partial<AskContext> = {}): AskContext => ({
    plans: new DrizzlePlanDirectory(database.db),
    conversations: new DrizzleConversationStore(database.db),
    actor,
    now: new Date(NOW),
    conversationKey: `test:${actor.id}`,
    ...more,
  });
  const talk = (text: string, actor?: Actor, more?: Partial<AskContext>): Promise<Reply> => ask(context(actor, more), text);

  const count = async (table: Table): Promise<number> => {
    const rows = await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`));
    return Number(rows[0]!.n);
  };
  const counts = async () => Object.fromEntries(await Promise.all((['plans', 'audit_events', 'updates', 'recommendations', 'recommendation_owners'] as const).map(async (t) => [t, await count(t)])));
  const auditOf = async (action: string) =>
    queryRows<{ plan_id: number; actor: string; actor_id: string | null; source: string; before: unknown; after: unknown }>(
      database.db,
      sql`select plan_id, actor, actor_id, source, before, after from audit_events where action = ${action} order by id`,
    );
  const planOf = async (key: string) => (await new DrizzlePlanDirectory(database.db).get(key))!;

  beforeAll(async () => {
    database = await open();
    await seedBundled(database.db, SEEDED_AT);
    await importAs(database.db, AUDIT, '2018-01-15T09:00:00.000Z', 'audit-2018');
  });
  afterAll(async () => {
    for (const db of extra) await db.close();
    await database?.close();
  });

  it('starts with two active plans, listed by `plans`', async () => {
    const plans = await new DrizzlePlanDirectory(database.db).list();
    expect(plans.map((p) => [p.key, p.state])).toEqual([
      ['audit-2018', 'active'],
      ['concerto-2017', 'active'],
    ]);
    const reply = await talk('plans', stranger());
    expect(reply.error).toBeUndefined();
    expect(reply.text.split('\n')[0]).toBe('2 plans:');
    expect(reply.text).toContain('• *audit-2018* — Internal audit 2018 (as of 2018-01-15');
    expect(reply.text).toContain('• *concerto-2017* — ');
  });

  describe('plan create refusals: one message each, nothing written', () => {
    it.each<[string, string, Reply['error'], string | RegExp]>([
      [
        'a bad key',
        'plan create Audit_2019 --title "Audit 2019"',
        'invalid',
        '"audit_2019" cannot be a plan key: use 2 to 40 lower-case letters, digits and single hyphens, starting with a letter, such as audit-2018.',
      ],
      ['a key that starts with a digit', 'plan create 2019-audit --title "Audit 2019"', 'invalid', /^"2019-audit" cannot be a plan key: /],
      [
        'a duplicate key',
        'plan create audit-2018 --title "Internal audit again"',
        'invalid',
        'There is already a plan audit-2018. Choose another key, or `plan set audit-2018 …` to change it.',
      ],
      ['a missing title', 'plan create audit-2019', 'invalid', 'Give the plan a title: `plan create audit-2019 --title "Internal audit 2018"`.'],
      ['an empty title', 'plan create audit-2019 --title ""', 'invalid', /^Give the plan a title: /],
      ['a date that is not one day', 'plan create audit-2019 --title "Audit" --as-of "Q1 2019"', 'invalid', '"Q1 2019" is not one day; give the plan\'s date as e.g. 2018-01-15.'],
      ['an unknown timezone', 'plan create audit-2019 --title "Audit" --timezone Mars/Olympus', 'invalid', /^"Mars\/Olympus" is not a timezone I know/],
    ])('%s', async (_what, text, error, message) => {
      const before = await counts();
      const reply = await talk(text);
      expect(reply.error).toBe(error);
      expect(reply.changed).toBeUndefined();
      if (typeof message === 'string') expect(reply.text).toBe(message);
      else expect(reply.text).toMatch(message);
      expect(reply.text).not.toContain('\n');
      expect(await counts()).toEqual(before);
    });

    it('someone who is no admin cannot create a plan, whatever plan they administer', async () => {
      const before = await counts();
      for (const actor of [stranger(), KAREN, PAT]) {
        const reply = await talk('plan create audit-2019 --title "Audit 2019"', actor);
        expect(reply).toMatchObject({ error: 'not_permitted', text: 'Only an admin (CONCERTO_ADMINS) can create a plan; ask one of them.' });
      }
      expect(await counts()).toEqual(before);
    });
  });

  it('plan create and plan set each write their audit event, with who did it', async () => {
    const created = await talk('plan create hmicfrs-2018 --title "HMICFRS inspection" --as-of 2018-03-01 --timezone Europe/London');
    expect(created).toMatchObject({ changed: true, text: expect.stringMatching(/^Created hmicfrs-2018 — HMICFRS inspection, as of 2018-03-01 \(Europe\/London\)\./) });
    const plan = await planOf('hmicfrs-2018');
    expect(plan).toMatchObject({ key: 'hmicfrs-2018', title: 'HMICFRS inspection', asOf: '2018-03-01', timeZone: 'Europe/London', state: 'active', admins: [], homeChannel: null });
    const createdEvents = (await auditOf('plan_created')).filter((e) => e.plan_id === plan.id);
    expect(createdEvents).toEqual([
      { plan_id: plan.id, actor: 'Admin User', actor_id: null, source: 'cli', before: null, after: { key: 'hmicfrs-2018', title: 'HMICFRS inspection', asOf: '2018-03-01', timeZone: 'Europe/London' } },
    ]);

    const set = await talk('plan set hmicfrs-2018 --home-channel <#C0123ABC|x> --admins U01,U02', { ...admin(), id: 'U0BOSS001', source: 'slack' });
    expect(set).toMatchObject({ changed: true });
    // Ids as mentions or bare: how they are shown is the front end's business.
    expect(set.text).toMatch(/^hmicfrs-2018 is set: .*admins (<@)?U01>?, (<@)?U02>?, home channel (<#)?C0123ABC>?, digest channel none\.$/);
    expect(await planOf('hmicfrs-2018')).toMatchObject({ admins: ['U01', 'U02'], homeChannel: 'C0123ABC', digestChannel: null });
    const changed = (await auditOf('plan_changed')).filter((e) => e.plan_id === plan.id);
    expect(changed).toEqual([
      { plan_id: plan.id, actor: 'Admin User', actor_id: 'U0BOSS001', source: 'slack', before: { admins: [], homeChannel: null }, after: { admins: ['U01', 'U02'], homeChannel: 'C0123ABC' } },
    ]);

    // A channel is home to one plan: taking it for another is refused and writes nothing.
    const before = await counts();
    const taken = await talk('plan set audit-2018 --home-channel C0123ABC');
    expect(taken).toMatchObject({ error: 'invalid', text: expect.stringMatching(/^That channel is already the home of hmicfrs-2018\./) });
    expect(await counts()).toEqual(before);
    expect((await planOf('audit-2018')).homeChannel).toBeNull();

    // Bad settings are refused before anything is written.
    for (const [text, message] of [
      ['plan set hmicfrs-2018 --admins karen', /^"karen" is not a Slack user id\./i],
      ['plan set hmicfrs-2018 --home-channel general', /^"general" is not a Slack channel id\./],
      ['plan set hmicfrs-2018 --digest-channel design', /^"design" is not a Slack channel id\./],
      ['plan set hmicfrs-2018 --admins ursula', /^"ursula" is not a Slack user id\./i],
      ['plan set hmicfrs-2018 --holidays mars', /^"mars" is not a bank holiday calendar/],
      ['plan set hmicfrs-2018 --as-of 2018-04-01', /^A plan's date is the date of its document and does not change/],
      ['plan set hmicfrs-2018 --colour blue', /plan setting "--colour"/],
      ['plan set hmicfrs-2081 --title "x"', /^There is no plan hmicfrs-2081 — did you mean hmicfrs-2018\?$/],
    ] as const) {
      const reply = await talk(text);
      expect.soft(reply.error, text).toBeDefined();
      expect.soft(reply.text, text).toMatch(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('two creates of the same key at once: exactly one plan, the other fails with plan_exists', async () => {
    // A database of its own, so the race's plans stay out of the rest of the suite. On PostgreSQL two
    // connections (two pools), so the unique index decides between two sessions; PGlite has one connection.
    if (name === 'postgres') {
      const url = await createScratchDatabase(postgresUrl!);
      const a = await openDatabase({ url });
      extra.push(a);
      await migrate(a);
      const b = await openDatabase({ url });
      extra.push(b);
      await raceOn(a, b);
    } else {
      const a = await open();
      extra.push(a);
      await raceOn(a, a);
    }

    async function raceOn(a: Database, b: Database) {
      for (const key of ['race-1', 'race-2', 'race-3', 'race-4', 'race-5']) {
        const meta = (who: string) => ({ actor: who, source: 'cli' as const, at: NOW });
        const plan = { key, title: `Race ${key}`, asOf: '2018-02-01', timeZone: 'Europe/London' };
        const results = await Promise.allSettled([new DrizzlePlanDirectory(a.db).create(plan, meta('first')), new DrizzlePlanDirectory(b.db).create(plan, meta('second'))]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won, key).toHaveLength(1);
        expect(lost, key).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(StoreError);
        expect((lost[0]!.reason as StoreError).code).toBe('plan_exists');
        const rows = await queryRows<{ n: number }>(a.db, sql`select count(*)::int as n from plans where key = ${key}`);
        expect(Number(rows[0]!.n)).toBe(1);
        const events = await queryRows<{ n: number }>(a.db, sql`select count(*)::int as n from audit_events e join plans p on p.id = e.plan_id where p.key = ${key} and e.action = 'plan_created'`);
        expect(Number(events[0]!.n), `${key}: one plan_created event`).toBe(1);
      }
    }
  });

  it('two `plan create` turns of the same key at once: one is created, the other is told it exists', async () => {
    const before = await count('plans');
    const [a, b] = await Promise.all([talk('plan create twin-2018 --title "Twin"'), talk('plan create twin-2018 --title "Twin"')]);
    expect([a.changed, b.changed].filter(Boolean)).toHaveLength(1);
    const loser = a.changed ? b : a;
    expect(loser).toMatchObject({ error: 'invalid', text: expect.stringMatching(/^There is already a plan twin-2018\./) });
    expect(await count('plans')).toBe(before + 1);
    // Out of the way: the rest of the suite is about audit-2018 and concerto-2017.
    expect((await talk('plan archive twin-2018')).changed).toBe(true);
  });

  describe('plan admins administer their own plan only', () => {
    beforeAll(async () => {
      const reply = await talk(`plan set audit-2018 --admins ${PAT.id}`);
      expect(reply.changed).toBe(true);
    });

    it('a plan admin can assign in their plan', async () => {
      const reply = await talk('assign 1.2 in audit-2018 Rachel Ruff', PAT);
      expect(reply).toMatchObject({ changed: true, plan: 'audit-2018', text: '[audit-2018] 1.2 is now owned by Rachel Ruff (was Portfolio Office).' });
      expect((await (await planStore(database.db, 'audit-2018')).get('1.2'))!.owners).toEqual(['Rachel Ruff']);
      const audit = await planOf('audit-2018');
      expect((await auditOf('owners_changed')).at(-1)).toMatchObject({
        plan_id: audit.id,
        actor: 'Pat Admin',
        actor_id: PAT.id,
        source: 'slack',
        before: ['Portfolio Office'],
        after: ['Rachel Ruff'],
      });
    });

    it('… but not in another plan, where nothing is written', async () => {
      const before = await counts();
      const reply = await talk('assign 1.1 in concerto-2017 Rachel Ruff', PAT);
      expect(reply).toMatchObject({ error: 'not_permitted', plan: 'concerto-2017' });
      expect(reply.text).toMatch(/^\[concerto-2017\] Only an admin of concerto-2017 can assign owners\./);
      expect(await counts()).toEqual(before);
      expect((await (await planStore(database.db, 'concerto-2017')).get('1.1'))!.owners).not.toContain('Rachel Ruff');
    });

    it('a plan admin can change their plan\'s settings but not another plan\'s, nor create plans', async () => {
      expect((await talk('plan set audit-2018 --digest-channel C0AUDDIG1', PAT)).changed).toBe(true);
      const before = await counts();
      const other = await talk('plan set concerto-2017 --digest-channel C0AUDDIG1', PAT);
      expect(other).toMatchObject({ error: 'not_permitted', text: expect.stringMatching(/^Only an admin of concerto-2017 can change its settings\./) });
      const archive = await talk('plan archive concerto-2017', PAT);
      expect(archive).toMatchObject({ error: 'not_permitted', text: expect.stringMatching(/^Only an admin of concerto-2017 can archive it\./) });
      expect(await counts()).toEqual(before);
    });

    it('a plan admin of one plan reads every plan', async () => {
      const reply = await talk('status 4.2.1 in concerto-2017', PAT);
      expect(reply.error).toBeUndefined();
      expect(reply.text).toMatch(/^\[concerto-2017\] 4\.2\.1 /);
    });
  });

  describe('owners and readers across plans', () => {
    it('an owner changes their own items in either plan', async () => {
      const audit = await talk('update 1.1 in audit-2018 Log template approved by the board', KAREN);
      expect(audit).toMatchObject({ changed: true, plan: 'audit-2018' });
      const bundled = await talk('update 1.1 in concerto-2017 Structure agreed at the SLT', KAREN);
      expect(bundled).toMatchObject({ changed: true, plan: 'concerto-2017' });
      expect((await (await planStore(database.db, 'audit-2018')).get('1.1'))!.updates.at(-1)).toMatchObject({ text: 'Log template approved by the board', author: 'Karen Georgiou' });
      expect((await (await planStore(database.db, 'concerto-2017')).get('1.1'))!.updates.at(-1)).toMatchObject({ text: 'Structure agreed at the SLT', author: 'Karen Georgiou' });
      // The plan named by its title right after the number; none of it becomes the update's text.
      const titled = await talk('update 1.1 in the audit plan Template used at the March board', KAREN);
      expect(titled).toMatchObject({ changed: true, plan: 'audit-2018' });
      expect((await (await planStore(database.db, 'audit-2018')).get('1.1'))!.updates.at(-1)).toMatchObject({ text: 'Template used at the March board' });
    });

    it('… but not items they do not own, in either plan', async () => {
      const before = await counts();
      const reply = await talk('update 6.1 in audit-2018 Lessons shared', KAREN);
      expect(reply).toMatchObject({ error: 'not_permitted', plan: 'audit-2018' });
      expect(reply.text).toMatch(/^\[audit-2018\] Only an owner of 6\.1 \(N\. Shackleton\) or an admin can change it\./);
      expect(await counts()).toEqual(before);
    });

    it('everyone reads every plan', async () => {
      const reader = stranger('Reader One');
      const audit = await talk('status 4.2.1 in audit-2018', reader);
      expect(audit).toMatchObject({ plan: 'audit-2018', items: [{ id: '4.2.1', plan: 'audit-2018' }] });
      expect(audit.text).toMatch(/^\[audit-2018\] 4\.2\.1 \(Finance\): Benefits claimed by projects should be verified by Finance/);
      const bundled = await talk('status 4.2.1 in concerto-2017', reader);
      expect(bundled).toMatchObject({ plan: 'concerto-2017', items: [{ id: '4.2.1', plan: 'concerto-2017' }] });
      expect(bundled.text).not.toContain('Benefits claimed');
      const list = await talk('list everything in audit-2018', reader);
      expect(list.error).toBeUndefined();
      expect(list.items.map((i) => i.id)).toEqual(['1.1', '1.2', '4.2.1', '4.2.2', '5.2', '6.1']);
      expect(list.items.every((i) => i.plan === 'audit-2018')).toBe(true);
    });

    it('an item in both plans, with no plan meant, asks which plan; the answer "1" answers from the first', async () => {
      const reader = stranger('Reader Two');
      const asked = await talk('status 4.2.1', reader);
      expect(asked).toMatchObject({ awaiting: 'choose_plan', choices: ['audit-2018', 'concerto-2017'] });
      expect(asked.text).toMatch(/^4\.2\.1 is in 2 plans\. Which one do you mean\? 1\. audit-2018 — Internal audit 2018 {2}2\. concerto-2017 — /);
      const answered = await talk('1', reader);
      expect(answered).toMatchObject({ plan: 'audit-2018', awaiting: null });
      expect(answered.text).toContain('Benefits claimed by projects');
      // The question is answered: the next "1" is a message of its own.
      expect((await talk('1', reader)).plan).toBeUndefined();
    });

    it('"which plans have 4.2.1?": each plan with the item, what it is there; a number in none says so', async () => {
      for (const q of ['which plans have 4.2.1?', 'which plan is 4.2.1 in?']) {
        const reply = await talk(q, stranger('Reader Holding'));
        expect(reply.error, reply.text).toBeUndefined();
        const lines = reply.text.split('\n');
        expect(lines[0]).toBe('4.2.1 is in 2 plans:');
        expect(lines[1]).toMatch(/^• audit-2018 — Internal audit 2018: Benefits claimed by projects should be verified by Finance/);
        expect(lines[2]).toMatch(/^• concerto-2017 — Concerto Action Plan: A mechanism for capturing/);
        expect(reply.items.map((i) => [i.id, i.plan])).toEqual([['4.2.1', 'audit-2018'], ['4.2.1', 'concerto-2017']]);
      }
      expect((await talk('which plan is 9.3.1 in?', stranger('Reader Holding'))).text.split('\n')[0]).toBe('9.3.1 is only in concerto-2017:');
      const none = await talk('which plans have 99.9?', stranger('Reader Holding'));
      expect(none).toMatchObject({ error: 'not_found' });
      expect(none.text).toMatch(/^No plan has an item 99\.9 \(/);
    });

    it('"which plans is Karen in?", "compare the plans": the plans counted side by side', async () => {
      const karen = await talk('which plans is Karen in?', stranger('Reader Plans Of'));
      // The plan she owns nothing in is left out.
      expect(karen.text.split('\n')[0]).toMatch(/^By plan · owned by Karen Georgiou · as at 1 Feb 2018 — \d+ items, 2 plans$/);
      expect(karen.breakdown?.rows.filter((r) => r.items > 0).map((r) => r.name).sort()).toEqual(['audit-2018', 'concerto-2017']);
      const compared = await talk('compare the plans', stranger('Reader Plans Of'));
      expect(compared.breakdown).toMatchObject({ by: 'plan' });
    });

    it('a summary with no plan meant gives each plan its own counts, grouped by plan', async () => {
      const reply = await talk('how are we doing?', stranger('Reader Summary'));
      expect(reply.error, reply.text).toBeUndefined();
      const sections = reply.text.split('\n\n');
      expect(sections.map((s) => s.split('\n').slice(0, 2).join(' | '))).toEqual([
        '*audit-2018* — Internal audit 2018 | Summary · all items · as at 1 Feb 2018 — 6 items',
        expect.stringMatching(/^\*concerto-2017\* — .* \| Summary · all items · as at 1 Feb 2018 — 30 items$/),
        // The plan created empty by the tests above has nothing to count, and is named.
        'Nothing in hmicfrs-2018.',
      ]);
      for (const s of sections.slice(0, 2)) expect(s).toMatch(/\n• RAG: \d+ red · \d+ amber · \d+ green · \d+ grey\n/);
    });

    it('a count per owner with no plan meant gives each plan its own counts, grouped by plan', async () => {
      const reply = await talk('who has the most overdue items?', stranger('Reader Counts'));
      expect(reply.error, reply.text).toBeUndefined();
      const sections = reply.text.split('\n\n');
      expect(sections.map((s) => s.split('\n')[0])).toEqual([expect.stringMatching(/^\*concerto-2017\* — /), 'Nothing in audit-2018, hmicfrs-2018.']);
      expect(sections[0]).toMatch(/\nBy owner · overdue · as at 1 Feb 2018 — \d+ items, \d+ owners\n• Karen Georgiou — 4 items\n/);
    });

    it('"which plan has the most overdue items?": each active plan with its count, most first', async () => {
      for (const q of ['which plan has the most overdue items?', 'overdue by plan']) {
        const reply = await talk(q, stranger('Reader By Plan'));
        expect(reply.error, reply.text).toBeUndefined();
        const lines = reply.text.split('\n');
        expect(lines[0]).toMatch(/^By plan · overdue · as at 1 Feb 2018 — \d+ items, 3 plans$/);
        expect(lines[1]).toMatch(/^• concerto-2017 — .* — \d+ items$/);
        expect(lines[2]).toBe('• audit-2018 — Internal audit 2018 — 0 items');
        expect(reply.breakdown).toMatchObject({ by: 'plan', rows: [{ name: 'concerto-2017' }, { name: 'audit-2018', items: 0 }, { name: 'hmicfrs-2018', items: 0 }] });
      }
      // A home channel does not narrow a question about the plans themselves.
      expect((await talk('plan set audit-2018 --home-channel <#C0AUDIT01|audit>')).error).toBeUndefined();
      const inChannel = await talk('open items per plan', stranger('Reader By Plan'), { channel: 'C0AUDIT01' });
      expect(inChannel.breakdown?.rows.map((r) => r.name).sort()).toEqual(['audit-2018', 'concerto-2017', 'hmicfrs-2018']);
    });

    it('"across all plans" asks every active plan, over a `use` choice and a home channel', async () => {
      const reader = stranger('Reader Every Plan');
      expect((await talk('use audit-2018', reader)).error).toBeUndefined();
      const reply = await talk("what's overdue across all plans?", reader, { channel: 'C0AUDIT01' });
      expect(reply.error, reply.text).toBeUndefined();
      expect(reply.text.split('\n\n').map((s) => s.split('\n')[0])).toEqual([expect.stringMatching(/^\*concerto-2017\* — /), 'Nothing in audit-2018, hmicfrs-2018.']);
      const asked = await talk('status 4.2.1 in all plans', reader);
      expect(asked).toMatchObject({ awaiting: 'choose_plan', choices: ['audit-2018', 'concerto-2017'] });
      await talk('cancel', reader);
    });

    it('a plan named by words of its title: "in the audit plan", "in the concerto plan"', async () => {
      const reader = stranger('Reader Titles');
      const audit = await talk('status of 4.2.1 in the audit plan', reader);
      expect(audit).toMatchObject({ plan: 'audit-2018', awaiting: null });
      expect(audit.text).toContain('Benefits claimed by projects');
      const listed = await talk("what's in the Concerto plan?", reader);
      expect(listed.error, listed.text).toBeUndefined();
      expect(listed.items.length).toBe(30);
      expect(listed.plan).toBe('concerto-2017');
    });

    it('a heading that is no item in either plan lists the items under it in each plan, grouped by plan', async () => {
      const reply = await talk('status 4.2', stranger('Reader Heading'));
      expect(reply.error, reply.text).toBeUndefined();
      const sections = reply.text.split('\n\n');
      expect(sections.map((s) => s.split('\n').slice(0, 2).join(' | '))).toEqual([
        expect.stringMatching(/^\*audit-2018\* — Internal audit 2018 \| Section 4\.2 · as at .* — 2 items$/),
        expect.stringMatching(/^\*concerto-2017\* — .* \| Section 4\.2 · as at .* — 3 items$/),
      ]);
      expect(reply.text).not.toContain('4.1.1');
    });

    it('an item in one plan only is answered from it without asking', async () => {
      const reply = await talk('status 1.2', stranger('Reader Three'));
      expect(reply).toMatchObject({ plan: 'audit-2018', awaiting: null });
    });

    it('`use KEY` then a question answers from that plan, until another `use`', async () => {
      const reader = stranger('Reader Four');
      const used = await talk('use audit-2018', reader);
      expect(used.text).toBe('Your questions now go to audit-2018 — Internal audit 2018, unless you name another plan or ask in a plan\'s channel.');
      expect(await count('plan_choices')).toBeGreaterThan(0);
      const reply = await talk('status 4.2.1', reader);
      expect(reply).toMatchObject({ plan: 'audit-2018', awaiting: null });
      expect(reply.text).toContain('Benefits claimed by projects');
      // A plan named in the message still wins over the choice.
      expect((await talk('status 4.2.1 in concerto-2017', reader)).plan).toBe('concerto-2017');
      expect((await talk('use concerto-2017', reader)).error).toBeUndefined();
      expect((await talk('status 4.2.1', reader)).plan).toBe('concerto-2017');
      expect(await talk('use audit-2081', reader)).toMatchObject({ error: 'not_found', text: 'There is no plan audit-2081 — did you mean audit-2018?' });
    });

    it('"use the audit plan" chooses by words of its title; "what plan am I using?" says which and why', async () => {
      const reader = stranger('Reader Seven');
      expect((await talk('what plan am I using?', reader)).text).toMatch(/^No one plan: there are \d+ \(audit-2018, .*concerto-2017/);
      expect((await talk('use the internal audit plan', reader)).text).toBe("Your questions now go to audit-2018 — Internal audit 2018, unless you name another plan or ask in a plan's channel.");
      expect((await talk('what plan am I using?', reader)).text).toMatch(/^audit-2018 — Internal audit 2018: you chose it with `use`\./);
      expect((await talk('status 4.2.1', reader)).plan).toBe('audit-2018');
      expect((await talk('switch back to the concerto plan', reader)).error).toBeUndefined();
      expect((await talk('status 4.2.1', reader)).plan).toBe('concerto-2017');
      expect(await talk('use the banana plan', reader)).toMatchObject({ error: 'not_found', text: expect.stringMatching(/^No plan's title has "banana" in it\./) });
    });

    it('a channel\'s home plan is the plan meant there', async () => {
      expect((await talk('plan set audit-2018 --home-channel <#C0AUDIT01|audit>')).changed).toBe(true);
      const reply = await talk('status 4.2.1', stranger('Reader Five'), { channel: 'C0AUDIT01' });
      expect(reply.plan).toBe('audit-2018');
    });

    it('a plan that is not there is named, with the nearest key', async () => {
      const before = await counts();
      const reply = await talk('status 4.2.1 in audit-2081', stranger());
      expect(reply).toMatchObject({ error: 'not_found', text: 'There is no plan audit-2081 — did you mean audit-2018?' });
      expect(await counts()).toEqual(before);
    });
  });

  describe("a plan command's own words", () => {
    it('a title that names a plan is kept whole, not read as the plan the message is about', async () => {
      const created = await talk('plan create review-2019 --title "Review of concerto-2017 findings" --as-of 2019-01-10');
      expect(created.changed, created.text).toBe(true);
      expect((await planOf('review-2019')).title).toBe('Review of concerto-2017 findings');
      const set = await talk('plan set review-2019 --title "Follow-up for hmicfrs-2017 and audit-2018 work"');
      expect(set.changed, set.text).toBe(true);
      expect((await planOf('review-2019')).title).toBe('Follow-up for hmicfrs-2017 and audit-2018 work');
    });

    afterAll(async () => {
      // Out of the way of the archive tests below, however the test above went.
      if (await new DrizzlePlanDirectory(database.db).get('review-2019')) await talk('plan archive review-2019');
    });
  });

  describe('archived plans', () => {
    it('importing into an archived plan is refused, and nothing is written', async () => {
      expect((await talk('plan archive hmicfrs-2018')).changed).toBe(true);
      const before = await counts();
      const plans = new DrizzlePlanDirectory(database.db);
      await expect(importParsed(plans, 'hmicfrs-2018', AUDIT, 'audit-2018.json', { actor: 'import', source: 'import', at: NOW })).rejects.toThrow(PlanTargetError);
      await expect(importParsed(plans, 'hmicfrs-2018', AUDIT, 'audit-2018.json', { actor: 'import', source: 'import', at: NOW })).rejects.toThrow(
        'The plan hmicfrs-2018 is archived, so nothing was imported. `plan restore hmicfrs-2018` first, or import into another plan.',
      );
      expect(await counts()).toEqual(before);
    });

    it('with several plans, an import that names none is refused, and nothing is written', async () => {
      const before = await counts();
      const plans = new DrizzlePlanDirectory(database.db);
      await expect(importParsed(plans, null, AUDIT, 'audit-2018.json', { actor: 'import', source: 'import', at: NOW })).rejects.toThrow(PlanTargetError);
      expect(await counts()).toEqual(before);
    });

    it('archiving writes a plan_changed event; the last active plan cannot be archived', async () => {
      const audit = await planOf('audit-2018');
      const archived = await talk('plan archive audit-2018');
      expect(archived).toMatchObject({ changed: true, text: expect.stringMatching(/^audit-2018 is archived: questions and papers still work/) });
      expect((await auditOf('plan_changed')).filter((e) => e.plan_id === audit.id).at(-1)).toMatchObject({ before: { state: 'active' }, after: { state: 'archived' } });
      expect((await talk('plan archive audit-2018')).text).toBe('audit-2018 is already archived.');

      const before = await counts();
      const last = await talk('plan archive concerto-2017');
      expect(last).toMatchObject({ error: 'invalid', text: 'concerto-2017 is the only active plan, so it cannot be archived. Create or restore another plan first.' });
      expect(await counts()).toEqual(before);
      expect((await planOf('concerto-2017')).state).toBe('active');
    });

    it('an archived plan still answers status and lists', async () => {
      const status = await talk('status 4.2.1 in audit-2018', stranger());
      expect(status.plan, status.text).toBe('audit-2018');
      expect(status.error, status.text).toBeUndefined();
      expect(status.text).toContain('Benefits claimed by projects');
      const list = await talk('list everything in audit-2018', stranger());
      expect(list.items.map((i) => i.id)).toEqual(['1.1', '1.2', '4.2.1', '4.2.2', '5.2', '6.1']);
      const overdue = await talk("what's overdue in audit-2018", stranger(), { now: new Date('2018-06-01T10:00:00Z') });
      expect(overdue.error).toBeUndefined();
      expect(overdue.items.map((i) => i.id)).toEqual(expect.arrayContaining(['1.1', '4.2.1']));
      // With the plan not named, its items are no longer candidates: 4.2.1 is the active plan's.
      expect((await talk('status 4.2.1', stranger('Reader Six'))).plan).toBe('concerto-2017');
    });

    it('an archived plan refuses changes from owners, plan admins and admins alike, and writes nothing', async () => {
      const before = await counts();
      for (const [actor, text] of [
        [admin(), 'update 4.2.1 in audit-2018 Checklist signed off'],
        [KAREN, 'update 4.2.1 in audit-2018 Checklist signed off'],
        [KAREN, 'complete 1.1 in audit-2018 Log in use'],
        [KAREN, 'date 1.1 in audit-2018 end of June 2018'],
        [PAT, 'assign 1.2 in audit-2018 Portfolio Office'],
        [admin(), 'add 7.1 in audit-2018 Something new; theme: Governance; owner: Portfolio Office; due: June 2018'],
      ] as const) {
        const reply = await talk(text, actor);
        expect(reply.error, text).toBe('not_permitted');
        expect(reply.text, text).toBe('[audit-2018] The plan audit-2018 is archived, so it takes no changes. An admin can `plan restore audit-2018` to change it again.');
      }
      expect(await counts()).toEqual(before);
    });

    it('restoring makes it take changes again', async () => {
      expect((await talk('plan restore audit-2018')).changed).toBe(true);
      const reply = await talk('update 4.2.1 in audit-2018 Checklist signed off', KAREN);
      expect(reply).toMatchObject({ changed: true, plan: 'audit-2018' });
    });

    it('"the audit plan" with two audit plans asks which of the two, and the answer reads the question in it', async () => {
      expect((await talk('plan create audit-2019 --title "Internal audit 2019"')).changed).toBe(true);
      const reader = stranger('Reader Two Audits');
      const asked = await talk("what's overdue in the audit plan?", reader);
      expect(asked).toMatchObject({ awaiting: 'choose_plan', choices: ['audit-2018', 'audit-2019'] });
      const answered = await talk('1', reader);
      expect(answered.error, answered.text).toBeUndefined();
      expect(answered.plan).toBe('audit-2018');
      expect(answered.text).toMatch(/^\[audit-2018\] Overdue · as at /);
      expect((await talk('plan archive audit-2019')).changed).toBe(true);
    });
  });
});
