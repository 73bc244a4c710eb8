import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/ask/actor.js';
import type { Reply } from '../../src/core/ask/reply.js';
import { readDelivery } from '../../src/core/dates/read-delivery.js';
import type { Recommendation } from '../../src/core/plan/recommendation.js';
import { buildBoardPaper, type BoardPaper } from '../../src/core/report/board-paper.js';
import type { PlanChanges } from '../../src/core/report/changes.js';
import { checkPaperDates } from '../../src/core/report/paper-request.js';
import { readPlanHistory } from '../../src/store/plan-history.js';
import { ids, openAsk, owner, type AskHarness } from '../helpers/ask.js';
import {
  answer,
  bundledItems,
  daysLate,
  inPlanOrder,
  lastUpdate,
  noUpdateForDays,
  redated,
  updated,
  type OracleItem,
  type OracleQuery,
} from '../helpers/questions-oracle.js';

/**
 * Questions as people ask them (issue 14), through the whole engine (`ask`) against the bundled plan
 * on PGlite, each answer checked against the oracle in tests/helpers/questions-oracle.ts, which works
 * from the plan file and shares no code with the query path. The as-at and "what changed" answers are
 * checked against the board paper for the same dates, as the issue asks.
 */

const OCT_4 = '2017-10-04';
const DEC_1 = '2017-12-01';
const at = (day: string) => `${day}T10:00:00Z`;
const KAREN = owner('Karen Georgiou');
const RACHEL = owner('Rachel Wilkinson');
const mine = (actor: Actor): OracleQuery['owner'] => ({ names: actor.owns });

const ITEMS = bundledItems();
const on4Oct = (q: OracleQuery) => answer(ITEMS, OCT_4, q);

/** The plan on 1 Dec 2017: 4.1.1 updated on 20 Oct and re-dated to "end of January 2018" on 21 Oct. */
const DEC_ITEMS = redated(updated(ITEMS, '4.1.1', '2017-10-20'), '4.1.1', 'end of January 2018', '2017-10-21');
const on1Dec = (q: OracleQuery) => answer(DEC_ITEMS, DEC_1, q);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The word itself, in any case, not inside a longer word. */
const names = (word: string) => new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}($|[^\\p{L}\\p{N}])`, 'iu');

let turn = 0;
/** Each question in a conversation of its own, so an unfinished question never leaks into the next. */
async function ask(h: AskHarness, q: string, day: string, actor?: Actor): Promise<Reply> {
  turn += 1;
  return h.talk(q, { now: at(day), conversationKey: `questions:${turn}`, ...(actor ? { actor } : {}) });
}

interface Row {
  q: string;
  actor?: Actor;
  /** The ids, in plan order. */
  expected: () => string[];
  /** A "how many" question: the reply's text starts with the number. */
  count?: boolean;
  check?: (reply: Reply) => void;
}

function expectAnswer(reply: Reply, row: Row): void {
  const expected = row.expected();
  expect(reply.error, reply.text).toBeUndefined();
  expect(reply.awaiting, reply.text).toBeNull();
  expect(ids(reply), reply.text).toEqual(expected);
  if (row.count) expect(reply.text, 'the number comes first').toMatch(new RegExp(`^\\*?${expected.length}\\b`));
  row.check?.(reply);
}

/**
 * An ordered answer: `limit` items (or all candidates when fewer) from `candidates`, sorted by `key`
 * (higher first when `desc`), where ties may come in any order but nothing better may be left out.
 */
function expectRanked(got: string[], candidates: readonly OracleItem[], key: (it: OracleItem) => number, desc: boolean, limit?: number): void {
  const byId = new Map(candidates.map((it) => [it.id, it]));
  const want = limit === undefined ? candidates.length : Math.min(limit, candidates.length);
  expect(got, 'how many').toHaveLength(want);
  expect(got.filter((id) => !byId.has(id)), 'only candidates').toEqual([]);
  expect(new Set(got).size, 'each once').toBe(got.length);
  const keys = got.map((id) => key(byId.get(id)!) * (desc ? -1 : 1));
  expect(keys, 'in order').toEqual([...keys].sort((a, b) => a - b));
  if (!got.length) return;
  const worstShown = keys.at(-1)!;
  const better = candidates.filter((it) => key(it) * (desc ? -1 : 1) < worstShown).map((it) => it.id);
  expect(better.filter((id) => !got.includes(id)), 'nothing ranked higher left out').toEqual([]);
}

const dayNumber = (d: string | null) => (d === null ? -Infinity : Date.parse(`${d}T00:00:00Z`) / 86_400_000);

describe('the oracle, checked by hand against the plan', () => {
  it('reads the bundled plan as the other suites do', () => {
    expect(ITEMS).toHaveLength(30);
    expect(on4Oct({ overdue: true })).toEqual(['1.1', '3.6', '4.0.1', '5.2', '9.2.1', '9.2.2']);
    expect(on4Oct({ open: true })).toHaveLength(17);
    expect(on4Oct({ owner: 'Karen' })).toEqual(['1.1', '3.4', '3.6', '4.0.1', '4.0.2', '5.1', '5.2', '5.3', '7.1']);
    expect(on4Oct({ owner: 'roome gifford' })).toEqual(['4.3.2', '4.3.3', '9.2.4']);
    expect(on4Oct({ owner: 'chief constables' })).toEqual(['9.3.1']);
    expect(on4Oct({ theme: 'governance' })).toEqual(['3.4', '3.6']);
    expect(on4Oct({ due: { phrase: 'Christmas', mode: 'before' } })).toEqual(['4.1.1', '4.1.2', '4.1.3', '9.1.3', '9.2.3', '9.2.4', '9.3.1']);
    expect(on4Oct({ due: { phrase: 'Christmas', mode: 'after' } })).toEqual(['4.2.3', '9.1.1']);
    expect(on4Oct({ theme: 'ICT', staleAfter: '2017-08-31' })).toEqual(['4.2.1', '4.2.3']);
    expect(on1Dec({ overdue: true })).toEqual(['1.1', '3.6', '4.0.1', '4.1.2', '4.1.3', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.3.1']);
    expect(on1Dec({ slipped: 1 })).toEqual(['4.1.1']);
  });
});

describe('questions on 4 October 2017, the plan as bundled', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk();
  });
  afterAll(async () => h?.close());

  const rows: Row[] = [
    // The first three.
    { q: 'which recommendations are past their delivery date?', expected: () => on4Oct({ overdue: true }) },
    { q: "what's Karen got that's overdue", expected: () => on4Oct({ owner: 'Karen', overdue: true }) },
    { q: "what's due after Christmas", expected: () => on4Oct({ due: { phrase: 'Christmas', mode: 'after' } }) },
    // Counts.
    { q: 'how many items are overdue?', count: true, expected: () => on4Oct({ overdue: true }) },
    { q: "how many of Rachel's are complete?", count: true, expected: () => on4Oct({ owner: 'Rachel', status: 'complete' }) },
    { q: 'number of open actions', count: true, expected: () => on4Oct({ open: true }) },
    { q: 'how many recommendations are there?', count: true, expected: () => on4Oct({}) },
    { q: 'how many actions have been dropped?', count: true, expected: () => on4Oct({ status: 'not_being_implemented' }) },
    { q: "how many of the portfolio office's items are overdue?", count: true, expected: () => on4Oct({ owner: 'Portfolio Office', overdue: true }) },
    { q: 'how many have I got open?', actor: RACHEL, count: true, expected: () => on4Oct({ owner: mine(RACHEL), open: true }) },
    // Themes, statuses, owners, in any order.
    { q: "what's still open in ICT?", expected: () => on4Oct({ open: true, theme: 'ICT' }) },
    { q: 'which HR actions are still in progress?', expected: () => on4Oct({ theme: 'HR', status: 'on_going' }) },
    { q: "what's awaiting a decision for the portfolio office?", expected: () => on4Oct({ status: 'awaiting_decision', owner: 'Portfolio Office' }) },
    { q: 'what has been dropped?', expected: () => on4Oct({ status: 'not_being_implemented' }) },
    { q: "what's complete in Athena?", expected: () => on4Oct({ status: 'complete', theme: 'Athena' }) },
    { q: "what's overdue in governance and accountability?", expected: () => on4Oct({ overdue: true, theme: 'governance and accountability' }) },
    { q: 'is anything in the Governance theme late?', expected: () => on4Oct({ overdue: true, theme: 'Governance' }) },
    { q: "Karen's open items", expected: () => on4Oct({ owner: 'Karen', open: true }) },
    { q: "what does Alison Roome-Gifford have that's still open?", expected: () => on4Oct({ owner: 'Alison Roome-Gifford', open: true }) },
    { q: 'whats outstanding for Shackleton', expected: () => on4Oct({ owner: 'Shackleton', open: true }) },
    { q: 'which of Karen\u2019s actions are complete?', expected: () => on4Oct({ owner: 'Karen', status: 'complete' }) },
    { q: "what's organisational support got on?", expected: () => on4Oct({ owner: 'organisational support' }) },
    { q: "which of the chief constables' actions are still open?", expected: () => on4Oct({ owner: 'chief constables', open: true }) },
    { q: 'any HR recommendations not yet complete?', expected: () => on4Oct({ theme: 'HR', open: true }) },
    { q: 'show me the Athena recommendations', expected: () => on4Oct({ theme: 'Athena' }) },
    { q: 'Karen\u2019s overdue items that are awaiting a decision :eyes:', expected: () => on4Oct({ owner: 'Karen', overdue: true, status: 'awaiting_decision' }) },
    // "me".
    { q: "what's overdue for me?", actor: KAREN, expected: () => on4Oct({ owner: mine(KAREN), overdue: true }) },
    { q: 'my completed actions', actor: KAREN, expected: () => on4Oct({ owner: mine(KAREN), status: 'complete' }) },
    // Negation and exclusion.
    { q: 'open items not owned by the Portfolio Office', expected: () => on4Oct({ open: true, not: { owner: 'Portfolio Office' } }) },
    { q: 'everything except ICT', expected: () => on4Oct({ not: { theme: 'ICT' } }) },
    { q: "list everything awaiting a decision except Karen's", expected: () => on4Oct({ status: 'awaiting_decision', not: { owner: 'Karen' } }) },
    { q: "what's overdue that isn't awaiting a decision?", expected: () => on4Oct({ overdue: true, not: { status: 'awaiting_decision' } }) },
    // Due windows.
    { q: "what's due in the next 3 months?", expected: () => on4Oct({ due: { phrase: 'the next 3 months', mode: 'within' } }) },
    { q: "what's due this year?", expected: () => on4Oct({ due: { phrase: 'this year', mode: 'within' } }) },
    { q: "what's due between November and March?", expected: () => on4Oct({ due: { phrase: 'November', mode: 'between', until: 'March' } }) },
    { q: "what's Rachel got due by the end of the year?", expected: () => on4Oct({ owner: 'Rachel', due: { phrase: 'the end of the year', mode: 'by' } }) },
    { q: "what's due before Christmas that isn't HR?", expected: () => on4Oct({ due: { phrase: 'Christmas', mode: 'before' }, not: { theme: 'HR' } }) },
    { q: "what's due in Q1 2018?", expected: () => on4Oct({ due: { phrase: 'Q1 2018', mode: 'within' } }) },
    { q: 'anything due next month?', expected: () => on4Oct({ due: { phrase: 'next month', mode: 'within' } }) },
    // Stale and slipped.
    { q: "which ICT items haven't been updated since August?", expected: () => on4Oct({ theme: 'ICT', staleAfter: '2017-08-31' }) },
    { q: 'what in ICT has had no update for 30 days?', expected: () => on4Oct({ theme: 'ICT', staleAfter: noUpdateForDays(OCT_4, 30) }) },
    { q: 'which dates have slipped?', expected: () => on4Oct({ slipped: 1 }) },
    // Slack and typing.
    { q: 'WHAT IS OVERDUE FOR KAREN GEORGIOU', expected: () => on4Oct({ owner: 'Karen Georgiou', overdue: true }) },
    { q: '<@U0123ABCD> anything still open for HR? :eyes:', expected: () => on4Oct({ open: true, theme: 'HR' }) },
    { q: '*overdue* items for the portfolio office pls', expected: () => on4Oct({ overdue: true, owner: 'Portfolio Office' }) },
    { q: 'Whats Karens got thats overdue', expected: () => on4Oct({ owner: 'Karen', overdue: true }) },
  ];

  it.each(rows)('$q', async (row) => {
    expectAnswer(await ask(h, row.q, OCT_4, row.actor), row);
  });

  it('"the five most overdue": five overdue items, the longest overdue first', async () => {
    const reply = await ask(h, 'the five most overdue', OCT_4);
    expect(reply.error, reply.text).toBeUndefined();
    const candidates = ITEMS.filter((it) => on4Oct({ overdue: true }).includes(it.id));
    expectRanked(ids(reply), candidates, (it) => daysLate(it, OCT_4), true, 5);
  });

  it('"open ICT items, oldest updates first": the least recently updated first', async () => {
    const reply = await ask(h, 'open ICT items, oldest updates first', OCT_4);
    expect(reply.error, reply.text).toBeUndefined();
    const candidates = ITEMS.filter((it) => on4Oct({ open: true, theme: 'ICT' }).includes(it.id));
    expectRanked(ids(reply), candidates, (it) => dayNumber(lastUpdate(it)), false);
  });

  it('"which item was updated most recently?": one item, the newest update, with its date shown', async () => {
    const reply = await ask(h, 'which item was updated most recently?', OCT_4);
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.items).toHaveLength(1);
    const newest = Math.max(...ITEMS.map((it) => dayNumber(lastUpdate(it))));
    const found = ITEMS.find((it) => it.id === ids(reply)[0])!;
    expect(dayNumber(lastUpdate(found))).toBe(newest);
    expect(reply.text).toMatch(/only the first/);
    expect(reply.text).toMatch(/last update \d{1,2} \w{3} \d{4}/);
  });

  it('"what\'s due next for Karen?" when all of hers are late: none to come, and how many are overdue', async () => {
    const reply = await ask(h, "what's due next for Karen?", '2018-06-01');
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.items).toEqual([]);
    expect(reply.text).toMatch(/Nothing is still to come, but \d+ items are overdue: ask "what's overdue\?"/);
  });

  it('"which item is most overdue?" and "which item is due next?": one item each, the right one', async () => {
    const late = await ask(h, 'which item is most overdue?', OCT_4);
    expect(late.items).toHaveLength(1);
    const candidates = ITEMS.filter((it) => on4Oct({ overdue: true }).includes(it.id));
    expect(Math.max(...candidates.map((it) => daysLate(it, OCT_4)))).toBe(daysLate(ITEMS.find((it) => it.id === ids(late)[0])!, OCT_4));
    const next = await ask(h, 'which item is due next?', OCT_4);
    expect(next.error, next.text).toBeUndefined();
    expect(next.items).toHaveLength(1);
  });

  it.each(['what did the plan look like on 1 October?', 'what was overdue as at 30 September?'])(
    '"%s": a date before the plan began gets the board paper\'s sentence',
    async (q) => {
      const asAt = q.includes('1 October') ? '2017-10-01' : '2017-09-30';
      const reply = await ask(h, q, OCT_4);
      expect(reply.items).toEqual([]);
      expect(reply.text).toContain(checkPaperDates({ asAt, since: null }, OCT_4, OCT_4)!);
    },
  );

  it.each([
    { q: "what's overdue for Karan?", meant: 'Karen Georgiou' },
    { q: 'what does Shakleton own?', meant: 'N. Shackleton' },
  ])('"$q": one typo in a name is answered with "did you mean $meant", not a list', async ({ q, meant }) => {
    const reply = await ask(h, q, OCT_4);
    expect(reply.items).toEqual([]);
    expect(reply.text).toMatch(/did you mean/i);
    expect(reply.text).toContain(meant);
  });
});

describe('questions on 1 December 2017, after 4.1.1 was updated on 20 October and re-dated on 21 October', () => {
  let h: AskHarness;
  let paperOct31: BoardPaper;
  let changesSince4Oct: PlanChanges;
  let changesSince19Oct: PlanChanges;
  let paperDec1: BoardPaper;

  beforeAll(async () => {
    h = await openAsk();
    const by = { actor: 'Rachel Wilkinson', source: 'cli' as const };
    await h.store.change({
      ...by,
      at: '2017-10-20T10:00:00.000Z',
      recId: '4.1.1',
      update: { date: '2017-10-20', text: 'HR impact assessment consultation closed; findings go to SAS in January.', author: 'Rachel Wilkinson', evidence: null },
    });
    const read = readDelivery('end of January 2018', { today: '2017-10-21', timeZone: 'Europe/London' });
    if (!read.ok) throw new Error(read.error);
    await h.store.change({ ...by, at: '2017-10-21T10:00:00.000Z', recId: '4.1.1', delivery: read.window });

    const plan = (await h.store.plan())!;
    const history = (await readPlanHistory(h.database.db, plan.id))!;
    paperOct31 = buildBoardPaper(history, { asAt: '2017-10-31', producedOn: DEC_1 });
    paperDec1 = buildBoardPaper(history, { asAt: DEC_1, producedOn: DEC_1 });
    changesSince4Oct = buildBoardPaper(history, { asAt: DEC_1, producedOn: DEC_1, since: '2017-10-04' }).changes!;
    changesSince19Oct = buildBoardPaper(history, { asAt: DEC_1, producedOn: DEC_1, since: '2017-10-19' }).changes!;
  });
  afterAll(async () => h?.close());

  const overdueIn = (paper: BoardPaper) => inPlanOrder(ITEMS, paper.groups.flatMap((g) => g.rows).filter((r) => r.overdue).map((r) => r.id));
  const changedIds = (c: PlanChanges) =>
    inPlanOrder(ITEMS, [...c.added, ...c.updates, ...c.statusChanges, ...c.dateRevisions, ...c.ownersChanges, ...c.rewordings].map((x) => x.id));
  /** A paper's items as the oracle reads them, to narrow an as-at answer by owner or theme. */
  const oracleItemsOf = (recs: readonly Recommendation[]): OracleItem[] =>
    recs.map((r) => ({
      id: r.id,
      theme: r.theme,
      owners: r.owners,
      status: r.status,
      delivery: r.delivery.text,
      window: { start: r.delivery.start, end: r.delivery.end },
      baseline: r.revisions ? { text: r.baseline.text, start: r.baseline.start, end: r.baseline.end } : null,
      revisions: r.revisions,
      updates: r.updates.map((u) => u.date),
    }));

  it('the oracle and the board paper agree on 1 December, and the papers say what the issue says', () => {
    expect(overdueIn(paperDec1)).toEqual(on1Dec({ overdue: true }));
    expect(overdueIn(paperOct31)).toEqual(['1.1', '3.6', '4.0.1', '5.2', '9.1.3', '9.2.1', '9.2.2', '9.2.3', '9.2.4']);
    expect(changedIds(changesSince4Oct)).toEqual(['4.1.1']);
    expect(changedIds(changesSince19Oct)).toEqual(['4.1.1']);
  });

  // The last three, at their date.
  it('"what was overdue at the end of October?" lists the paper\'s overdue items as at 31 Oct 2017', async () => {
    const reply = await ask(h, 'what was overdue at the end of October?', DEC_1);
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(overdueIn(paperOct31));
  });

  it('"what changed since 4 October?" lists the items in the paper\'s changes section since 4 Oct', async () => {
    const reply = await ask(h, 'what changed since 4 October?', DEC_1);
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(changedIds(changesSince4Oct));
  });

  it('"which dates have slipped?" lists 4.1.1 with its baseline and its current date', async () => {
    const reply = await ask(h, 'which dates have slipped?', DEC_1);
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(on1Dec({ slipped: 1 }));
    expect(ids(reply)).toEqual(['4.1.1']);
    expect(reply.text).toContain('November 2017');
    expect(reply.text).toContain('end of January 2018');
  });

  it('"what slipped since 4 October?" lists the dates moved in that time, and only them', async () => {
    const reply = await ask(h, 'what slipped since 4 October?', DEC_1);
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(['4.1.1']);
    const lines = reply.text.split('\n');
    expect(lines[0]).toMatch(/^Re-dated after 4 Oct 2017 · up to 1 Dec 2017 — 1 item$/);
    expect(lines.slice(2).every((l) => l.startsWith('   – Delivery dates revised: '))).toBe(true);
    expect(lines.slice(2).join('\n')).toContain('end of January 2018');
    // Before the plan began there is no paper to compare with: said, as for "what changed in September?".
    const before = await ask(h, 'what was re-dated in September?', DEC_1);
    expect(before).toMatchObject({ error: 'invalid', text: (await ask(h, 'what changed in September?', DEC_1)).text });
  });

  const rows: Row[] = [
    { q: "what's overdue?", expected: () => on1Dec({ overdue: true }) },
    { q: "what's Rachel got that's late?", expected: () => on1Dec({ owner: 'Rachel', overdue: true }) },
    { q: "what's later than its baseline?", expected: () => on1Dec({ slipped: 1 }) },
    { q: 'what has been re-dated more than once?', expected: () => on1Dec({ slipped: 2 }) },
    { q: "what's due in January?", expected: () => on1Dec({ due: { phrase: 'January', mode: 'within' } }) },
    { q: 'how many were overdue at the end of October?', count: true, expected: () => overdueIn(paperOct31) },
    {
      q: "which of Rachel's items were open at the end of October?",
      expected: () => answer(oracleItemsOf(paperOct31.recommendations), '2017-10-31', { owner: 'Rachel', open: true }),
    },
    { q: 'any updates since 19 October?', expected: () => changedIds(changesSince19Oct) },
  ];

  it.each(rows)('$q', async (row) => {
    expectAnswer(await ask(h, row.q, DEC_1, row.actor), row);
  });

  it('"the 8 most overdue": the six September items, then two of the three "immediate" ones', async () => {
    const reply = await ask(h, 'the 8 most overdue', DEC_1);
    expect(reply.error, reply.text).toBeUndefined();
    const candidates = DEC_ITEMS.filter((it) => on1Dec({ overdue: true }).includes(it.id));
    expectRanked(ids(reply), candidates, (it) => daysLate(it, DEC_1), true, 8);
  });

  it('"what did the plan look like on 1 October?" gets the board paper\'s sentence for a date before the plan began', async () => {
    const reply = await ask(h, 'what did the plan look like on 1 October?', DEC_1);
    expect(reply.items).toEqual([]);
    expect(reply.text).toContain(checkPaperDates({ asAt: '2017-10-01', since: null }, DEC_1, OCT_4)!);
  });
});

/**
 * A filter word replaced by nonsense: the reply must list nothing and must name the word it did not
 * understand. `[word]` marks the word replaced; the nonsense stands in its place.
 */
const NONSENSE: Array<{ q: string; nonsense: string; actor?: Actor }> = [
  { q: "what's [overdue]?", nonsense: 'blorptastic' },
  { q: 'which recommendations are [overdue] for Karen?', nonsense: 'flimflammed' },
  { q: 'anything [late] for the Portfolio Office?', nonsense: 'snarfly' },
  { q: "what's [Karen] got that's overdue", nonsense: 'Zxqwv' },
  { q: 'show me the [ICT] actions', nonsense: 'Qqplm' },
  { q: "what's still open in [HR]?", nonsense: 'Wuzzleblat' },
  { q: "what's due in [November]?", nonsense: 'Flurbember' },
  { q: "what's due after [Christmas]", nonsense: 'Grimblemas' },
  { q: 'how many of [Rachel]\'s are complete?', nonsense: 'Prqzt' },
  { q: 'how many items are [overdue]?', nonsense: 'zorptastic' },
  { q: 'which actions are [complete]?', nonsense: 'glompleted' },
  { q: "what's [on-going] for Karen?", nonsense: 'vrillig' },
  { q: 'open items not owned by the [Portfolio] Office', nonsense: 'Blargonaut' },
  { q: 'everything except [ICT]', nonsense: 'Qqplm' },
  { q: "what's due before [Christmas]?", nonsense: 'Snorkmas' },
  { q: "[Karen]'s open items", nonsense: 'Zxqwv' },
  { q: 'what was overdue at the end of [October]?', nonsense: 'Octembruary' },
  { q: 'what changed since 4 [October]?', nonsense: 'Flibbertober' },
  { q: 'which dates have [slipped]?', nonsense: 'zorbled' },
  { q: "which ICT items haven't been updated since [August]?", nonsense: 'Grumbust' },
  { q: 'the five most [overdue]', nonsense: 'wibblesome' },
  { q: "what's overdue in [governance]?", nonsense: 'Plonkery' },
  { q: 'is [Shackleton] behind on anything?', nonsense: 'Vexmoorby' },
  { q: 'which actions have been [dropped]?', nonsense: 'skronked' },
  { q: 'list the [Athena] recommendations', nonsense: 'Quaxxo' },
  { q: "what's due in the next 3 [months]?", nonsense: 'blargs' },
  { q: "what's due by the end of [March]?", nonsense: 'Marchuary' },
  { q: 'which [HR] items are late?', nonsense: 'Xyzzq' },
  { q: "what's [outstanding] for the portfolio office?", nonsense: 'gobbledy' },
  { q: "what's due between November and [March]?", nonsense: 'Smarchly' },
  { q: 'show me everything owned by [Rachel] Wilkinson', nonsense: 'Prqzt' },
  { q: "what's overdue for [Alison]?", nonsense: 'Qorvath' },
  { q: "what's [late] in HR?", nonsense: 'splunky' },
  { q: 'open ICT items, [oldest] updates first', nonsense: 'wobbliest' },
  { q: "what's due this [year]?", nonsense: 'glarb' },
  { q: 'which of my actions are [complete]?', nonsense: 'blimpled', actor: KAREN },
  { q: 'my [overdue] items', nonsense: 'snozzled', actor: KAREN },
  { q: 'any updates this [week]?', nonsense: 'florb' },
  { q: "what's awaiting a [decision] for Karen?", nonsense: 'plinth-wangle' },
  { q: "[Rachel]'s items due by Christmas", nonsense: 'Prqzt' },
  { q: "which recommendations are past their delivery [date]?", nonsense: 'splodge' },
  { q: 'how many [open] actions does Karen have?', nonsense: 'frumious' },
];

describe('a filter word replaced by nonsense is named, and nothing is listed', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk();
  });
  afterAll(async () => h?.close());

  const cases = NONSENSE.map((n) => {
    const [, word] = /\[([^\]]+)\]/.exec(n.q)!;
    return { ...n, word: word!, asked: n.q.replace(/\[[^\]]+\]/, n.nonsense) };
  });

  it('every case replaces exactly one word that the plain question uses', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) {
      expect(c.q.match(/\[/g), c.q).toHaveLength(1);
      expect(c.asked, c.q).not.toMatch(names(c.word));
      expect(c.asked, c.q).toMatch(names(c.nonsense));
    }
  });

  it.each(cases)('$asked', async ({ asked, nonsense, actor }) => {
    const reply = await ask(h, asked, OCT_4, actor);
    expect(reply.items, reply.text).toEqual([]);
    expect(reply.text, 'names the word it did not understand').toMatch(names(nonsense));
  });
});
