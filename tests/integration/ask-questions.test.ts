import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readDelivery } from '../../src/core/dates/read-delivery.js';
import type { Actor } from '../../src/core/ask/actor.js';
import type { Reply } from '../../src/core/ask/reply.js';
import type { PlanRecommendation } from '../../src/core/plan/plan-file.js';
import { admin, bundledPlanFile, DEFAULT_NOW, ids, openAsk, owner, stranger, type AskHarness } from '../helpers/ask.js';

/**
 * Questions about the plan, asked through `ask()` against the bundled plan in PGlite.
 * Expected ids are worked out here from the plan file itself, not from the store or the query code.
 */

const plan = bundledPlanFile();
const CLOSED = new Set(['complete', 'not_being_implemented']);
const isOpen = (r: PlanRecommendation) => !CLOSED.has(r.status);

/** Each item's delivery window, read as of the plan's own date (as the plan was written). */
const windows = new Map(
  plan.recommendations.map((r) => {
    const read = readDelivery(r.delivery, { today: plan.asOf, timeZone: plan.timeZone });
    if (!read.ok) throw new Error(`bundled plan: ${r.id} has an unreadable delivery date "${r.delivery}"`);
    return [r.id, read.window] as const;
  }),
);
const endOf = (r: PlanRecommendation) => windows.get(r.id)!.end;
const where = (pred: (r: PlanRecommendation) => boolean) => plan.recommendations.filter(pred).map((r) => r.id);

function overdueAt(day: string): string[] {
  return where((r) => isOpen(r) && endOf(r) !== null && endOf(r)! < day);
}
const owns = (name: string) => (r: PlanRecommendation) => r.owners.includes(name);
const at = (day: string) => `${day}T10:00:00Z`;

const OVERDUE_4_OCT = ['1.1', '3.6', '4.0.1', '5.2', '9.2.1', '9.2.2'];
const KAREN = ['1.1', '3.4', '3.6', '4.0.1', '4.0.2', '5.1', '5.2', '5.3', '7.1'];

let h: AskHarness;
beforeAll(async () => {
  h = await openAsk();
});
afterAll(async () => h?.close());

describe('the plan as the tests read it', () => {
  it('has 30 recommendations in plan order', () => {
    expect(plan.recommendations).toHaveLength(30);
    expect(plan.asOf).toBe('2017-10-04');
  });

  it('hand-check: exactly six items are overdue on 4 October 2017', () => {
    expect(overdueAt('2017-10-04')).toEqual(OVERDUE_4_OCT);
  });
});

describe("what's overdue at several dates", () => {
  // The hand-worked answer beside each date: September items end 30 Sep; "immediate" items end on the
  // plan's date (4 Oct); November and "Autumn 2017" end 30 Nov; "By end 2017" 31 Dec; 4.2.3 on 31 Mar 2018.
  const rows: Array<{ day: string; expected: string[] }> = [
    { day: '2017-10-04', expected: OVERDUE_4_OCT },
    { day: '2017-10-01', expected: OVERDUE_4_OCT },
    { day: '2017-12-01', expected: ['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1'] },
    { day: '2018-01-01', expected: ['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '5.2', '9.1.1', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1'] },
    {
      day: '2018-04-02',
      expected: ['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '4.2.3', '5.2', '9.1.1', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1'],
    },
    {
      day: '2019-01-01',
      expected: ['1.1', '3.6', '4.0.1', '4.1.1', '4.1.2', '4.1.3', '4.2.3', '5.2', '9.1.1', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1'],
    },
  ];

  it.each(rows)('on $day', async ({ day, expected }) => {
    expect(overdueAt(day)).toEqual(expected);
    const reply = await h.talk("what's overdue", { now: at(day) });
    expect(reply.error).toBeUndefined();
    expect(reply.awaiting).toBeNull();
    expect(ids(reply)).toEqual(overdueAt(day));
    expect(reply.items.map((i) => i.overdue)).toEqual(expected.map(() => true));
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const shown = `${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
    expect(reply.text.split('\n')[0]).toBe(`Overdue · as at ${shown} — ${expected.length} items`);
    expect(reply.text.split('\n')).toHaveLength(expected.length + 1);
  });
});

describe('natural questions', () => {
  type Row = {
    message: string;
    actor?: Actor;
    now?: string;
    /** Exactly these ids, in plan order. */
    expected: string[];
    check?: (reply: Reply) => void;
  };

  const rows: Row[] = [
    {
      message: 'what does Karen own?',
      expected: where(owns('Karen Georgiou')),
      check: (r) => expect(r.text.split('\n')[0]).toBe('Owned by Karen Georgiou · as at 4 Oct 2017 — 9 items'),
    },
    {
      message: 'anything late for the Portfolio Office?',
      expected: where((r) => owns('Portfolio Office')(r) && overdueAt('2017-10-04').includes(r.id)),
      check: (r) => {
        expect(ids(r)).toEqual(['1.1', '3.6', '4.0.1', '5.2']);
        expect(r.items.every((i) => i.overdue)).toBe(true);
      },
    },
    {
      message: 'show me the ICT actions',
      expected: ['4.2.1', '4.2.2', '4.2.3'],
      check: (r) => expect(r.items.map((i) => i.theme)).toEqual(['ICT', 'ICT', 'ICT']),
    },
    {
      message: "what's not being implemented",
      expected: ['6.1', '6.2', '6.3'],
      check: (r) => expect(r.items.map((i) => i.status)).toEqual(['not_being_implemented', 'not_being_implemented', 'not_being_implemented']),
    },
    {
      message: 'who owns 9.3.1?',
      expected: ['9.3.1'],
      check: (r) => expect(r.text).toBe('9.3.1 is owned by Chief Constables (role).'),
    },
    {
      message: 'status of 4.2.1',
      expected: ['4.2.1'],
      check: (r) => {
        const lines = r.text.split('\n');
        expect(lines[0]).toMatch(/^4\.2\.1 \(ICT\): A mechanism for capturing and prioritising all current demands/);
        expect(lines).toContain('Owners: N. Shackleton');
        expect(lines).toContain('Status: On-going');
        expect(lines).toContain('Delivery: (no delivery date given)');
        expect(lines).toContain('RAG: Green — on track (no delivery date set)');
        expect(r.items[0]).toMatchObject({ status: 'on_going', owners: ['N. Shackleton'], overdue: false });
      },
    },
    {
      // Due "November 2017" (by 30 Nov), on-going: 57 days out on 4 Oct, past the 30 days that make it amber.
      message: "what's the RAG for 4.1.1?",
      expected: ['4.1.1'],
      check: (r) => expect(r.text.split('\n')).toContain('RAG: Green — on track'),
    },
    {
      // 9.1.3, "With immediate effect", is due on the plan's own day: amber, and the card says why.
      message: 'status 9.1.3',
      expected: ['9.1.3'],
      check: (r) => expect(r.text.split('\n')).toContain('RAG: Amber — due within 30 days'),
    },
    {
      // Open items whose window ends from today (4 Oct) up to Christmas Eve.
      message: "what's due before Christmas?",
      expected: where((r) => isOpen(r) && endOf(r) !== null && endOf(r)! >= '2017-10-04' && endOf(r)! <= '2017-12-24'),
      check: (r) => {
        expect(ids(r)).toEqual(['4.1.1', '4.1.2', '4.1.3', '9.1.3', '9.2.3', '9.2.4', '9.3.1']);
        expect(r.text.split('\n')[0]).toBe('Due before 25 Dec 2017 · as at 4 Oct 2017 — 7 items');
      },
    },
    {
      // November 2017 ends 30 Nov; so does "Autumn 2017" (9.3.1).
      message: 'due in November',
      expected: where((r) => isOpen(r) && endOf(r) !== null && endOf(r)! >= '2017-11-01' && endOf(r)! <= '2017-11-30'),
      check: (r) => {
        expect(ids(r)).toEqual(['4.1.1', '4.1.2', '4.1.3', '9.3.1']);
        expect(windows.get('9.3.1')).toMatchObject({ text: 'Autumn 2017', end: '2017-11-30' });
      },
    },
    {
      message: "what's overdue for me?",
      actor: owner('Karen Georgiou'),
      expected: where((r) => owns('Karen Georgiou')(r) && overdueAt('2017-10-04').includes(r.id)),
      check: (r) => {
        expect(ids(r)).toEqual(['1.1', '3.6', '4.0.1', '5.2']);
        expect(r.text.split('\n')[0]).toBe('Overdue · owned by you (Karen Georgiou) · as at 4 Oct 2017 — 4 items');
      },
    },
    {
      message: 'mine',
      actor: owner('Karen Georgiou'),
      expected: KAREN,
    },
    {
      message: 'list complete',
      expected: where((r) => r.status === 'complete'),
      check: (r) => expect(ids(r)).toEqual(['3.4', '4.0.2', '4.1.4', '4.3.1', '4.3.2', '4.3.3', '5.1', '5.3', '7.1', '9.1.2']),
    },
    {
      message: "what's awaiting a decision",
      expected: where((r) => r.status === 'awaiting_decision'),
      check: (r) => expect(ids(r)).toEqual(['1.1', '3.6', '4.0.1', '9.1.1']),
    },
    {
      message: 'what does roome gifford own',
      expected: where(owns('Alison Roome-Gifford')),
      check: (r) => {
        expect(ids(r)).toEqual(['4.3.2', '4.3.3', '9.2.4']);
        expect(r.text.split('\n')[0]).toBe('Owned by Alison Roome-Gifford · as at 4 Oct 2017 — 3 items');
      },
    },
    {
      // N. Shackleton's items have no delivery date, so nothing of theirs can be late.
      message: 'anything late for shackleton',
      expected: [],
      check: (r) => {
        expect(where(owns('N. Shackleton'))).toEqual(['4.2.1', '4.2.2']);
        expect(r.text).toBe('Overdue · owned by N. Shackleton · as at 4 Oct 2017 — no items');
        expect(r.error).toBeUndefined();
      },
    },
    { message: 'what\u2019s overdue?', expected: OVERDUE_4_OCT },
    { message: "@concerto what's overdue?", expected: OVERDUE_4_OCT },
    { message: "<@U024BE7LH> what's overdue?", expected: OVERDUE_4_OCT },
    { message: 'OVERDUE', expected: OVERDUE_4_OCT },
  ];

  it.each(rows)('"$message"', async ({ message, actor, now, expected, check }) => {
    const reply = await h.talk(message, { ...(actor ? { actor } : {}), now: now ?? DEFAULT_NOW });
    expect(reply.error).toBeUndefined();
    expect(reply.awaiting).toBeNull();
    expect(ids(reply)).toEqual(expected);
    check?.(reply);
  });

  it('"mine" from someone linked to no owner says how to link, and lists nothing', async () => {
    const reply = await h.talk('mine', { actor: stranger() });
    expect(reply.error).toBe('invalid');
    expect(reply.items).toEqual([]);
    expect(reply.text).toContain('--as "Your Name"');
    expect(reply.text).toContain('`link`');
  });
});

describe('unknown ids, gibberish and empty messages', () => {
  it('"status 4.9.9" is not found, with a suggestion', async () => {
    const reply = await h.talk('status 4.9.9');
    expect(reply.error).toBe('not_found');
    expect(reply.items).toEqual([]);
    expect(reply.text).toMatch(/^There is no 4\.9\.9 in the plan/);
    expect(reply.text).toContain('did you mean 4.0.1, 4.0.2, 4.1.1?');
  });

  it.each(['blorp frobnicate zzz', 'qwertyuiop'])('gibberish "%s" is not understood and gets a short help', async (message) => {
    const reply = await h.talk(message);
    expect(reply.error).toBe('not_understood');
    expect(reply.items).toEqual([]);
    expect(reply.awaiting).toBeNull();
    expect(reply.text).toContain("`what's overdue?`");
    expect(reply.text).toContain('`help`');
    expect(reply.text.length).toBeLessThan(200);
  });

  it.each(['', '   ', '\n\t', '@concerto', '?'])('the empty message %j gets help, never a throw', async (message) => {
    const reply = await h.talk(message);
    expect(reply.items).toEqual([]);
    expect(reply.awaiting).toBeNull();
    expect(reply.text).toMatch(/help|Ask me about the action plan/);
    expect(reply.text).toContain("what's overdue?");
  });
});

describe('an ambiguous owner', () => {
  const asker = owner('Question Asker', []);
  afterEach(async () => h.conversations.clear(`test:${asker.id}`));

  it('"constables" could be two roles: the answer "1" picks the first and finishes the query', async () => {
    const question = await h.talk('what does constables own?', { actor: asker });
    expect(question.awaiting).toBe('choose_owner');
    expect(question.choices).toEqual(['BCH Chief Constables', 'Chief Constables']);
    expect(question.items).toEqual([]);
    expect(question.text).toContain('1. BCH Chief Constables  2. Chief Constables');

    const answer = await h.talk('1', { actor: asker });
    expect(answer.awaiting).toBeNull();
    expect(answer.error).toBeUndefined();
    expect(ids(answer)).toEqual(where(owns('BCH Chief Constables')));
    expect(ids(answer)).toEqual(['4.3.1']);

    // The question is over: "1" again is a fresh (and meaningless) message.
    expect((await h.talk('1', { actor: asker })).error).toBe('not_understood');
  });

  it('the full name, in any case, picks that owner', async () => {
    await h.talk('what does constables own?', { actor: asker });
    const answer = await h.talk('chief constables', { actor: asker });
    expect(answer.awaiting).toBeNull();
    expect(ids(answer)).toEqual(['9.3.1']);
  });

  it('keeps the rest of the question: overdue for constables, on 5 Dec 2017, answered "2"', async () => {
    const now = at('2017-12-05');
    const question = await h.talk('overdue for constables', { actor: asker, now });
    expect(question.awaiting).toBe('choose_owner');
    const answer = await h.talk('2', { actor: asker, now });
    expect(ids(answer)).toEqual(where((r) => owns('Chief Constables')(r) && overdueAt('2017-12-05').includes(r.id)));
    expect(ids(answer)).toEqual(['9.3.1']);
    expect(answer.items[0]!.overdue).toBe(true);
  });

  it('"cancel" drops the question', async () => {
    await h.talk('what does constables own?', { actor: asker });
    const reply = await h.talk('cancel', { actor: asker });
    expect(reply).toMatchObject({ text: 'Cancelled.', items: [], awaiting: null });
    expect(await h.conversations.load(`test:${asker.id}`, DEFAULT_NOW)).toBeNull();
  });

  it('an answer that is not one of the names is taken as a fresh message', async () => {
    await h.talk('what does constables own?', { actor: asker });
    const reply = await h.talk("what's overdue", { actor: asker });
    expect(ids(reply)).toEqual(OVERDUE_4_OCT);
  });

  it('a second Karen, added by an admin, makes "Karen" ambiguous', async () => {
    const added = await h.talk('add 9.4.2 Review the BAU hand-over; theme: Governance; owner: Karen Smith; due: March 2018', { actor: admin() });
    expect(added.error).toBeUndefined();
    expect(ids(added)).toEqual(['9.4.2']);

    const question = await h.talk('what does Karen own?', { actor: asker });
    expect(question.awaiting).toBe('choose_owner');
    expect(question.choices).toEqual(['Karen Georgiou', 'Karen Smith']);

    expect(ids(await h.talk('2', { actor: asker }))).toEqual(['9.4.2']);

    await h.talk('what does Karen own?', { actor: asker });
    expect(ids(await h.talk('Karen Georgiou', { actor: asker }))).toEqual(KAREN);

    // The exact name is never ambiguous.
    const exact = await h.talk('what does Karen Smith own?', { actor: asker });
    expect(exact.awaiting).toBeNull();
    expect(ids(exact)).toEqual(['9.4.2']);
  });
});

describe('an ambiguous owner reached through list', () => {
  const asker = owner('List Asker', []);
  afterEach(async () => h.conversations.clear(`test:${asker.id}`));

  it('"list constables" answered "1" lists BCH Chief Constables\' items', async () => {
    const question = await h.talk('list constables', { actor: asker });
    expect(question.awaiting).toBe('choose_owner');
    expect(question.choices).toEqual(['BCH Chief Constables', 'Chief Constables']);
    const answer = await h.talk('1', { actor: asker });
    expect(answer.awaiting).toBeNull();
    expect(ids(answer)).toEqual(['4.3.1']);
  });

  it('"show me the constables items" answered by name lists that owner\'s items', async () => {
    await h.talk('show me the constables items', { actor: asker });
    expect(ids(await h.talk('Chief Constables', { actor: asker }))).toEqual(['9.3.1']);
  });
});
