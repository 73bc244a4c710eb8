import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/ask/reply.js';
import { admin, ids, openAsk, type AskHarness } from '../helpers/ask.js';
import { answer, bundledItems, type OracleQuery } from '../helpers/questions-oracle.js';
import { CASES, KNOWN_MISSES, type Want } from '../unit/intents/question-cases.js';

/**
 * The question suite's cases answered through the whole engine on 4 Oct 2017, each checked against the
 * oracle (tests/helpers/questions-oracle.ts) given the filters the case says the question means — so an
 * answer is right only when the question was read right and the filters were applied right. Cases the
 * oracle cannot answer from filters alone (as at, what changed, order, limits, "me", a word that may be a
 * theme or an owner) are answered in question-answers.test.ts instead.
 */

const OCT_4 = '2017-10-04';
const ITEMS = bundledItems();
const ANSWERABLE = new Set(['overdue', 'open', 'owner', 'theme', 'status', 'due', 'not', 'count', 'exactKeys']);

/** The oracle's query for a case's filters, or null when the case needs more than filters. */
function oracleQuery(want: Want): OracleQuery | null {
  if (Object.keys(want).some((k) => !ANSWERABLE.has(k))) return null;
  if (want.owner === 'me' || want.not?.about !== undefined) return null;
  const q: OracleQuery = {};
  if (want.overdue) q.overdue = true;
  // "What's due …" is about open items: the engine's reading, and the board's.
  if (want.open || want.due) q.open = true;
  if (want.owner) q.owner = want.owner;
  if (want.theme) q.theme = want.theme;
  if (want.status) q.status = want.status;
  if (want.due) q.due = want.due;
  if (want.not) q.not = { ...(want.not.owner ? { owner: want.not.owner } : {}), ...(want.not.theme ? { theme: want.not.theme } : {}), ...(want.not.status ? { status: want.not.status } : {}) };
  return q;
}

// The reader's known misses are checked, as misses, in tests/unit/intents/questions.test.ts.
const cases = CASES.filter((c) => !KNOWN_MISSES.has(c.q)).flatMap((c) => {
  const q = oracleQuery(c.want);
  if (!q) return [];
  try {
    return [{ ...c, expected: answer(ITEMS, OCT_4, q) }];
  } catch {
    // A name the plan does not have ("Athena programme" is fine, "Six Corporation Soles" is not): not an answer to check here.
    return [];
  }
});

describe('the question suite through the engine, against the oracle, on 4 October 2017', () => {
  let h: AskHarness;
  let turn = 0;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
  });
  afterAll(async () => h?.close());

  it('answers most of the suite from filters alone', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases.map((c) => ({ ...c, title: JSON.stringify(c.q).slice(1, -1) })))('$title', async ({ q, expected }) => {
    turn += 1;
    const reply: Reply = await h.talk(q, { now: `${OCT_4}T10:00:00Z`, conversationKey: `suite:${turn}` });
    expect(reply.awaiting, reply.text).toBeNull();
    expect(ids(reply), reply.text).toEqual(expected);
  });
});
