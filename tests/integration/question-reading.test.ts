import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, ids, openAsk, owner, type AskHarness } from '../helpers/ask.js';

/**
 * Every list or count starts with one line of how the question was read, so a misreading shows at
 * once; a theme typed one letter wrong is asked about, never assumed. On the bundled plan, 4 Oct 2017.
 */

const ON_4_OCT = '2017-10-04T10:00:00Z';

describe('the reading line: what was understood, then how many', () => {
  let h: AskHarness;
  let turn = 0;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
  });
  afterAll(async () => h?.close());

  const talk = (q: string, actor = admin()) => h.talk(q, { now: ON_4_OCT, actor, conversationKey: `reading:${(turn += 1)}` });

  it.each([
    ["what's overdue?", 'Overdue · as at 4 Oct 2017 — 6 items'],
    ["what's Karen got that's overdue", 'Overdue · owned by Karen Georgiou · as at 4 Oct 2017 — 4 items'],
    ['how many items are overdue?', '6 items — overdue · as at 4 Oct 2017'],
    ["how many of Rachel's are complete?", '1 item — complete · owned by Rachel Wilkinson · as at 4 Oct 2017'],
    ['open items not owned by the Portfolio Office', 'Open · not owned by Portfolio Office · as at 4 Oct 2017 — 13 items'],
    ['the five most overdue', 'Overdue · most overdue first · the first 5 · as at 4 Oct 2017 — 5 items'],
    ["what's due after Christmas", 'Due after 25 Dec 2017 · as at 4 Oct 2017 — 2 items'],
    ['list', 'All items · as at 4 Oct 2017 — 30 items'],
    ['anything late for shackleton', 'Overdue · owned by N. Shackleton · as at 4 Oct 2017 — no items'],
    ['how many are overdue in ICT?', '0 items — overdue · in ICT · as at 4 Oct 2017'],
    ['everything except ICT that is on going', 'On-going · outside ICT · as at 4 Oct 2017 — 10 items'],
  ])('%s → %s', async (q, line) => {
    const reply = await talk(q);
    expect(reply.text.split('\n')[0]).toBe(line);
    // The line's number is the list's length.
    const n = /(\d+) items?|no items/.exec(line)!;
    expect(reply.items.length).toBe(n[1] === undefined ? 0 : Number(n[1]));
  });

  it('"mine" says whose items it read as yours', async () => {
    const reply = await talk('mine', owner('Rachel Wilkinson'));
    expect(reply.text.split('\n')[0]).toMatch(/^Owned by you \(Rachel Wilkinson\) · as at 4 Oct 2017 — \d+ items?$/);
  });

  it('the same reading comes out as data beside the reply', async () => {
    const reply = await talk("what's Karen got that's overdue");
    expect(reply.query).toMatchObject({ read: { overdue: true, owner: 'Karen' }, understood: ['overdue', 'Karen'], owners: ['Karen Georgiou'] });
  });
});

describe('a theme typed one letter wrong', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
  });
  afterAll(async () => h?.close());

  it('is asked about with the near themes as choices, and the pick answers the question', async () => {
    const key = 'theme-typo:1';
    const asked = await h.talk("what's open in benfits", { now: ON_4_OCT, conversationKey: key });
    expect(asked.text).toMatch(/^No theme is called "benfits"\. Did you mean Delivering Projects and Realising Benefits\?/);
    expect(asked.awaiting).toBe('choose_theme');
    expect(asked.items).toEqual([]);
    const picked = await h.talk('1', { now: ON_4_OCT, conversationKey: key });
    expect(picked.text.split('\n')[0]).toMatch(/^Open · in Delivering Projects and Realising Benefits · as at 4 Oct 2017 — \d+ items?$/);
    expect(ids(picked).length).toBeGreaterThan(0);
  });

  it('"goverance" offers both governance themes rather than picking one', async () => {
    const asked = await h.talk("what's overdue in goverance", { now: ON_4_OCT, conversationKey: 'theme-typo:2' });
    expect(asked.choices).toEqual(['Governance', 'Governance and Accountability']);
  });

  it('a word near no theme or owner is still named as not understood', async () => {
    const reply = await h.talk("what's overdue in zxqvb", { now: ON_4_OCT, conversationKey: 'theme-typo:3' });
    expect(reply.text).toMatch(/not \*zxqvb\*/);
    expect(reply.items).toEqual([]);
  });
});
