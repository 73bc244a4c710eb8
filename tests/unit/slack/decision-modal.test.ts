import { describe, expect, it } from 'vitest';
import { checkDecisionForm, matchItems, type DecisionForm, type DecisionFormData } from '../../../src/core/ask/decision-form.js';
import { assertModal } from '../../../src/slack/block-kit.js';
import { DECISION_BLOCK } from '../../../src/slack/ids.js';
import { decisionModal, parseDecisionMetadata, readDecisionSubmission } from '../../../src/slack/views/decision-modal.js';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`, title: `Item number ${i + 1}` }));

function data(over: Partial<DecisionFormData> = {}): DecisionFormData {
  return {
    plan: 'concerto-2017',
    timeZone: 'Europe/London',
    today: '2017-10-13',
    boards: [{ name: 'SAS', title: 'Strategic Alliance Summit' }, { name: 'JCOB', title: null }],
    meetings: [{ board: 'JCOB', date: '2017-05-04' }, { board: 'SAS', date: '2017-10-12' }],
    items: items(30),
    suggested: { board: 'SAS', date: '2017-10-12' },
    ...over,
  };
}

const element = (view: ReturnType<typeof decisionModal>, block: string) => (view.blocks.find((b) => b.block_id === block) as { element: Record<string, unknown> } | undefined)?.element;

describe('the decision form as Block Kit', () => {
  it('is a valid modal: every item listed when there are at most 100', () => {
    const view = assertModal(decisionModal(data()));
    expect(element(view, DECISION_BLOCK.affects)).toMatchObject({ type: 'multi_static_select' });
    expect((element(view, DECISION_BLOCK.affects)!.options as unknown[]).length).toBe(30);
  });

  it('searches as the admin types when the plan has more than 100 items (Slack caps a list at 100)', () => {
    const view = assertModal(decisionModal(data({ items: items(101) })));
    expect(element(view, DECISION_BLOCK.affects)).toMatchObject({ type: 'multi_external_select', min_query_length: 1 });
  });

  it('has no item picker for a plan with no items, and no starting day without a past meeting', () => {
    const view = assertModal(decisionModal(data({ items: [], suggested: null })));
    expect(element(view, DECISION_BLOCK.affects)).toBeUndefined();
    expect(element(view, DECISION_BLOCK.day)!.initial_value).toBeUndefined();
  });

  it('carries the meetings for the ack’s check while they fit, and drops them (not the plan) when they do not', () => {
    const small = parseDecisionMetadata(decisionModal(data()).private_metadata)!;
    expect(small).toMatchObject({ plan: 'concerto-2017', today: '2017-10-13', boards: ['SAS', 'JCOB'] });
    expect(small.meetings).toEqual(data().meetings);
    const many = Array.from({ length: 400 }, (_, i) => ({ board: 'SAS', date: `20${10 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01` }));
    const big = assertModal(decisionModal(data({ meetings: many })));
    const meta = parseDecisionMetadata(big.private_metadata)!;
    expect(meta.plan).toBe('concerto-2017');
    expect(meta.meetings).toBeNull();
  });

  it('reads a submission back: board, day, the box, words and picked items', () => {
    const form = readDecisionSubmission({
      [DECISION_BLOCK.board]: { value: { selected_option: { value: 'SAS' } } },
      [DECISION_BLOCK.day]: { value: { value: ' 2017-10-12 ' } },
      [DECISION_BLOCK.outside]: { value: { selected_options: [{ value: 'outside' }] } },
      [DECISION_BLOCK.text]: { value: { value: 'Agreed' } },
      [DECISION_BLOCK.affects]: { concerto_decision_items: { selected_options: [{ value: '1.1' }, { value: '3.6' }] } },
    });
    expect(form).toEqual({ board: 'SAS', day: '2017-10-12', outsideMeeting: true, text: 'Agreed', affects: ['1.1', '3.6'] });
  });
});

describe('checking the form inside the ack', () => {
  const knows = { boards: ['SAS', 'JCOB'], meetings: data().meetings, today: '2017-10-13', timeZone: 'Europe/London' };
  const form = (f: Partial<DecisionForm>): DecisionForm => ({ board: 'SAS', day: '2017-10-12', outsideMeeting: false, text: 'Agreed', affects: [], ...f });
  it.each([
    ['a meeting of the board by ISO day', form({}), { ok: true, day: '2017-10-12' }],
    ['a meeting by plain English', form({ day: 'last Thursday' }), { ok: true, day: '2017-10-12' }],
    ['the board typed in other case', form({ board: 'sas' }), { ok: true, day: '2017-10-12' }],
    ['a day outside any meeting, box ticked', form({ day: '2017-10-01', outsideMeeting: true }), { ok: true, day: '2017-10-01' }],
  ])('%s is accepted', (_what, f, expected) => {
    expect(checkDecisionForm(f, knows)).toEqual(expected);
  });
  it.each([
    ['no words', form({ text: ' ' }), 'text'],
    ['too many words', form({ text: 'x'.repeat(2001) }), 'text'],
    ['no board', form({ board: '' }), 'board'],
    ['a board the plan does not have', form({ board: 'XYZ' }), 'board'],
    ['a day that is no meeting of the board', form({ day: '2017-05-04' }), 'day'],
    ['a month, not a day', form({ day: 'October 2017' }), 'day'],
    ['nonsense for a day', form({ day: 'whenever' }), 'day'],
  ])('%s is refused on its field', (_what, f, field) => {
    const checked = checkDecisionForm(f, knows);
    expect(checked.ok).toBe(false);
    expect(Object.keys((checked as { errors: object }).errors)).toEqual([field]);
  });
  it('without the meetings (too many to carry), the day is left for the save to check', () => {
    expect(checkDecisionForm(form({ day: '2017-05-04' }), { ...knows, meetings: null })).toEqual({ ok: true, day: '2017-05-04' });
  });
});

describe('the item search', () => {
  const list = [{ id: '4.3.1', title: 'Sequencing of Athena and ERP' }, { id: '4.2.1', title: 'Athena rollout' }, { id: '1.1', title: 'Governance framework' }];
  it('puts ids that start with the words first, then titles that hold them', () => {
    expect(matchItems(list, '4.3', 100).map((i) => i.id)).toEqual(['4.3.1']);
    expect(matchItems(list, 'athena', 100).map((i) => i.id)).toEqual(['4.3.1', '4.2.1']);
    expect(matchItems(list, 'gov', 1).map((i) => i.id)).toEqual(['1.1']);
    expect(matchItems(list, '', 2)).toHaveLength(2);
  });
});
