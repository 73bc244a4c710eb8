import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzlePlanDirectory } from '../../src/store/plan-directory.js';
import { admin, ids, openAsk, type AskHarness } from '../helpers/ask.js';

/**
 * Questions that name a board's meetings or what a board must decide, on the bundled plan with two
 * boards: SAS meets on 12 Oct and 14 Dec 2017, JCOB on 2 Nov 2017 and 8 Mar 2018; 1.1, 3.6 and 4.0.1
 * wait on SAS's agreement of the new governance framework, 9.2.1 on JCOB.
 */

const META = { actor: 'Portfolio Office', source: 'cli' as const, at: '2017-10-04T12:00:00Z' };
const at = (day: string) => `${day}T10:00:00Z`;

/** The bundled plan's governance store, with its two boards added. */
async function withBoards(h: AskHarness) {
  const directory = new DrizzlePlanDirectory(h.database.db);
  const g = directory.governance((await directory.list())[0]!);
  await g.addBoard('SAS', 'Strategic Alliance Summit', META);
  await g.addBoard('JCOB', 'Joint Chief Officer Board', META);
  return g;
}

describe('meetings and boards in questions', () => {
  let h: AskHarness;
  let n = 0;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
    const g = await withBoards(h);
    for (const [board, date, papersBy] of [['SAS', '2017-10-12', '2017-10-05'], ['SAS', '2017-12-14', '2017-12-07'], ['JCOB', '2017-11-02', '2017-10-26'], ['JCOB', '2018-03-08', '2018-03-01']] as const) {
      await g.addMeeting(board, date, papersBy, META);
    }
    for (const id of ['1.1', '3.6', '4.0.1']) await h.store.change({ ...META, recId: id, status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' } });
    await h.store.change({ ...META, recId: '9.2.1', status: 'awaiting_decision', waiting: { what: 'the ERP business case', board: 'JCOB' } });
  });
  afterAll(async () => h?.close());

  const talk = (q: string, day = '2017-10-11') => h.talk(q, { now: at(day), conversationKey: `meetings:${(n += 1)}` });

  it.each([
    ["what's waiting on SAS?", ['1.1', '3.6', '4.0.1'], 'Waiting on SAS · as at 11 Oct 2017 — 3 items'],
    ['what is awaiting a decision from JCOB', ['9.2.1'], 'Waiting on JCOB · as at 11 Oct 2017 — 1 item'],
    ['items waiting for a decision from the sas', ['1.1', '3.6', '4.0.1'], null],
    ['what has SAS got to decide?', ['1.1', '3.6', '4.0.1'], null],
    ["how many of Karen's are waiting on SAS", ['1.1', '3.6', '4.0.1'], null],
    ["what's awaiting a decision?", ['1.1', '3.6', '4.0.1', '9.1.1', '9.2.1'], null],
  ])('%s', async (q, expected, line) => {
    const reply = await talk(q);
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(expected);
    if (line) expect(reply.text.split('\n')[0]).toBe(line);
  });

  it('a list of what waits says what each waits on and whose decision it is', async () => {
    const reply = await talk("what's stuck?");
    const lines = reply.text.split('\n').slice(1);
    expect(lines.length).toBe(reply.items.length);
    for (const item of reply.items) {
      const line = lines.find((l) => l.startsWith(`• ${item.id} `))!;
      // An item put at Awaiting decision without saying on what has nothing more to say.
      if (!item.waiting) expect(line, item.id).not.toContain('waiting on');
      else expect(line, item.id).toMatch(new RegExp(`— waiting on ${item.waiting.what}${item.waiting.board ? ` \\(${item.waiting.board}\\)` : ''}$`));
    }
    expect(lines.find((l) => l.startsWith('• 1.1 '))).toMatch(/— waiting on agreement of new governance framework \(SAS\)$/);
    // Any other list keeps its lines as they are.
    expect((await talk("what's overdue?")).text).not.toContain('waiting on');
  });

  it('"waiting on" a board the plan does not have names the boards it has, and lists nothing', async () => {
    const reply = await talk("what's waiting on SAD?");
    expect(reply.text).toMatch(/There is no board SAD\. The plan's boards are JCOB, SAS/);
    expect(reply.items).toEqual([]);
  });

  it('once the owners move the items on, nothing waits on SAS', async () => {
    const key = 'moved-on';
    for (const id of ['1.1', '3.6', '4.0.1']) await h.store.change({ ...META, at: '2017-10-13T09:00:00Z', recId: id, status: 'on_going' });
    const reply = await h.talk("what's waiting on SAS?", { now: at('2017-10-13'), conversationKey: key });
    expect(reply.text.split('\n')[0]).toBe('Waiting on SAS · as at 13 Oct 2017 — no items');
    // Moving on cleared what each waited on, in its history.
    expect((await h.store.get('1.1'))?.waiting ?? null).toBeNull();
    // And back again for the date questions below.
    for (const id of ['1.1', '3.6', '4.0.1']) await h.store.change({ ...META, at: '2017-10-13T09:30:00Z', recId: id, status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' } });
  });

  it.each([
    // "before the next JCOB" on 11 Oct: JCOB meets on 2 Nov, so due from today up to 1 Nov.
    ["what's due before the next JCOB?", '2017-10-11', /^Due before 2 Nov 2017 · as at 11 Oct 2017 — /],
    ["what's due by the next SAS meeting", '2017-10-11', /^Due by 12 Oct 2017 · as at 11 Oct 2017 — /],
    ["what's due before the March board", '2017-10-11', /^Due before 8 Mar 2018 · as at 11 Oct 2017 — /],
    ['what was overdue at the last SAS', '2017-12-01', /^Overdue · as at 12 Oct 2017 — /],
    ["what's changed since the last SAS?", '2017-10-20', /^Changed after 12 Oct 2017 · up to 20 Oct 2017 — /],
    ["what's new for ICT since the last paper?", '2017-10-20', /^Changed after 5 Oct 2017 · in ICT · up to 20 Oct 2017 — |^Changed after 5 Oct 2017 · in ICT · up to 20 Oct 2017\. /],
  ])('%s (on %s) reads the meeting as its day', async (q, day, line) => {
    const reply = await talk(q, day);
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text).toMatch(line);
  });

  it.each([
    ["what's due before the next XYZ meeting?", /there is no board XYZ: the plan's boards are JCOB, SAS/],
    ["what's due before the next SAS?", /SAS has no meeting on or after 1 Jan 2019 in the plan\. Type `meetings`/],
  ])('%s is refused with what to do, nothing listed', async (q, error) => {
    const reply = await talk(q, '2019-01-01');
    expect(reply.text).toMatch(error);
    expect(reply.items).toEqual([]);
  });

  it.each([
    ['when is the next SAS?', '2017-10-11', 'The next SAS meeting is on 12 Oct 2017; papers were due by 5 Oct 2017.'],
    ["when's the next JCOB meeting", '2017-10-11', 'The next JCOB meeting is on 2 Nov 2017; papers are due by 26 Oct 2017.'],
    ['when does SAS next meet?', '2017-10-12', 'The next SAS meeting is today; papers were due by 5 Oct 2017.'],
    ['next meeting', '2017-10-13', "The next board meeting is JCOB's, on 2 Nov 2017; papers are due by 26 Oct 2017."],
    ['when is the next SAS?', '2018-04-01', "No SAS meeting to come is in concerto-2017 (as at 1 Apr 2018). The last was SAS's on 14 Dec 2017. An admin adds one with `meeting add SAS DATE`."],
  ])('%s (on %s) answers with the next meeting and its papers', async (q, day, text) => {
    const reply = await talk(q, day);
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.text).toBe(text);
  });

  it('the next meeting of a board the plan does not have names the boards it has', async () => {
    const reply = await talk('when is the next XYZ meeting?');
    expect(reply.error).toBe('not_found');
    expect(reply.text).toMatch(/There is no board XYZ\. The plan's boards are JCOB, SAS/);
  });

  it('the reading as data carries the meeting as typed', async () => {
    const reply = await talk("what's due before the next JCOB?");
    expect(reply.query?.read.due).toEqual({ phrase: 'the next JCOB', mode: 'before' });
  });
});

describe('the decision log asked in words', () => {
  let h: AskHarness;
  let n = 0;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
    const g = await withBoards(h);
    await g.addMeeting('SAS', '2017-10-12', '2017-10-05', { ...META, at: '2017-10-04T12:00:00Z' });
    await g.recordDecision({ board: 'JCOB', decidedOn: '2017-05-04', meetingDate: null, text: 'Athena before ERP', affects: ['4.3.1'], supersedes: null }, META);
    await g.recordDecision({ board: 'SAS', decidedOn: '2017-10-12', meetingDate: '2017-10-12', text: 'New governance framework agreed', affects: ['1.1', '3.6', '4.0.1'], supersedes: null }, { ...META, at: '2017-10-12T16:00:00Z' });
  });
  afterAll(async () => h?.close());

  const talk = (q: string) => h.talk(q, { now: at('2017-11-01'), conversationKey: `decided:${(n += 1)}` });
  const texts = (reply: { governance?: { decisions?: Array<{ text: string }> } }) => (reply.governance?.decisions ?? []).map((d) => d.text);

  it.each([
    ['what did SAS decide in October?', ['New governance framework agreed']],
    ['what did JCOB decide in May?', ['Athena before ERP']],
    ['what did SAS decide in September?', []],
    ['what has JCOB agreed?', ['Athena before ERP']],
    ['any decisions from SAS this year?', ['New governance framework agreed']],
    ['what was decided at the last SAS?', ['New governance framework agreed']],
    ['decisions by SAS since 1 October', ['New governance framework agreed']],
  ])('%s', async (q, expected) => {
    const reply = await talk(q);
    expect(reply.error, reply.text).toBeUndefined();
    expect(texts(reply)).toEqual(expected);
  });

  it.each([
    ['what did the boards decide?', ['Athena before ERP', 'New governance framework agreed']],
    ['show me the decision log', ['Athena before ERP', 'New governance framework agreed']],
    ['what decisions have been made since June?', ['New governance framework agreed']],
    ['what was decided about 4.3.1?', ['Athena before ERP']],
    ['has the board decided anything on 3.6', ['New governance framework agreed']],
    ['did JCOB decide anything about 3.6', []],
  ])('%s', async (q, expected) => {
    const reply = await talk(q);
    expect(reply.error, reply.text).toBeUndefined();
    expect(texts(reply)).toEqual(expected);
  });

  it('decisions about an item say which, and an item the plan does not have is refused with the nearest', async () => {
    expect((await talk('decisions about 4.3.1')).text.split('\n')[0]).toBe('Decisions about 4.3.1 — 1 decision, oldest first:');
    const missing = await talk('what was decided about 4.3.9?');
    expect(missing.error).toBe('not_found');
    expect(missing.text).toMatch(/There is no 4\.3\.9 in the plan — did you mean 4\.3\.1/);
  });

  it('a board the plan does not have is named, with the boards it has', async () => {
    const reply = await talk('what did XYZ decide in October?');
    expect(reply.error).toBeDefined();
    expect(reply.text).toMatch(/XYZ/);
  });
});

describe('waiting on a board named by items but not yet added', () => {
  let h: AskHarness;
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
    for (const id of ['1.1', '3.6']) await h.store.change({ ...META, recId: id, status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' } });
  });
  afterAll(async () => h?.close());

  it('lists the items that wait on it, and says how to add the board', async () => {
    const reply = await h.talk("what's waiting on SAS?", { now: at('2017-10-11'), conversationKey: 'unadded' });
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(['1.1', '3.6']);
    expect(reply.text).toMatch(/SAS is not one of concerto-2017's boards yet, though items wait on it; an admin adds it with `board add SAS --title "…"`\./);
  });

  it('"blocked for" a person, not a board: that owner\'s items awaiting a decision', async () => {
    const reply = await h.talk("what's blocked for Karen?", { now: at('2017-10-11'), conversationKey: 'unadded-person' });
    expect(reply.error, reply.text).toBeUndefined();
    expect(ids(reply)).toEqual(expect.arrayContaining(['1.1', '3.6']));
    expect(reply.text).toMatch(/Awaiting decision · owned by Karen Georgiou/);
    expect(reply.text).not.toMatch(/no board/i);
  });

  it('a name no item waits on is still refused', async () => {
    const reply = await h.talk("what's waiting on SAD?", { now: at('2017-10-11'), conversationKey: 'unadded-2' });
    expect(reply.error).toBe('not_understood');
    expect(reply.items).toEqual([]);
  });
});
