import type { DecisionField, DecisionForm, DecisionFormData, DecisionFormKnows } from '../../core/ask/decision-form.js';
import { isTimeZone } from '../../core/dates/today.js';
import { LIMITS, type Block, type ModalView, type Option } from '../block-kit.js';
import { truncate } from '../escape.js';
import { ACTION, DECISION_BLOCK, DECISION_INPUT, VIEW } from '../ids.js';
import { fieldErrors, input, plain } from './parts.js';
import { formNotice, type FormNoticeOf } from './form-notice.js';

/**
 * The form a plan admin records a board's decision with: the board, the meeting's day (or a day outside
 * any meeting), the decision in the board's words, and the items it affects. A plan of up to 100 items
 * lists them all; a bigger one searches as the admin types (Slack caps a static list at 100 options).
 */
export function decisionModal(data: DecisionFormData): ModalView {
  const boards: Option[] = data.boards.slice(0, LIMITS.selectOptions).map((b) => ({ text: plain(b.title ? `${b.name} — ${b.title}` : b.name, LIMITS.optionText), value: b.name }));
  const suggestedBoard = boards.find((o) => o.value === data.suggested?.board) ?? (boards.length === 1 ? boards[0] : undefined);
  const items = data.items.map(itemOption);
  const blocks: Block[] = [
    input(DECISION_BLOCK.board, 'Board', { type: 'static_select', action_id: DECISION_INPUT.board, options: boards, ...(suggestedBoard ? { initial_option: suggestedBoard } : {}) }),
    input(
      DECISION_BLOCK.day,
      'Meeting day',
      { type: 'plain_text_input', action_id: DECISION_INPUT.day, max_length: 200, ...(data.suggested ? { initial_value: data.suggested.date } : {}) },
      false,
      'The day of the board’s meeting: “12 October 2017”, “2017-10-12”, “last Thursday”',
    ),
    input(DECISION_BLOCK.outside, 'Outside a meeting', { type: 'checkboxes', action_id: DECISION_INPUT.outside, options: [OUTSIDE] }, true),
    input(DECISION_BLOCK.text, 'Decision', { type: 'plain_text_input', action_id: DECISION_INPUT.text, multiline: true, max_length: 2000 }, false, 'In the board’s words, as its minute records it'),
  ];
  // An empty plan has nothing to pick, and Slack refuses a select with no options.
  if (items.length && items.length <= LIMITS.selectOptions) {
    blocks.push(input(DECISION_BLOCK.affects, 'Items it affects', { type: 'multi_static_select', action_id: DECISION_INPUT.affects, options: items }, true));
  } else if (items.length) {
    const search = { type: 'multi_external_select' as const, action_id: DECISION_INPUT.affects, min_query_length: 1, max_selected_items: LIMITS.selectOptions, placeholder: plain('Type an id or words of the title', LIMITS.placeholder) };
    blocks.push(input(DECISION_BLOCK.affects, 'Items it affects', search, true));
  }
  return {
    type: 'modal',
    callback_id: VIEW.decision,
    title: plain('Record a decision', LIMITS.viewTitle),
    submit: plain('Record', LIMITS.viewTitle),
    close: plain('Cancel', LIMITS.viewTitle),
    private_metadata: metadata(data),
    blocks,
  };
}

const OUTSIDE: Option = { text: plain('Taken outside a meeting', LIMITS.optionText), value: 'outside' };

/** "4.2.1 Athena and ERP sequencing…": what the picker shows; the value is the id. */
export function itemOption(item: { id: string; title: string }): Option {
  return { text: plain(`${item.id} ${item.title}`, LIMITS.optionText), value: truncate(item.id, LIMITS.optionValue, '') };
}

const DECISION_NOTICE: FormNoticeOf = { title: 'Record a decision', callbackId: VIEW.decisionNotice, pickAction: ACTION.openDecision };
export const decisionLoadingModal = (): ModalView => formNotice(DECISION_NOTICE, 'Opening the decision form…');
export const decisionNoticeModal = (text: string, plans: string[] = []): ModalView => formNotice(DECISION_NOTICE, text, plans);

/** What the form carries to its submission: the plan, and what lets the ack check the fields with no I/O. */
export interface DecisionMetadata extends DecisionFormKnows {
  plan: string;
}

/** Meetings go first when over Slack's 3,000 characters: without them the save, not the ack, refuses a day that is no meeting. */
function metadata(data: DecisionFormData): string {
  const known = { plan: data.plan, tz: data.timeZone, today: data.today, boards: data.boards.map((b) => b.name) };
  const full = JSON.stringify({ ...known, meetings: data.meetings.map((m) => `${m.board}|${m.date}`) });
  if (full.length <= LIMITS.privateMetadata) return full;
  const lean = JSON.stringify(known);
  return lean.length <= LIMITS.privateMetadata ? lean : JSON.stringify({ plan: data.plan, tz: data.timeZone, today: data.today, boards: [] });
}

export function parseDecisionMetadata(s: string | undefined): DecisionMetadata | null {
  try {
    const v = JSON.parse(s ?? '') as Record<string, unknown> | null;
    if (!v || typeof v.plan !== 'string' || typeof v.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.today)) return null;
    const strings = (x: unknown) => (Array.isArray(x) ? x.filter((y): y is string => typeof y === 'string') : null);
    const meetings = strings(v.meetings)?.map((m) => ({ board: m.split('|')[0]!, date: m.split('|')[1] ?? '' })) ?? null;
    return { plan: v.plan, today: v.today, timeZone: typeof v.tz === 'string' && isTimeZone(v.tz) ? v.tz : 'Europe/London', boards: strings(v.boards) ?? [], meetings };
  } catch {
    return null;
  }
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null; selected_options?: Array<{ value: string }> | null }>>;

/** Reads `view.state.values`; what is missing reads as empty. */
export function readDecisionSubmission(values: StateValues | undefined): DecisionForm {
  const get = (field: keyof typeof DECISION_BLOCK) => values?.[DECISION_BLOCK[field]]?.[DECISION_INPUT[field]];
  const text = (field: keyof typeof DECISION_BLOCK) => {
    const v = get(field)?.value;
    return typeof v === 'string' ? v.trim() : '';
  };
  const selected = (field: keyof typeof DECISION_BLOCK) => (get(field)?.selected_options ?? []).map((o) => o.value).filter((x) => typeof x === 'string');
  return {
    board: get('board')?.selected_option?.value ?? '',
    day: text('day'),
    outsideMeeting: selected('outside').includes(OUTSIDE.value),
    text: text('text'),
    affects: selected('affects'),
  };
}

/** Field errors for `response_action: 'errors'`, keyed by input block id. */
export const decisionErrors = (errors: Partial<Record<DecisionField, string>>): Record<string, string> => fieldErrors(DECISION_BLOCK, errors);
