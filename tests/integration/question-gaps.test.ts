import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, ids, openAsk, owner, type AskHarness } from '../helpers/ask.js';
import type { Recommendation } from '../../src/core/plan/recommendation.js';

/**
 * Gaps and alternatives asked of the bundled plan: how long items have been overdue, what has no date or no
 * update, "ICT or HR", several items by number, and when one item is due. Each list is checked against the
 * plan's own items, not against numbers copied from the answer.
 */
describe('gaps, alternatives and due dates in questions', () => {
  let h: AskHarness;
  let all: Recommendation[];
  let n = 0;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
    all = await h.store.find({});
  });
  afterAll(async () => h?.close());

  const talk = (q: string, day = '2018-03-01') => h.talk(q, { now: `${day}T10:00:00Z`, conversationKey: `gaps:${(n += 1)}` });
  const open = (r: Recommendation) => r.status !== 'complete' && r.status !== 'not_being_implemented';
  const idsWhere = (test: (r: Recommendation) => boolean) => all.filter(test).map((r) => r.id);

  it('one item as it stood on a past day: its status then, not now ("what was the status of 9.2.1 on 1 January?")', async () => {
    const before = (await talk('status 9.2.1')).items[0]!.status;
    // Late in February, after every window the other cases here ask about.
    const changed = await h.talk('status 9.2.1 awaiting decision', { actor: admin(), now: '2018-02-25T10:00:00Z', conversationKey: 'gaps:change' });
    expect(changed.error, changed.text).toBeUndefined();
    const then = await talk('what was the status of 9.2.1 on 1 January 2018?');
    expect(then.error, then.text).toBeUndefined();
    expect(then.text.split('\n')[0]).toBe('9.2.1 · as at 1 Jan 2018 — 1 item');
    expect(then.items.map((i) => [i.id, i.status])).toEqual([['9.2.1', before]]);
    expect(before).not.toBe('awaiting_decision');
    expect((await talk('status 9.2.1 as at 26 February 2018')).items[0]!.status).toBe('awaiting_decision');
    expect((await talk('status 9.2.1')).items[0]!.status).toBe('awaiting_decision');
  });

  it('"… compared with now": the same question then and today, under how it moved', async () => {
    const then = await talk('how many were overdue at the end of October?');
    const now = await talk('how many are overdue?');
    const both = await talk('how many were overdue at the end of October compared with now?');
    expect(both.error, both.text).toBeUndefined();
    const [a, b] = [then.items.length, now.items.length];
    expect(both.text.split('\n')[0]).toBe(`Then → now: ${a} → ${b}${a === b ? '' : ` (${b > a ? '+' : ''}${b - a})`}`);
    expect(both.text).toContain(then.text.split('\n')[0]);
    expect(both.text).toContain(now.text.split('\n')[0]);
    expect(ids(both)).toEqual(ids(now));
    const summary = await talk('how did we look on 1 November compared to today?');
    expect(summary.text.split('\n')[0]).toMatch(/^Then → now: overdue \d+ → \d+.* · complete \d+ → \d+.* · red \d+ → \d+/);
    expect(summary.text).toContain('Summary · all items · as at 1 Nov 2017');
  });

  it('overdue by more than three months: open items whose window ended before 1 December', async () => {
    const reply = await talk("what's overdue by more than 3 months?");
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text.split('\n')[0]).toBe('Overdue by more than 3 months (due before 1 Dec 2017) · as at 1 Mar 2018 — 13 items');
    expect(ids(reply)).toEqual(idsWhere((r) => open(r) && r.delivery.end !== null && r.delivery.end < '2017-12-01'));
  });

  it('overdue by less than three months is the rest of the overdue items', async () => {
    const more = ids(await talk("what's overdue by more than 3 months?"));
    const less = ids(await talk('what is overdue by less than 3 months'));
    const overdue = ids(await talk("what's overdue?"));
    expect(less.length).toBeGreaterThan(0);
    expect([...more, ...less].sort()).toEqual([...overdue].sort());
  });

  it('the oldest overdue item is the first of the most overdue', async () => {
    const one = await talk("what's the oldest overdue item?");
    const most = await talk('most overdue');
    expect(ids(one)).toEqual(ids(most).slice(0, 1));
  });

  it('no date: the open items whose delivery gives no date', async () => {
    const reply = await talk('which items have no date?');
    expect(reply.text.split('\n')[0]).toBe('Open, with no delivery date · as at 1 Mar 2018 — 2 items');
    expect(ids(reply)).toEqual(['4.2.1', '4.2.2']);
  });

  it('never updated: items with no update at all', async () => {
    const reply = await talk('which items have never been updated?');
    expect(ids(reply)).toEqual(idsWhere((r) => r.updates.length === 0));
    expect(ids(reply).length).toBeGreaterThan(0);
  });

  it('more than one owner: the items whose owners are two or more, overdue ones when asked', async () => {
    const reply = await talk('which items are owned by more than one person?');
    expect(reply.text.split('\n')[0]).toMatch(/^With more than one owner · as at 1 Mar 2018 — \d+ items$/);
    expect(ids(reply)).toEqual(idsWhere((r) => r.owners.length > 1));
    const overdue = new Set(ids(await talk("what's overdue?")));
    expect(ids(await talk('overdue items with several owners'))).toEqual(idsWhere((r) => r.owners.length > 1 && overdue.has(r.id)));
  });

  it('due in the next month is the month from today, not the calendar month after this one', async () => {
    const reply = await talk("what's due in the next month?", '2018-03-10');
    expect(reply.text.split('\n')[0]).toMatch(/^Due 10 Mar – 10 Apr 2018 · as at 10 Mar 2018 — /);
    expect((await talk("what's due next month?", '2018-03-10')).text.split('\n')[0]).toMatch(/^Due 1 Apr – 30 Apr 2018 · /);
  });

  it('no owner: none in the bundled plan, said as such', async () => {
    const reply = await talk('which items have no owner?');
    expect(reply.error).toBeUndefined();
    expect(reply.text).toBe('With no owner · as at 1 Mar 2018 — no items');
  });

  it('two themes after "for": items in either', async () => {
    const reply = await talk("what's overdue for ICT or HR?");
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text.split('\n')[0]).toMatch(/^Overdue · in ICT or HR · /);
    expect(ids(reply)).toEqual(idsWhere((r) => open(r) && (r.theme === 'ICT' || r.theme === 'HR') && r.delivery.end !== null && r.delivery.end < '2018-03-01'));
  });

  it('two owners: items owned by either', async () => {
    const reply = await talk('which items are owned by Karen or Rachel?');
    expect(reply.text.split('\n')[0]).toMatch(/^Owned by Karen Georgiou or Rachel Wilkinson · /);
    expect(ids(reply)).toEqual(idsWhere((r) => r.owners.includes('Karen Georgiou') || r.owners.includes('Rachel Wilkinson')));
  });

  it('a theme or an owner: items in the one or owned by the other', async () => {
    const reply = await talk('list ICT or Karen');
    expect(reply.text.split('\n')[0]).toMatch(/^In ICT or owned by Karen Georgiou · /);
    expect(ids(reply)).toEqual(idsWhere((r) => r.theme === 'ICT' || r.owners.includes('Karen Georgiou')));
  });

  it('a name that holds "and" is one name', async () => {
    const reply = await talk("what's due for PCC's and CC's");
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(idsWhere((r) => open(r) && r.owners.includes('PCC’s and CC’s')));
  });

  it('an alternative that names nothing is said, and nothing listed', async () => {
    const reply = await talk('overdue for Karen or Zebedee');
    expect(reply.error).toBe('not_understood');
    expect(reply.text).toMatch(/not \*Zebedee\*/);
  });

  it('two statuses: items at either', async () => {
    const reply = await talk("what's on-going or awaiting decision?");
    expect(reply.text.split('\n')[0]).toMatch(/^On-going or awaiting decision · /);
    expect(ids(reply)).toEqual(idsWhere((r) => r.status === 'on_going' || r.status === 'awaiting_decision'));
  });

  it('several items by number, and a number the plan lacks', async () => {
    const reply = await talk('status of 4.2.3, 9.9.9 and 4.2.1');
    expect(ids(reply)).toEqual(['4.2.1', '4.2.3']);
    expect(reply.text).toMatch(/concerto-2017 has no item 9\.9\.9/);
  });

  it.each([
    ['when is 4.2.3 due?', '4.2.3 is due "31 March 2018" (by 31 Mar 2018). That is 30 days from 1 Mar 2018; it is on-going.'],
    ["when's 9.1.1 due", '9.1.1 is due "By end 2017" (by 31 Dec 2017). It is overdue: 60 days past the end of its window.'],
    ['when is 5.1 due', '5.1 is due "September 2017" (1 Sep – 30 Sep 2017). It is complete.'],
  ])('%s', async (q, text) => {
    const reply = await talk(q);
    expect(reply.text).toBe(text);
  });

  it.each([
    ['has 4.2.3 slipped?', '4.2.3 is due "31 March 2018" (by 31 Mar 2018). That is 30 days from 1 Mar 2018; it is on-going. Its date has not moved: it is the one first given.'],
    ["has 9.1.1's date moved?", '9.1.1 is due "By end 2017" (by 31 Dec 2017). It is overdue: 60 days past the end of its window. Its date has not moved: it is the one first given.'],
    // Its first date, asked for: the same answer, which says whether the date has moved from it.
    ["what's the original date for 4.2.3?", '4.2.3 is due "31 March 2018" (by 31 Mar 2018). That is 30 days from 1 Mar 2018; it is on-going. Its date has not moved: it is the one first given.'],
    ['when was 9.1.1 originally due?', '9.1.1 is due "By end 2017" (by 31 Dec 2017). It is overdue: 60 days past the end of its window. Its date has not moved: it is the one first given.'],
  ])('%s', async (q, text) => {
    expect((await talk(q)).text).toBe(text);
  });

  it('"show updates for 4.2.1": every update on the item, oldest first, with its date and author', async () => {
    const reply = await talk('show updates for 4.2.1');
    expect(reply.error, reply.text).toBeUndefined();
    const lines = reply.text.split('\n');
    expect(lines[0]).toMatch(/^1 update on 4\.2\.1 \(A mechanism for capturing/);
    expect(lines[1]).toMatch(/^— 20 Jul 2017, N\. Shackleton: On the 21st June 2017 an ICT workshop/);
    expect(ids(reply)).toEqual(['4.2.1']);
  });

  it('an item without updates says how to post one', async () => {
    const reply = await talk('all updates on 9.3.1');
    expect(reply.text).toBe('9.3.1 has no updates yet. Its owner posts one with `update 9.3.1 <what happened>`.');
  });

  it('when an item with no date is due says how to give it one', async () => {
    const reply = await talk('when is 4.2.1 due?');
    expect(reply.text).toMatch(/^4\.2\.1 has no delivery date\. .*`date 4\.2\.1 <when>`/);
  });

  it('changes in a closed window stop at its end; "since" runs to today', async () => {
    const as = (who: string, day: string) => ({ actor: owner(who), now: `${day}T09:00:00Z`, conversationKey: `gaps:${(n += 1)}` });
    expect((await h.talk('update 5.2 papers sent to the OPCCs', as('Karen Georgiou', '2018-01-10'))).error).toBeUndefined();
    expect((await h.talk('update 4.1.1 TOM review started', as('Rachel Wilkinson', '2018-02-06'))).error).toBeUndefined();
    const january = await talk('what changed in January?', '2018-02-20');
    expect(january.text.split('\n')[0]).toBe('Changed after 31 Dec 2017 · up to 31 Jan 2018 — 1 item');
    expect(ids(january)).toEqual(['5.2']);
    const lastWeek = await talk('what changed last week?', '2018-02-14');
    expect(lastWeek.text.split('\n')[0]).toBe('Changed after 4 Feb 2018 · up to 11 Feb 2018 — 1 item');
    expect(ids(lastWeek)).toEqual(['4.1.1']);
    const since = await talk('what changed since 1 January?', '2018-02-20');
    expect(ids(since)).toEqual(['4.1.1', '5.2']);
    const backwards = await talk('what changed between 31 January and 1 January?', '2018-02-20');
    expect(backwards.error).toBe('invalid');
    // Days counted back from today, which no delivery date is written as.
    const yesterday = await talk('what was updated yesterday?', '2018-02-07');
    expect(yesterday.text.split('\n')[0]).toBe('Changed after 5 Feb 2018 · up to 6 Feb 2018 — 1 item');
    expect(ids(yesterday)).toEqual(['4.1.1']);
    expect(ids(await talk('what changed today?', '2018-02-06'))).toEqual(['4.1.1']);
    expect(ids(await talk("what's changed since yesterday?", '2018-02-07'))).toEqual(['4.1.1']);
    expect(ids(await talk('what changed yesterday?', '2018-02-08'))).toEqual([]);
  });

  it('the paper asked for in words: its dates checked, and the export command that makes it', async () => {
    const reply = await talk('send me the board paper as at 1 November 2017 in Excel since 4 October 2017');
    expect(reply.error).toBeUndefined();
    expect(reply.paper?.request).toEqual({ format: 'xlsx', asAt: '2017-11-01', since: '2017-10-03' });
    expect(reply.text).toContain('`concerto export --plan concerto-2017 --format xlsx --as-of 2017-11-01 --since 2017-10-03 -o paper.xlsx`');
    const refused = await talk('board paper as at 1 January 2017');
    expect(refused.error).toBe('unreadable_date');
    expect(refused.text).toMatch(/^The plan begins on 4 October 2017/);
  });

  it('a revised date names its baseline', async () => {
    const owner = { actor: admin(), now: '2018-03-01T09:00:00Z', conversationKey: 'gaps:redate' };
    expect((await h.talk('date 4.2.3 Q2 2018', owner)).error).toBeUndefined();
    const reply = await talk('when is 4.2.3 due?');
    expect(reply.text).toMatch(/^4\.2\.3 is due "Q2 2018" \(1 Apr – 30 Jun 2018\)\..* Its baseline was 31 March 2018 \(by 31 Mar 2018\), revised 1 time\.$/);
    expect((await talk('was 4.2.3 pushed back?')).text).toMatch(/ Its baseline was 31 March 2018 \(by 31 Mar 2018\), revised 1 time\.$/);
  });
});
