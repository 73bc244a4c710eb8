import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../src/core/governance/decision.js';
import type { Meeting } from '../../../src/core/governance/meeting.js';
import { buildBoardPaper } from '../../../src/core/report/board-paper.js';
import { paperDecisions, waitingGroups } from '../../../src/core/report/governance-sections.js';
import { findMeetingMention, meetingPaper } from '../../../src/core/report/meeting-paper.js';
import { paperToJson } from '../../../src/report/json.js';
import { paperToMarkdown } from '../../../src/report/markdown.js';
import { rec, trail } from './fixtures.js';

/** The paper's decision log and its items waiting on a decision, from hand-made logs. */

let nextId = 1;
function decision(over: Partial<Decision> & Pick<Decision, 'decidedOn' | 'text'>): Decision {
  return {
    id: nextId++,
    board: 'SAS',
    meetingDate: over.decidedOn,
    affects: [],
    supersedes: null,
    recordedAt: `${over.decidedOn}T15:00:00.000Z`,
    recordedBy: 'N. Shackleton',
    recordedById: null,
    source: 'cli',
    ...over,
  };
}

const sept = decision({ decidedOn: '2017-09-14', text: 'ERP business case approved', affects: ['4.3.1'] });
const framework = decision({ decidedOn: '2017-10-12', text: 'New governance framwork agreed', affects: ['4.0.1', '1.1', '3.6'] });
// Corrects the typo the next morning: recorded on the 13th (London), about the 12th.
const corrected = decision({ decidedOn: '2017-10-12', text: 'New governance framework agreed', affects: ['4.0.1', '1.1', '3.6'], supersedes: framework.id, recordedAt: '2017-10-13T08:30:00.000Z' });
const jcob = decision({ board: 'JCOB', decidedOn: '2017-10-03', meetingDate: null, text: 'Athena before ERP' });
// Decided on the 10th but written down only on the 20th.
const late = decision({ decidedOn: '2017-10-10', meetingDate: null, text: 'Chair’s action on 9.1.1', affects: ['9.1.1'], recordedAt: '2017-10-20T09:00:00.000Z' });
// Recorded at 23:30 UTC on 12 October: already 13 October in London (BST), so not on record at the end of the 12th.
const nearMidnight = decision({ board: 'JCOB', decidedOn: '2017-10-12', meetingDate: null, text: 'Recorded after midnight in London', recordedAt: '2017-10-12T23:30:00.000Z' });
const log = [sept, framework, corrected, jcob, late, nearMidnight];
const ORDER = ['1.1', '3.6', '4.0.1', '4.3.1', '9.1.1'];

describe('paperDecisions', () => {
  it.each([
    ['all up to 2017-10-11, every board (the 10th’s decision, recorded on the 20th, is not in)', '2017-10-11', null, undefined, [sept.id, jcob.id]],
    ['all up to 2017-10-12: the framework as first recorded (its correction is not yet on record)', '2017-10-12', null, undefined, [sept.id, jcob.id, framework.id]],
    ['all up to 2017-10-13: the correction stands in for it; the one after midnight is on record, the late one not yet', '2017-10-13', null, undefined, [sept.id, jcob.id, corrected.id, nearMidnight.id]],
    ['up to 2017-10-19: the decision of the 10th recorded on the 20th is still not in', '2017-10-19', null, undefined, [sept.id, jcob.id, corrected.id, nearMidnight.id]],
    ['(since 2017-09-14, 2017-10-20]: the period excludes its first day', '2017-10-20', '2017-09-14', undefined, [jcob.id, late.id, corrected.id, nearMidnight.id]],
    ['(2017-09-13, 2017-10-20]: includes the 14th', '2017-10-20', '2017-09-13', undefined, [sept.id, jcob.id, late.id, corrected.id, nearMidnight.id]],
    ['SAS only, since 2017-09-14', '2017-10-20', '2017-09-14', 'SAS', [late.id, corrected.id]],
    ['JCOB only, up to 2017-10-12', '2017-10-12', null, 'JCOB', [jcob.id]],
    ['a period with none', '2017-10-02', '2017-09-20', undefined, []],
  ])('%s', (_, asAt, after, board, ids) => {
    expect(paperDecisions(log, { asAt, after, timeZone: 'Europe/London', board, order: ORDER }).map((d) => d.id)).toEqual(ids);
  });

  it('shows a correction with the entry it corrects, items in plan order, and the meeting it was taken at', () => {
    const [d] = paperDecisions(log, { asAt: '2017-10-13', after: '2017-10-11', timeZone: 'Europe/London', board: 'SAS', order: ORDER });
    expect(d).toEqual({
      id: corrected.id,
      board: 'SAS',
      meeting: 'SAS 2017-10-12',
      decidedOn: '2017-10-12',
      text: 'New governance framework agreed',
      affects: ['1.1', '3.6', '4.0.1'],
      corrects: { id: framework.id, decidedOn: '2017-10-12', text: 'New governance framwork agreed' },
    });
  });

  describe('a decision that came with an imported plan', () => {
    // The bundled plan as at 4 October 2017, loaded years later: its JCOB decision of 4 May 2017 is part of
    // the plan as at the document's date, as the items' statuses are.
    const loadedAt = '2026-12-03T08:22:57.000Z';
    const imported = decision({ board: 'JCOB', decidedOn: '2017-05-04', meetingDate: null, text: 'Sequencing of Athena and ERP decided', source: 'import', recordedAt: loadedAt });
    const importDays = (at: string) => (at === loadedAt ? '2017-10-04' : '2017-09-30');
    it.each([
      ['a paper as at the document’s date lists it', '2017-10-04', [imported.id]],
      ['a paper as at any later date lists it', '2018-03-01', [imported.id]],
      ['a paper before the document’s date does not: the office did not have it on record', '2017-10-03', []],
    ])('%s', (_, asAt, ids) => {
      expect(paperDecisions([imported], { asAt, after: null, timeZone: 'Europe/London', importDays }).map((d) => d.id)).toEqual(ids);
    });
    it('one recorded by a person is dated by when it was recorded, however the plan came in', () => {
      const typed = { ...imported, id: nextId++, source: 'slack' as const };
      expect(paperDecisions([typed], { asAt: '2018-03-01', after: null, timeZone: 'Europe/London', importDays })).toEqual([]);
    });
  });

  it('a correction recorded after the paper’s day leaves the decision as it then stood, uncorrected', () => {
    const [d] = paperDecisions(log, { asAt: '2017-10-12', after: '2017-10-11', timeZone: 'Europe/London', board: 'SAS' });
    expect([d!.text, d!.corrects]).toEqual(['New governance framwork agreed', null]);
  });
});

describe('waitingGroups', () => {
  const recs = [
    rec('1.1', { status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' } }),
    rec('3.6', { status: 'awaiting_decision', waiting: { what: 'agreement of new governance framework', board: 'SAS' } }),
    rec('4.3.1', { status: 'awaiting_decision', waiting: { what: 'sequencing of Athena and ERP', board: 'JCOB' } }),
    rec('9.1.1', { status: 'awaiting_decision' }),
    rec('9.2', { status: 'awaiting_decision', waiting: { what: 'the funding round', board: null } }),
    rec('5.1', { status: 'on_going' }),
  ];

  it.each([
    [null, [['JCOB', ['4.3.1']], ['SAS', ['1.1', '3.6']], [null, ['9.1.1', '9.2']]]],
    ['SAS', [['SAS', ['1.1', '3.6']], ['JCOB', ['4.3.1']], [null, ['9.1.1', '9.2']]]],
  ])('with the paper’s board %s first, boards by name, no named board last', (first, groups) => {
    expect(waitingGroups(recs, first).map((g) => [g.board, g.items.map((i) => i.id)])).toEqual(groups);
  });

  it('says what each waits on, or null when it names nothing', () => {
    const items = waitingGroups(recs).flatMap((g) => g.items);
    expect(items.find((i) => i.id === '1.1')!.what).toBe('agreement of new governance framework');
    expect(items.find((i) => i.id === '9.1.1')!.what).toBeNull();
  });
});

describe('the paper’s waiting section as at a past day', () => {
  const before = rec('1.1', { status: 'on_going' });
  const now = rec('1.1', { status: 'on_going', waiting: null });
  const t = trail()
    .imported('2017-10-04T09:00:00.000Z', '2017-10-04', [before])
    .change('1.1', '2017-10-06T10:00:00.000Z', 'status_changed', 'on_going', 'awaiting_decision')
    .change('1.1', '2017-10-06T10:00:00.000Z', 'waiting_changed', null, { what: 'agreement of new governance framework', board: 'SAS' })
    .change('1.1', '2017-10-13T10:00:00.000Z', 'status_changed', 'awaiting_decision', 'on_going')
    .change('1.1', '2017-10-13T10:00:00.000Z', 'waiting_changed', { what: 'agreement of new governance framework', board: 'SAS' }, null);
  const history = { plan: { id: 1, key: 'p', title: 'Plan', asOf: '2017-10-04', timeZone: 'Europe/London' } as never, recommendations: [now], events: t.events, meetings: [], decisions: [] };
  const paper = (asAt: string) => buildBoardPaper(history, { asAt, producedOn: '2017-10-20' });

  it.each([
    ['2017-10-05', []],
    ['2017-10-11', [['SAS', ['1.1'], 'agreement of new governance framework']]],
    ['2017-10-13', []],
  ])('as at %s: %j (rebuilt from waiting_changed events)', (asAt, groups) => {
    expect(paper(asAt).waiting.map((g) => [g.board, g.items.map((i) => i.id), g.items[0]!.what])).toEqual(groups);
  });

  it('the JSON paper keeps the import format, adding decisions and waiting only when there is board business in it', () => {
    const quiet = JSON.parse(paperToJson(paper('2017-10-05'))) as Record<string, unknown>;
    expect(Object.keys(quiet)).toEqual(['title', 'asOf', 'timeZone', 'recommendations']);
    const busy = JSON.parse(paperToJson(paper('2017-10-11'))) as Record<string, unknown>;
    expect(Object.keys(busy)).toEqual(['title', 'asOf', 'timeZone', 'recommendations', 'decisions', 'waiting']);
    expect(busy.waiting).toEqual([{ board: 'SAS', items: [{ id: '1.1', what: 'agreement of new governance framework' }] }]);
    expect(paperToMarkdown(paper('2017-10-11'))).toContain('### Waiting on SAS\n\n- **1.1** Recommendation 1.1 — waits on agreement of new governance framework');
  });
});

describe('meetingPaper', () => {
  const meetings: Meeting[] = [
    { id: 1, board: 'SAS', date: '2017-09-14', papersBy: '2017-09-07' },
    { id: 2, board: 'SAS', date: '2017-10-12', papersBy: '2017-10-05' },
    { id: 3, board: 'JCOB', date: '2017-10-19', papersBy: '2017-10-12' },
    { id: 4, board: 'SAS', date: '2017-11-09', papersBy: '2017-11-02' },
  ];
  const TODAY = '2017-10-20';

  it.each([
    ['SAS 2017-10-12', { board: 'SAS', date: '2017-10-12', asAt: '2017-10-05', since: '2017-09-14', decisionsAfter: '2017-09-13' }],
    ['sas 2017-09-14', { board: 'SAS', date: '2017-09-14', asAt: '2017-09-07', since: null, decisionsAfter: null }],
    ['last SAS', { board: 'SAS', date: '2017-10-12', asAt: '2017-10-05', since: '2017-09-14', decisionsAfter: '2017-09-13' }],
    ['the next SAS', { board: 'SAS', date: '2017-11-09', asAt: TODAY, since: '2017-10-12', decisionsAfter: '2017-10-11' }],
    ['JCOB last', { board: 'JCOB', date: '2017-10-19', asAt: '2017-10-12', since: null, decisionsAfter: null }],
    // The words questions use for meetings, read by the same rule (findMeeting).
    ['the October SAS', { board: 'SAS', date: '2017-10-12', asAt: '2017-10-05', since: '2017-09-14', decisionsAfter: '2017-09-13' }],
    ['the next sas meeting', { board: 'SAS', date: '2017-11-09', asAt: TODAY, since: '2017-10-12', decisionsAfter: '2017-10-11' }],
    ['upcoming SAS', { board: 'SAS', date: '2017-11-09', asAt: TODAY, since: '2017-10-12', decisionsAfter: '2017-10-11' }],
  ])('%s', (typed, want) => {
    const r = meetingPaper(typed, meetings, TODAY);
    if (!r.ok) throw new Error(r.error);
    const { meeting, asAt, since, decisionsAfter } = r.dates;
    expect({ board: meeting.board, date: meeting.date, asAt, since, decisionsAfter }).toEqual(want);
  });

  it.each([
    ['SAS 2017-10-13', /^SAS has no meeting on 13 October 2017: the meetings of SAS on record are SAS 2017-09-14, SAS 2017-10-12, SAS 2017-11-09 \(`meetings` lists them\)\.$/],
    ['ABC 2017-10-12', /^ABC has no meetings on record \(only SAS, JCOB have\): the meetings on record are JCOB 2017-10-19, SAS 2017-09-14, SAS 2017-10-12, SAS 2017-11-09/],
    ['next JCOB', /^JCOB has no meeting on or after 20 October 2017: the meetings of JCOB on record are JCOB 2017-10-19/],
    ['October', /^Name a meeting by its board and date/],
    ['the December SAS', /^SAS has no meeting in December: the meetings of SAS on record/],
    ['the blue SAS', /^Name a meeting by its board and date/],
  ])('%s is refused in one sentence naming the meetings', (typed, error) => {
    const r = meetingPaper(typed, meetings, TODAY);
    expect(r.ok ? null : r.error).toMatch(error);
  });
});

describe('findMeetingMention (Slack’s report in words)', () => {
  it.each([
    ['for the next SAS', ['SAS'], { meeting: 'next SAS', rest: '' }],
    ['xlsx for the next SAS meeting', ['SAS'], { meeting: 'next SAS', rest: 'xlsx' }],
    ['SAS 2017-10-12 as pdf', ['SAS'], { meeting: 'SAS 2017-10-12', rest: 'as pdf' }],
    ['for the last jcob', ['JCOB'], { meeting: 'last jcob', rest: '' }],
    ['pdf for the October SAS', ['SAS'], { meeting: 'October SAS', rest: 'pdf' }],
    ['as at October 2017', ['SAS'], null],
    ['for the next ABC', [], { meeting: 'next ABC', rest: '' }],
    ['as at 2017-10-04', ['SAS'], null],
    ['as at next week', ['SAS'], null],
    ['since the last week', ['SAS'], null],
    // A board of the plan named alone is its next meeting; a theme in capitals is not a board.
    ['as a PDF for JCOB', ['SAS', 'JCOB'], { meeting: 'next JCOB', rest: 'as a PDF' }],
    ['for ICT', ['SAS'], null],
  ])('%s', (words, boards, want) => {
    expect(findMeetingMention(words, boards)).toEqual(want);
  });
});
