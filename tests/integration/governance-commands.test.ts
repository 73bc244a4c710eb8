import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIntent } from '../../src/core/ask/intents/parse-intent.js';
import { admin, ids, openAsk, owner, stranger, type AskHarness } from '../helpers/ask.js';

/** Boards, meetings, the decision log and `awaiting`, through the same engine every door uses (today is 4 Oct 2017). */

const KAREN = owner('Karen Georgiou');

describe('governance commands read as intents', () => {
  it.each([
    ['boards', { kind: 'boards' }],
    ['list the boards', { kind: 'boards' }],
    ['board add sas --title "Strategic Alliance Summit"', { kind: 'board_add', name: 'sas', title: 'Strategic Alliance Summit' }],
    ['board add JCOB', { kind: 'board_add', name: 'JCOB', title: null }],
    ['meetings', { kind: 'meetings', board: null }],
    ['meetings of SAS', { kind: 'meetings', board: 'SAS' }],
    ['meetings --board JCOB', { kind: 'meetings', board: 'JCOB' }],
    ['meeting add SAS 2017-10-12', { kind: 'meeting_add', board: 'SAS', date: '2017-10-12', papersBy: null }],
    ['meeting add SAS next Thursday --papers-by "6 October 2017"', { kind: 'meeting_add', board: 'SAS', date: 'next Thursday', papersBy: '6 October 2017' }],
    [
      'decision SAS 2017-10-12 "New governance framework agreed" affects 1.1, 3.6, 4.0.1',
      { kind: 'decision', board: 'SAS', date: '2017-10-12', outsideMeeting: false, text: 'New governance framework agreed', affects: ['1.1', '3.6', '4.0.1'], corrects: null },
    ],
    [
      'decision JCOB on 4 May 2017 “Athena before ERP” affects 4.3.1 --corrects 2',
      { kind: 'decision', board: 'JCOB', date: '4 May 2017', outsideMeeting: true, text: 'Athena before ERP', affects: ['4.3.1'], corrects: 2 },
    ],
    ['decision SAS 2017-10-12 ""', { kind: 'decision', board: 'SAS', date: '2017-10-12', outsideMeeting: false, text: '', affects: [], corrects: null }],
    ['correct decision 2 "Governance framework agreed with amendments"', { kind: 'correct_decision', n: 2, text: 'Governance framework agreed with amendments', affects: null }],
    ['amend decision #3 to say the framework was agreed, affects 1.1 and 3.6', { kind: 'correct_decision', n: 3, text: 'the framework was agreed', affects: ['1.1', '3.6'] }],
    ['correct decision 4 affects 1.1', { kind: 'correct_decision', n: 4, text: '', affects: ['1.1'] }],
    // The day it was taken, when that is what was wrong.
    ['correct the date of decision 4 to 12 October 2017', { kind: 'correct_decision', n: 4, text: '', affects: null, date: '12 October 2017' }],
    ["change decision 4's date to 2017-10-12", { kind: 'correct_decision', n: 4, text: '', affects: null, date: '2017-10-12' }],
    ['fix decision #4: date 12/10/2017', { kind: 'correct_decision', n: 4, text: '', affects: null, date: '12/10/2017' }],
    ['decision 4 was on 12 October, not 10 October', { kind: 'correct_decision', n: 4, text: '', affects: null, date: '12 October' }],
    ['decision 4 was taken on 12 Oct 2017', { kind: 'correct_decision', n: 4, text: '', affects: null, date: '12 Oct 2017' }],
    ['correct decision 4 to 12 October 2017', { kind: 'correct_decision', n: 4, text: '', affects: null, date: '12 October 2017' }],
    ['correct decision 4 to say the meeting on 12 October agreed it', { kind: 'correct_decision', n: 4, text: 'the meeting on 12 October agreed it', affects: null }],
    ['decisions', { kind: 'decisions', board: null, since: null }],
    ['decisions SAS since 1 October 2017', { kind: 'decisions', board: 'SAS', since: '1 October 2017' }],
    ['decisions since October', { kind: 'decisions', board: null, since: 'October' }],
    ['decisions --board SAS --since 2017-10-01', { kind: 'decisions', board: 'SAS', since: '2017-10-01' }],
    ['awaiting 1.1 "agreement of new governance framework" from SAS', { kind: 'awaiting', id: '1.1', what: 'agreement of new governance framework', board: 'SAS' }],
    ['awaiting 3.6 agreement of the framework', { kind: 'awaiting', id: '3.6', what: 'agreement of the framework', board: null }],
    // Said in words: a meeting scheduled, a decision with the board first; a year left out, a comma after the board.
    ['add meeting SAS 2017-11-09', { kind: 'meeting_add', board: 'SAS', date: '2017-11-09', papersBy: null }],
    ['schedule JCOB for 14 December', { kind: 'meeting_add', board: 'JCOB', date: '14 December', papersBy: null }],
    ['SAS meets on 9 November', { kind: 'meeting_add', board: 'SAS', date: '9 November', papersBy: null }],
    ['the next JCOB is on 14 December', { kind: 'meeting_add', board: 'JCOB', date: '14 December', papersBy: null }],
    ['JCOB approved 4.3.1 today', { kind: 'decision', board: 'JCOB', date: 'today', outsideMeeting: 'unless_met', text: 'Approved 4.3.1', affects: ['4.3.1'], corrects: null }],
    ['record that SAS agreed the scorecard yesterday', { kind: 'decision', board: 'SAS', date: 'yesterday', outsideMeeting: 'unless_met', text: 'Agreed the scorecard', affects: [], corrects: null }],
    ['4.2.1 is waiting for SAS to agree the funding', { kind: 'awaiting', id: '4.2.1', what: 'agreement of the funding', board: 'SAS' }],
    ['4.2.1 needs a decision from JCOB on funding', { kind: 'awaiting', id: '4.2.1', what: 'a decision on funding', board: 'JCOB' }],
    ['4.2.1 needs approval from SAS', { kind: 'awaiting', id: '4.2.1', what: 'approval', board: 'SAS' }],
    ['schedule a meeting of SAS on 9 November --papers-by 2 November', { kind: 'meeting_add', board: 'SAS', date: '9 November', papersBy: '2 November' }],
    [
      'SAS agreed on 12 October to close 4.3.1',
      { kind: 'decision', board: 'SAS', date: '12 October', outsideMeeting: 'unless_met', text: 'Agreed to close 4.3.1', affects: ['4.3.1'], corrects: null },
    ],
    [
      'JCOB decided yesterday that 9.1.1 will not go ahead',
      { kind: 'decision', board: 'JCOB', date: 'yesterday', outsideMeeting: 'unless_met', text: 'Decided that 9.1.1 will not go ahead', affects: ['9.1.1'], corrects: null },
    ],
    // The day said last, and what it affects named after it.
    [
      'record a decision: JCOB approved the ICT strategy on 20 October, affects 4.2.2',
      { kind: 'decision', board: 'JCOB', date: '20 October', outsideMeeting: 'unless_met', text: 'Approved the ICT strategy', affects: ['4.2.2'], corrects: null },
    ],
    [
      'SAS agreed the new governance framework on 12 October 2017, affecting 1.1 and 3.6',
      { kind: 'decision', board: 'SAS', date: '12 October 2017', outsideMeeting: 'unless_met', text: 'Agreed the new governance framework', affects: ['1.1', '3.6'], corrects: null },
    ],
    // A day after "to …" belongs to what was decided, not when: "to review 4.2.1 on 1 March" still needs its day.
    ['SAS agreed to review 4.2.1 on 1 March', { kind: 'unknown', text: 'SAS agreed to review 4.2.1 on 1 March', reason: 'Say which day SAS agreed it, for example "SAS agreed on 12 October 2017 to review 4.2.1 on 1 March", or `decision SAS 2017-10-12 "…"`.' }],
    ['record decision SAS 12 October: 4.3.1 closed', { kind: 'decision', board: 'SAS', date: '12 October', outsideMeeting: false, text: '4.3.1 closed', affects: [], corrects: null }],
    [
      'log a decision: SAS, 12/10/2017, approve the business case, affects 4.0.1',
      { kind: 'decision', board: 'SAS', date: '12/10/2017', outsideMeeting: false, text: 'approve the business case', affects: ['4.0.1'], corrects: null },
    ],
  ])('%s', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it('a decision said in words with no day asks for the day; a person agreeing is no board; "add IA-03 …" is an item', () => {
    expect(parseIntent('SAS agreed to close 4.3.1')).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/^Say which day SAS agreed it/) });
    expect(parseIntent('I agreed with Karen to close 4.3.1').kind).not.toBe('decision');
    expect(parseIntent('add IA-03 Publish the policy; theme: Audit').kind).toBe('add');
  });

  it.each(['awaiting decision', 'what is awaiting decision?', 'status 1.1', 'overdue'])('%s is not a governance command', (text) => {
    expect(['boards', 'board_add', 'meetings', 'meeting_add', 'decision', 'decisions', 'awaiting']).not.toContain(parseIntent(text).kind);
  });
});

describe('governance commands', () => {
  let h: AskHarness;
  beforeEach(async () => {
    h = await openAsk({ actor: admin() });
  });
  afterEach(async () => h.close());

  /** A board SAS with a meeting on 12 Oct 2017. */
  async function sasMeeting(): Promise<void> {
    expect((await h.talk('board add SAS --title "Strategic Alliance Summit"')).error).toBeUndefined();
    expect((await h.talk('meeting add SAS 2017-10-12')).error).toBeUndefined();
  }

  it('adds and lists boards', async () => {
    expect((await h.talk('boards')).text).toMatch(/no boards yet/);
    const added = await h.talk('board add sas --title "Strategic Alliance Summit"');
    expect(added).toMatchObject({ changed: true, governance: { boards: [{ name: 'SAS', title: 'Strategic Alliance Summit' }] } });
    await h.talk('board add JCOB');
    const listed = await h.talk('boards', { actor: stranger() });
    expect(listed.governance?.boards?.map((b) => b.name)).toEqual(['JCOB', 'SAS']);
    expect(listed.text).toContain('*SAS* — Strategic Alliance Summit');
  });

  it('adds a meeting on one day in plain English, its papers five working days before', async () => {
    const cases: Array<[phrase: string, date: string, papersBy: string]> = [
      ['2017-10-12', '2017-10-12', '2017-10-05'],
      ['12 October 2017', '2017-10-12', '2017-10-05'],
      ['next Thursday', '2017-10-12', '2017-10-05'],
      // Five working days before Monday 8 January 2018 skip the weekend and New Year's Day.
      ['8 January 2018', '2018-01-08', '2017-12-29'],
    ];
    for (const [i, [phrase, date, papersBy]] of cases.entries()) {
      await h.talk(`board add B${i}`);
      const reply = await h.talk(`meeting add B${i} ${phrase}`);
      expect(reply.error, phrase).toBeUndefined();
      expect(reply.governance?.meetings, phrase).toEqual([expect.objectContaining({ board: `B${i}`, date, papersBy })]);
    }
  });

  it('takes a papers-by day, and lists meetings upcoming first then past', async () => {
    await h.talk('board add SAS');
    await h.talk('board add JCOB');
    await h.talk('meeting add SAS 2017-10-12 --papers-by 2017-10-09');
    await h.talk('meeting add JCOB 4 May 2017');
    await h.talk('meeting add SAS 2017-09-14');
    await h.talk('meeting add SAS 2017-11-09');
    const all = await h.talk('meetings', { actor: stranger() });
    expect(all.governance?.meetings?.map((m) => `${m.board} ${m.date}`)).toEqual(['SAS 2017-10-12', 'SAS 2017-11-09', 'SAS 2017-09-14', 'JCOB 2017-05-04']);
    expect(all.governance?.meetings?.[0]?.papersBy).toBe('2017-10-09');
    expect(all.text).toMatch(/Upcoming:[\s\S]*Past:/);
    const jcob = await h.talk('meetings jcob');
    expect(jcob.governance?.meetings?.map((m) => m.date)).toEqual(['2017-05-04']);
  });

  it('records a decision at a meeting, shown in each affected item\'s history and in the log', async () => {
    await sasMeeting();
    const reply = await h.talk('decision SAS 2017-10-12 "New governance framework agreed" affects 1.1, 3.6, 4.0.1');
    expect(reply.error).toBeUndefined();
    expect(reply.changed).toBe(true);
    expect(ids(reply)).toEqual(['1.1', '3.6', '4.0.1']);
    expect(reply.governance?.decisions?.[0]).toMatchObject({ id: expect.any(Number), board: 'SAS', meetingDate: '2017-10-12', decidedOn: '2017-10-12', affects: ['1.1', '3.6', '4.0.1'] });
    for (const id of ['1.1', '3.6', '4.0.1']) expect((await h.talk(`history ${id}`)).text).toContain('New governance framework agreed');
    const log = await h.talk('decisions', { actor: stranger() });
    expect(log.text).toMatch(/#\d+ SAS at its meeting on 12 Oct 2017: "New governance framework agreed" — affects 1\.1, 3\.6, 4\.0\.1/);
  });

  it('records a decision written without quotes, the day first and what it affects last', async () => {
    await sasMeeting();
    const reply = await h.talk('record a decision: SAS 12 October 2017 scorecard approach agreed for referral, affects 9.1.3');
    expect(reply.error, reply.text).toBeUndefined();
    expect(reply.governance?.decisions?.[0]).toMatchObject({ board: 'SAS', meetingDate: '2017-10-12', text: 'scorecard approach agreed for referral', affects: ['9.1.3'] });
    const log = await h.talk('what has been decided about 9.1.3?', { actor: stranger() });
    expect(log.text).toMatch(/#\d+ SAS at its meeting on 12 Oct 2017: "scorecard approach agreed for referral" — affects 9\.1\.3/);
  });

  it('records a decision said in words: at the board\'s meeting when it met that day, outside one when not; a yearless day is the last one', async () => {
    await sasMeeting();
    const at = await h.talk('SAS agreed on 12 October to close 4.3.1', { now: '2017-10-20T10:00:00Z' });
    expect(at.error, at.text).toBeUndefined();
    expect(at.governance?.decisions?.[0]).toMatchObject({ board: 'SAS', meetingDate: '2017-10-12', decidedOn: '2017-10-12', text: 'Agreed to close 4.3.1', affects: ['4.3.1'] });
    const outside = await h.talk('SAS decided yesterday that 9.1.1 will not go ahead', { now: '2017-10-20T10:00:00Z' });
    expect(outside.governance?.decisions?.[0]).toMatchObject({ meetingDate: null, decidedOn: '2017-10-19', affects: ['9.1.1'] });
    expect((await h.talk('history 9.1.1')).text).toContain('Decided that 9.1.1 will not go ahead');
  });

  it('records a decision outside a meeting, and a correction that supersedes it', async () => {
    await h.talk('board add JCOB');
    const first = await h.talk('decision JCOB on 4 May 2017 "Athena first" affects 4.3.1');
    expect(first.governance?.decisions?.[0]).toMatchObject({ meetingDate: null, decidedOn: '2017-05-04' });
    const n = first.governance!.decisions![0]!.id;
    const second = await h.talk(`decision JCOB on 4 May 2017 "Athena and ERP in sequence: Athena first" affects 4.3.1 --corrects ${n}`);
    expect(second.governance?.decisions?.[0]?.supersedes).toBe(n);
    const m = second.governance!.decisions![0]!.id;
    const log = await h.talk('decisions JCOB');
    expect(log.text).toContain(`#${n} JCOB on 4 May 2017 (outside a meeting): "Athena first" — affects 4.3.1; corrected by #${m}`);
    expect(log.text).toContain(`corrects #${n}`);
    const again = await h.talk(`decision JCOB on 4 May 2017 "Third try" --corrects ${n}`);
    expect(again).toMatchObject({ error: 'invalid' });
    expect(again.text).toContain(`correct #${m} instead`);
  });

  it('corrects a decision in words: same board and day, its items unless others are named, superseding it', async () => {
    await h.talk('board add JCOB');
    const first = await h.talk('decision JCOB on 4 May 2017 "Athena ahead of ERP" affects 4.3.1');
    expect(first.error, first.text).toBeUndefined();
    const n = first.governance!.decisions![0]!.id;
    const fixed = await h.talk(`correct decision ${n} "Athena ahead of ERP, both by 2019"`);
    expect(fixed.error, fixed.text).toBeUndefined();
    expect(fixed.governance?.decisions?.[0]).toMatchObject({ board: 'JCOB', decidedOn: '2017-05-04', meetingDate: null, affects: ['4.3.1'], supersedes: n, text: 'Athena ahead of ERP, both by 2019' });
    const m = fixed.governance!.decisions![0]!.id;
    const items = await h.talk(`correct decision ${m} affects 4.3.1, 4.3.2`);
    expect(items.governance?.decisions?.[0]).toMatchObject({ text: 'Athena ahead of ERP, both by 2019', affects: ['4.3.1', '4.3.2'], supersedes: m });
    expect((await h.talk(`correct decision ${n} "again"`)).text).toContain(`correct #${m} instead`);
    expect((await h.talk('correct decision 999 "x"'))).toMatchObject({ error: 'not_found' });
    expect((await h.talk(`correct decision ${m} "x"`, { actor: owner('Karen Georgiou') })).error).toBe('not_permitted');
  });

  it("corrects a decision's day: the same words and items on the day given, at the board's meeting that day if it had one", async () => {
    await sasMeeting();
    const first = await h.talk('decision SAS on 10 October 2017 "Framework agreed in principle" affects 1.1');
    expect(first.error, first.text).toBeUndefined();
    const n = first.governance!.decisions![0]!.id;
    const fixed = await h.talk(`decision ${n} was on 12 October 2017, not 10 October`);
    expect(fixed.error, fixed.text).toBeUndefined();
    expect(fixed.governance?.decisions?.[0]).toMatchObject({ board: 'SAS', decidedOn: '2017-10-12', meetingDate: '2017-10-12', text: 'Framework agreed in principle', affects: ['1.1'], supersedes: n });
    expect(fixed.text).toContain(`(corrects #${n})`);
    const m = fixed.governance!.decisions![0]!.id;
    expect(await h.talk(`correct the date of decision ${m} to 12 October 2017`)).toMatchObject({ error: 'invalid', text: `Decision #${m} is already dated 12 Oct 2017; nothing was changed.` });
    expect((await h.talk(`correct the date of decision ${m} to next year`)).error).toBe('invalid');
    const outside = await h.talk(`change decision ${m}'s date to 2017-10-11`);
    expect(outside.governance?.decisions?.[0]).toMatchObject({ decidedOn: '2017-10-11', meetingDate: null, supersedes: m });
  });

  it("keeps a plan's key inside a decision's words as words, and takes one named after them", async () => {
    await sasMeeting();
    await h.talk('plan create other --title "Other"');
    const reply = await h.talk('decision SAS 2017-10-12 "Close the concerto-2017 review in other plans" affects 1.1 in concerto-2017');
    expect(reply.error).toBeUndefined();
    expect(reply.governance?.decisions?.[0]?.text).toBe('Close the concerto-2017 review in other plans');
  });

  it('lists decisions by board and since a day, oldest first', async () => {
    await sasMeeting();
    await h.talk('board add JCOB');
    await h.talk('decision JCOB on 2017-05-04 "Sequencing agreed"');
    await h.talk('decision SAS 2017-10-12 "Framework agreed" affects 1.1');
    await h.talk('decision SAS on 2017-09-01 "Terms of reference agreed"');
    const all = await h.talk('decisions');
    expect(all.governance?.decisions?.map((d) => d.text)).toEqual(['Sequencing agreed', 'Terms of reference agreed', 'Framework agreed']);
    expect((await h.talk('decisions SAS')).governance?.decisions?.map((d) => d.text)).toEqual(['Terms of reference agreed', 'Framework agreed']);
    expect((await h.talk('decisions since October')).governance?.decisions?.map((d) => d.text)).toEqual(['Framework agreed']);
    expect((await h.talk('decisions JCOB since 1 June 2017')).text).toMatch(/none recorded/);
  });

  it('sets what an item waits on and its status in one change, cleared when it moves on', async () => {
    await h.talk('board add SAS');
    const before = await h.count('audit_events');
    const reply = await h.talk('awaiting 5.2 "agreement of new governance framework" from sas', { actor: KAREN });
    expect(reply.error).toBeUndefined();
    expect(reply.items).toEqual([expect.objectContaining({ id: '5.2', status: 'awaiting_decision' })]);
    expect(reply.text).toContain('agreement of new governance framework (SAS)');
    expect(await h.count('audit_events')).toBe(before + 2); // status_changed and waiting_changed, one transaction
    expect((await h.store.get('5.2'))?.waiting).toEqual({ what: 'agreement of new governance framework', board: 'SAS' });
    // 1.1 already awaits a decision: only what it waits on changes.
    expect((await h.talk('awaiting 1.1 agreement of new governance framework from SAS', { actor: KAREN })).text).toMatch(/^1\.1 is awaiting decision/);
    expect(await h.count('audit_events')).toBe(before + 3);
    await h.talk('set 5.2 on-going', { actor: KAREN });
    expect((await h.store.get('5.2'))?.waiting ?? null).toBeNull();
    const history = (await h.talk('history 5.2')).text;
    expect(history).toContain('waiting on agreement of new governance framework (SAS)');
    expect(history).toContain('no longer waiting on');
  });

});

describe('governance refusals: one sentence, nothing written', () => {
  let h: AskHarness;
  // Refusals write nothing, so one plan serves them all (and a refusal that wrote would fail its own row).
  beforeAll(async () => {
    h = await openAsk({ actor: admin() });
    await h.talk('board add SAS --title "Strategic Alliance Summit"');
    await h.talk('meeting add SAS 2017-10-12');
  });
  afterAll(async () => h.close());

    it.each([
      // [who, message, error, what the sentence must say]
      [stranger(), 'board add SAS', 'not_permitted', /Only an admin of concerto-2017 can add a board/],
      [admin(), 'board add S A S', 'not_understood', /I don't know/],
      [admin(), 'board add SAS', 'invalid', /already has a board SAS/],
      [KAREN, 'meeting add SAS 2017-10-19', 'not_permitted', /Only an admin/],
      [admin(), 'meeting add SAD 2017-10-19', 'not_found', /There is no board SAD\. The plan's boards are SAS/],
      [admin(), 'meeting add SAS October', 'invalid', /"October" is 1 Oct – 31 Oct 2017, not one day; give the day/],
      [admin(), 'meeting add SAS someday soon', 'unreadable_date', /can't read "someday soon" as a day/],
      [admin(), 'meeting add SAS 2017-10-12', 'invalid', /already meets on 2017-10-12/],
      [admin(), 'meeting add SAS 2017-10-19 --papers-by 2017-10-20', 'invalid', /after the meeting/],
      [stranger(), 'decision SAS 2017-10-12 "Framework agreed" affects 1.1', 'not_permitted', /Only an admin of concerto-2017 can record a decision/],
      [KAREN, 'decision SAS 2017-10-12 "Framework agreed" affects 1.1', 'not_permitted', /Only an admin/],
      [admin(), 'decision SAS 2017-10-12 "Framework agreed" affects 1.1, 9.9.9', 'not_found', /There is no 9\.9\.9 in concerto-2017/],
      [admin(), 'decision SAS 2017-10-12 "Framework agreed" affects 3.7', 'not_found', /did you mean 3\.4, 3\.6\?/],
      [admin(), 'decision SAD 2017-10-12 "Framework agreed"', 'not_found', /There is no board SAD/],
      [admin(), 'decision SAS 2017-10-19 "Framework agreed"', 'not_found', /no meeting on 19 Oct 2017: add it with `meeting add SAS 2017-10-19`/],
      [admin(), 'decision SAS 2017-10-12 ""', 'invalid', /A decision needs its words/],
      [admin(), 'decision SAS 2017-10-12 "   "', 'invalid', /A decision needs its words/],
      [admin(), 'decision SAS 2017-10-12', 'invalid', /A decision needs its words/],
      [admin(), 'record a decision: SAS agreed the scorecard approach for 9.1.3', 'not_understood', /^Say which day SAS agreed it, for example "SAS agreed the scorecard approach for 9\.1\.3 on 12 October 2017"/],
      [admin(), 'decision SAS October "Framework agreed"', 'invalid', /not one day/],
      [admin(), 'decision SAS 2017-10-12 "Framework agreed" --corrects 99', 'not_found', /no decision #99/],
      [admin(), 'decision SAS 2017-10-12 "Framework agreed" whenever', 'not_understood', /I don't know "whenever"/],
      [admin(), 'decisions SAD', 'not_found', /There is no board SAD/],
      [admin(), 'meetings SAD', 'not_found', /There is no board SAD/],
      [stranger(), 'awaiting 1.1 "agreement" from SAS', 'not_permitted', /Only an owner of 1\.1/],
      [KAREN, 'awaiting 1.1 "agreement" from SAD', 'not_found', /There is no board SAD/],
      [KAREN, 'awaiting 1.1 ""', 'invalid', /Say what 1\.1 waits on/],
      [admin(), 'awaiting 9.9.9 "agreement"', 'not_found', /There is no 9\.9\.9/],
      [admin(), 'awaiting 9.1.2 "agreement"', 'invalid', /reopen it first/],
    ])('%#: %s', async (actor, message, error, sentence) => {
      const audits = await h.count('audit_events');
      const decisions = (await h.talk('decisions')).governance?.decisions?.length;
      const meetings = (await h.talk('meetings')).governance?.meetings?.length;
      const reply = await h.talk(message, { actor });
      expect(reply.error).toBe(error);
      expect(reply.text).toMatch(sentence);
      expect(await h.count('audit_events')).toBe(audits);
      expect((await h.talk('decisions')).governance?.decisions?.length).toBe(decisions);
      expect((await h.talk('meetings')).governance?.meetings?.length).toBe(meetings);
    });

    it('an archived plan takes no boards, meetings, decisions or waiting', async () => {
      const a = await openAsk({ actor: admin() });
      await a.talk('board add SAS');
      await a.talk('meeting add SAS 2017-10-12');
      // The only active plan cannot be archived.
      await a.talk('plan create other --title "Other"');
      expect((await a.talk('plan archive concerto-2017')).error).toBeUndefined();
      const audits = await a.count('audit_events');
      for (const message of ['board add JCOB', 'meeting add SAS 2017-11-09', 'decision SAS 2017-10-12 "Agreed" affects 1.1', 'awaiting 1.1 "agreement" from SAS']) {
        // Named, since the archived plan is no longer anyone's default.
        const reply = await a.talk(`${message} in concerto-2017`);
        expect(reply.error, message).toBe('not_permitted');
        expect(reply.text, message).toMatch(/archived/);
      }
      expect(await a.count('audit_events')).toBe(audits);
      await a.close();
    });
});
