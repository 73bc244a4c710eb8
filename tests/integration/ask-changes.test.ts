import { queryRows } from '../../src/store/query-rows.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedBundledPlan } from '../../src/app/plan-loading.js';
import { ask } from '../../src/core/ask/ask.js';
import type { AskContext } from '../../src/core/ask/context.js';
import { DrizzleConversationStore } from '../../src/store/conversation-store.js';
import { openDatabase } from '../../src/store/database.js';
import { migrate } from '../../src/store/migrate.js';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { admin, DEFAULT_NOW, ids, openAsk, owner, SEEDED_AT, stranger, type AskHarness, type TalkOptions } from '../helpers/ask.js';
import { planStore } from '../helpers/plan-stores.js';

/** Changes through `ask()`: the update conversation, one-shot commands, permissions and bad input. */

const SHACKLETON = owner('N. Shackleton');
const ns: TalkOptions = { actor: SHACKLETON };
const KEY = `test:${SHACKLETON.id}`;
const NO_DATE = { text: '', start: null, end: null, precision: 'none' };

/** Everything a change could touch, for "nothing changed" checks. */
async function snapshot(h: AskHarness, recId: string) {
  return {
    rec: await h.store.get(recId),
    history: (await h.store.history(recId)).length,
    updates: await h.count('updates'),
    audits: await h.count('audit_events'),
    dates: await h.count('delivery_dates'),
    recs: await h.count('recommendations'),
    owners: await h.count('owners'),
  };
}

describe('the update conversation, start to finish', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: SHACKLETON });
  });
  afterAll(async () => h?.close());

  it('asks for the text, status and date, echoes the date, and saves one audited change', async () => {
    const before = (await h.store.get('4.2.1'))!;
    expect(before.status).toBe('on_going');
    expect(before.delivery).toEqual(NO_DATE);

    const start = await h.talk('update 4.2.1', ns);
    expect(start.awaiting).toBe('update_text');
    expect(ids(start)).toEqual(['4.2.1']);
    expect(start.text).toContain("What's the update on 4.2.1?");

    const text = await h.talk('Prioritised demand list circulated to the DCB', ns);
    expect(text.awaiting).toBe('status');
    expect(text.choices).toEqual(['Awaiting decision', 'Complete', 'Not being implemented', 'No change']);
    expect(text.text).toContain('Status is On-going. Does it change? 1. Awaiting decision  2. Complete  3. Not being implemented');

    const status = await h.talk('awaiting decision', ns);
    expect(status.awaiting).toBe('delivery_date');
    expect(status.text).toContain('Delivery date is (no delivery date given). Has it moved?');

    const date = await h.talk('end of next month', ns);
    expect(date.awaiting).toBe('confirm_date');
    expect(date.choices).toEqual(['Yes', 'No']);
    expect(date.text).toBe('I read "end of next month" as by 30 Nov 2017. Is that right? (`yes` / `no`, or type the date again)');

    // Nothing is written until the last answer.
    expect(await h.store.get('4.2.1')).toEqual(before);

    const saved = await h.talk('yes', ns);
    expect(saved.awaiting).toBeNull();
    expect(saved.error).toBeUndefined();
    expect(saved.text.split('\n')).toEqual([
      'Saved 4.2.1:',
      '• update recorded, dated 4 Oct 2017',
      '• status On-going → Awaiting decision',
      '• delivery date (none given) → "end of next month" (by 30 Nov 2017)',
      '• baseline kept: (no delivery date given)',
    ]);
    expect(saved.items[0]).toMatchObject({ id: '4.2.1', status: 'awaiting_decision', delivery: { text: 'end of next month', end: '2017-11-30' } });
    expect(await h.conversations.load(KEY, DEFAULT_NOW)).toBeNull();

    const after = (await h.store.get('4.2.1'))!;
    expect(after.status).toBe('awaiting_decision');
    expect(after.delivery).toEqual({ text: 'end of next month', start: '2017-11-30', end: '2017-11-30', precision: 'day' });
    expect(after.baseline).toEqual(NO_DATE);
    expect(after.revisions).toBe(1);
    expect(after.updates).toHaveLength(before.updates.length + 1);
    expect(after.updates.at(-1)).toEqual({ date: '2017-10-04', author: 'N. Shackleton', text: 'Prioritised demand list circulated to the DCB', evidence: null, source: 'cli' });

    // One change: three events committed under one instant by one actor.
    const events = (await h.store.history('4.2.1')).slice(1);
    expect(events.map((e) => [e.action, e.actor, e.source, e.at])).toEqual([
      ['update_posted', 'N. Shackleton', 'cli', '2017-10-04T10:00:00.000Z'],
      ['status_changed', 'N. Shackleton', 'cli', '2017-10-04T10:00:00.000Z'],
      ['date_revised', 'N. Shackleton', 'cli', '2017-10-04T10:00:00.000Z'],
    ]);
  });

  it('"yes" to "does it change?" asks which status; a question typed mid-update keeps the update open rather than being read as an answer', async () => {
    const before = (await h.store.get('4.2.1'))!;
    await h.talk('update 4.2.1', ns);
    await h.talk('Demand list reviewed', ns);
    const yes = await h.talk('yes', ns);
    expect(yes.awaiting).toBe('status');
    expect(yes.text.split('\n')[0]).toBe('To which status? Type its number or its name.');
    for (const typed of ["what's overdue?", 'status 4.2.2']) {
      const asked = await h.talk(typed, ns);
      expect(asked.awaiting, typed).toBe('status');
      expect(asked.text.split('\n')[0], typed).toBe('Your update on 4.2.1 is still open, so that was not read as an answer. Answer the question below to finish it, or `cancel` (nothing is saved) and ask again.');
    }
    expect((await h.talk('yes, it is on-going', ns)).awaiting).toBe('delivery_date');
    expect((await h.talk('who owns 4.2.2?', ns)).text.split('\n')[0]).toBe('Your update on 4.2.1 is still open, so that was not read as an answer. Answer the question below to finish it, or `cancel` (nothing is saved) and ask again.');
    expect((await h.talk('cancel', ns)).text).toBe('Cancelled — nothing was saved to 4.2.1.');
    expect(await h.store.get('4.2.1')).toEqual(before);
  });

  it('history mentions who, the status change, the date revision and the baseline', async () => {
    const reply = await h.talk('history 4.2.1', ns);
    const lines = reply.text.split('\n');
    expect(lines[0]).toBe('History of 4.2.1:');
    expect(lines).toContain('Baseline delivery date: (no delivery date given)');
    expect(lines).toContain('Current delivery date: end of next month (by 30 Nov 2017) (revised 1×)');
    // Times are shown in the plan's timezone: 10:00 UTC is 11:00 BST.
    expect(lines).toContain('• 4 Oct 2017 11:00 — N. Shackleton (cli): update dated 4 Oct 2017: "Prioritised demand list circulated to the DCB"');
    expect(lines).toContain('• 4 Oct 2017 11:00 — N. Shackleton (cli): status On-going → Awaiting decision');
    expect(lines).toContain('• 4 Oct 2017 11:00 — N. Shackleton (cli): delivery date (no delivery date given) → end of next month (by 30 Nov 2017)');
    expect(lines).toContain('• 4 Oct 2017 10:00 — seed (import): added from the plan file, On-going, delivery (no delivery date given), with 1 update');
  });

  it('status shows the new status, the new date and the baseline', async () => {
    const lines = (await h.talk('status 4.2.1', ns)).text.split('\n');
    expect(lines).toContain('Status: Awaiting decision');
    expect(lines).toContain('Delivery: end of next month (by 30 Nov 2017)');
    expect(lines).toContain('Baseline delivery: (no delivery date given) — revised 1 time');
    expect(lines.at(-1)).toBe('— 4 Oct 2017, N. Shackleton: Prioritised demand list circulated to the DCB');
  });

  it('keeps the baseline row in the store untouched', async () => {
    const list = await queryRows<{ seq: number; text: string; end: string | null }>(h.database.db, sql`select seq, text, "end" from delivery_dates where rec_id = '4.2.1' order by seq`);
    expect(list.map((r) => [r.seq, r.text, r.end === null ? null : String(r.end).slice(0, 10)])).toEqual([
      [0, '', null],
      [1, 'end of next month', '2017-11-30'],
    ]);
    const exported = (await h.store.exportPlan())!.recommendations.find((r) => r.id === '4.2.1')!;
    expect(exported).toMatchObject({ delivery: 'end of next month', baseline: '', status: 'awaiting_decision' });
  });
});

describe('skip, back, cancel and re-asked questions', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: SHACKLETON });
  });
  afterAll(async () => h?.close());
  afterEach(async () => {
    await h.conversations.clear(KEY);
    await h.conversations.clear(`test:${owner('Karen Georgiou').id}`);
  });

  it('skip at every step saves nothing', async () => {
    const before = await snapshot(h, '4.2.2');
    expect((await h.talk('update 4.2.2', ns)).awaiting).toBe('update_text');
    expect((await h.talk('skip', ns)).awaiting).toBe('status');
    expect((await h.talk('skip', ns)).awaiting).toBe('delivery_date');
    const done = await h.talk('skip', ns);
    expect(done.awaiting).toBeNull();
    expect(done.text).toBe('Nothing to save — 4.2.2 is unchanged.');
    expect(await snapshot(h, '4.2.2')).toEqual(before);
  });

  it('skipping the text and the status saves only the new date', async () => {
    const before = (await h.store.get('4.2.2'))!;
    await h.talk('update 4.2.2', ns);
    await h.talk('skip', ns);
    expect((await h.talk('no', ns)).awaiting).toBe('delivery_date');
    expect((await h.talk('Q1 2018', ns)).text).toContain('I read "Q1 2018" as 1 Jan – 31 Mar 2018.');
    const saved = await h.talk('yes', ns);
    expect(saved.text.split('\n')).toEqual([
      'Saved 4.2.2:',
      '• delivery date (none given) → "Q1 2018" (1 Jan – 31 Mar 2018)',
      '• baseline kept: (no delivery date given)',
    ]);
    const after = (await h.store.get('4.2.2'))!;
    expect(after.updates).toEqual(before.updates);
    expect(after.status).toBe('on_going');
    expect(after.delivery).toEqual({ text: 'Q1 2018', start: '2018-01-01', end: '2018-03-31', precision: 'quarter' });
    expect(after.baseline).toEqual(NO_DATE);
  });

  it('a status chosen by number: "2" from On-going is Complete, which closes the item and skips the date', async () => {
    await h.talk('update 4.2.2', ns);
    await h.talk('Supplier shortlist agreed', ns);
    const saved = await h.talk('2', ns);
    expect(saved.awaiting).toBeNull();
    expect(saved.text.split('\n')).toEqual(['Saved 4.2.2:', '• update recorded, dated 4 Oct 2017', '• status On-going → Complete']);
    const after = (await h.store.get('4.2.2'))!;
    expect(after.status).toBe('complete');
    expect(after.delivery.text).toBe('Q1 2018');
    expect(after.updates.at(-1)!.text).toBe('Supplier shortlist agreed');
    // Put it back for the tests that follow.
    expect((await h.talk('reopen 4.2.2 test reset', ns)).items[0]!.status).toBe('on_going');
  });

  it('skip at the date step, after a status change, saves text and status only', async () => {
    await h.talk('update 4.1.1', { actor: owner('Rachel Wilkinson') });
    await h.talk('Consultation started', { actor: owner('Rachel Wilkinson') });
    expect((await h.talk('1', { actor: owner('Rachel Wilkinson') })).awaiting).toBe('delivery_date');
    const saved = await h.talk('skip', { actor: owner('Rachel Wilkinson') });
    expect(saved.text.split('\n')).toEqual(['Saved 4.1.1:', '• update recorded, dated 4 Oct 2017', '• status On-going → Awaiting decision']);
    const after = (await h.store.get('4.1.1'))!;
    expect(after.status).toBe('awaiting_decision');
    expect(after.delivery.text).toBe('November 2017');
    expect(after.revisions).toBe(0);
  });

  it('back returns to the previous question, and the new answer replaces the old', async () => {
    const first = await h.talk('update 4.2.1', ns);
    expect(first.awaiting).toBe('update_text');
    const nowhere = await h.talk('back', ns);
    expect(nowhere.awaiting).toBe('update_text');
    expect(nowhere.text.split('\n')[0]).toBe('This is the first question.');

    await h.talk('first draft of the text', ns);
    expect((await h.talk('back', ns)).awaiting).toBe('update_text');
    expect((await h.talk('second, corrected text', ns)).awaiting).toBe('status');
    expect((await h.talk('awaiting decision', ns)).awaiting).toBe('delivery_date');
    const backToStatus = await h.talk('back', ns);
    expect(backToStatus.awaiting).toBe('status');
    expect(backToStatus.choices).toEqual(['Awaiting decision', 'Complete', 'Not being implemented', 'No change']);
    expect((await h.talk('no', ns)).awaiting).toBe('delivery_date');
    expect((await h.talk('March 2018', ns)).awaiting).toBe('confirm_date');
    expect((await h.talk('Back', ns)).awaiting).toBe('delivery_date');
    expect((await h.talk('April 2018', ns)).text).toContain('I read "April 2018" as 1 Apr – 30 Apr 2018.');
    const saved = await h.talk('yes', ns);
    expect(saved.text.split('\n')).toEqual([
      'Saved 4.2.1:',
      '• update recorded, dated 4 Oct 2017',
      '• delivery date (none given) → "April 2018" (1 Apr – 30 Apr 2018)',
      '• baseline kept: (no delivery date given)',
    ]);
    const after = (await h.store.get('4.2.1'))!;
    expect(after.updates.at(-1)!.text).toBe('second, corrected text');
    expect(after.updates.map((u) => u.text)).not.toContain('first draft of the text');
    expect(after.status).toBe('on_going');
  });

  it.each([
    { at: 'update_text', answers: [] as string[] },
    { at: 'status', answers: ['some text that must not be saved'] },
    { at: 'delivery_date', answers: ['some text that must not be saved', 'awaiting decision'] },
    { at: 'confirm_date', answers: ['some text that must not be saved', 'awaiting decision', 'Q2 2018'] },
  ])('cancel at $at saves nothing', async ({ at, answers }) => {
    const before = await snapshot(h, '4.2.2');
    await h.talk('update 4.2.2', ns);
    for (const a of answers) await h.talk(a, ns);
    expect((await h.conversations.load(KEY, DEFAULT_NOW)) as { step: string }).toMatchObject({ step: at });
    const reply = await h.talk('cancel', ns);
    expect(reply).toMatchObject({ text: 'Cancelled — nothing was saved to 4.2.2.', items: [], awaiting: null });
    expect(await snapshot(h, '4.2.2')).toEqual(before);
    expect(await h.conversations.load(KEY, DEFAULT_NOW)).toBeNull();
    // The next message is a fresh one.
    expect(ids(await h.talk('who owns 4.2.2', ns))).toEqual(['4.2.2']);
  });

  it('an unreadable date re-asks the same step with the reason', async () => {
    await h.talk('update 4.2.2', ns);
    await h.talk('text', ns);
    await h.talk('no', ns);
    const reply = await h.talk('whenever', ns);
    expect(reply.awaiting).toBe('delivery_date');
    expect(reply.error).toBeUndefined();
    const [why, question] = reply.text.split('\n');
    expect(why).toMatch(/^I can't read "whenever" as a date: it does not say when/);
    expect(why).toContain('"Q1 2018"');
    expect(question).toMatch(/^Delivery date is Q1 2018 \(1 Jan – 31 Mar 2018\)\. Has it moved\?/);
    await h.talk('cancel', ns);
  });

  it('"no" at the confirmation asks for the date again; another date is echoed afresh', async () => {
    await h.talk('update 4.2.2', ns);
    await h.talk('skip', ns);
    await h.talk('no', ns);
    await h.talk('end of next month', ns);
    const again = await h.talk('no', ns);
    expect(again.awaiting).toBe('delivery_date');
    expect(again.text.split('\n')[0]).toBe('Then type the date again, worded differently — or `skip` to keep the current one.');
    const echoed = await h.talk('30/11/2017', ns);
    expect(echoed.awaiting).toBe('confirm_date');
    expect(echoed.text).toContain('I read "30/11/2017" as by 30 Nov 2017.');
    // A different date typed at the confirmation is read and echoed, not saved.
    const corrected = await h.talk('Q2 2018', ns);
    expect(corrected.awaiting).toBe('confirm_date');
    expect(corrected.text).toContain('I read "Q2 2018" as 1 Apr – 30 Jun 2018.');
    const saved = await h.talk('yes', ns);
    expect(saved.text).toContain('• delivery date "Q1 2018" → "Q2 2018" (1 Apr – 30 Jun 2018)');
    expect((await h.store.get('4.2.2'))!.delivery).toEqual({ text: 'Q2 2018', start: '2018-04-01', end: '2018-06-30', precision: 'quarter' });
  });

  it('choosing "complete" skips the date question and saves', async () => {
    const rachel = owner('Rachel Wilkinson');
    await h.talk('update 4.1.2', { actor: rachel });
    await h.talk('Strategy signed off at JCOB', { actor: rachel });
    const saved = await h.talk('complete', { actor: rachel });
    expect(saved.awaiting).toBeNull();
    expect(saved.text.split('\n')).toEqual(['Saved 4.1.2:', '• update recorded, dated 4 Oct 2017', '• status On-going → Complete']);
    const after = (await h.store.get('4.1.2'))!;
    expect(after.status).toBe('complete');
    expect(after.delivery.text).toBe('November 2017');
  });

  it('a status not allowed from the current one is refused with the allowed list', async () => {
    const karen = owner('Karen Georgiou');
    expect((await h.store.get('3.4'))!.status).toBe('complete');
    await h.talk('update 3.4', { actor: karen });
    await h.talk('skip', { actor: karen });
    const refused = await h.talk('not started', { actor: karen });
    expect(refused.awaiting).toBe('status');
    expect(refused.choices).toEqual(['On-going', 'No change']);
    expect(refused.text.split('\n')).toEqual([
      'I can\'t set 3.4 to "not started" from complete.',
      'Status is Complete. Does it change? 1. On-going — or `no` to keep it. (`back` for the previous question, `cancel` to stop)',
    ]);
    const unknownWord = await h.talk('banana', { actor: karen });
    expect(unknownWord.awaiting).toBe('status');
    expect(unknownWord.text.split('\n')[0]).toBe('I can\'t set 3.4 to "banana" from complete.');
    const cancelled = await h.talk('cancel', { actor: karen });
    expect(cancelled.text).toBe('Cancelled — nothing was saved to 3.4.');
    expect((await h.store.get('3.4'))!.status).toBe('complete');
  });

  it('an update of more than 10,000 characters is refused in the conversation and asked again', async () => {
    const before = await snapshot(h, '4.2.2');
    await h.talk('update 4.2.2', ns);
    const reply = await h.talk('x'.repeat(100_000), ns);
    expect(reply.awaiting).toBe('update_text');
    expect(reply.text.split('\n')[0]).toBe(
      'That text is 100,000 characters; the limit is 10,000. Shorten it, or put the detail in a document and send the link.',
    );
    await h.talk('cancel', ns);
    expect(await snapshot(h, '4.2.2')).toEqual(before);
  });
});

describe('a pending conversation across restarts and time', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: SHACKLETON });
  });
  afterAll(async () => h?.close());
  afterEach(async () => h.conversations.clear(KEY));

  it('carries on with new store and context objects on the same database', async () => {
    const first: AskContext = {
      plans: new DrizzlePlanDirectory(h.database.db),
      conversations: new DrizzleConversationStore(h.database.db),
      actor: SHACKLETON,
      now: new Date(DEFAULT_NOW),
      conversationKey: KEY,
    };
    expect((await ask(first, 'update 4.2.1')).awaiting).toBe('update_text');

    const restarted: AskContext = {
      plans: new DrizzlePlanDirectory(h.database.db),
      conversations: new DrizzleConversationStore(h.database.db),
      actor: { ...SHACKLETON, owns: [...SHACKLETON.owns] },
      now: new Date('2017-10-04T10:20:00Z'),
      conversationKey: KEY,
    };
    expect(restarted.plans).not.toBe(first.plans);
    const next = await ask(restarted, 'Survived a restart');
    expect(next.awaiting).toBe('status');
    expect(await ask({ ...restarted, now: new Date('2017-10-04T10:21:00Z') }, 'no')).toMatchObject({ awaiting: 'delivery_date' });
    const saved = await ask({ ...restarted, now: new Date('2017-10-04T10:22:00Z') }, 'no');
    expect(saved.text).toBe('Saved 4.2.1:\n• update recorded, dated 4 Oct 2017');
    expect((await h.store.get('4.2.1'))!.updates.at(-1)!.text).toBe('Survived a restart');
  });

  it('carries on after the embedded database is closed and opened again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'concerto-ask-restart-'));
    try {
      const ctx = async (db: Awaited<ReturnType<typeof openDatabase>>, now: string): Promise<AskContext> => ({
        plans: new DrizzlePlanDirectory(db.db),
        conversations: new DrizzleConversationStore(db.db),
        actor: SHACKLETON,
        now: new Date(now),
        conversationKey: KEY,
      });
      const one = await openDatabase({ dataDir: dir });
      await migrate(one);
      await seedBundledPlan(new DrizzlePlanDirectory(one.db), { actor: 'seed', at: SEEDED_AT });
      expect((await ask(await ctx(one, DEFAULT_NOW), 'update 4.2.1')).awaiting).toBe('update_text');
      expect((await ask(await ctx(one, DEFAULT_NOW), 'Before the restart')).awaiting).toBe('status');
      await one.close();

      const two = await openDatabase({ dataDir: dir });
      try {
        await migrate(two);
        expect((await ask(await ctx(two, '2017-10-04T10:30:00Z'), 'awaiting decision')).awaiting).toBe('delivery_date');
        const saved = await ask(await ctx(two, '2017-10-04T10:31:00Z'), 'skip');
        expect(saved.text.split('\n')).toEqual(['Saved 4.2.1:', '• update recorded, dated 4 Oct 2017', '• status On-going → Awaiting decision']);
        const rec = (await (await planStore(two.db)).get('4.2.1'))!;
        expect(rec.status).toBe('awaiting_decision');
        expect(rec.updates.at(-1)!.text).toBe('Before the restart');
      } finally {
        await two.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('expires after the TTL: two hours later the answer is a fresh message', async () => {
    const before = await snapshot(h, '4.2.2');
    expect((await h.talk('update 4.2.2', { ...ns, now: '2017-10-04T10:00:00Z' })).awaiting).toBe('update_text');
    const late = await h.talk('Prioritised list circulated', { ...ns, now: '2017-10-04T12:00:00Z' });
    expect(late.awaiting).toBeNull();
    expect(late.error).toBe('not_understood');
    // Read as a question about the plan (and not understood), not as the update text for 4.2.2.
    expect(late.text).not.toContain('4.2.2');
    expect(late.text).not.toContain('Status is');
    expect(await snapshot(h, '4.2.2')).toEqual(before);
    expect(await h.conversations.load(KEY, '2017-10-04T12:00:00Z')).toBeNull();

    // Within the hour the same words would have been taken as the update text.
    await h.talk('update 4.2.2', { ...ns, now: '2017-10-04T13:00:00Z' });
    expect((await h.talk('Prioritised list circulated', { ...ns, now: '2017-10-04T13:59:00Z' })).awaiting).toBe('status');
  });

  it('each answer keeps the conversation alive for another hour', async () => {
    expect((await h.talk('update 4.2.2', { ...ns, now: '2017-10-04T10:00:00Z' })).awaiting).toBe('update_text');
    expect((await h.talk('Still alive', { ...ns, now: '2017-10-04T10:50:00Z' })).awaiting).toBe('status');
    expect((await h.talk('no', { ...ns, now: '2017-10-04T11:40:00Z' })).awaiting).toBe('delivery_date');
    const expired = await h.talk('skip', { ...ns, now: '2017-10-04T12:41:00Z' });
    expect(expired.awaiting).toBeNull();
    expect(expired.error).toBe('not_understood');
    expect((await h.store.get('4.2.2'))!.updates.map((u) => u.text)).not.toContain('Still alive');
  });
});

describe('permissions', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: stranger() });
  });
  afterAll(async () => h?.close());

  it.each([
    ['update 4.2.1 I am not the owner', '4.2.1'],
    ['update 4.2.1', '4.2.1'],
    ['complete 4.2.1', '4.2.1'],
    ['complete 4.2.1 https://example.org/minutes', '4.2.1'],
    ['date 4.2.1 Q1 2018', '4.2.1'],
    ['status 4.2.1 awaiting decision', '4.2.1'],
    ['reopen 4.3.1 it is not really done', '4.3.1'],
  ])('a stranger\'s "%s" is refused and changes nothing', async (message, recId) => {
    const before = await snapshot(h, recId);
    const reply = await h.talk(message, { actor: stranger() });
    expect(reply.error).toBe('not_permitted');
    expect(reply.awaiting).toBeNull();
    const owners = before.rec!.owners.join(', ');
    expect(reply.text).toBe(
      `Only an owner of ${recId} (${owners}) or an admin can change it. You are not linked to any owner in the plan; ask an owner to post the update, or an admin to link you or assign the item.`,
    );
    expect(await snapshot(h, recId)).toEqual(before);
    expect(await h.conversations.load(`test:${stranger().id}`, DEFAULT_NOW)).toBeNull();
  });

  it.each([
    ['assign 4.2.1 Karen Georgiou', "Only an admin of concerto-2017 can assign owners. Admins are listed in CONCERTO_ADMINS and in the plan's settings (`plans`); ask one of them."],
    [
      'add 9.4.1 Publish terms of reference; theme: Governance; owner: Portfolio Office; due: end of March 2018',
      "Only an admin of concerto-2017 can add recommendations. Admins are listed in CONCERTO_ADMINS and in the plan's settings (`plans`); ask one of them.",
    ],
  ])('"%s" is admin-only, even for the item\'s owner', async (message, text) => {
    const before = await snapshot(h, '4.2.1');
    for (const actor of [stranger(), SHACKLETON]) {
      const reply = await h.talk(message, { actor });
      expect(reply).toMatchObject({ error: 'not_permitted', text, items: [] });
    }
    expect(await snapshot(h, '4.2.1')).toEqual(before);
    expect(await h.store.ids()).not.toContain('9.4.1');
  });

  it('an admin can change an item they do not own', async () => {
    const boss = admin('Board Secretary');
    expect((await h.talk('update 4.2.1 Noted by the board secretary', { actor: boss })).error).toBeUndefined();
    expect((await h.talk('date 4.2.1 Q1 2018', { actor: boss })).error).toBeUndefined();
    expect((await h.talk('reopen 4.3.1 Athena benefits not yet realised', { actor: boss })).error).toBeUndefined();
    const rec = (await h.store.get('4.2.1'))!;
    expect(rec.updates.at(-1)).toMatchObject({ author: 'Board Secretary', text: 'Noted by the board secretary' });
    expect(rec.delivery.text).toBe('Q1 2018');
    expect((await h.store.get('4.3.1'))!.status).toBe('on_going');
    const history = await h.store.history('4.3.1');
    expect(history.at(-1)).toMatchObject({ action: 'status_changed', actor: 'Board Secretary', before: 'complete', after: 'on_going' });
  });

  it('someone who acts for a role can update that role\'s items, and only those', async () => {
    const po = owner('Jo Bloggs', ['Portfolio Office']);
    const ok = await h.talk('update 5.2 Papers now go to the OPCCs monthly', { actor: po });
    expect(ok.error).toBeUndefined();
    expect(ok.text).toBe('Recorded your update on 5.2, dated 4 Oct 2017.');
    expect((await h.store.get('5.2'))!.updates.at(-1)).toMatchObject({ author: 'Jo Bloggs', text: 'Papers now go to the OPCCs monthly' });

    const before = await snapshot(h, '4.2.2');
    const refused = await h.talk('update 4.2.2 not mine', { actor: po });
    expect(refused.error).toBe('not_permitted');
    expect(refused.text).toContain('You act for Portfolio Office, which does not own it');
    expect(await snapshot(h, '4.2.2')).toEqual(before);
  });
});

describe('one-shot commands', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: SHACKLETON });
  });
  afterAll(async () => h?.close());

  const latest = async (id: string) => (await h.store.get(id))!.updates.at(-1)!;

  it('update <id> <text> records the text at once', async () => {
    const reply = await h.talk('update 4.2.1 Draft prioritisation agreed by the DCB', ns);
    expect(reply).toMatchObject({ text: 'Recorded your update on 4.2.1, dated 4 Oct 2017.', awaiting: null });
    expect(await latest('4.2.1')).toEqual({ date: '2017-10-04', author: 'N. Shackleton', text: 'Draft prioritisation agreed by the DCB', evidence: null, source: 'cli' });
  });

  it('complete <id> <evidence> closes the item with its evidence', async () => {
    const reply = await h.talk('complete 4.2.1 minutes of 12 Oct JCOB', ns);
    expect(reply.text).toBe('4.2.1 is now complete. Your evidence is recorded.');
    expect(reply.items[0]!.status).toBe('complete');
    expect(await latest('4.2.1')).toMatchObject({ text: 'Complete: minutes of 12 Oct JCOB', evidence: 'minutes of 12 Oct JCOB' });
    expect((await h.talk('complete 4.2.1', ns)).text).toBe('4.2.1 is already complete.');
  });

  it('a completion that says only when it was done records the day, not the words as evidence; one still to come is refused', async () => {
    // The plan's day is 4 October 2017: "yesterday" is a day written out, "last week" stays as said.
    const ahead = await h.talk('complete 4.2.2 next week', ns);
    expect(ahead).toMatchObject({ error: 'invalid', text: "4.2.2 can't be marked complete next week: that day hasn't come yet. Say `complete 4.2.2` once it is done." });
    expect((await h.store.get('4.2.2'))!.status).not.toBe('complete');
    const said = await h.talk('4.2.2 was completed yesterday', ns);
    expect(said.text).toBe('4.2.2 is now complete (done on 3 Oct 2017). Next time, `complete 4.2.2 <evidence or link>` records what shows it is done.');
    expect(await latest('4.2.2')).toMatchObject({ date: '2017-10-04', text: 'Marked complete (done on 3 Oct 2017).', evidence: null });
    await h.talk('reopen 4.2.2', ns);
    await h.talk('complete 4.2.2 last week', ns);
    expect(await latest('4.2.2')).toMatchObject({ text: 'Marked complete (done last week).', evidence: null });
    await h.talk('reopen 4.2.2', ns);
  });

  it('reopen <id> <reason> puts it back to On-going', async () => {
    const reply = await h.talk('reopen 4.2.1 not finished', ns);
    expect(reply.text).toBe('4.2.1 is open again (On-going).');
    expect((await h.store.get('4.2.1'))!.status).toBe('on_going');
    expect(await latest('4.2.1')).toMatchObject({ text: 'Reopened: not finished', evidence: null });
    const again = await h.talk('reopen 4.2.1', ns);
    expect(again.text).toBe('4.2.1 is not closed (it is on-going), so there is nothing to reopen.');
  });

  it('date <id> <phrase> says how it was read and keeps the baseline', async () => {
    const reply = await h.talk('date 4.2.1 Q1 2018', ns);
    expect(reply.error).toBeUndefined();
    expect(reply.text).toBe('4.2.1 is now due "Q1 2018" → 1 Jan – 31 Mar 2018 (was (no delivery date given)). The baseline, (no delivery date given), is kept.');
    const rec = (await h.store.get('4.2.1'))!;
    expect(rec.delivery).toEqual({ text: 'Q1 2018', start: '2018-01-01', end: '2018-03-31', precision: 'quarter' });
    expect(rec.baseline).toEqual(NO_DATE);
    expect(rec.revisions).toBe(1);
    expect((await h.talk('date 4.2.1 Q1 2018', ns)).text).toBe('4.2.1 is already due "Q1 2018".');
    expect((await h.store.get('4.2.1'))!.revisions).toBe(1);
  });

  it('a second revision of a dated item still keeps the first date as the baseline', async () => {
    const boss = admin();
    expect((await h.talk('date 4.2.3 Q2 2018', { actor: boss })).text).toBe(
      '4.2.3 is now due "Q2 2018" → 1 Apr – 30 Jun 2018 (was 31 March 2018 (by 31 Mar 2018)). The baseline, 31 March 2018 (by 31 Mar 2018), is kept.',
    );
    expect((await h.talk('date 4.2.3 end of September 2018', { actor: boss })).text).toContain('The baseline, 31 March 2018 (by 31 Mar 2018), is kept.');
    const rec = (await h.store.get('4.2.3'))!;
    expect(rec.baseline).toEqual({ text: '31 March 2018', start: '2018-03-31', end: '2018-03-31', precision: 'day' });
    expect(rec.delivery.end).toBe('2018-09-30');
    expect(rec.revisions).toBe(2);
  });

  it('date <id> whenever is refused with examples, and nothing changes', async () => {
    const before = await snapshot(h, '4.2.1');
    const reply = await h.talk('date 4.2.1 whenever', ns);
    expect(reply.error).toBe('unreadable_date');
    expect(reply.text).toMatch(/^I can't read "whenever" as a date/);
    expect(reply.text).toContain('a month ("March 2018")');
    expect(reply.text).toContain('a quarter ("Q1 2018")');
    expect(reply.text).toContain('"end of next month"');
    expect(await snapshot(h, '4.2.1')).toEqual(before);
  });

  it('status <id> <status> changes the status; a disallowed one is refused with the options', async () => {
    const reply = await h.talk('status 4.2.1 awaiting decision', ns);
    expect(reply.text).toBe('4.2.1: On-going → Awaiting decision.');
    expect((await h.store.get('4.2.1'))!.status).toBe('awaiting_decision');
    const refused = await h.talk('status 4.2.1 not started', ns);
    expect(refused.error).toBe('invalid');
    expect(refused.text).toBe('4.2.1 is awaiting decision; from there it can become on-going or complete or not being implemented.');
    expect((await h.store.get('4.2.1'))!.status).toBe('awaiting_decision');
  });

  it('a closed item is not reopened by a status word: `reopen` is the way, so the reason is on record', async () => {
    const before = await snapshot(h, '3.4');
    const refused = await h.talk('status 3.4 on going', { actor: owner('Karen Georgiou') });
    expect(refused.error).toBe('invalid');
    expect(refused.text).toBe('3.4 is complete. A closed item reopens only with `reopen 3.4 <why>`, so the reason is on record.');
    expect(await snapshot(h, '3.4')).toEqual(before);
  });

  it('assign <id> <owners> (admin) replaces the owners, and the rights follow', async () => {
    const reply = await h.talk('assign 4.2.1 Karen Georgiou, Portfolio Office', { actor: admin() });
    expect(reply.error).toBeUndefined();
    expect(reply.text).toBe('4.2.1 is now owned by Karen Georgiou, Portfolio Office (was N. Shackleton).');
    expect((await h.store.get('4.2.1'))!.owners).toEqual(['Karen Georgiou', 'Portfolio Office']);
    expect((await h.store.history('4.2.1')).at(-1)).toMatchObject({ action: 'owners_changed', before: ['N. Shackleton'], after: ['Karen Georgiou', 'Portfolio Office'] });
    expect((await h.talk('update 4.2.1 still mine?', ns)).error).toBe('not_permitted');
    expect((await h.talk('update 4.2.1 Karen now owns this', { actor: owner('Karen Georgiou') })).error).toBeUndefined();
    expect(ids(await h.talk('what does Karen own?'))).toContain('4.2.1');
  });

  it("a new owner named as the plan knows them is that owner, not a twin: 'Karen', 'the Portfolio Office'; a first name two people share is asked about", async () => {
    const as = { actor: admin() };
    const owners431 = (await h.store.get('4.3.1'))!.owners;
    const owners432 = (await h.store.get('4.3.2'))!.owners;
    expect((await h.talk('give Karen 4.3.1', as)).text).toMatch(/^4\.3\.1 is now owned by Karen Georgiou \(was [^)]+\)\.$/);
    expect((await h.talk('4.3.1 should be owned by the portfolio office', as)).text).toBe('4.3.1 is now owned by Portfolio Office (was Karen Georgiou).');
    // Someone new is added as typed, without the "the" of a role.
    expect((await h.talk('assign 4.3.1 to the Head of Estates', as)).text).toBe('4.3.1 is now owned by Head of Estates (was Portfolio Office). New to the plan: Head of Estates.');
    expect((await h.talk('assign 4.3.2 Alison Lowe', as)).text).toContain('New to the plan: Alison Lowe.');
    const before = await snapshot(h, '4.3.1');
    expect(await h.talk('assign 4.3.1 alison', as)).toMatchObject({ error: 'invalid', text: '"alison" could be Alison Roome-Gifford or Alison Lowe: say which, e.g. `assign 4.3.1 Alison Roome-Gifford`, or give a new owner\'s full name.' });
    expect(await snapshot(h, '4.3.1')).toEqual(before);
    // The owners as they were, for the cases after this one.
    await h.talk(`assign 4.3.1 ${owners431.join(', ')}`, as);
    await h.talk(`assign 4.3.2 ${owners432.join(', ')}`, as);
    expect((await h.store.get('4.3.2'))!.owners).toEqual(owners432);
  });

  it('one owner swapped, added or taken off, in words (admin); each audited; a name that is not an owner is refused with the owners', async () => {
    const as = { actor: admin() };
    const swapped = await h.talk('reassign 4.2.2 from Shackleton to Karen Georgiou', as);
    expect(swapped.text).toBe('4.2.2 is now owned by Karen Georgiou (was N. Shackleton).');
    const added = await h.talk('add portfolio office as an owner of 4.2.2', as);
    // The plan's own spelling of an owner it already has.
    expect(added.text).toBe('4.2.2 is now owned by Karen Georgiou, Portfolio Office (was Karen Georgiou).');
    expect((await h.talk('add Portfolio Office to 4.2.2', as))).toMatchObject({ error: 'invalid', text: 'Portfolio Office already owns 4.2.2 (its owners: Karen Georgiou, Portfolio Office).' });
    const removed = await h.talk('take Karen off 4.2.2', as);
    expect(removed.text).toBe('4.2.2 is now owned by Portfolio Office (was Karen Georgiou, Portfolio Office).');
    const before = await snapshot(h, '4.2.2');
    expect(await h.talk('remove Portfolio Office from 4.2.2', as)).toMatchObject({
      error: 'invalid',
      text: 'That would leave 4.2.2 with no owner. Give it another at the same time: `reassign 4.2.2 from Portfolio Office to NAME`.',
    });
    expect(await h.talk('replace Bob with Karen on 4.2.2', as)).toMatchObject({
      error: 'invalid',
      text: 'Bob is not an owner of 4.2.2 (its owners: Portfolio Office). To name all its owners at once: `assign 4.2.2 NAME, NAME`.',
    });
    expect(await snapshot(h, '4.2.2')).toEqual(before);
    expect((await h.store.history('4.2.2')).filter((e) => e.action === 'owners_changed').map((e) => e.after)).toEqual([
      ['Karen Georgiou'],
      ['Karen Georgiou', 'Portfolio Office'],
      ['Portfolio Office'],
    ]);
    // Owners do not change owners: it is an admin's change, as `assign` is.
    expect((await h.talk('add Karen Georgiou to 4.2.2', { actor: owner('Portfolio Office') })).error).toBe('not_permitted');
  });

  it('"extend 4.2.3 by two months" moves its present date on, as a board writes a date; the baseline stays; no date, nothing to move', async () => {
    const moved = await h.talk('extend 4.2.3 by two months', { actor: admin() });
    expect(moved.error, moved.text).toBeUndefined();
    // An earlier case in this block moved 4.2.3 to "end of September 2018".
    expect(moved.text).toBe('4.2.3 is now due "30 November 2018" → by 30 Nov 2018 (was end of September 2018 (by 30 Sep 2018)). The baseline, 31 March 2018 (by 31 Mar 2018), is kept.');
    const month = await h.talk('delay 1.1 by a month', { actor: admin() });
    expect(month.text).toMatch(/^1\.1 is now due "October 2017" → 1 Oct – 31 Oct 2017 \(was September 2017/);
    const before = await snapshot(h, '4.2.2');
    const none = await h.talk('push 4.2.2 back by 6 weeks', { actor: admin() });
    expect(none).toMatchObject({ error: 'invalid' });
    expect(none.text).toMatch(/^4\.2\.2 has no delivery date to move on .*`date 4\.2\.2 June 2018`\.$/);
    expect(await snapshot(h, '4.2.2')).toEqual(before);
  });

  it('add <id> <text>; theme; owner; due (admin) creates the item', async () => {
    const reply = await h.talk('add 9.4.1 Publish terms of reference; theme: Governance; owner: Portfolio Office; due: end of March 2018', { actor: admin() });
    expect(reply.error).toBeUndefined();
    expect(reply.text).toBe('Added 9.4.1 under Governance, owned by Portfolio Office, due end of March 2018 (by 31 Mar 2018).');
    const rec = (await h.store.get('9.4.1'))!;
    expect(rec).toMatchObject({
      id: '9.4.1',
      theme: 'Governance',
      text: 'Publish terms of reference',
      owners: ['Portfolio Office'],
      status: 'not_started',
      revisions: 0,
      updates: [],
    });
    expect(rec.delivery).toMatchObject({ text: 'end of March 2018', start: '2018-03-31', end: '2018-03-31' });
    expect((await h.store.ids()).at(-1)).toBe('9.4.1');
    expect((await h.store.history('9.4.1')).map((e) => [e.action, e.actor])).toEqual([['recommendation_added', 'Admin User']]);
    const dup = await h.talk('add 9.4.1 Again; theme: Governance', { actor: admin() });
    expect(dup).toMatchObject({ error: 'invalid', text: '9.4.1 already exists. Use `update 9.4.1`, `date 9.4.1 …` or `assign 9.4.1 …` to change it.' });
  });
});

describe('bad input', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: SHACKLETON });
  });
  afterAll(async () => h?.close());
  afterEach(async () => h.conversations.clear(KEY));

  const latestText = async () => (await h.store.get('4.2.1'))!.updates.at(-1)!.text;

  it('an update of 100,000 characters is refused with the limit, and nothing is stored', async () => {
    const before = await snapshot(h, '4.2.1');
    const reply = await h.talk(`update 4.2.1 ${'a'.repeat(100_000)}`, ns);
    expect(reply.error).toBe('invalid');
    expect(reply.text).toBe('That text is 100,000 characters; the limit is 10,000. Shorten it, or put the detail in a document and send the link.');
    expect(await snapshot(h, '4.2.1')).toEqual(before);
  });

  it('exactly 10,000 characters is accepted; 10,001 is not', async () => {
    expect((await h.talk(`update 4.2.1 ${'b'.repeat(10_001)}`, ns)).error).toBe('invalid');
    expect((await h.talk(`update 4.2.1 ${'b'.repeat(10_000)}`, ns)).error).toBeUndefined();
    expect(await latestText()).toBe('b'.repeat(10_000));
  });

  it('an empty "update 4.2.1 " starts the conversation rather than storing an empty update', async () => {
    const before = await snapshot(h, '4.2.1');
    const reply = await h.talk('update 4.2.1 ', ns);
    expect(reply.awaiting).toBe('update_text');
    expect(await h.conversations.load(KEY, DEFAULT_NOW)).toMatchObject({ flow: 'update', recId: '4.2.1', step: 'update_text', text: null });
    expect(await snapshot(h, '4.2.1')).toEqual(before);
  });

  it('control characters and bidi overrides are stripped from stored text', async () => {
    const typed = 'Hello\u0007 wor\u0000ld \u202Egnp.exe\u202C and \u2066iso\u2069 done\u001B[0m\u007F';
    expect((await h.talk(`update 4.2.1 ${typed}`, ns)).error).toBeUndefined();
    expect(await latestText()).toBe('Hello world gnp.exe and iso done[0m');
    // Newlines and tabs are kept; CRLF becomes LF.
    expect((await h.talk('update 4.2.1 line one\r\nline two\twith a tab', ns)).error).toBeUndefined();
    expect(await latestText()).toBe('line one\nline two\twith a tab');
  });

  it('control characters typed in the conversation are stripped too', async () => {
    await h.talk('update 4.2.1', ns);
    await h.talk('From the \u202Econversation\u202C\u0000', ns);
    await h.talk('no', ns);
    await h.talk('no', ns);
    expect(await latestText()).toBe('From the conversation');
  });

  it('an update of nothing but control characters is refused as empty', async () => {
    const before = await snapshot(h, '4.2.1');
    const reply = await h.talk('update 4.2.1 \u0007\u0000\u202E', ns);
    expect(reply.error).toBe('invalid');
    expect(reply.text).toMatch(/^The update for 4\.2\.1 is empty\./);
    expect(await snapshot(h, '4.2.1')).toEqual(before);
  });

  it('SQL-like text is stored verbatim and the tables survive', async () => {
    const typed = "'); drop table updates; --";
    const before = await h.count('updates');
    expect((await h.talk(`update 4.2.1 ${typed}`, ns)).error).toBeUndefined();
    expect(await latestText()).toBe(typed);
    expect(await h.count('updates')).toBe(before + 1);
    expect(await h.count('recommendations')).toBe(30);
    expect((await h.talk('status 4.2.1', ns)).text).toContain(`N. Shackleton: ${typed}`);
  });

  it('"<!channel>" is stored as typed (escaping is the Slack adapter\'s job)', async () => {
    expect((await h.talk('update 4.2.1 <!channel> please review & comment <@U123>', ns)).error).toBeUndefined();
    expect(await latestText()).toBe('<!channel> please review & comment <@U123>');
  });

  it('a link in an update is kept as its evidence', async () => {
    expect((await h.talk('update 4.2.1 Plan published at https://intranet.example/ict-plan.pdf today', ns)).error).toBeUndefined();
    expect((await h.store.get('4.2.1'))!.updates.at(-1)).toMatchObject({ evidence: 'https://intranet.example/ict-plan.pdf' });
  });

  it('back after "no" at the confirmation returns to the status question', async () => {
    await h.talk('update 4.2.1', ns);
    await h.talk('x', ns);
    await h.talk('no', ns);
    await h.talk('end of next month', ns);
    await h.talk('no', ns);
    const back = await h.talk('back', ns);
    expect(back.awaiting).toBe('status');
    await h.talk('cancel', ns);
  });

  it('strips C1 controls', async () => {
    await h.talk('update 4.2.1 x\u009B31my\u0085z', ns);
    expect(await latestText()).toBe('x31myz');
  });

  it('strips LRM / RLM / ALM', async () => {
    await h.talk('update 4.2.1 a\u200Eb\u200Fc\u061Cd', ns);
    expect(await latestText()).toBe('abcd');
  });
});
