import { expect } from 'vitest';
import type { HomeData, HomeItem } from '../../../src/core/ask/home.js';
import type { ItemView, Reply } from '../../../src/core/ask/reply.js';
import type { UpdateFormData } from '../../../src/core/ask/update-form.js';
import { STATUSES } from '../../../src/core/plan/status.js';

/** Text people (or a plan file) could send us that must never reach Slack raw. */
export const HOSTILE: Array<[string, string]> = [
  ['channel broadcast', 'ping <!channel> now'],
  ['here broadcast', '<!here|here> and <!everyone>'],
  ['user mention', 'ask <@U123|bob> & <@U999>'],
  ['forged link', 'see <https://evil.example|click here>'],
  ['bare @here', 'hey @here and @channel and @Everyone'],
  ['ampersand', 'Fish & chips &amp; &lt;b&gt;'],
  ['100 KB', `${'long line of text & <more> '.repeat(2000)}\n${'x'.repeat(100_000)}`],
  ['RTL override', 'invoice\u202Egnp.exe \u2066isolate\u2069'],
  ['emoji', '👍🏽'.repeat(3000)],
  ['many lines', Array.from({ length: 5000 }, (_, i) => `• line ${i} <!here>`).join('\n')],
];

export function item(i: number, over: Partial<ItemView> = {}): ItemView {
  return {
    id: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
    title: `Recommendation number ${i + 1}`,
    theme: `Theme ${i % 4}`,
    owners: ['Chief Executive', 'Head of ICT'],
    status: STATUSES[i % STATUSES.length]!,
    delivery: { text: 'By end 2017', start: '2017-12-01', end: '2017-12-31', precision: 'month' },
    overdue: i % 3 === 0,
    ...over,
  };
}

export const items = (n: number, over: Partial<ItemView> = {}) => Array.from({ length: n }, (_, i) => item(i, over));

export function reply(over: Partial<Reply> = {}): Reply {
  return { text: 'Here is what I found:', items: [], awaiting: null, ...over };
}

export function formData(over: Partial<UpdateFormData> = {}): UpdateFormData {
  return {
    id: '3.2',
    title: 'Review the ICT strategy',
    text: 'Review the ICT strategy. Report to the board.',
    theme: 'ICT',
    owners: ['Head of ICT'],
    status: 'on_going',
    statusLabel: 'On-going',
    statusOptions: [
      { status: 'on_going', label: 'On-going' },
      { status: 'awaiting_decision', label: 'Awaiting decision' },
      { status: 'complete', label: 'Complete' },
      { status: 'not_being_implemented', label: 'Not being implemented' },
    ],
    deliveryText: 'By end 2017',
    deliveryReading: 'By end 2017 (by 31 Dec 2017)',
    timeZone: 'Europe/London',
    recentUpdates: [
      { date: '2017-10-02', author: 'Karen', text: 'Draft strategy circulated.', evidence: null, source: 'slack' },
      { date: '2017-09-01', author: null, text: 'Work started.', evidence: 'https://example.org/minutes', source: 'cli' },
    ],
    ...over,
  };
}

export function homeItem(i: number, over: Partial<HomeItem> = {}): HomeItem {
  return { ...item(i), rag: (['red', 'amber', 'green', 'grey'] as const)[i % 4]!, ragReason: 'overdue', lastUpdate: null, ...over };
}

export function home(over: Partial<HomeData> = {}): HomeData {
  return {
    viewer: { name: 'Karen', owns: ['Head of ICT'], linked: true },
    today: '2018-01-15',
    planTitle: 'Governance review action plan',
    mine: [homeItem(0), homeItem(1, { lastUpdate: formData().recentUpdates[0]! })],
    byStatus: STATUSES.map((status, i) => ({ status, count: i * 3 })),
    byTheme: [
      { theme: 'ICT', total: 10, open: 6, overdue: 2 },
      { theme: 'Finance', total: 5, open: 1, overdue: 0 },
    ],
    overdue: 2,
    total: 15,
    toSignOff: [],
    ...over,
  } as HomeData;
}

/** Every text object in a Block Kit tree, by kind, plus every string anywhere (values, metadata, ids). */
export function texts(node: unknown, out = { mrkdwn: [] as string[], plain: [] as string[], strings: [] as string[] }) {
  if (typeof node === 'string') out.strings.push(node);
  else if (Array.isArray(node)) node.forEach((x) => texts(x, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.mrkdwn.push(o.text);
    if (o.type === 'plain_text' && typeof o.text === 'string') out.plain.push(o.text);
    Object.values(o).forEach((x) => texts(x, out));
  }
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What "never appears raw" means: no control characters Slack interprets in mrkdwn, no broadcasts, no spoofing, no broken emoji. */
export function expectSafe(node: unknown, topLevelText?: string): void {
  const t = texts(node);
  for (const s of [...t.mrkdwn, ...(topLevelText === undefined ? [] : [topLevelText])]) {
    expect(s).not.toMatch(/[<>]/);
    expect(s).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(s).not.toMatch(/@(channel|here|everyone)\b/i);
  }
  for (const s of [...t.mrkdwn, ...t.plain]) {
    expect(s).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(s).not.toMatch(LONE_SURROGATE);
  }
}
