import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, ids, openAsk, type AskHarness } from '../helpers/ask.js';
import type { Recommendation } from '../../src/core/plan/recommendation.js';
import { inSection } from '../../src/core/plan/recommendation-id.js';

/**
 * Parts of the bundled plan by their numbers: 4.2 is a heading over 4.2.1–4.2.3 and no item of its own, so
 * "status 4.2", "list 4.2" and "section 4" list what is under it; other questions narrow to it. Each list is
 * checked against the plan's own items.
 */
describe('sections of the plan, by number', () => {
  let h: AskHarness;
  let all: Recommendation[];
  let n = 0;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
    all = await h.store.find({});
  });
  afterAll(async () => h?.close());

  const talk = (q: string) => h.talk(q, { now: '2018-03-01T10:00:00Z', conversationKey: `sections:${(n += 1)}` });
  const under = (section: string, test: (r: Recommendation) => boolean = () => true) =>
    all.filter((r) => inSection(r.id, section) && test(r)).map((r) => r.id);

  it.each(['status 4.2', 'list 4.2', "what's in 4.2?", '4.2.x'])('%s lists the items under the heading 4.2', async (q) => {
    const reply = await talk(q);
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text.split('\n')[0]).toBe('Section 4.2 · as at 1 Mar 2018 — 3 items');
    expect(ids(reply)).toEqual(['4.2.1', '4.2.2', '4.2.3']);
  });

  it('section 4 is every item numbered 4.something, across its themes', async () => {
    const reply = await talk('list section 4');
    expect(ids(reply)).toEqual(under('4'));
    expect(new Set(all.filter((r) => inSection(r.id, '4')).map((r) => r.theme)).size).toBeGreaterThan(1);
  });

  it("what's overdue in section 9 is the overdue items numbered 9.something", async () => {
    const overdue = new Set(ids(await talk("what's overdue?")));
    const reply = await talk("what's overdue in section 9?");
    expect(ids(reply)).toEqual(under('9', (r) => overdue.has(r.id)));
    expect(ids(reply).length).toBeGreaterThan(0);
  });

  it("a section's summary counts its items only", async () => {
    const reply = await talk('how is section 9 doing?');
    expect(reply.text.split('\n')[0]).toBe(`Summary · section 9 · as at 1 Mar 2018 — ${under('9').length} items`);
  });

  it('an item that is there is still its card, and a number that is neither is still refused', async () => {
    expect((await talk('status 4.2.1')).text).toMatch(/^4\.2\.1 \(ICT\)/);
    const missing = await talk('status 4.7');
    expect(missing.error).toBe('not_found');
  });
});
