import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../../src/core/plan/recommendation.js';
import { STATUSES, type Status } from '../../../src/core/plan/status.js';
import type { RecQuery } from '../../../src/core/ports.js';
import { PlanModel } from '../../../src/store/read-model/plan-model.js';
import { sortKeyOf } from '../../../src/store/rec-rows.js';
import { seededRandom } from '../../helpers/seeded-random.js';

/**
 * The read model's indexes against the plainest possible reading of a query (filter everything,
 * sort by plan order), through thousands of seeded changes: puts, replacements and removals.
 */

const OWNERS = ['Karen Georgiou', 'Portfolio Office', 'N. Shackleton', 'ICT Lead', 'Rachel Wilkinson'];
const THEMES = ['Governance', 'ICT', 'Estates'];
const ENDS = [null, '2017-09-30', '2017-10-31', '2017-12-31', '2018-03-31', '2018-03-31', '2019-01-01'];

function item(random: () => number, id: string, version: number): Recommendation {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const end = pick(ENDS);
  const delivery = { text: end ? `by ${end}` : '', start: end ? '2017-01-01' : null, end, precision: 'day' as const };
  const owners = [...new Set([pick(OWNERS), ...(random() < 0.3 ? [pick(OWNERS)] : [])])];
  return {
    id,
    theme: pick(THEMES),
    text: `Item ${id}, version ${version}.`,
    owners,
    status: pick(STATUSES) as Status,
    delivery,
    baseline: delivery,
    revisions: 0,
    updates: Array.from({ length: Math.floor(random() * 3) }, (_, i) => ({ date: pick(['2017-09-01', '2017-10-01', '2017-10-01']), author: null, text: `update ${i}`, evidence: null, source: 'cli' as const })),
    waiting: null,
    proposal: null,
  };
}

function plainly(items: Map<string, Recommendation>, q: RecQuery): string[] {
  return [...items.values()]
    .filter((r) => {
      if (q.openOnly && (r.status === 'complete' || r.status === 'not_being_implemented')) return false;
      if (q.status && r.status !== q.status) return false;
      if (q.themes && !q.themes.includes(r.theme)) return false;
      if (q.owners && !r.owners.some((o) => q.owners!.includes(o))) return false;
      if ((q.endBefore || q.endFrom || q.endTo) && !r.delivery.end) return false;
      if (q.endBefore && !(r.delivery.end! < q.endBefore)) return false;
      if (q.endFrom && !(r.delivery.end! >= q.endFrom)) return false;
      if (q.endTo && !(r.delivery.end! <= q.endTo)) return false;
      return true;
    })
    .map((r) => r.id)
    .sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1));
}

const QUERIES: RecQuery[] = [
  {},
  { openOnly: true },
  { openOnly: true, endBefore: '2017-10-04' },
  { openOnly: true, endFrom: '2017-10-01', endTo: '2018-03-31' },
  { endTo: '2017-10-31' },
  { endFrom: '2018-03-31' },
  { status: 'awaiting_decision' },
  { owners: ['Karen Georgiou'] },
  { owners: ['ICT Lead', 'N. Shackleton'], openOnly: true, endBefore: '2018-01-01' },
  { themes: ['ICT'], status: 'on_going' },
  { owners: [] },
  { owners: ['Nobody'] },
];

describe('the read model of one plan', () => {
  it('answers every query as a plain filter does, through 3,000 seeded changes', () => {
    const random = seededRandom(16);
    const items = new Map<string, Recommendation>();
    const model = new PlanModel(THEMES, OWNERS);
    const ids = Array.from({ length: 300 }, (_, i) => `${1 + (i % 9)}.${1 + Math.floor(i / 9)}.${i % 4}`);
    for (let step = 0; step < 3_000; step++) {
      const id = ids[Math.floor(random() * ids.length)]!;
      if (random() < 0.1) {
        items.delete(id);
        model.remove(id);
      } else {
        const rec = item(random, id, step);
        items.set(id, rec);
        model.put(rec);
      }
      // Asked between checks too, so an answer remembered across a change would show.
      if (step % 100 === 49) for (const q of QUERIES) model.find(q);
      if (step % 100 === 99) {
        for (const q of QUERIES) {
          // Asked twice: the second answer is the remembered one, and what the first caller did to its array does not reach it.
          model.find(q).reverse();
          expect(model.find(q).map((r) => r.id), `${JSON.stringify(q)} at step ${step}`).toEqual(plainly(items, q));
        }
        expect(model.ids()).toEqual(plainly(items, {}));
        expect(model.size).toBe(items.size);
      }
    }
  });

  it('lists carry each item’s latest update — the latest date, the later entry on a tie — and `get` the whole log', () => {
    const model = new PlanModel([], []);
    const random = seededRandom(1);
    const rec = { ...item(random, '4.2.1', 1), updates: [
      { date: '2017-10-01', author: null, text: 'first of the day', evidence: null, source: 'cli' as const },
      { date: '2017-10-01', author: null, text: 'second of the day', evidence: null, source: 'cli' as const },
      { date: '2017-09-01', author: null, text: 'entered later, dated earlier', evidence: null, source: 'cli' as const },
    ] };
    model.put(rec);
    expect(model.find({})[0]!.updates.map((u) => u.text)).toEqual(['second of the day']);
    expect(model.get('4.2.1')!.updates).toHaveLength(3);
  });

  it('keeps its own copy: changing what was put, or what it handed out, changes nothing inside', () => {
    const model = new PlanModel([], []);
    const rec = item(seededRandom(2), '1.1', 1);
    model.put(rec);
    rec.owners.push('Someone Else');
    expect(model.get('1.1')!.owners).not.toContain('Someone Else');
    expect(() => (model.get('1.1')!.owners as string[]).push('x')).toThrow(TypeError);
    expect(() => ((model.find({})[0]!.delivery as { end: string }).end = '2030-01-01')).toThrow(TypeError);
  });

  it('hands back every value it was given, owned or copied, a revised baseline apart from its delivery and an unrevised one the same', () => {
    const model = new PlanModel([], []);
    const random = seededRandom(3);
    const revised = { ...item(random, '2.1', 1), baseline: { text: 'Autumn 2017', start: '2017-09-01', end: '2017-11-30', precision: 'season' as const }, revisions: 1 };
    const unrevised = item(random, '2.2', 1);
    const owned = item(random, '2.3', 1);
    const expected = structuredClone([revised, unrevised, owned]);
    const unrevisedBefore = { owners: unrevised.owners, updates: unrevised.updates, delivery: unrevised.delivery };
    model.put(revised);
    model.put(unrevised);
    model.put(owned, { owned: true });
    expect(['2.1', '2.2', '2.3'].map((id) => model.get(id))).toEqual(expected);
    expect(model.get('2.1')!.baseline).not.toBe(model.get('2.1')!.delivery);
    expect(model.get('2.2')!.baseline).toBe(model.get('2.2')!.delivery);
    // What the caller kept is untouched: the same arrays and objects, not frozen.
    expect(unrevised.owners).toBe(unrevisedBefore.owners);
    expect(unrevised.updates).toBe(unrevisedBefore.updates);
    expect(unrevised.delivery).toBe(unrevisedBefore.delivery);
    expect(Object.isFrozen(unrevised.delivery)).toBe(false);
  });
});
