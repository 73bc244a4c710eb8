import { describe, expect, it } from 'vitest';
import { assertMessage, LIMITS, textLength, type Block } from '../../../src/slack/block-kit.js';
import { ACTION } from '../../../src/slack/ids.js';
import { decodeListValue, encodeListValue, PAGE_SIZE, replyMessage } from '../../../src/slack/views/reply-message.js';
import { expectSafe, HOSTILE, item, items, reply } from './fixtures.js';

const buttons = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
const sectionTexts = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
const withinLimits = (m: ReturnType<typeof replyMessage>) => {
  assertMessage(m);
  expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
  expect(m.text.length + textLength(m.blocks)).toBeLessThanOrEqual(LIMITS.messageText);
  expect(m.text.length).toBeLessThanOrEqual(300);
};

describe('replyMessage', () => {
  it('renders a short reply as an escaped section with a plain fallback', () => {
    const m = replyMessage(reply({ text: 'Item `3.2` is on-going & due <soon>.\nSecond line' }), { shareable: false });
    withinLimits(m);
    expect(m.text).toBe('Item `3.2` is on-going &amp; due &lt;soon&gt;.');
    expect(sectionTexts(m.blocks)).toEqual(['Item `3.2` is on-going &amp; due &lt;soon&gt;.\nSecond line']);
    expect(buttons(m.blocks)).toEqual([]);
  });

  it('splits long text into sections of at most 3000 on line boundaries', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${'y'.repeat(40)}`);
    const m = replyMessage(reply({ text: lines.join('\n') }), { shareable: false });
    withinLimits(m);
    const sections = sectionTexts(m.blocks);
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(3000);
    expect(sections.join('\n')).toBe(lines.join('\n'));
  });

  it('shows at most 20 items inline without paging them into sections', () => {
    const m = replyMessage(reply({ items: items(PAGE_SIZE) }), { shareable: false, source: 'list ICT' });
    expect(m.blocks).toHaveLength(1);
  });

  it("shows an item's priority beside its status, escaped, when the plan gives one", () => {
    const list = [item(0, { priority: 'High' }), item(1, { priority: '<P1> & urgent' }), item(2)];
    const m = replyMessage(reply({ text: '25 items:', items: [...list, ...items(PAGE_SIZE + 5).slice(3)] }), { page: 0, shareable: false, source: 'list' });
    const listed = sectionTexts(m.blocks).slice(1);
    expect(listed[0]).toMatch(/ · High priority( — \*overdue\*)?$/);
    expect(listed[1]).toContain(' · &lt;P1&gt; &amp; urgent priority');
    expect(listed[2]).not.toContain('priority');
  });

  it('says what an item awaiting a decision waits on, escaped, under its status', () => {
    const waits = item(0, { status: 'awaiting_decision', waiting: { what: 'agreement of the <new> framework', board: 'SAS' } });
    const m = replyMessage(reply({ text: '25 items:', items: [waits, ...items(PAGE_SIZE + 5).slice(1)] }), { page: 0, shareable: false, source: 'list' });
    const listed = sectionTexts(m.blocks).slice(1);
    expect(listed[0]).toContain('\n_waiting on agreement of the &lt;new&gt; framework (SAS)_');
    expect(listed[1]).not.toContain('waiting on');
  });

  describe('a 500-item reply', () => {
    const big = reply({ text: '500 items as at 1 Jan 2018:\n• 1.1 First — x — y — z\n…and 460 more. Narrow it down.', items: items(500) });
    const pages = Array.from({ length: 25 }, (_, p) => replyMessage(big, { page: p, shareable: true, source: 'list everything' }));

    it('page 0 shows items 1–20 and a show-more for 21–40', () => {
      const m = pages[0]!;
      expect(sectionTexts(m.blocks)[0]).toBe('500 items as at 1 Jan 2018:');
      const listed = sectionTexts(m.blocks).slice(1);
      expect(listed).toHaveLength(20);
      expect(listed[0]).toContain('*1.1* Recommendation number 1\n');
      expect(listed[19]).toContain('Recommendation number 20\n');
      const more = buttons(m.blocks).find((b) => b.action_id === ACTION.showMore)!;
      expect(more.text.text).toBe('Show more (21–40 of 500)');
      expect(decodeListValue(more.value)).toEqual({ q: 'list everything', p: 1 });
      const share = buttons(m.blocks).find((b) => b.action_id === ACTION.share)!;
      expect(decodeListValue(share.value)).toEqual({ q: 'list everything', p: 0 });
    });

    it('every page stays within 50 blocks and 12,000 characters', () => {
      pages.forEach(withinLimits);
    });

    it('the last page shows 481–500 and has no show-more', () => {
      const last = pages[24]!;
      expect(sectionTexts(last.blocks).slice(1)[0]).toContain('Recommendation number 481');
      expect(buttons(last.blocks).map((b) => b.action_id)).toEqual([ACTION.share]);
      expect(JSON.stringify(last)).toContain('Showing 481–500 of 500');
    });

    it('clamps a page past the end to the last page', () => {
      expect(replyMessage(big, { page: 99, shareable: true, source: 'q' }).blocks).toEqual(replyMessage(big, { page: 24, shareable: true, source: 'q' }).blocks);
    });

    it('marks overdue items with a red dot', () => {
      const [first, second] = sectionTexts(pages[0]!.blocks).slice(1);
      expect(first).toMatch(/^🔴 /);
      expect(first).toContain('*overdue*');
      expect(second).not.toContain('🔴');
    });

    it('omits the re-running buttons without the question', () => {
      expect(buttons(replyMessage(big, { shareable: true }).blocks)).toEqual([]);
    });
  });

  it('keeps a long question inside the 2000-character button value', () => {
    const q = `list ${'"quoted" 👍🏽 \u0001'.repeat(500)}`;
    const value = encodeListValue(q, 3);
    expect(value.length).toBeLessThanOrEqual(2000);
    const decoded = decodeListValue(value)!;
    expect(decoded.p).toBe(3);
    expect(q.startsWith(decoded.q)).toBe(true);
    const m = replyMessage(reply({ items: items(50) }), { shareable: true, source: q });
    withinLimits(m);
  });

  it('rejects malformed button values', () => {
    for (const v of [undefined, '', 'nope', '{"q":1,"p":0}', '{"q":"x","p":-1}', '{"q":"x","p":1.5}', 'null']) expect(decodeListValue(v)).toBeNull();
  });

  it('offers up to 5 choice buttons, each in its own block, when a question is awaited', () => {
    const three = replyMessage(reply({ awaiting: 'choose_owner', choices: ['Karen', 'Karl', 'Kate'] }), { shareable: false });
    withinLimits(three);
    expect(buttons(three.blocks).map((b) => [b.action_id, b.value])).toEqual([
      [ACTION.choose, 'Karen'],
      [ACTION.choose, 'Karl'],
      [ACTION.choose, 'Kate'],
    ]);
    const eight = replyMessage(reply({ awaiting: 'status', choices: Array.from({ length: 8 }, (_, i) => `Choice ${i}`) }), { shareable: false });
    expect(buttons(eight.blocks)).toHaveLength(5);
    expect(JSON.stringify(eight)).toContain('reply with the number of your choice (1–8)');
    expect(buttons(replyMessage(reply({ choices: ['a'] }), { shareable: false }).blocks)).toEqual([]);
  });

  it.each(HOSTILE)('hostile text (%s) never appears raw and never breaks a limit', (_name, bad) => {
    const hostileItems = items(45, { title: bad, owners: [bad, bad], delivery: { text: bad, start: null, end: null, precision: 'none' } });
    hostileItems[0] = item(0, { id: bad });
    const m = replyMessage(reply({ text: `${bad}\n${bad}`, items: hostileItems, awaiting: 'choose_owner', choices: [bad, 'ok', bad.slice(0, 10)] }), { page: 0, shareable: true, source: bad });
    withinLimits(m);
    expectSafe(m.blocks, m.text);
    for (const b of buttons(m.blocks)) expect(b.value!.length).toBeLessThanOrEqual(2000);
  });

  it('an empty reply still has fallback text', () => {
    const m = replyMessage(reply({ text: '' }), { shareable: false });
    withinLimits(m);
    expect(m.blocks).toEqual([]);
  });
});
