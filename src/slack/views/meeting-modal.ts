import type { MeetingField, MeetingForm, MeetingFormData } from '../../core/ask/meeting-form.js';
import { isTimeZone } from '../../core/dates/today.js';
import { LIMITS, type Block, type InputBlock, type ModalView, type Option } from '../block-kit.js';
import { escapeTruncate, truncate } from '../escape.js';
import { ACTION, MEETING_BLOCK, MEETING_INPUT, VIEW } from '../ids.js';
import { button, plain, section } from './parts.js';

/** The form a plan admin adds a board's meeting with: the board, the day, and when papers are due (default five working days before). */
export function meetingModal(data: MeetingFormData): ModalView {
  const boards: Option[] = data.boards.slice(0, LIMITS.selectOptions).map((b) => ({ text: plain(b.title ? `${b.name} — ${b.title}` : b.name, LIMITS.optionText), value: b.name }));
  const blocks: Block[] = [
    input(MEETING_BLOCK.board, 'Board', { type: 'static_select', action_id: MEETING_INPUT.board, options: boards, ...(boards.length === 1 ? { initial_option: boards[0] } : {}) }),
    input(MEETING_BLOCK.date, 'Meeting day', { type: 'plain_text_input', action_id: MEETING_INPUT.date, max_length: 200 }, false, '“12 October 2017”, “2017-10-12”, “next Thursday”'),
    input(MEETING_BLOCK.papersBy, 'Papers by', { type: 'plain_text_input', action_id: MEETING_INPUT.papersBy, max_length: 200 }, true, 'Leave empty for five working days before the meeting'),
  ];
  return {
    type: 'modal',
    callback_id: VIEW.meeting,
    title: plain('Add a meeting', LIMITS.viewTitle),
    submit: plain('Add', LIMITS.viewTitle),
    close: plain('Cancel', LIMITS.viewTitle),
    private_metadata: metadata(data),
    blocks,
  };
}

export function meetingLoadingModal(): ModalView {
  return { type: 'modal', callback_id: VIEW.meetingNotice, title: plain('Add a meeting', LIMITS.viewTitle), close: plain('Close', LIMITS.viewTitle), blocks: [section('Opening the meeting form…')] };
}

/** Why the form cannot open; with plans to choose from, a button per plan opens the form for it here. */
export function meetingNoticeModal(text: string, plans: string[] = []): ModalView {
  const blocks: Block[] = [section(escapeTruncate(text, LIMITS.sectionText))];
  if (plans.length) blocks.push({ type: 'actions', block_id: 'pick_plan', elements: plans.slice(0, LIMITS.actionsElements).map((key) => button(ACTION.openMeeting, key, key.slice(0, LIMITS.buttonValue))) });
  return { type: 'modal', callback_id: VIEW.meetingNotice, title: plain('Add a meeting', LIMITS.viewTitle), close: plain('Close', LIMITS.viewTitle), blocks };
}

export interface MeetingMetadata {
  plan: string;
  today: string;
  timeZone: string;
  boards: string[];
}

function metadata(data: MeetingFormData): string {
  const full = JSON.stringify({ plan: data.plan, tz: data.timeZone, today: data.today, boards: data.boards.map((b) => b.name) });
  return full.length <= LIMITS.privateMetadata ? full : JSON.stringify({ plan: data.plan, tz: data.timeZone, today: data.today, boards: [] });
}

export function parseMeetingMetadata(s: string | undefined): MeetingMetadata | null {
  try {
    const v = JSON.parse(s ?? '') as Record<string, unknown> | null;
    if (!v || typeof v.plan !== 'string' || typeof v.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v.today)) return null;
    const boards = Array.isArray(v.boards) ? v.boards.filter((b): b is string => typeof b === 'string') : [];
    return { plan: v.plan, today: v.today, timeZone: typeof v.tz === 'string' && isTimeZone(v.tz) ? v.tz : 'Europe/London', boards };
  } catch {
    return null;
  }
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

export function readMeetingSubmission(values: StateValues | undefined): MeetingForm {
  const get = (field: MeetingField) => values?.[MEETING_BLOCK[field]]?.[MEETING_INPUT[field]];
  const text = (field: MeetingField) => {
    const v = get(field)?.value;
    return typeof v === 'string' ? v.trim() : '';
  };
  return { board: get('board')?.selected_option?.value ?? '', date: text('date'), papersBy: text('papersBy') };
}

export function meetingErrors(errors: Partial<Record<MeetingField, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors) as Array<[MeetingField, string | undefined]>) {
    if (message) out[MEETING_BLOCK[field]] = truncate(message, 2000);
  }
  return out;
}

function input(block_id: string, label: string, element: InputBlock['element'], optional = false, hint?: string): InputBlock {
  return { type: 'input', block_id, label: plain(label, LIMITS.label), element, optional, ...(hint ? { hint: plain(hint, LIMITS.label) } : {}) };
}
