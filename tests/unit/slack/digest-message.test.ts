import { describe, expect, it } from 'vitest';
import { digestParts } from '../../../src/core/reminders/digest-parts.js';
import type { DigestPayload } from '../../../src/core/reminders/outbox-message.js';
import { STATUSES } from '../../../src/core/plan/status.js';
import { assertMessage, LIMITS, textLength, type Block, type Message } from '../../../src/slack/block-kit.js';
import { digestPartMessage, digestSummary } from '../../../src/slack/views/digest-message.js';
import { expectSafe, HOSTILE, item, items } from './fixtures.js';

const sectionTexts = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'section' ? [b.text.text] : []));
const withinLimits = (m: Message) => {
  assertMessage(m);
  expect(m.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
  expect(m.text.length + textLength(m.blocks)).toBeLessThanOrEqual(LIMITS.messageText);
};

function digest(over: Partial<DigestPayload> = {}): DigestPayload {
  return {
    kind: 'digest',
    on: '2017-12-04',
    planTitle: 'Governance review action plan',
    overdue: items(200),
    dueSoon: items(3),
    completed: [],
    byStatus: STATUSES.map((status, i) => ({ status, count: i })),
    total: 203,
    ...over,
  };
}
const partsOf = (d: DigestPayload) => digestParts('digest:C1:2017-12-04', d, '1.2').map((p) => digestPartMessage(p.payload));

describe('the weekly digest in Slack', () => {
  it('the summary counts the lists and points to the thread', () => {
    const m = digestSummary(digest());
    withinLimits(m);
    expect(m.text).toBe('Weekly digest — Governance review action plan, 4 Dec 2017: 200 overdue, 3 due in the next two weeks, 0 completed since the last digest.');
    expect(JSON.stringify(m.blocks)).toContain('Details in the thread.');
  });

  it('each part says which part it is, lists its items ten lines to a section, and continues a list under its heading', () => {
    const parts = partsOf(digest());
    expect(parts).toHaveLength(6);
    expect(parts.map((m) => m.text)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Weekly digest 4 Dec 2017: details, part ${n} of 6`));
    const first = sectionTexts(parts[0]!.blocks);
    expect(first).toHaveLength(4);
    expect(first[0]!.split('\n')[0]).toBe('*Overdue* (200)');
    expect(sectionTexts(parts[1]!.blocks)[0]!.split('\n')[0]).toBe('*Overdue* (200, continued)');
    const last = sectionTexts(parts[5]!.blocks).join('\n');
    expect(last).toContain('*Due in the next two weeks* (3)');
    expect(last).toContain('*Completed since the last digest* (0)\n_none_');
    const listed = parts.flatMap((m) => sectionTexts(m.blocks).join('\n').split('\n')).filter((l) => l.startsWith('• '));
    expect(listed).toHaveLength(203);
    expect(listed[0]).toBe('• *1.1* Recommendation number 1 — Chief Executive, Head of ICT — By end 2017');
    parts.forEach(withinLimits);
  });

  it('a one-part digest does not number its part', () => {
    expect(partsOf(digest({ overdue: items(2), dueSoon: [] })).map((m) => m.text)).toEqual(['Weekly digest 4 Dec 2017: details']);
  });

  it.each(HOSTILE)('the longest possible part stays within Slack\'s limits and escapes %s', (_name, text) => {
    const long = items(45, { id: text, title: text, owners: [text, text], delivery: { text, start: null, end: null, precision: 'unknown' } as never });
    const d = digest({ planTitle: text, overdue: long, dueSoon: long, completed: long });
    const summary = digestSummary(d);
    withinLimits(summary);
    expectSafe(summary.blocks, summary.text);
    for (const m of partsOf(d)) {
      withinLimits(m);
      expectSafe(m.blocks, m.text);
    }
  });

  it('a single item renders its id, title, owners and delivery', () => {
    const [m] = partsOf(digest({ overdue: [item(0, { id: '9.3.1', title: 'Review & report', owners: ['Chief Constables'], delivery: { text: 'Autumn 2017', start: null, end: '2017-11-30', precision: 'season' } as never })], dueSoon: [] }));
    expect(sectionTexts(m!.blocks).join('\n')).toContain('• *9.3.1* Review &amp; report — Chief Constables — Autumn 2017');
  });
});
