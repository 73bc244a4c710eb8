import { describe, expect, it } from 'vitest';
import type { ItemView } from '../../../src/core/ask/reply.js';
import { digestPartKey, digestParts, followUps, LINES_PER_PART } from '../../../src/core/reminders/digest-parts.js';
import type { DigestPartPayload, DigestPayload } from '../../../src/core/reminders/outbox-message.js';

const view = (id: string): ItemView => ({
  id,
  title: `Item ${id}`,
  theme: 'Governance',
  owners: ['Chief Executive'],
  status: 'on_going',
  delivery: { text: 'September 2017', start: '2017-09-01', end: '2017-09-30', precision: 'month' },
  overdue: true,
});
const views = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => view(`${prefix}.${i + 1}`));

function digest(overdue: number, dueSoon = 0, completed = 0): DigestPayload {
  return {
    kind: 'digest',
    on: '2017-12-04',
    planTitle: 'Action plan',
    overdue: views('1', overdue),
    dueSoon: views('2', dueSoon),
    completed: views('3', completed),
    byStatus: [{ status: 'on_going', count: overdue + dueSoon }],
    total: overdue + dueSoon + completed,
  };
}

const KEY = 'digest:CBOARD:2017-12-04';
/** A part's lines as the view lays them out: a heading per slice, "none" under an empty list, one per item. */
const lines = (p: DigestPartPayload) => p.lists.reduce((n, s) => n + 1 + (s.total ? s.items.length : 1), 0);
const ids = (parts: Array<{ payload: DigestPartPayload }>, list: string) =>
  parts.flatMap((p) => p.payload.lists.filter((s) => s.list === list).flatMap((s) => s.items.map((i) => i.id)));

describe('digestParts: the digest\'s details, split into thread messages', () => {
  it('a small digest is one part with all three lists, "none" for the empty ones', () => {
    const parts = digestParts(KEY, digest(3), '1700000000.000100');
    expect(parts).toEqual([
      {
        key: 'digest:CBOARD:2017-12-04#1',
        payload: {
          kind: 'digest_part',
          on: '2017-12-04',
          part: 1,
          of: 1,
          threadRef: '1700000000.000100',
          lists: [
            { list: 'overdue', total: 3, continued: false, items: views('1', 3) },
            { list: 'dueSoon', total: 0, continued: false, items: [] },
            { list: 'completed', total: 0, continued: false, items: [] },
          ],
        },
      },
    ]);
  });

  it('200 overdue: six parts of at most 40 lines, every item once and in order, the list continued under its heading', () => {
    const parts = digestParts(KEY, digest(200), 'ts');
    expect(parts.map((p) => p.key)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${KEY}#${n}`));
    expect(parts.map((p) => [p.payload.part, p.payload.of])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, 6]));
    for (const p of parts) expect(lines(p.payload)).toBeLessThanOrEqual(LINES_PER_PART);
    expect(parts.slice(0, 5).map((p) => lines(p.payload))).toEqual([40, 40, 40, 40, 40]);
    expect(ids(parts, 'overdue')).toEqual(views('1', 200).map((v) => v.id));
    expect(parts.map((p) => p.payload.lists[0]!.continued)).toEqual([false, true, true, true, true, true]);
    expect(parts[5]!.payload.lists.map((s) => s.list)).toEqual(['overdue', 'dueSoon', 'completed']);
    expect(parts.every((p) => p.payload.threadRef === 'ts')).toBe(true);
  });

  it('never leaves a heading alone at the foot of a part', () => {
    // 38 overdue fill 39 lines: the next list's heading and its "none" both go to part 2.
    const parts = digestParts(KEY, digest(38, 0, 5), null);
    expect(parts.map((p) => p.payload.lists.map((s) => s.list))).toEqual([['overdue'], ['dueSoon', 'completed']]);
    // 37 overdue fill 38 lines: due soon (empty) fits below them; completed starts part 2.
    const fits = digestParts(KEY, digest(37, 0, 5), null);
    expect(fits.map((p) => p.payload.lists.map((s) => s.list))).toEqual([['overdue', 'dueSoon'], ['completed']]);
    for (const p of [...parts, ...fits]) for (const s of p.payload.lists) expect(s.items.length > 0 || s.total === 0).toBe(true);
  });

  it('every list of a big digest is complete, whatever the mix', () => {
    for (const [o, d, c] of [[0, 0, 0], [39, 39, 39], [1, 200, 77], [500, 0, 3]] as const) {
      const parts = digestParts(KEY, digest(o, d, c), null);
      expect(ids(parts, 'overdue')).toHaveLength(o);
      expect(ids(parts, 'dueSoon')).toHaveLength(d);
      expect(ids(parts, 'completed')).toHaveLength(c);
      for (const p of parts) expect(lines(p.payload)).toBeLessThanOrEqual(LINES_PER_PART);
      expect(new Set(parts.map((p) => p.key)).size).toBe(parts.length);
    }
  });

  it('the part keys derive from the digest\'s key, so queueing them again adds nothing', () => {
    expect(digestPartKey(KEY, 2)).toBe('digest:CBOARD:2017-12-04#2');
    expect(digestParts(KEY, digest(120), 'a')).toEqual(digestParts(KEY, digest(120), 'a'));
  });

  it('followUps: a sent digest brings its parts, threaded on the ref it was sent as; a nudge brings nothing', () => {
    const d = { id: 1, key: KEY, planId: 1, recipient: 'CBOARD', payload: digest(50), attempts: 1 };
    expect(followUps(d, '17.1')).toEqual(digestParts(KEY, d.payload, '17.1'));
    const nudge = { id: 2, key: 'overdue:1.1:U1:2017-12-04', planId: 1, recipient: 'U1', payload: { kind: 'overdue' as const, item: view('1.1'), lastUpdate: null, on: '2017-12-04' }, attempts: 1 };
    expect(followUps(nudge, '17.2')).toEqual([]);
    const part = digestParts(KEY, d.payload, '17.1')[0]!;
    expect(followUps({ id: 3, key: part.key, planId: 1, recipient: 'CBOARD', payload: part.payload, attempts: 1 }, '17.3')).toEqual([]);
  });
});
