import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardPaper } from '../../src/core/report/board-paper.js';
import type { Rag } from '../../src/core/plan/rag.js';
import { ask } from '../../src/core/ask/ask.js';
import { DrizzlePeopleStore } from '../../src/store/people-store.js';
import { admin, ids, openAsk, type AskHarness } from '../helpers/ask.js';

/**
 * The board paper's vocabulary asked of the bundled plan: RAG colours (the same ratings the paper prints),
 * words in the items' own text, and the paper's counts for any part of the plan.
 */
describe('RAG, words and summaries in questions', () => {
  let h: AskHarness;
  let n = 0;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
  });
  afterAll(async () => h?.close());

  const talk = (q: string, day = '2017-10-04') => h.talk(q, { now: `${day}T10:00:00Z`, conversationKey: `rag:${(n += 1)}` });
  const paperRows = async (asAt: string, rag: Rag) => {
    const paper = buildBoardPaper((await h.store.planHistory())!, { asAt, producedOn: asAt });
    return paper.groups.flatMap((g) => g.rows).filter((r) => r.rag.rag === rag).map((r) => r.id).sort();
  };

  it.each<[string, Rag, string]>([
    ['which items are red?', 'red', '2017-10-04'],
    ['show me the amber items', 'amber', '2017-10-04'],
    ['anything green?', 'green', '2018-01-15'],
    ['grey ones', 'grey', '2018-01-15'],
  ])('%s (on %s) lists exactly the rows the board paper rates so', async (q, rag, day) => {
    const reply = await talk(q, day);
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text.split('\n')[0]).toMatch(new RegExp(`^Rated ${rag} · as at `));
    expect([...ids(reply)].sort()).toEqual(await paperRows(day, rag));
    expect(ids(reply).length).toBeGreaterThan(0);
    // Each line says the rule that gave the colour, as the paper's key does.
    for (const line of reply.text.split('\n').slice(1)) expect(line).toMatch(new RegExp(` — ${rag}: (overdue|awaiting a decision past its delivery date|due within 30 days|delivery date revised \\d+ times|complete|on track.*|not being implemented)$`));
  });

  it('a colour with other filters narrows them', async () => {
    const reply = await talk("what's red for Karen?");
    expect(reply.text.split('\n')[0]).toBe('Rated red · owned by Karen Georgiou · as at 4 Oct 2017 — 4 items');
    expect(ids(reply)).toEqual(['1.1', '3.6', '4.0.1', '5.2']);
  });

  it.each([
    ['which items mention business cases?', ['4.0.1', '9.2.2', '9.2.4'], 'Mentioning "business cases" · as at 4 Oct 2017 — 3 items'],
    ['overdue items that mention governance', ['3.6', '9.2.1', '9.2.2'], null],
    // Words no theme or owner has, but items' text does: read as words to find.
    ["what's the status of the audit trail?", ['3.4'], null],
  ])('%s', async (q, expected, line) => {
    const reply = await talk(q);
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(expected);
    if (line) expect(reply.text.split('\n')[0]).toBe(line);
  });

  it('words nothing in the plan has are still not understood', async () => {
    const reply = await talk("what's the status of the blorptastic?");
    expect(reply.error).toBe('not_understood');
    expect(reply.text).toMatch(/blorptastic/);
  });

  it('a summary gives the paper’s counts for the whole plan', async () => {
    const reply = await talk('how are we doing?', '2018-01-15');
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.items).toEqual([]);
    const paper = buildBoardPaper((await h.store.planHistory())!, { asAt: '2018-01-15', producedOn: '2018-01-15' });
    const s = paper.summary;
    expect(reply.text.split('\n')).toEqual([
      `Summary · all items · as at 15 Jan 2018 — ${s.total} items`,
      `• ${s.byStatus.on_going} on-going · ${s.byStatus.awaiting_decision} awaiting decision · ${s.byStatus.complete} complete · ${s.byStatus.not_being_implemented} not being implemented`,
      // Of the open items, since only an open item can be late: "what proportion is overdue?" reads it here.
      `• ${s.overdue} overdue (${Math.round((100 * s.overdue) / (s.total - s.byStatus.not_being_implemented - s.byStatus.complete))}% of the ${s.total - s.byStatus.not_being_implemented - s.byStatus.complete} open)`,
      `• RAG: ${s.byRag.red} red · ${s.byRag.amber} amber · ${s.byRag.green} green · ${s.byRag.grey} grey`,
      `• ${s.byStatus.complete} of ${s.total - s.byStatus.not_being_implemented} to be delivered complete (${Math.round((100 * s.byStatus.complete) / (s.total - s.byStatus.not_being_implemented))}%)`,
      'Ask "which are red?", "what\'s overdue?" or "list complete" for the items.',
    ]);
  });

  it('"what proportion of actions are overdue?" is the whole plan\'s summary, whose overdue line gives the share of the open items', async () => {
    const reply = await talk('what proportion of actions are overdue?', '2018-01-15');
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text.split('\n')[0]).toMatch(/^Summary · all items · as at 15 Jan 2018 — \d+ items$/);
    expect(reply.text).toMatch(/^• \d+ overdue \(\d+% of the \d+ open\)$/m);
  });

  it('a summary of one theme, as at a past day', async () => {
    const reply = await talk("what's the RAG for HR as at 1 November 2017?", '2018-01-15');
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text.split('\n')[0]).toBe('Summary · in HR · as at 1 Nov 2017 — 4 items');
    expect(reply.text).toMatch(/• RAG: \d+ red · \d+ amber · \d+ green · \d+ grey/);
  });

  it('who has the most overdue items: owners by count, most first, each item counted for each of its owners', async () => {
    const reply = await talk('who has the most overdue items?', '2018-01-15');
    expect(reply.error, reply.text).toBeUndefined();
    const lines = reply.text.split('\n');
    expect(lines[0]).toMatch(/^By owner · overdue · as at 15 Jan 2018 — 14 items, \d+ owners$/);
    const counts = lines.filter((l) => l.startsWith('• ')).map((l) => Number(/— (\d+) items?$/.exec(l)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Karen Georgiou's overdue items, counted the way "what's overdue for Karen?" lists them.
    const karen = await talk("what's overdue for Karen Georgiou?", '2018-01-15');
    expect(lines).toContain(`• Karen Georgiou — ${karen.items.length} items`);
    expect(reply.text).toMatch(/An item with several owners counts for each of them\./);
  });

  it('which roles own items / list the people: the owners of that kind only, as the plan classes its owners', async () => {
    const roles = await talk('which roles own items?', '2018-01-15');
    expect(roles.error, roles.text).toBeUndefined();
    expect(roles.text.split('\n')[0]).toMatch(/^By role · as at 15 Jan 2018 — \d+ items, \d+ roles$/);
    const roleNames = roles.breakdown!.rows.map((r) => r.name);
    expect(roleNames).toContain('Portfolio Office');
    expect(roleNames).not.toContain('Karen Georgiou');
    const people = await talk('list the people', '2018-01-15');
    const names = people.breakdown!.rows.map((r) => r.name);
    expect(names).toContain('Karen Georgiou');
    expect(names).not.toContain('Portfolio Office');
    expect(people.text.split('\n')[0]).toMatch(/^By person · as at 15 Jan 2018 — \d+ items, \d+ people$/);
  });

  it('what themes are there: every theme with its items, overdue and open', async () => {
    const reply = await talk('what themes are there?', '2018-01-15');
    const themes = reply.text.split('\n').filter((l) => l.startsWith('• '));
    expect(themes).toHaveLength(10);
    expect(themes).toContain('• HR — 4 items (3 overdue, 3 open)');
  });

  it('words about the plan itself are never looked for in the items\' text', async () => {
    for (const q of ['most', 'the owners']) {
      const reply = await talk(q);
      expect(reply.error, q).toBe('not_understood');
    }
  });

  it('what is at risk: exactly the rows the paper rates red or amber', async () => {
    const reply = await talk("what's at risk?");
    expect(reply.text.split('\n')[0]).toMatch(/^At risk \(red or amber\) · as at 4 Oct 2017 — \d+ items$/);
    expect([...ids(reply)].sort()).toEqual([...(await paperRows('2017-10-04', 'red')), ...(await paperRows('2017-10-04', 'amber'))].sort());
  });

  it('overdue or due this month: the overdue items and those due this month, together', async () => {
    const both = await talk("what's overdue or due this month?");
    expect(both.text.split('\n')[0]).toMatch(/^Overdue or due 1 Oct – 31 Oct 2017 · as at 4 Oct 2017 — \d+ items$/);
    const overdue = ids(await talk("what's overdue?"));
    const dueNow = ids(await talk("what's due this month?"));
    expect([...ids(both)].sort()).toEqual([...new Set([...overdue, ...dueNow])].sort());
  });

  it('what is coming up: open items still to come, soonest first, ten at most', async () => {
    const reply = await talk("what's coming up?");
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.items.length).toBeGreaterThan(0);
    expect(reply.items.length).toBeLessThanOrEqual(10);
    const ends = reply.items.map((i) => i.delivery.end ?? '9999');
    expect(ends).toEqual([...ends].sort());
    expect(ends.every((e) => e >= '2017-10-04')).toBe(true);
  });
});

describe('completions in a period, from the trail', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
    const meta = { actor: 'N. Shackleton', source: 'cli' as const };
    await h.store.change({ ...meta, at: '2017-10-10T09:00:00Z', recId: '4.2.1', status: 'complete' });
    await h.store.change({ ...meta, actor: 'Rachel Wilkinson', at: '2017-11-20T09:00:00Z', recId: '4.1.1', status: 'complete' });
    // Reopened and completed again in December: counted once, on its last completion.
    await h.store.change({ ...meta, at: '2017-12-01T09:00:00Z', recId: '4.2.1', status: 'on_going' });
    await h.store.change({ ...meta, at: '2017-12-05T09:00:00Z', recId: '4.2.1', status: 'complete' });
  });
  afterAll(async () => h?.close());
  const talk = (q: string) => h.talk(q, { now: '2018-01-15T10:00:00Z', conversationKey: `done:${q}` });

  it.each([
    ['what was completed in October?', ['4.2.1'], 'Completed 1 Oct 2017 – 31 Oct 2017 · as at 15 Jan 2018 — 1 item'],
    ['what closed in November?', ['4.1.1'], null],
    ["what's been completed since October?", ['4.1.1', '4.2.1'], null],
    ['what did Rachel complete in November', ['4.1.1'], null],
    ['what was completed last month', ['4.2.1'], null],
    ['what was completed in September?', [], null],
  ])('%s', async (q, expected, line) => {
    const reply = await talk(q);
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(expected);
    if (line) expect(reply.text.split('\n')[0]).toBe(line);
  });

  it('each says the day it was completed and who did it', async () => {
    const reply = await talk("what's been completed since October?");
    expect(reply.text).toMatch(/• 4\.2\.1 .* — completed 5 Dec 2017 by N\. Shackleton/);
    expect(reply.text).toMatch(/• 4\.1\.1 .* — completed 20 Nov 2017 by Rachel Wilkinson/);
  });
});

describe('a Slack user mentioned as the owner', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
    await new DrizzlePeopleStore(h.database.db).link('U0KAREN01', 'Karen Georgiou', false, { actor: 'U0ADMIN01', source: 'slack', at: '2017-10-04T09:00:00Z' });
  });
  afterAll(async () => h?.close());
  const talk = (q: string, people = true) =>
    ask({ ...h.context({ now: '2017-10-10T10:00:00Z', conversationKey: `mention:${q}` }), ...(people ? { people: new DrizzlePeopleStore(h.database.db) } : {}) }, q);

  it.each(["what's overdue for <@U0KAREN01>?", "what's overdue for <@U0KAREN01|karen>?"])('%s: the owners they are linked to', async (q) => {
    const reply = await talk(q);
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text.split('\n')[0]).toMatch(/^Overdue · owned by Karen Georgiou · as at 10 Oct 2017 — \d+ items$/);
    expect(ids(reply)).toEqual(ids(await talk("what's overdue for Karen Georgiou?")));
  });

  it('someone linked to no owner: says so, and how to link them', async () => {
    const reply = await talk('what does <@U0NOBODY1> own?');
    expect(reply.error).toBe('not_found');
    expect(reply.text).toBe('<@U0NOBODY1> is not linked to any owner in concerto-2017. An admin links them with `link <@U0NOBODY1> "Owner name"`, or ask about the owner by name.');
  });

  it('an admin assigns by mention: the owner the person is linked to, never the mention itself', async () => {
    const given = await talk('reassign 4.2.2 from Shackleton to <@U0KAREN01|karen>');
    expect(given.error, given.text).toBeUndefined();
    expect(given.text).toBe('4.2.2 is now owned by Karen Georgiou (was N. Shackleton).');
    const unknown = await talk('add <@U0NOBODY1> as an owner of 4.2.2');
    expect(unknown).toMatchObject({ error: 'invalid', text: '<@U0NOBODY1> is not linked to an owner yet. An admin links them with `link <@U0NOBODY1> "Owner name"`, or name the owner instead.' });
    expect((await h.store.get('4.2.2'))!.owners).toEqual(['Karen Georgiou']);
    expect((await h.store.owners()).some((o) => o.includes('<@'))).toBe(false);
  });

  it('where nobody is linked (the terminal), a mention is refused with what to type instead', async () => {
    const reply = await talk("what's overdue for <@U0KAREN01>?", false);
    expect(reply.error).toBe('invalid');
    expect(reply.text).toMatch(/name the owner instead/);
  });
});

