import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS } from '../../src/core/reminders/settings.js';
import { drainOutbox } from '../../src/scheduler/dispatcher.js';
import { runTick } from '../../src/scheduler/tick.js';
import { ACTION } from '../../src/slack/ids.js';
import { slackNotifier } from '../../src/slack/notifier.js';
import { OutboxStore } from '../../src/store/outbox-store.js';
import { queryRows } from '../../src/store/query-rows.js';
import type { FakeCall } from '../helpers/fake-slack.js';
import {
  ADMIN, AUDIT, AUDIT_DIGEST, AUDIT_HOME, BOB, CAROL, command, CONCERTO, DAVE, DEFAULT_DIGEST, ELSEWHERE, KAREN, MONDAY_0930,
  preferenceRows, startManyPlans, type ManyPlans,
} from '../helpers/many-plans.js';
import { manualClock, outboxRows } from '../helpers/reminders.js';
import { allText, blockTexts, buttons, callAfter, responseTo, settle } from '../helpers/slack-app.js';

/**
 * Many plans through the real Slack app (Bolt's HTTP receiver, signed requests, the strict fake Web API):
 * the bundled concerto-2017 and audit-2018, which share the numbers 1.1, 4.2.1 and 5.2. Which plan a
 * message means comes from the channel's home plan, the person's `use`, or a choice the app asks for;
 * App Home, digests and nudges say which plan they are about; an archived plan takes no changes.
 */

let m: ManyPlans;
beforeAll(async () => {
  m = await startManyPlans();
});
afterAll(async () => m?.t.stop());

/** The answer to `status 4.2.1` from each plan, as the first line of the reply. */
const AUDIT_421 = '[audit-2018] 4.2.1 (Finance): Benefits claimed by projects should be verified by Finance before they are reported to the board.';
const CONCERTO_421 = /^\[concerto-2017\] 4\.2\.1 \(ICT\): A mechanism for capturing and prioritising all current demands/;
const WHICH_PLAN = /^4\.2\.1 is in 2 plans\. Which one do you mean\? 1\. audit-2018 — Internal audit 2018 {2}2\. concerto-2017 — Concerto Action Plan/;

const choiceButtons = (blocks: unknown) => buttons(blocks).filter((b) => b.action_id === ACTION.choose);

describe('a plan’s home channel', () => {
  it('`/concerto status 4.2.1` in audit-2018’s home channel answers from audit-2018; elsewhere, with no `use`, it asks which plan', async () => {
    const home = await command(m.t, BOB, 'status 4.2.1', AUDIT_HOME);
    expect(home.text).toBe(AUDIT_421);
    expect(home.blocks[0].text.text).toContain('Owners: Karen Georgiou, Finance Business Partner');
    expect(choiceButtons(home.blocks)).toEqual([]);

    const elsewhere = await command(m.t, BOB, 'status 4.2.1', ELSEWHERE);
    expect(elsewhere.text).toMatch(WHICH_PLAN);
    expect(allText(elsewhere)).not.toContain('Benefits claimed');
    expect(allText(elsewhere)).not.toContain('A mechanism for capturing');
  });

  it('a plan named in the question beats the channel’s home plan', async () => {
    const named = await command(m.t, BOB, 'status 4.2.1 in concerto-2017', AUDIT_HOME);
    expect(named.text).toMatch(CONCERTO_421);
  });

  /** Puts audit-2018's settings back as the setup left them, whatever a test changed. */
  const restore = () => m.plans.update(m.audit.id, { homeChannel: AUDIT_HOME, digestChannel: AUDIT_DIGEST, admins: [] }, { actor: 'test', source: 'cli', at: MONDAY_0930 });

  it('an admin moves audit-2018’s home channel with `/concerto plan set`; questions follow it; a non-admin is refused', async () => {
    const { t, plans } = m;
    try {
      const refused = await command(t, BOB, 'plan set audit-2018 --home-channel C0AUDIT02', AUDIT_HOME);
      expect(refused.text).toBe('Only an admin of audit-2018 can change its settings. Its admins are listed by `plans` and in CONCERTO_ADMINS; ask one of them.');
      expect((await plans.get(AUDIT))!.homeChannel).toBe(AUDIT_HOME);

      const set = await command(t, ADMIN, 'plan set audit-2018 --home-channel C0AUDIT02');
      expect(set.text).toMatch(/^audit-2018 is set: /);
      // (The reply's own <#C…> markup reaches Slack escaped; only the ids are checked here.)
      expect(set.text).toMatch(/home channel C0AUDIT02/);
      expect(set.text).toMatch(new RegExp(`digest channel ${AUDIT_DIGEST}`));
      expect((await plans.get(AUDIT))!).toMatchObject({ homeChannel: 'C0AUDIT02', digestChannel: AUDIT_DIGEST });
      expect((await command(t, BOB, 'status 4.2.1', 'C0AUDIT02')).text).toBe(AUDIT_421);
      // The old home channel is nobody's home any more.
      expect((await command(t, BOB, 'status 4.2.1', AUDIT_HOME)).text).toMatch(WHICH_PLAN);
    } finally {
      await restore();
    }
  });

  it('`plan set` reads channels and people as Slack sends them from a typed #channel or @person (<#C…|name>, <@U…|name>)', async () => {
    const { t, plans } = m;
    try {
      await plans.update(m.audit.id, { homeChannel: null }, { actor: 'test', source: 'cli', at: MONDAY_0930 });
      // Typed in Slack as "#audit" and "@dave", the command (should_escape: true) arrives with Slack's markup.
      const set = await command(t, ADMIN, `plan set audit-2018 --home-channel <#${AUDIT_HOME}|audit> --admins <@${DAVE}|dave>`);
      expect(set.text).toMatch(/^audit-2018 is set: /);
      expect((await plans.get(AUDIT))!).toMatchObject({ homeChannel: AUDIT_HOME, admins: [DAVE] });
      expect((await command(t, BOB, 'status 4.2.1', AUDIT_HOME)).text).toBe(AUDIT_421);
    } finally {
      await restore();
    }
  });

  it('a plan admin administers that plan only', async () => {
    const { t, plans } = m;
    try {
      expect((await command(t, ADMIN, `plan set audit-2018 --admins ${DAVE}`)).text).toMatch(/^audit-2018 is set: /);
      expect((await plans.get(AUDIT))!.admins).toEqual([DAVE]);
      expect((await command(t, DAVE, 'plan set audit-2018 --digest-channel C0AUDDIG2')).text).toMatch(/^audit-2018 is set: /);
      expect((await plans.get(AUDIT))!.digestChannel).toBe('C0AUDDIG2');
      expect((await command(t, DAVE, 'plan set concerto-2017 --digest-channel C0AUDDIG2')).text).toMatch(/^Only an admin of concerto-2017 can change its settings\./);
      expect((await plans.get(CONCERTO))!.digestChannel).toBeNull();
    } finally {
      await restore();
    }
  });
});

describe('an id in two plans, with no plan meant', () => {
  it('the reply offers one choose button per plan; pressing audit-2018’s answers 4.2.1 from audit-2018', async () => {
    const { t } = m;
    const asked = await command(t, BOB, 'status 4.2.1', ELSEWHERE);
    expect(asked.text).toMatch(WHICH_PLAN);
    expect(choiceButtons(asked.blocks)).toEqual([
      { action_id: ACTION.choose, text: AUDIT, value: AUDIT },
      { action_id: ACTION.choose, text: CONCERTO, value: CONCERTO },
    ]);

    const url = t.fake.responseUrl('choose-audit');
    const click = await t.client.interaction(t.client.blockAction({ user: BOB, action_id: ACTION.choose, value: AUDIT, channel: ELSEWHERE, response_url: url }));
    expect(click).toMatchObject({ status: 200, body: '' });
    const answer = (await responseTo(t.fake, url)).body;
    expect(answer.text).toBe(AUDIT_421);
    expect(answer.blocks[0].text.text).toContain('Status: On-going — OVERDUE (the delivery window ended 30 Apr 2018)');
    expect(choiceButtons(answer.blocks)).toEqual([]);
    // The choice answered the question; it did not become Bob's default.
    expect((await command(t, BOB, 'status 4.2.1', ELSEWHERE)).text).toMatch(WHICH_PLAN);
  });

  it('by DM too: the reply carries the buttons, and pressing concerto-2017’s answers from concerto-2017', async () => {
    const { t } = m;
    const dm = `D${DAVE}`;
    const { call } = await callAfter(t.fake, 'chat.postMessage', () => t.client.event(t.client.directMessage({ user: DAVE, text: 'status 4.2.1', channel: dm })), (c) => c.body.channel === dm);
    expect(call.body.text).toMatch(WHICH_PLAN);
    expect(choiceButtons(call.body.blocks).map((b) => b.value)).toEqual([AUDIT, CONCERTO]);

    const url = t.fake.responseUrl('choose-concerto-dm');
    await t.client.interaction(t.client.blockAction({ user: DAVE, action_id: ACTION.choose, value: CONCERTO, channel: dm, response_url: url }));
    expect((await responseTo(t.fake, url)).body.text).toMatch(CONCERTO_421);
  });
});

describe('the update modal’s plan picker', () => {
  it('`/concerto update 4.2.1` with no plan meant opens a modal that asks which plan; a pick fills that modal with the plan’s form', async () => {
    const { t } = m;
    const { call: asked } = await callAfter(t.fake, 'views.update', () => t.client.command({ text: 'update 4.2.1', user_id: ADMIN, channel_id: ELSEWHERE }));
    const picker = asked.body.view;
    expect(JSON.stringify(picker.blocks)).toContain('4.2.1 is in 2 plans. Which one?');
    const picks = buttons(picker.blocks).filter((b) => b.action_id === ACTION.openUpdate);
    expect(picks.map((b) => b.value)).toEqual([`${AUDIT}/4.2.1`, `${CONCERTO}/4.2.1`]);
    expect(picker.blocks.some((b: { type: string }) => b.type === 'input')).toBe(false);

    const viewId = asked.body.view_id as string;
    const { call: form } = await callAfter(t.fake, 'views.update', () =>
      t.client.interaction(t.client.blockAction({ user: ADMIN, action_id: ACTION.openUpdate, value: picks[0]!.value, view: { id: viewId, type: 'modal', callback_id: 'concerto_update_loading' } })),
    );
    // The same modal, now the form for audit-2018's 4.2.1; its metadata carries the plan to the submission.
    expect(form.body.view_id).toBe(viewId);
    expect(JSON.parse(form.body.view.private_metadata).plan).toBe(AUDIT);
    expect(form.body.view.blocks.some((b: { type: string }) => b.type === 'input')).toBe(true);
  });
});

describe('`/concerto use`', () => {
  it('`use audit-2018` makes it the default elsewhere; `use concerto-2017` switches; an unknown key lists the plans and changes nothing', async () => {
    const { t } = m;
    const chose = await command(t, CAROL, 'use audit-2018');
    expect(chose.text).toBe("Your questions now go to audit-2018 — Internal audit 2018, unless you name another plan or ask in a plan's channel.");

    const audit = await command(t, CAROL, 'status 4.2.1', ELSEWHERE);
    expect(audit.text).toBe(AUDIT_421);
    expect(choiceButtons(audit.blocks)).toEqual([]);

    const switched = await command(t, CAROL, 'use concerto-2017');
    expect(switched.text).toMatch(/^Your questions now go to concerto-2017 — Concerto Action Plan/);
    expect((await command(t, CAROL, 'status 4.2.1', 'C0ANOTHER')).text).toMatch(CONCERTO_421);

    const unknown = await command(t, CAROL, 'use hmicfrs-2081');
    expect(unknown.text).toBe('There is no plan hmicfrs-2081. The plans are: audit-2018, concerto-2017.');
    expect((await command(t, CAROL, 'status 4.2.1', ELSEWHERE)).text).toMatch(CONCERTO_421);

    // A plan's home channel still wins over the person's default.
    expect((await command(t, CAROL, 'status 4.2.1', AUDIT_HOME)).text).toBe(AUDIT_421);
  });
});

describe('App Home across plans', () => {
  it('shows Karen’s items of both plans, each plan’s after a context line naming it, in plan order, and the other plans in brief', async () => {
    const { t } = m;
    const { call } = await callAfter(t.fake, 'views.publish', () => t.client.event(t.client.appHomeOpened({ user: KAREN })), (c) => c.body.user_id === KAREN);
    const view = call.body.view;
    expect(view.type).toBe('home');

    // Walk "Your items" up to the glance: a context "*key*" opens a plan's group, each item section joins it.
    const blocks = view.blocks as Array<Record<string, any>>;
    const from = blocks.findIndex((b) => b.type === 'header' && b.text.text === 'Your items');
    const to = blocks.findIndex((b, i) => i > from && b.type === 'divider');
    expect(from).toBeGreaterThan(-1);
    const groups: Array<{ plan: string; items: string[] }> = [];
    for (const b of blocks.slice(from + 1, to)) {
      const planLine = b.type === 'context' ? /^\*([a-z][a-z0-9-]*)\*$/.exec(b.elements[0].text) : null;
      if (planLine) groups.push({ plan: planLine[1]!, items: [] });
      else if (b.type === 'section') {
        const id = /^\S+ \*(\d+(?:\.\d+)*)\*/.exec(b.text.text)?.[1];
        expect(groups.length, `an item before any plan line: ${b.text.text}`).toBeGreaterThan(0);
        if (id) groups.at(-1)!.items.push(id);
      }
    }
    expect(groups.map((g) => g.plan)).toEqual([AUDIT, CONCERTO]);
    expect(groups[0]!.items.sort()).toEqual(['1.1', '4.2.1']);
    expect(groups[1]!.items.sort()).toEqual(['1.1', '3.4', '3.6', '4.0.1', '4.0.2', '5.1', '5.2', '5.3', '7.1']);
    // Each item's buttons name its plan, so 1.1 of one plan is never taken for 1.1 of the other.
    const values = buttons(view.blocks).map((b) => b.value);
    expect(values).toContain('audit-2018/1.1');
    expect(values).toContain('concerto-2017/1.1');
    expect(values.every((v) => /^(audit-2018|concerto-2017)\/\d/.test(v))).toBe(true);

    const text = blockTexts(view.blocks).join('\n');
    expect(text).toMatch(/Other plans:\n\*concerto-2017\* — Concerto Action Plan: 30 items, \d+ overdue/);
  });
});

describe('the scheduler: a digest per plan channel, nudges that name their plan', () => {
  const posts = () => m.t.fake.callsTo('chat.postMessage').filter((c) => !c.fault);
  const digestsTo = (channel: string) => posts().filter((c) => c.body.channel === channel && !c.body.thread_ts);
  let nudges: FakeCall[] = [];

  beforeAll(async () => {
    const { t } = m;
    await settle(t.fake);
    const from = t.fake.calls.length;
    const tick = await runTick(t.services.database, new Date(MONDAY_0930), { ...DEFAULT_REMINDER_SETTINGS, digestChannel: DEFAULT_DIGEST });
    expect(tick.skipped).toBe(false);
    const clock = manualClock(MONDAY_0930);
    const counts = await drainOutbox(new OutboxStore(t.services.database.db), slackNotifier({ botToken: 'xoxb-test', apiUrl: t.fake.url }), clock, async (ms) => clock.advance(ms));
    expect(counts).toMatchObject({ deferred: 0, dead: 0, unknown: 0 });
    nudges = t.fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.body.channel === KAREN);
  });

  it('queues each plan’s messages under keys that start with the plan’s key, and sends every one', async () => {
    const rows = await outboxRows(m.t.services.database);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(rows.every((r) => r.key.startsWith(`${AUDIT}/`) || r.key.startsWith(`${CONCERTO}/`))).toBe(true);
    expect(rows.filter((r) => r.kind === 'digest').map((r) => r.key).sort()).toEqual([
      `${AUDIT}/digest:${AUDIT_DIGEST}:2018-06-04`,
      `${CONCERTO}/digest:${DEFAULT_DIGEST}:2018-06-04`,
    ]);
    // Every row, the digests' threaded details too, carries its plan's id.
    const planOf = await queryRows<{ key: string; plan_id: number | null }>(m.t.services.database.db, sql`select key, plan_id from outbox`);
    for (const r of planOf) expect(Number(r.plan_id), r.key).toBe(r.key.startsWith(`${AUDIT}/`) ? m.audit.id : m.concerto.id);
  });

  it('audit-2018’s digest goes to its own channel and concerto-2017’s to CONCERTO_DIGEST_CHANNEL, each headed with its plan', () => {
    const audit = digestsTo(AUDIT_DIGEST);
    const concerto = digestsTo(DEFAULT_DIGEST);
    expect(audit).toHaveLength(1);
    expect(concerto).toHaveLength(1);
    expect(audit[0]!.body.blocks[0].text.text).toBe('*Weekly digest — audit-2018: Internal audit 2018, 4 Jun 2018*');
    expect(concerto[0]!.body.blocks[0].text.text).toBe('*Weekly digest — concerto-2017: Concerto Action Plan, 4 Jun 2018*');
    expect(audit[0]!.body.text).toMatch(/^Weekly digest — audit-2018: Internal audit 2018, 4 Jun 2018: 3 overdue/);
    // Each plan's details follow in its own channel's thread, listing that plan's items only.
    const details = (channel: string, ts: string) => allText(posts().filter((c) => c.body.channel === channel && c.body.thread_ts === ts).map((c) => c.body.blocks));
    const auditDetails = details(AUDIT_DIGEST, audit[0]!.response!.ts);
    expect(auditDetails).toContain('Benefits claimed by projects should be verified by Finance');
    expect(auditDetails).not.toContain('BCH needs to consider');
    expect(details(DEFAULT_DIGEST, concerto[0]!.response!.ts)).toContain('BCH needs to consider');
    // No digest anywhere else.
    expect(posts().filter((c) => /^Weekly digest —/.test(c.body.text ?? '')).map((c) => c.body.channel).sort()).toEqual([AUDIT_DIGEST, DEFAULT_DIGEST].sort());
  });

  it('a nudge to Karen about audit-2018’s 4.2.1 shows "Plan: audit-2018" and its buttons carry audit-2018/4.2.1', () => {
    const about = nudges.filter((c) => /^4\.2\.1 is /.test(c.body.text));
    expect(about).toHaveLength(1);
    const body = about[0]!.body;
    expect(blockTexts(body.blocks)).toContain('Plan: *audit-2018* — Internal audit 2018');
    expect(buttons(body.blocks).map((b) => [b.action_id, b.value])).toEqual([
      [ACTION.openUpdate, 'audit-2018/4.2.1'],
      [ACTION.complete, 'audit-2018/4.2.1'],
      [ACTION.changeDate, 'audit-2018/4.2.1'],
      [ACTION.snooze, 'audit-2018/4.2.1'],
      [ACTION.mute, 'audit-2018/4.2.1'],
    ]);
    // Karen owns a 1.1 in each plan: two nudges, each naming its own plan.
    const onePointOne = nudges.filter((c) => /^1\.1 is /.test(c.body.text)).map((c) => blockTexts(c.body.blocks).find((s) => s.startsWith('Plan: ')));
    expect(onePointOne.sort()).toEqual(['Plan: *audit-2018* — Internal audit 2018', 'Plan: *concerto-2017* — Concerto Action Plan']);
  });

  it('"Snooze a week" on the audit-2018 nudge about 1.1 stores the preference for audit-2018 only', async () => {
    const { t } = m;
    const nudge = nudges.find((c) => /^1\.1 is /.test(c.body.text) && allText(c.body.blocks).includes('Plan: *audit-2018*'))!;
    const snooze = buttons(nudge.body.blocks).find((b) => b.action_id === ACTION.snooze)!;
    expect(snooze.value).toBe('audit-2018/1.1');
    expect(await preferenceRows(t)).toEqual([]);

    const url = t.fake.responseUrl('snooze-audit-1.1');
    const click = await t.client.interaction(t.client.blockAction({ user: KAREN, action_id: ACTION.snooze, value: snooze.value, channel: `D${KAREN}`, response_url: url }));
    expect(click.status).toBe(200);
    expect((await responseTo(t.fake, url)).body.text).toBe('[audit-2018] Snoozed: no nudges about 1.1 until 11 Jun 2018. Re-dating or reopening it starts them again.');
    expect(await preferenceRows(t)).toEqual([{ planId: m.audit.id, item: '1.1', recipient: KAREN, snoozedUntil: '2018-06-11', muted: false }]);
    expect(m.audit.id).not.toBe(m.concerto.id);
  });
});

describe('an archived plan', () => {
  it('a non-admin cannot archive a plan', async () => {
    const refused = await command(m.t, BOB, 'plan archive concerto-2017');
    expect(refused.text).toBe('Only an admin of concerto-2017 can archive it. Its admins are listed by `plans` and in CONCERTO_ADMINS; ask one of them.');
    expect((await m.plans.get(CONCERTO))!.state).toBe('active');
  });

  it('an admin archives audit-2018; a change to its 4.2.1 is then refused as archived, while questions still work', async () => {
    const { t, plans } = m;
    const archived = await command(t, ADMIN, 'plan archive audit-2018');
    expect(archived.text).toBe('audit-2018 is archived: questions and papers still work; changes, nudges and digests stop. `plan restore audit-2018` undoes it.');
    expect((await plans.get(AUDIT))!.state).toBe('archived');

    const updates = await t.count('updates');
    const before = (await plans.store((await plans.get(AUDIT))!).get('4.2.1'))!;
    for (const text of ['complete 4.2.1 in audit-2018', 'update 4.2.1 in audit-2018 done']) {
      const answer = await command(t, KAREN, text);
      expect(answer.text, text).toMatch(/The plan audit-2018 is archived, so it takes no changes/);
    }
    // Karen's change in the archived plan's home channel is refused the same way.
    expect((await command(t, KAREN, 'complete 4.2.1', AUDIT_HOME)).text).toMatch(/The plan audit-2018 is archived, so it takes no changes/);
    expect(await t.count('updates')).toBe(updates);
    expect(await plans.store((await plans.get(AUDIT))!).get('4.2.1')).toEqual(before);

    expect((await command(t, BOB, 'status 4.2.1 in audit-2018')).text).toBe(AUDIT_421);
  });

  it('an archived plan gets no nudges and no digest on the next Monday', async () => {
    const tick = await runTick(m.t.services.database, new Date('2018-06-11T08:30:00Z'), { ...DEFAULT_REMINDER_SETTINGS, digestChannel: DEFAULT_DIGEST }, true);
    expect(tick.messages.filter((x) => x.key.startsWith(`${AUDIT}/`))).toEqual([]);
    expect(tick.messages.some((x) => x.key === `${CONCERTO}/digest:${DEFAULT_DIGEST}:2018-06-11`)).toBe(true);
  });
});
